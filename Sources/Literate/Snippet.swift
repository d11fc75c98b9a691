/// What a fenced code block is for, read from its info string.
public enum SnippetRole: Equatable, Sendable {
    /// Swift code that runs as the registered step `tag`; the page shows exactly that code.
    case step(tag: String)
    /// Swift code that is shown only (`swift illustration`); it is not run or checked.
    case illustration
    /// Receives the captured terminal output of step `tag` (`output step=TAG`).
    case output(tag: String)
    /// Receives a table a step produced (`output table=NAME`).
    case table(name: String)
    /// Any other block (bash, text, mermaid …), shown as it is.
    case plain
}

/// A parsed info string: the language, `key=value` attributes and bare flags.
public struct InfoString: Equatable, Sendable {
    public var language: String
    public var attributes: [String: String]
    public var flags: [String]

    /// Parses `swift step=setup-balancer` or `swift illustration`.
    public init(_ info: String) {
        let words = info.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        language = words.first?.lowercased() ?? ""
        attributes = [:]
        flags = []
        for word in words.dropFirst() {
            if let equals = word.firstIndex(of: "=") {
                attributes[String(word[..<equals])] = String(word[word.index(after: equals)...])
            } else {
                flags.append(word)
            }
        }
    }
}

/// Step tags and value names: lower-case letters, digits, `-`, `.` and `_`.
func isValidName(_ name: String) -> Bool {
    !name.isEmpty && name.allSatisfy { ($0.isLetter && $0.isLowercase) || $0.isNumber || "-._".contains($0) }
}

extension CodeBlock {
    /// This block's role, or an error naming the line when its info string is malformed.
    public func role(in path: String) throws -> SnippetRole {
        let info = InfoString(self.info)
        func fail(_ message: String) -> SourceError { SourceError(path: path, line: line, message) }
        switch info.language {
        case "swift":
            let unknown = info.attributes.keys.filter { $0 != "step" } + info.flags.filter { $0 != "illustration" }
            if let word = unknown.sorted().first {
                throw fail("unknown word '\(word)' in the info string '\(self.info)'; a Swift snippet takes step=TAG or illustration")
            }
            switch (info.attributes["step"], info.flags.contains("illustration")) {
            case (let tag?, false):
                guard isValidName(tag) else { throw fail("step tag '\(tag)' must be lower-case letters, digits, '-', '.' or '_'") }
                return .step(tag: tag)
            case (nil, true):
                return .illustration
            case (.some, true):
                throw fail("a Swift snippet is either step=TAG or illustration, not both")
            case (nil, false):
                throw fail("untagged Swift snippet: add step=TAG to run it as a registered step, or illustration to only show it")
            }
        case "output":
            guard info.flags.isEmpty, info.attributes.count == 1 else {
                throw fail("an output block takes exactly one of step=TAG or table=NAME, got '\(self.info)'")
            }
            guard literal.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
                throw fail("an output block must be empty: the run fills it")
            }
            if let tag = info.attributes["step"], isValidName(tag) { return .output(tag: tag) }
            if let name = info.attributes["table"], isValidName(name) { return .table(name: name) }
            throw fail("an output block takes step=TAG or table=NAME (lower-case names), got '\(self.info)'")
        default:
            return .plain
        }
    }
}

import Foundation
