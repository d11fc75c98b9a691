/// Errors in setting up multilevel (cascade) training.
public enum MultilevelError: Error, Equatable, CustomStringConvertible {
    /// A setting is out of range.
    case invalidSetting(name: String, value: String, requirement: String)
    /// A hierarchy was given no levels.
    case emptyHierarchy
    /// Two networks cannot exchange parameters: they differ in depth, or in input or output size.
    case incompatibleNetworks(reason: String)

    public var description: String {
        switch self {
        case let .invalidSetting(name, value, requirement):
            return "invalid multilevel setting: \(name) = \(value), must be \(requirement)"
        case .emptyHierarchy:
            return "a network hierarchy needs at least one level"
        case let .incompatibleNetworks(reason):
            return "the networks cannot exchange parameters: \(reason)"
        }
    }
}
