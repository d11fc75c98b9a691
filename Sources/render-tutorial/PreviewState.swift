import Foundation

/// What the preview server shows, shared by the watch loop and the request handlers: a version
/// number that grows with every finished render or build, and the error of the last one if it failed.
final class PreviewState: @unchecked Sendable {
    private let lock = NSLock()
    private var version = 0
    private var failure: String?

    /// The current version, and the message of the last render or build when it failed.
    var current: (version: Int, failure: String?) {
        lock.lock(); defer { lock.unlock() }
        return (version, failure)
    }

    /// Records the end of a render or build: `failure` is its error output, or nil.
    func finished(failure: String?) {
        lock.lock(); defer { lock.unlock() }
        version += 1
        self.failure = failure
    }
}
