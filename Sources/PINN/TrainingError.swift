/// Errors in setting up a training run (a non-finite loss during training is a
/// `GradNormError.nonFinite`, which names the loss and the step).
public enum TrainingError: Error, Equatable, CustomStringConvertible {
    /// A setting is out of range.
    case invalidSetting(name: String, value: String, requirement: String)
    /// The balancer weighs a different number of losses than the problem has.
    case lossCountMismatch(problem: Int, balancer: Int)
    /// The balancer needs a loss's neural tangent kernel, but the loss is not a mean square
    /// of a pointwise quantity (a ``LossTerm/custom(_:_:)`` loss).
    case kernelNeedsPointwiseLoss(name: String)

    public var description: String {
        switch self {
        case let .invalidSetting(name, value, requirement):
            return "invalid training setting: \(name) = \(value), must be \(requirement)"
        case let .lossCountMismatch(problem, balancer):
            return "the balancer weighs \(balancer) losses but the problem has \(problem)"
        case let .kernelNeedsPointwiseLoss(name):
            return "the balancer needs the neural tangent kernel of the \(name) loss, which is not a mean square of a pointwise quantity"
        }
    }
}
