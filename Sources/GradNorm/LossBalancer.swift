import NeuralNet
import Tensor

/// Chooses the weight of each loss of a multi-loss objective `Σᵢ wᵢ·Lᵢ`.
///
/// The training loop calls ``update(losses:gradients:gradientNorms:)`` once per step, after
/// computing the losses and their gradients and before the parameter update; the parameter
/// update then follows `Σᵢ wᵢ·∇Lᵢ` with the weights the balancer holds at that point.
///
/// A new balancer is a small type with this conformance; ``FixedWeights`` is the simplest.
///
/// A balancer that weighs losses by their neural tangent kernels (``NTKWeights``) also says
/// ``usesKernelDiagonals`` when its next update is due; the loop then computes, for each loss,
/// the diagonal of its empirical NTK and calls ``update(losses:gradients:gradientNorms:kernelDiagonals:)``.
/// The diagonals cost one backward pass per point, so the loop computes them only then.
public protocol LossBalancer<Scalar> {
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
    /// Whether the balancer needs each loss's own gradient (default: yes). A balancer whose weights
    /// depend on nothing the step computes (``FixedWeights``) says no: the loop then computes only the
    /// gradient of `Σᵢ wᵢ·Lᵢ` with its weights, one backward pass per thread instead of one per loss,
    /// and calls its update with empty gradients and norms.
    var usesPerLossGradients: Bool { get }
    /// Whether the coming update reads the losses' kernel diagonals (default: never).
    var usesKernelDiagonals: Bool { get }
    /// Adapts the weights to this step's losses and, when ``usesKernelDiagonals``, the diagonals
    /// of their empirical neural tangent kernels. The default ignores the diagonals and calls
    /// ``update(losses:gradients:gradientNorms:)``.
    /// - Parameter kernelDiagonals: Per loss, `‖∂fᵢ(xₚ)/∂θ‖²` at each of its points `xₚ`, where `fᵢ`
    ///   is the pointwise quantity the loss is the mean square of (the trace of `Kᵢᵢ` is their sum);
    ///   empty unless ``usesKernelDiagonals``.
    mutating func update(losses: [Scalar], gradients: [ParameterGradients<Scalar>], gradientNorms: [Scalar],
                         kernelDiagonals: [[Scalar]]) throws
}

extension LossBalancer {
    public var usesPerLossGradients: Bool { true }

    public var usesKernelDiagonals: Bool { false }

    public mutating func update(losses: [Scalar], gradients: [ParameterGradients<Scalar>], gradientNorms: [Scalar],
                                kernelDiagonals: [[Scalar]]) throws {
        try update(losses: losses, gradients: gradients, gradientNorms: gradientNorms)
    }
}

extension LossBalancer {
    /// Throws ``GradNormError/wrongLength(name:expected:actual:)`` unless `values` has one entry per loss.
    public func checkLossCount<T>(_ values: [T], _ name: String) throws {
        guard values.count == lossCount else {
            throw GradNormError.wrongLength(name: name, expected: lossCount, actual: values.count)
        }
    }
}
