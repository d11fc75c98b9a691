import Tensor

extension GradientCheck {
    /// The gradient of `loss` with respect to every parameter tensor of `model`, by central
    /// differences in Float64, in the model's parameter order.
    public static func numericalParameterGradients<Model: ParameterizedModel>(
        of loss: (Model) -> Tensor<Double>, at model: Model, step: Double = 1e-6
    ) -> [[Double]] where Model.Scalar == Double {
        model.parameters.indices.map { p in
            numericalGradient(of: { value in
                var copy = model
                copy.parameters[p] = value
                return loss(copy)
            }, at: model.parameters[p], step: step)
        }
    }
}
