import Foundation

/// The record written beside each page: what it was made from and what it contains, so that
/// `--check` can tell a stale or hand-edited `output/` without re-running (re-running on
/// another machine may change the last bits of numbers, so the check compares inputs), and
/// a render can tell a page folder it made from anything else.
public struct PageManifest: Codable, Equatable {
    public var tutorial: String
    public var quick: Bool
    /// SHA-256 of every input, by path from the package root: the tutorial's Markdown,
    /// `Package.swift` and every Swift file under `Sources/`.
    public var inputs: [String: String]
    /// SHA-256 of every file of the page except this manifest.
    public var files: [String: String]

    public static let fileName = "manifest.json"

    public func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return try encoder.encode(self) + Data("\n".utf8)
    }
}
