import NeuralNet
import Tensor

/// Static weights `wᵢ = 1 / Lᵢ(0)`, taken from the first losses the balancer sees and fixed
/// from then on (DeepXDE's convention of scaling every loss to 1 at the start).
///
/// The first update already uses them, so step 0's parameter update follows `Σᵢ Lᵢ/Lᵢ(0)`.
/// A zero initial loss gives an infinite weight, which the training loop reports.
public struct InverseInitialLossWeights<Scalar: TensorScalar>: LossBalancer {
    public let lossCount: Int
    public private(set) var weights: [Scalar]
    /// The losses the weights were taken from, once seen.
    public private(set) var initialLosses: [Scalar]?
    public var usesGradientNorms: Bool { false }

    /// A balancer for `lossCount` losses, with weights 1 until its first update.
    public init(lossCount: Int) throws {
        guard lossCount >= 1 else {
            throw GradNormError.invalidConfiguration(field: "lossCount", value: "\(lossCount)", requirement: "an integer ≥ 1")
        }
        self.lossCount = lossCount
        weights = [Scalar](repeating: 1, count: lossCount)
    }

    public mutating func update(losses: [Scalar], gradients: [ParameterGradients<Scalar>], gradientNorms: [Scalar]) throws {
        try checkLossCount(losses, "losses")
        guard initialLosses == nil else { return }
        initialLosses = losses
        weights = losses.map { 1 / $0 }
    }
}
