import NeuralNet
import Tensor

/// Learning-rate annealing (Wang, Teng & Perdikaris 2021): each loss's weight follows a
/// moving average of how much smaller its gradients are than those of a reference loss
/// (the PDE residual, loss 0 by default).
///
/// On an update step, with `gᵢ = ∇θ Lᵢ` (unweighted) and `α` the ``movingAverageRate``,
/// `λᵢ ← (1 − α)·λᵢ + α·λ̂ᵢ`, where λ̂ᵢ depends on the ``Variant``:
/// - ``Variant/wangTengPerdikaris2021`` (their code, the default): over the weight matrices only,
///   `λ̂ᵢ = max_layers max|g_ref| / mean_layers mean|gᵢ|`; the reference loss keeps weight 1.
/// - ``Variant/physicsNeMo`` (PhysicsNeMo's `LRAnnealing`): over all parameters,
///   `λ̂ᵢ = mean|g_ref| / (mean|gᵢ| + ε)` for every loss, the reference loss included.
public struct LearningRateAnnealing<Scalar: TensorScalar>: LossBalancer {
    /// Whose form of the estimate λ̂ to use.
    public enum Variant: String, Equatable, Sendable, CaseIterable {
        /// The authors' code: max of the reference gradient over the mean of the other, weight matrices only.
        case wangTengPerdikaris2021
        /// PhysicsNeMo: ratio of mean absolute gradients over all parameters, every loss weighted.
        case physicsNeMo
    }

    public let lossCount: Int
    /// The form of the estimate.
    public let variant: Variant
    /// The weight `α` of the new estimate in the moving average, in (0, 1].
    public let movingAverageRate: Double
    /// The weights are updated on every n-th step the balancer sees, counting from its first.
    public let updateFrequency: Int
    /// The index of the loss whose gradients the others are compared with.
    public let referenceLoss: Int
    /// The guard `ε` of ``Variant/physicsNeMo``'s denominator.
    public let epsilon: Double
    public private(set) var weights: [Scalar]
    /// How many steps the balancer has seen.
    public private(set) var observedSteps = 0
    public var usesGradientNorms: Bool { false }

    /// Creates the balancer with all weights 1.
    /// - Parameters:
    ///   - movingAverageRate: Default 0.1 for the authors' code (`λ = 0.9·λ + 0.1·λ̂`), 0.01 for PhysicsNeMo.
    ///   - updateFrequency: Default 10 for the authors' code (their scripts update every 10 steps), 1 for PhysicsNeMo.
    /// - Throws: ``GradNormError/invalidConfiguration(field:value:requirement:)`` for a bad setting.
    public init(lossCount: Int, variant: Variant = .wangTengPerdikaris2021, movingAverageRate: Double? = nil,
                updateFrequency: Int? = nil, referenceLoss: Int = 0, epsilon: Double = 1e-8) throws {
        let rate = movingAverageRate ?? (variant == .physicsNeMo ? 0.01 : 0.1)
        let frequency = updateFrequency ?? (variant == .physicsNeMo ? 1 : 10)
        let fail = GradNormError.invalid
        guard lossCount >= 1 else { throw fail("lossCount", lossCount, "an integer ≥ 1") }
        guard rate.isFinite, rate > 0, rate <= 1 else { throw fail("movingAverageRate", rate, "a number in (0, 1]") }
        guard frequency >= 1 else { throw fail("updateFrequency", frequency, "an integer ≥ 1") }
        guard (0..<lossCount).contains(referenceLoss) else {
            throw fail("referenceLoss", referenceLoss, "the index of a loss, 0..<\(lossCount)")
        }
        guard epsilon.isFinite, epsilon >= 0 else { throw fail("epsilon", epsilon, "a finite number ≥ 0") }
        self.lossCount = lossCount
        self.variant = variant
        self.movingAverageRate = rate
        self.updateFrequency = frequency
        self.referenceLoss = referenceLoss
        self.epsilon = epsilon
        weights = [Scalar](repeating: 1, count: lossCount)
    }

    /// The estimates λ̂ᵢ for these gradients (the reference loss's entry is 1 in the authors' form).
    public func estimates(gradients: [ParameterGradients<Scalar>]) throws -> [Double] {
        try checkLossCount(gradients, "gradients")
        let statistics = gradients.map(GradientStatistics.init)
        let reference = statistics[referenceLoss]
        switch variant {
        case .wangTengPerdikaris2021:
            let largest = reference.matrixMaxAbsolute.max() ?? 0
            return statistics.indices.map { i in
                guard i != referenceLoss else { return 1 }
                let means = statistics[i].matrixMeanAbsolute
                return largest / (means.reduce(0, +) / Double(means.count))
            }
        case .physicsNeMo:
            return statistics.map { reference.meanAbsolute / ($0.meanAbsolute + epsilon) }
        }
    }

    public mutating func update(losses: [Scalar], gradients: [ParameterGradients<Scalar>], gradientNorms: [Scalar]) throws {
        try checkLossCount(losses, "losses")
        defer { observedSteps += 1 }
        guard observedSteps % updateFrequency == 0 else { return }
        let estimate = try estimates(gradients: gradients)
        for i in weights.indices where !(variant == .wangTengPerdikaris2021 && i == referenceLoss) {
            weights[i] = Scalar((1 - movingAverageRate) * Double(weights[i]) + movingAverageRate * estimate[i])
        }
    }
}
