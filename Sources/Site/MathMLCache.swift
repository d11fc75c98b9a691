import Foundation

/// The MathML of formulas already converted in this process, so that a formula is converted
/// once: the document check converts every formula before the steps run, the page writer
/// needs the same MathML again, and long pages repeat the same formulas many times.
///
/// Only conversions that succeed are kept (an error is raised again each time). The cache
/// grows with the number of different formulas, not with their occurrences.
final class MathMLCache: @unchecked Sendable {
    static let shared = MathMLCache()

    private struct Key: Hashable {
        var latex: String
        var display: Bool
    }

    // Guards `converted`: tests render pages on several threads.
    private let lock = NSLock()
    private var converted: [Key: String] = [:]

    /// ``MathML/convert(_:display:)`` of `latex`, converted on the first request only.
    func convert(_ latex: String, display: Bool) throws -> String {
        let key = Key(latex: latex, display: display)
        if let known = lock.withLock({ converted[key] }) { return known }
        let mathML = try MathML.convert(latex, display: display)
        lock.withLock { converted[key] = mathML }
        return mathML
    }
}
