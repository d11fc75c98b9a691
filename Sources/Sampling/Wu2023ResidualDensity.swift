import Foundation

/// The RAD density as published by Wu et al. (2023, "A comprehensive study of
/// non-adaptive and residual-based adaptive sampling for physics-informed neural
/// networks"): `p ∝ εᵏ / mean(εᵏ) + c` with ε = |r|.
///
/// Unlike Opifex's density there is no epsilon and no floor, and `c` keeps every
/// point in play (with k = 1, c = 1 the largest of the reference residuals gets
/// p = 0.1876 where Opifex gives 0.3127). The float32 operations follow the
/// reference's JAX code on CPU: sums in ``XLASum`` order, divisions by a sum as
/// multiplications by its reciprocal. `mean` divides the sum by n; the reference
/// has n = 16, where that equals multiplying by 1/n, so it cannot tell which of
/// the two XLA does for other n.
public struct Wu2023ResidualDensity: Sendable, Equatable {
    /// The exponent k on the residual magnitude.
    public let k: Float
    /// The constant c added to the normalised weights.
    public let c: Float

    /// A density with the paper's parameters; the defaults k = 1, c = 1 are the paper's.
    /// - Throws: ``SamplingError/invalidParameter(name:value:requirement:)`` unless
    ///   both are finite and non-negative.
    public init(k: Float = 1, c: Float = 1) throws {
        guard k.isFinite && k >= 0 else {
            throw SamplingError.invalidParameter(name: "k", value: k, requirement: "finite and ≥ 0")
        }
        guard c.isFinite && c >= 0 else {
            throw SamplingError.invalidParameter(name: "c", value: c, requirement: "finite and ≥ 0")
        }
        self.k = k
        self.c = c
    }

    /// The sampling probabilities for `residuals`.
    /// - Throws: ``SamplingError`` for no residuals, a NaN or infinite residual, or a
    ///   density that is not finite (all residuals zero with k > 0).
    public func probabilities(residuals: [Float]) throws -> [Float] {
        try ResidualValidation.check(residuals)
        let powered = residuals.map { powf(Swift.abs($0), k) }
        let mean = XLASum.sum(powered) / Float(powered.count)
        let inverseMean = 1 / mean
        let shifted = powered.map { $0 * inverseMean + c }
        let inverseTotal = 1 / XLASum.sum(shifted)
        let probabilities = shifted.map { $0 * inverseTotal }
        guard probabilities.allSatisfy(\.isFinite) else { throw SamplingError.degenerateDensity }
        return probabilities
    }
}
