import Foundation

/// Spectral diagnostics of a neural tangent kernel, with Opifex's definitions (its
/// `NTKDiagnostics`): how ill-conditioned the kernel is and how fast gradient descent
/// fits each of its eigenmodes.
public struct SpectralDiagnostics: Equatable, Sendable {
    /// The kernel's eigen-decomposition (eigenvalues largest first).
    public let decomposition: SymmetricEigendecomposition

    /// Decomposes `kernel` (symmetric).
    /// - Throws: the errors of ``SymmetricEigendecomposition/init(_:maximumSweeps:)``.
    public init(kernel: [[Double]]) throws { decomposition = try SymmetricEigendecomposition(kernel) }

    /// The eigenvalues, largest first.
    public var eigenvalues: [Double] { decomposition.eigenvalues }

    /// The trace, `Σ λₖ`.
    public var trace: Double { eigenvalues.reduce(0, +) }

    /// `λ_max / λ_min`, the smallest eigenvalue floored at 1e-10.
    public var conditionNumber: Double { eigenvalues[0] / Swift.max(eigenvalues[eigenvalues.count - 1], 1e-10) }

    /// `log(λ_max / λ_min)`, Opifex's spectral-bias "log ratio".
    public var logConditionNumber: Double { Foundation.log(conditionNumber) }

    /// `exp(−Σ pₖ log pₖ)` with `pₖ = λₖ / Σλ` (negative eigenvalues as 0): the number of
    /// eigenvalues that matter, between 1 and n.
    public var effectiveRank: Double {
        let clipped = eigenvalues.map { Swift.max($0, 0) }
        let total = clipped.reduce(0, +)
        let entropy = clipped.reduce(0.0) { sum, lambda in
            let p = lambda / (total + 1e-10)
            return p > 1e-10 ? sum - p * Foundation.log(p) : sum
        }
        return Foundation.exp(entropy)
    }

    /// `1 − geometric mean / arithmetic mean` of the eigenvalues (floored at 1e-10):
    /// 0 for a flat spectrum, near 1 for a fast-decaying one.
    public var spectralBiasIndicator: Double {
        let clipped = eigenvalues.map { Swift.max($0, 1e-10) }
        let arithmetic = clipped.reduce(0, +) / Double(clipped.count)
        let geometric = Foundation.exp(clipped.reduce(0) { $0 + Foundation.log($1) } / Double(clipped.count))
        return 1 - geometric / (arithmetic + 1e-10)
    }

    /// `min(|1 − η·λₖ|, 1)` per mode: the factor by which gradient descent with learning rate η
    /// shrinks the error along eigenvector k each step (smaller is faster).
    public func modeConvergenceRates(learningRate: Double) -> [Double] {
        eigenvalues.map { Swift.min(Swift.abs(1 - learningRate * $0), 1) }
    }

    /// `Σ λₖ / (λₖ + γ)`: the effective dimension at regularisation γ.
    public func effectiveDimension(regularization: Double) -> Double {
        eigenvalues.reduce(0) { $0 + $1 / ($1 + regularization) }
    }

    /// The coordinates `cₖ = vₖ·r` of `residual` in the eigenbasis (each up to the sign of its eigenvector).
    public func modeCoefficients(of residual: [Double]) -> [Double] {
        decomposition.eigenvectors.map { vector in zip(vector, residual).reduce(0) { $0 + $1.0 * $1.1 } }
    }

    /// The coordinates after `steps` steps of linearised gradient descent, `cₖ·(1 − η·λₖ)^steps`.
    public func predictedCoefficients(of residual: [Double], learningRate: Double, steps: Int) -> [Double] {
        zip(modeCoefficients(of: residual), eigenvalues).map { c, lambda in
            c * Foundation.pow(1 - learningRate * lambda, Double(steps))
        }
    }
}
