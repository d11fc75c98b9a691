/// Why a sampling request was rejected.
///
/// JAX and Opifex often return garbage (NaN, out-of-range or repeated indices) for
/// such inputs; the Swift port reports them instead.
public enum SamplingError: Error, Equatable, CustomStringConvertible {
    /// There are no candidates to draw from.
    case emptyCandidates
    /// A negative number of draws was requested.
    case negativeCount(Int)
    /// More draws without replacement than there are candidates.
    case sampleLargerThanPopulation(count: Int, population: Int)
    /// A probability is negative, NaN or infinite.
    case invalidProbability(index: Int, value: Float)
    /// All probabilities are zero.
    case probabilitiesSumToZero
    /// Fewer candidates with a positive probability than draws without replacement.
    case tooFewPositiveProbabilities(count: Int, positive: Int)
    /// Two inputs that must have the same length do not.
    case lengthMismatch(what: String, expected: Int, actual: Int)
    /// A residual is NaN or infinite.
    case invalidResidual(index: Int, value: Float)
    /// A configuration value is out of range.
    case invalidParameter(name: String, value: Float, requirement: String)
    /// A domain bound has its lower end above its upper end, or is not finite.
    case invalidBounds(dimension: Int, lower: Float, upper: Float)
    /// A density came out NaN or infinite (for example all residuals zero with c = 0).
    case degenerateDensity

    /// A sentence saying what was wrong.
    public var description: String {
        switch self {
        case .emptyCandidates:
            return "there are no candidates to sample from"
        case let .negativeCount(count):
            return "the number of draws must be non-negative, got \(count)"
        case let .sampleLargerThanPopulation(count, population):
            return "cannot draw \(count) samples without replacement from \(population) candidates"
        case let .invalidProbability(index, value):
            return "probability \(index) is \(value); probabilities must be finite and non-negative"
        case .probabilitiesSumToZero:
            return "the probabilities sum to zero"
        case let .tooFewPositiveProbabilities(count, positive):
            return "cannot draw \(count) samples without replacement: only \(positive) candidates have a positive probability"
        case let .lengthMismatch(what, expected, actual):
            return "\(what): expected \(expected), got \(actual)"
        case let .invalidResidual(index, value):
            return "residual \(index) is \(value); residuals must be finite"
        case let .invalidParameter(name, value, requirement):
            return "\(name) is \(value); it must be \(requirement)"
        case let .invalidBounds(dimension, lower, upper):
            return "bounds of dimension \(dimension) are [\(lower), \(upper)]; they must be finite with lower ≤ upper"
        case .degenerateDensity:
            return "the sampling density is not finite (are all residuals zero?)"
        }
    }
}
