/// Problems with the data or settings of a plot.
public enum PlotError: Error, Equatable, CustomStringConvertible {
    /// A series has no values that can be shown.
    case noData(String)
    /// Arrays that must match do not.
    case mismatchedLengths(String)
    /// Cairo could not draw or encode the image.
    case rendering(String)
    /// A setting is out of range.
    case invalidSetting(String)

    public var description: String {
        switch self {
        case let .noData(text), let .mismatchedLengths(text), let .rendering(text), let .invalidSetting(text):
            return "plot: \(text)"
        }
    }
}
