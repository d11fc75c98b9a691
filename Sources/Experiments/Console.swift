import Foundation

/// Where a tutorial step writes its terminal output.
///
/// Every line is kept (so a page can show exactly what the step printed) and,
/// when `echo` is set, also written to standard output as it is produced.
public final class Console {
    /// The lines written so far.
    public private(set) var lines: [String] = []
    private let echo: Bool

    /// Creates a console.
    /// - Parameter echo: Whether to print each line to standard output too.
    public init(echo: Bool) { self.echo = echo }

    /// Writes one line (or several, separated by newlines).
    public func print(_ text: String = "") {
        lines.append(contentsOf: text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init))
        if echo {
            Swift.print(text)
            fflush(stdout)
        }
    }

    /// Everything written, one line per line.
    public var text: String { lines.joined(separator: "\n") }
}
