import NeuralNet
import Tensor

/// ReLoBRaLo, relative loss balancing with random lookback (Bischof & Kraus 2021), in
/// PhysicsNeMo's form.
///
/// The first losses the balancer sees become `L(0)`; weights start at 1. On every later step,
/// with `softmaxᵢ(r) = n·exp(rᵢ − max r)/Σⱼ exp(rⱼ − max r)` (weights summing to n):
///
///     λᵢ(t, t−1) = softmaxᵢ(L(t) / (τ·L(t−1) + ε))      λᵢ(t, 0) = softmaxᵢ(L(t) / (τ·L(0) + ε))
///     λᵢ ← α·(ρ·λᵢ + (1 − ρ)·λᵢ(t, 0)) + (1 − α)·λᵢ(t, t−1)
///
/// with ρ a Bernoulli draw of mean E[ρ] (a "lookback" to the start when ρ = 0), taken from
/// ``BernoulliDraws``.
public struct ReLoBRaLo<Scalar: TensorScalar>: LossBalancer {
    public let lossCount: Int
    /// The weight α of the history in the update (default 0.95).
    public let alpha: Double
    /// The probability E[ρ] that ρ = 1, i.e. of not looking back to the start (default 0.99).
    public let expectedRho: Double
    /// The softmax temperature τ (default 1).
    public let temperature: Double
    /// The guard ε of the ratios (default 1e-8).
    public let epsilon: Double
    /// Where the ρ draws come from.
    public let rhoDraws: BernoulliDraws
    public private(set) var weights: [Scalar]
    /// The losses of the first step and of the previous step, once seen.
    public private(set) var initialLosses: [Scalar]?, previousLosses: [Scalar]?
    /// How many weight updates have been made (the index of the next ρ draw).
    public private(set) var updateCount = 0
    public var usesGradientNorms: Bool { false }

    /// Creates the balancer; the defaults are PhysicsNeMo's.
    /// - Throws: ``GradNormError/invalidConfiguration(field:value:requirement:)`` for a bad setting.
    public init(lossCount: Int, alpha: Double = 0.95, expectedRho: Double = 0.99, temperature: Double = 1,
                epsilon: Double = 1e-8, rhoDraws: BernoulliDraws = .seeded(0)) throws {
        let fail = GradNormError.invalid
        guard lossCount >= 1 else { throw fail("lossCount", lossCount, "an integer ≥ 1") }
        guard alpha.isFinite, (0...1).contains(alpha) else { throw fail("alpha", alpha, "a number in [0, 1]") }
        guard expectedRho.isFinite, (0...1).contains(expectedRho) else {
            throw fail("expectedRho", expectedRho, "a probability in [0, 1]")
        }
        guard temperature.isFinite, temperature > 0 else { throw fail("temperature", temperature, "a finite number > 0") }
        guard epsilon.isFinite, epsilon >= 0 else { throw fail("epsilon", epsilon, "a finite number ≥ 0") }
        try rhoDraws.validate()
        self.lossCount = lossCount
        self.alpha = alpha
        self.expectedRho = expectedRho
        self.temperature = temperature
        self.epsilon = epsilon
        self.rhoDraws = rhoDraws
        weights = [Scalar](repeating: 1, count: lossCount)
    }

    public mutating func update(losses: [Scalar], gradients: [ParameterGradients<Scalar>], gradientNorms: [Scalar]) throws {
        try checkLossCount(losses, "losses")
        defer { previousLosses = losses }
        guard let initial = initialLosses, let previous = previousLosses else {
            initialLosses = losses
            return
        }
        let rho = try rhoDraws.draw(updateCount, probability: expectedRho)
        let sincePrevious = balance(losses, against: previous)
        let sinceStart = balance(losses, against: initial)
        weights = weights.indices.map { i in
            let history = rho * Double(weights[i]) + (1 - rho) * sinceStart[i]
            return Scalar(alpha * history + (1 - alpha) * sincePrevious[i])
        }
        updateCount += 1
    }

    /// `n·softmax(L(t) / (τ·L(then) + ε))`.
    private func balance(_ losses: [Scalar], against then: [Scalar]) -> [Double] {
        let ratios = zip(losses, then).map { Double($0) / (temperature * Double($1) + epsilon) }
        return SoftAdapt<Scalar>.softmax(ratios).map { Double(lossCount) * $0 }
    }
}
