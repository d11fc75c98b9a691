/// Errors raised by GradNorm and the training loops built on it.
public enum GradNormError: Error, Equatable, CustomStringConvertible {
    /// A configuration field is out of range.
    case invalidConfiguration(field: String, value: String, requirement: String)
    /// An array has the wrong number of entries.
    case wrongLength(name: String, expected: Int, actual: Int)
    /// The initial losses are needed but were never set.
    case missingInitialLosses
    /// A loss, gradient norm or weight became NaN or infinite.
    case nonFinite(quantity: String, name: String, step: Int, value: Double)

    /// ``invalidConfiguration(field:value:requirement:)`` with the value written out, for the
    /// balancers' setting checks.
    public static func invalid(_ field: String, _ value: Any, _ requirement: String) -> GradNormError {
        .invalidConfiguration(field: field, value: "\(value)", requirement: requirement)
    }

    public var description: String {
        switch self {
        case let .invalidConfiguration(field, value, requirement):
            return "invalid GradNorm configuration: \(field) = \(value), must be \(requirement)"
        case let .wrongLength(name, expected, actual):
            return "\(name) has \(actual) entries, expected \(expected) (one per loss)"
        case .missingInitialLosses:
            return "the initial losses have not been set (call setInitialLosses first)"
        case let .nonFinite(quantity, name, step, value):
            return "training stopped at step \(step): the \(quantity) of the \(name) loss is \(value)"
        }
    }
}
