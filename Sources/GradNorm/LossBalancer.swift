import NeuralNet
import Tensor

/// Chooses the weight of each loss of a multi-loss objective `Σᵢ wᵢ·Lᵢ`.
///
/// The training loop calls ``update(losses:gradients:gradientNorms:)`` once per step, after
/// computing the losses and their gradients and before the parameter update; the parameter
/// update then follows `Σᵢ wᵢ·∇Lᵢ` with the weights the balancer holds at that point.
///
/// A new balancer is a small type with this conformance; ``FixedWeights`` is the simplest.
public protocol LossBalancer {
    associatedtype Scalar: TensorScalar
    /// The number of losses balanced.
    var lossCount: Int { get }
    /// The current weights, one per loss.
    var weights: [Scalar] { get }
    /// Whether ``update(losses:gradients:gradientNorms:)`` reads the gradient norms
    /// (the loop computes them only then).
    var usesGradientNorms: Bool { get }
    /// Adapts the weights to this step's losses.
    /// - Parameters:
    ///   - losses: The unweighted losses, one per loss.
    ///   - gradients: Each loss's gradient with respect to the model's parameters.
    ///   - gradientNorms: ‖∇Lᵢ‖ over all parameters when ``usesGradientNorms``, otherwise empty.
    mutating func update(losses: [Scalar], gradients: [ParameterGradients<Scalar>], gradientNorms: [Scalar]) throws
}

extension LossBalancer {
    /// Throws ``GradNormError/wrongLength(name:expected:actual:)`` unless `values` has one entry per loss.
    public func checkLossCount<T>(_ values: [T], _ name: String) throws {
        guard values.count == lossCount else {
            throw GradNormError.wrongLength(name: name, expected: lossCount, actual: values.count)
        }
    }
}
