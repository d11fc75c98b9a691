/// Errors in setting up a domain decomposition: a bad partition, mismatched sizes, or
/// points that lie outside the region they were given for.
public enum DomainDecompositionError: Error, Equatable, CustomStringConvertible {
    /// A setting of a partition or model is out of range.
    case invalidSetting(name: String, value: String, requirement: String)
    /// Two sizes that must agree do not, e.g. the number of bounds and of partition counts.
    case dimensionMismatch(what: String, expected: Int, actual: Int)
    /// A point (row `index` of a batch) lies in no subdomain of the partition.
    case pointOutsideDomain(index: Int, point: [Double])
    /// A collocation point (row `index`) of subdomain `subdomain` lies outside that subdomain.
    case pointOutsideSubdomain(subdomain: Int, index: Int, point: [Double])

    public var description: String {
        switch self {
        case let .invalidSetting(name, value, requirement):
            return "invalid domain decomposition setting: \(name) = \(value), must be \(requirement)"
        case let .dimensionMismatch(what, expected, actual):
            return "\(what): expected \(expected), got \(actual)"
        case let .pointOutsideDomain(index, point):
            return "point \(index) \(point) lies in no subdomain"
        case let .pointOutsideSubdomain(subdomain, index, point):
            return "collocation point \(index) \(point) of subdomain \(subdomain) lies outside that subdomain"
        }
    }
}
