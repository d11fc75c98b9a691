import NeuralNet
import Tensor

/// Opifex's `AdaptiveLossBalancing` ("inverse magnitude balancing"): every step moves each
/// weight toward the inverse of its loss, `wᵢ ← (1 − α)·wᵢ + α / (|Lᵢ| + ε)`, so that
/// `wᵢ·Lᵢ` tends to 1. Weights start at 1.
public struct InverseLossMagnitude<Scalar: TensorScalar>: LossBalancer {
    public let lossCount: Int
    /// The smoothing α in (0, 1] (Opifex's default 0.5).
    public let alpha: Double
    /// The guard ε (Opifex's 1e-8).
    public let epsilon: Double
    public private(set) var weights: [Scalar]
    public var usesGradientNorms: Bool { false }

    /// Creates the balancer with all weights 1.
    /// - Throws: ``GradNormError/invalidConfiguration(field:value:requirement:)`` for a bad setting.
    public init(lossCount: Int, alpha: Double = 0.5, epsilon: Double = 1e-8) throws {
        let fail = GradNormError.invalid
        guard lossCount >= 1 else { throw fail("lossCount", lossCount, "an integer ≥ 1") }
        guard alpha.isFinite, alpha > 0, alpha <= 1 else { throw fail("alpha", alpha, "a number in (0, 1]") }
        guard epsilon.isFinite, epsilon >= 0 else { throw fail("epsilon", epsilon, "a finite number ≥ 0") }
        self.lossCount = lossCount
        self.alpha = alpha
        self.epsilon = epsilon
        weights = [Scalar](repeating: 1, count: lossCount)
    }

    public mutating func update(losses: [Scalar], gradients: [ParameterGradients<Scalar>], gradientNorms: [Scalar]) throws {
        try checkLossCount(losses, "losses")
        weights = zip(weights, losses).map { weight, loss in
            Scalar((1 - alpha) * Double(weight) + alpha / (Swift.abs(Double(loss)) + epsilon))
        }
    }
}
