import Foundation

/// A test hook: what to do to a render at its Nth write operation (every folder made, file
/// written, rename, exchange and removal in the output folder counts as one).
///
/// `render-tutorial` reads it from the `RENDER_TUTORIAL_FAULT` environment variable:
/// `fail@N` makes operation N fail with an I/O error, `crash@N` kills the process with SIGKILL
/// right after operation N, `interrupt@N` sends it SIGINT right after operation N.
public struct WriteFault: Equatable {
    public enum Kind: String { case fail, crash, interrupt }

    public var kind: Kind
    public var operation: Int

    public init(_ kind: Kind, at operation: Int) {
        self.kind = kind
        self.operation = operation
    }

    /// Parses `KIND@N`; nil for anything else.
    public init?(_ text: String) {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, let kind = Kind(rawValue: String(parts[0])), let operation = Int(parts[1]), operation > 0 else {
            return nil
        }
        self.init(kind, at: operation)
    }

    /// The name of the environment variable `render-tutorial` reads.
    public static let environmentVariable = "RENDER_TUTORIAL_FAULT"
}
