import NeuralNet
import Tensor

/// Weights from the traces of the losses' empirical neural tangent kernels (Wang, Yu &
/// Perdikaris 2022): a loss whose kernel is small, i.e. that the network fits slowly, gets
/// a large weight.
///
/// With `dᵢ` the diagonal of loss i's kernel `Kᵢᵢ` (one entry per point, see
/// ``LossBalancer/update(losses:gradients:gradientNorms:kernelDiagonals:)``):
/// - ``Variant/wangYuPerdikaris2022`` (the default): `λ̂ᵢ = Σⱼ tr Kⱼⱼ / tr Kᵢᵢ`, used as it is.
/// - ``Variant/jaxpi``: `λ̂ᵢ = meanⱼ mean(dⱼ) / mean(dᵢ)` (traces per point), then a moving average
///   `λᵢ ← m·λᵢ + (1 − m)·λ̂ᵢ`.
///
/// Weights start at 1 and are updated on every ``updateFrequency``-th step, counting from the
/// first; only then does the training loop compute the kernel diagonals.
public struct NTKWeights<Scalar: TensorScalar>: LossBalancer {
    /// Whose form of the weights to use.
    public enum Variant: String, Equatable, Sendable, CaseIterable {
        /// The paper: total trace over each loss's trace.
        case wangYuPerdikaris2022
        /// jaxpi: mean diagonal over each loss's mean diagonal, smoothed by a moving average.
        case jaxpi
    }

    public let lossCount: Int
    /// The form.
    public let variant: Variant
    /// The momentum `m` of the moving average (default 0 for the paper's form, 0.9 for jaxpi's).
    public let momentum: Double
    /// The weights are updated on every n-th step (default 1000, jaxpi's).
    public let updateFrequency: Int
    public private(set) var weights: [Scalar]
    /// How many steps the balancer has seen.
    public private(set) var observedSteps = 0
    public var usesGradientNorms: Bool { false }
    public var usesKernelDiagonals: Bool { observedSteps % updateFrequency == 0 }

    /// Creates the balancer with all weights 1.
    /// - Throws: ``GradNormError/invalidConfiguration(field:value:requirement:)`` for a bad setting.
    public init(lossCount: Int, variant: Variant = .wangYuPerdikaris2022, momentum: Double? = nil,
                updateFrequency: Int = 1000) throws {
        let momentum = momentum ?? (variant == .jaxpi ? 0.9 : 0)
        let fail = GradNormError.invalid
        guard lossCount >= 1 else { throw fail("lossCount", lossCount, "an integer ≥ 1") }
        guard momentum.isFinite, momentum >= 0, momentum < 1 else { throw fail("momentum", momentum, "a number in [0, 1)") }
        guard updateFrequency >= 1 else { throw fail("updateFrequency", updateFrequency, "an integer ≥ 1") }
        self.lossCount = lossCount
        self.variant = variant
        self.momentum = momentum
        self.updateFrequency = updateFrequency
        weights = [Scalar](repeating: 1, count: lossCount)
    }

    /// The estimates λ̂ᵢ from the kernel diagonals, one array per loss.
    /// - Throws: ``GradNormError/wrongLength(name:expected:actual:)`` unless there is one non-empty
    ///   diagonal per loss.
    public func estimates(kernelDiagonals: [[Scalar]]) throws -> [Double] {
        try checkLossCount(kernelDiagonals, "kernelDiagonals")
        for (index, diagonal) in kernelDiagonals.enumerated() where diagonal.isEmpty {
            throw GradNormError.wrongLength(name: "kernelDiagonals[\(index)]", expected: 1, actual: 0)
        }
        let traces = kernelDiagonals.map { $0.reduce(0.0) { $0 + Double($1) } }
        switch variant {
        case .wangYuPerdikaris2022:
            let total = traces.reduce(0, +)
            return traces.map { total / $0 }
        case .jaxpi:
            let perPoint = zip(traces, kernelDiagonals).map { $0 / Double($1.count) }
            let mean = perPoint.reduce(0, +) / Double(perPoint.count)
            return perPoint.map { mean / $0 }
        }
    }

    public mutating func update(losses: [Scalar], gradients: [ParameterGradients<Scalar>], gradientNorms: [Scalar]) throws {
        try update(losses: losses, gradients: gradients, gradientNorms: gradientNorms, kernelDiagonals: [])
    }

    public mutating func update(losses: [Scalar], gradients: [ParameterGradients<Scalar>], gradientNorms: [Scalar],
                                kernelDiagonals: [[Scalar]]) throws {
        try checkLossCount(losses, "losses")
        guard usesKernelDiagonals else {
            observedSteps += 1
            return
        }
        let estimate = try estimates(kernelDiagonals: kernelDiagonals)
        weights = weights.indices.map { Scalar(momentum * Double(weights[$0]) + (1 - momentum) * estimate[$0]) }
        observedSteps += 1
    }
}
