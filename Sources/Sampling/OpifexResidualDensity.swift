import Foundation

/// The RAD sampling density as Opifex computes it
/// (`opifex.core.training.components.adaptive_sampling.compute_sampling_distribution`),
/// with the float32 operations XLA performs on CPU.
///
/// `a = |r| + 1e-10`, `w = a^β`, `p0 = w/Σw`, `p1 = max(p0, minProbability)`,
/// `p = p1/Σp1`. Each division by a sum is a multiplication by its reciprocal and
/// each sum follows ``XLASum``, which is what reproduces JAX bit for bit.
public struct OpifexResidualDensity: Sendable, Equatable {
    /// The exponent β on the residual magnitude.
    public let beta: Float
    /// The floor applied to each probability before renormalising.
    public let minProbability: Float

    /// Every intermediate array of the computation, for inspection.
    public struct Steps: Sendable, Equatable {
        /// `|r| + 1e-10`.
        public let absolutePlusEpsilon: [Float]
        /// `(|r| + 1e-10)^β`.
        public let weighted: [Float]
        /// `w / Σw`.
        public let beforeFloor: [Float]
        /// `max(w / Σw, minProbability)`.
        public let afterFloor: [Float]
        /// `Σ max(w / Σw, minProbability)`.
        public let sumAfterFloor: Float
        /// The final probabilities.
        public let probabilities: [Float]
    }

    /// A density with Opifex's parameters; its defaults are Opifex's.
    /// - Throws: ``SamplingError/invalidParameter(name:value:requirement:)`` unless
    ///   β is finite and non-negative and `minProbability` lies in [0, 1).
    public init(beta: Float = 1, minProbability: Float = 1e-6) throws {
        guard beta.isFinite && beta >= 0 else {
            throw SamplingError.invalidParameter(name: "beta", value: beta, requirement: "finite and ≥ 0")
        }
        guard minProbability.isFinite && minProbability >= 0 && minProbability < 1 else {
            throw SamplingError.invalidParameter(name: "minProbability", value: minProbability, requirement: "in [0, 1)")
        }
        self.beta = beta
        self.minProbability = minProbability
    }

    /// The sampling probabilities for `residuals`.
    public func probabilities(residuals: [Float]) throws -> [Float] {
        try steps(residuals: residuals).probabilities
    }

    /// The probabilities together with every intermediate array.
    /// - Throws: ``SamplingError`` for no residuals, a NaN or infinite residual, or a
    ///   density that is not finite.
    public func steps(residuals: [Float]) throws -> Steps {
        try ResidualValidation.check(residuals)
        let epsilon: Float = 1e-10
        let absolutePlusEpsilon = residuals.map { Swift.abs($0) + epsilon }
        let weighted = absolutePlusEpsilon.map { powf($0, beta) }
        let inverseTotal = 1 / XLASum.sum(weighted)
        let beforeFloor = weighted.map { $0 * inverseTotal }
        let afterFloor = beforeFloor.map { Swift.max($0, minProbability) }
        let sumAfterFloor = XLASum.sum(afterFloor)
        let inverseFlooredTotal = 1 / sumAfterFloor
        let probabilities = afterFloor.map { $0 * inverseFlooredTotal }
        guard probabilities.allSatisfy(\.isFinite) else { throw SamplingError.degenerateDensity }
        return Steps(absolutePlusEpsilon: absolutePlusEpsilon, weighted: weighted, beforeFloor: beforeFloor,
                     afterFloor: afterFloor, sumAfterFloor: sumAfterFloor, probabilities: probabilities)
    }
}

/// Checks shared by every density.
enum ResidualValidation {
    static func check(_ residuals: [Float]) throws {
        guard !residuals.isEmpty else { throw SamplingError.emptyCandidates }
        for (index, value) in residuals.enumerated() where !value.isFinite {
            throw SamplingError.invalidResidual(index: index, value: value)
        }
    }
}
