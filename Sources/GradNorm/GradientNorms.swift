import NeuralNet
import Tensor

/// The L2 norm, over all parameters, of the gradient of each loss.
///
/// - Parameters:
///   - model: The model whose parameters the gradients are taken with respect to.
///   - lossFunctions: Functions mapping the model to a scalar loss.
/// - Returns: One norm per loss function.
public func computeGradientNorms<Model: ParameterizedModel>(
    _ model: Model, _ lossFunctions: [(Model) -> Tensor<Model.Scalar>]
) -> [Model.Scalar] {
    valuesAndGradients(of: model, lossFunctions).gradients.map(\.norm)
}
