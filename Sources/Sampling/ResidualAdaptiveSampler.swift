import Random

/// Residual-based adaptive distribution (RAD) sampling: draws collocation points
/// with probability growing with the PDE residual there.
///
/// ```swift
/// let sampler = try ResidualAdaptiveSampler(.wu2023(k: 1, c: 1, replace: false))
/// let chosen = try sampler.sampleIndices(residuals: residuals, count: 32, key: PRNGKey(seed: 0))
/// ```
///
/// Both densities reproduce the reference JAX code bit for bit, and so do the
/// draws, which are `jax.random.choice` with the key used as given.
public struct ResidualAdaptiveSampler: Sendable, Equatable {
    /// Which density to sample from, and how.
    public enum Configuration: Sendable, Equatable {
        /// Opifex's `RADSampler`: `p ∝ max((|r| + 1e-10)^β / Σ, minProbability)`, drawn
        /// with replacement. Opifex's `resample_frequency` and `temperature` are
        /// not used by its sampler and have no counterpart here.
        case opifex(beta: Float = 1, minProbability: Float = 1e-6)
        /// Wu et al. (2023): `p ∝ |r|ᵏ / mean(|r|ᵏ) + c`, drawn with or without
        /// replacement. The paper draws without replacement from fresh uniform
        /// candidates each round: pass the residuals at those candidates.
        case wu2023(k: Float = 1, c: Float = 1, replace: Bool = false)
    }

    /// The density and draw this sampler uses.
    public let configuration: Configuration

    /// A sampler for `configuration`.
    /// - Throws: ``SamplingError/invalidParameter(name:value:requirement:)`` for a
    ///   parameter out of range (see ``OpifexResidualDensity`` and ``Wu2023ResidualDensity``).
    public init(_ configuration: Configuration) throws {
        switch configuration {
        case let .opifex(beta, minProbability):
            _ = try OpifexResidualDensity(beta: beta, minProbability: minProbability)
        case let .wu2023(k, c, _):
            _ = try Wu2023ResidualDensity(k: k, c: c)
        }
        self.configuration = configuration
    }

    /// Whether a point may be drawn more than once.
    public var replace: Bool {
        switch configuration {
        case .opifex: return true
        case let .wu2023(_, _, replace): return replace
        }
    }

    /// The probability of drawing each point.
    /// - Throws: ``SamplingError`` for no residuals, a NaN or infinite residual, or a
    ///   density that is not finite.
    public func probabilities(residuals: [Float]) throws -> [Float] {
        switch configuration {
        case let .opifex(beta, minProbability):
            return try OpifexResidualDensity(beta: beta, minProbability: minProbability).probabilities(residuals: residuals)
        case let .wu2023(k, c, _):
            return try Wu2023ResidualDensity(k: k, c: c).probabilities(residuals: residuals)
        }
    }

    /// Draws `count` point indices from ``probabilities(residuals:)`` with
    /// `jax.random.choice(key, n, (count,), replace=replace, p=p)`.
    /// - Throws: ``SamplingError`` for bad residuals, a negative count, or (without
    ///   replacement) more draws than points with a positive probability.
    public func sampleIndices(residuals: [Float], count: Int, key: PRNGKey) throws -> [Int] {
        guard count >= 0 else { throw SamplingError.negativeCount(count) }
        return try key.choice(count: count, probabilities: probabilities(residuals: residuals), replace: replace)
    }
}
