/// Errors of the neural-tangent-kernel diagnostics.
public enum NTKError: Error, Equatable, CustomStringConvertible {
    /// A matrix that must be square and symmetric is not.
    case notSymmetric(rows: Int, columns: Int, largestAsymmetry: Double)
    /// A matrix or set of points is empty.
    case empty(what: String)
    /// Jacobian rows of different lengths (Jacobians of different models) were combined.
    case mismatchedParameterCounts(expected: Int, actual: Int)
    /// The Jacobi iteration did not converge within its sweep budget.
    case notConverged(sweeps: Int, offDiagonalNorm: Double)
    /// A loss is not the mean square of a pointwise quantity, so it has no kernel.
    case noPointwiseQuantity(loss: String)

    public var description: String {
        switch self {
        case let .notSymmetric(rows, columns, asymmetry):
            return "the matrix must be square and symmetric: it is \(rows) × \(columns), largest |A − Aᵀ| entry \(asymmetry)"
        case let .empty(what):
            return "\(what) is empty"
        case let .mismatchedParameterCounts(expected, actual):
            return "Jacobian rows have \(actual) parameters where \(expected) were expected (different models?)"
        case let .notConverged(sweeps, norm):
            return "the Jacobi eigen-solver did not converge in \(sweeps) sweeps (off-diagonal norm \(norm))"
        case let .noPointwiseQuantity(loss):
            return "the \(loss) loss is not a mean square of a pointwise quantity, so it has no neural tangent kernel"
        }
    }
}
