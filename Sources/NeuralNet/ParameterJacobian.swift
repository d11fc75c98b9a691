import Tensor

/// The Jacobian `∂f(xₚ)/∂θ` of a pointwise quantity of a model with respect to all of the
/// model's parameters: one row per entry of `f(points)` (point-major, then output), one column
/// per parameter scalar, in the model's parameter order.
///
/// The quantity is evaluated once on all the points and each row is one backward pass from one
/// entry, so a quantity may hold per-point data of its own (targets such as `u − sin(πx)`); the
/// cost is one backward pass over the whole batch per row. Meant for diagnostics and for the
/// empirical neural tangent kernel.
///
/// - Parameters:
///   - model: The model to differentiate.
///   - points: The points, one per row.
///   - quantity: The pointwise quantity at the points, `[points, outputs]`
///     (the network's output, a PDE residual, a boundary misfit).
/// - Returns: The rows of the Jacobian.
public func parameterJacobian<Model: ParameterizedModel>(
    of model: Model, at points: Tensor<Model.Scalar>,
    _ quantity: (Model, Tensor<Model.Scalar>) -> Tensor<Model.Scalar>
) -> [[Model.Scalar]] {
    typealias Scalar = Model.Scalar
    let tape = Tape<Scalar>()
    let (tracked, variables) = model.recorded(on: tape)
    let values = quantity(tracked, points)
    return (0..<values.count).map { entry in
        // A one-hot mask picks one entry while keeping the graph to the parameters.
        var mask = [Scalar](repeating: 0, count: values.count)
        mask[entry] = 1
        let root = (values * Tensor(shape: values.shape, scalars: mask)).sum()
        return tape.gradients(of: root, withRespectTo: variables).flatMap(\.scalars)
    }
}

/// The squared norm `‖∂f(xₚ)/∂θ‖²` of every row of ``parameterJacobian(of:at:_:)``:
/// the diagonal of the quantity's empirical neural tangent kernel, accumulated in `Double`.
public func kernelDiagonal<Model: ParameterizedModel>(
    of model: Model, at points: Tensor<Model.Scalar>,
    _ quantity: (Model, Tensor<Model.Scalar>) -> Tensor<Model.Scalar>
) -> [Model.Scalar] {
    parameterJacobian(of: model, at: points, quantity).map { row in
        Model.Scalar(row.reduce(0.0) { $0 + Double($1) * Double($1) })
    }
}
