import NeuralNet
import Tensor

/// jaxpi's gradient-norm weighting: each loss gets the mean gradient norm over its own,
/// `ŵᵢ = meanⱼ ‖∇Lⱼ‖ / ‖∇Lᵢ‖`, smoothed by a moving average `wᵢ ← m·wᵢ + (1 − m)·ŵᵢ`.
///
/// Weights start at 1; they are updated on every ``updateFrequency``-th step the balancer sees,
/// counting from its first.
public struct GradientNormWeights<Scalar: TensorScalar>: LossBalancer {
    public let lossCount: Int
    /// The momentum `m` of the moving average, in [0, 1) (jaxpi's default 0.9).
    public let momentum: Double
    /// The weights are updated on every n-th step (jaxpi's default 1000).
    public let updateFrequency: Int
    public private(set) var weights: [Scalar]
    /// How many steps the balancer has seen.
    public private(set) var observedSteps = 0
    public var usesGradientNorms: Bool { true }

    /// Creates the balancer with all weights 1.
    /// - Throws: ``GradNormError/invalidConfiguration(field:value:requirement:)`` for a bad setting.
    public init(lossCount: Int, momentum: Double = 0.9, updateFrequency: Int = 1000) throws {
        let fail = GradNormError.invalid
        guard lossCount >= 1 else { throw fail("lossCount", lossCount, "an integer ≥ 1") }
        guard momentum.isFinite, momentum >= 0, momentum < 1 else { throw fail("momentum", momentum, "a number in [0, 1)") }
        guard updateFrequency >= 1 else { throw fail("updateFrequency", updateFrequency, "an integer ≥ 1") }
        self.lossCount = lossCount
        self.momentum = momentum
        self.updateFrequency = updateFrequency
        weights = [Scalar](repeating: 1, count: lossCount)
    }

    /// The estimates `ŵᵢ = meanⱼ ‖∇Lⱼ‖ / ‖∇Lᵢ‖`.
    public func estimates(gradientNorms: [Scalar]) throws -> [Double] {
        try checkLossCount(gradientNorms, "gradientNorms")
        let norms = gradientNorms.map(Double.init)
        let mean = norms.reduce(0, +) / Double(norms.count)
        return norms.map { mean / $0 }
    }

    public mutating func update(losses: [Scalar], gradients: [ParameterGradients<Scalar>], gradientNorms: [Scalar]) throws {
        try checkLossCount(losses, "losses")
        defer { observedSteps += 1 }
        guard observedSteps % updateFrequency == 0 else { return }
        let estimate = try estimates(gradientNorms: gradientNorms)
        weights = weights.indices.map { Scalar(momentum * Double(weights[$0]) + (1 - momentum) * estimate[$0]) }
    }
}
