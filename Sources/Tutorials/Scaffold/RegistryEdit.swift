import Foundation

/// Adds a registration line to the Swift source of `TutorialRegistry.all(in:)`.
///
/// The edit is made on the text, so it insists on the shape the registry has: one
/// `static func all(in` whose body is an array literal, `[` and `]` on lines of their own at
/// the same indentation, and between them only `AnyTutorial(…),` lines. Anything else is an
/// error naming the file, rather than a guess that could break the build.
public enum RegistryEdit {
    /// `source` with `registration` appended as the last element of the array literal.
    /// - Parameters:
    ///   - source: The registry file's text.
    ///   - registration: The new element, e.g. `AnyTutorial(…),` (without indentation).
    ///   - tutorial: The new tutorial's name, refused when the registry already names its Markdown file.
    ///   - path: The file's path, for messages.
    public static func adding(_ registration: String, for tutorial: String, to source: String, path: String) throws -> String {
        func shape(_ problem: String) -> ScaffoldError {
            ScaffoldError("\(path): \(problem); add the line '\(registration)' to the array of TutorialRegistry.all(in:) by hand")
        }
        guard !source.contains("\"\(tutorial).md\"") else {
            throw ScaffoldError("\(path) already registers a tutorial '\(tutorial)' (\"\(tutorial).md\")")
        }
        var lines = source.components(separatedBy: "\n")
        let functions = lines.indices.filter { lines[$0].contains("static func all(in") }
        guard functions.count == 1, let function = functions.first else {
            throw shape(functions.isEmpty ? "no 'static func all(in' found" : "more than one 'static func all(in'")
        }
        guard let open = lines.indices.dropFirst(function + 1).first(where: { !trimmed(lines[$0]).isEmpty }),
              trimmed(lines[open]) == "[" else {
            throw shape("the body of all(in:) does not start with '[' on its own line")
        }
        let indentation = lines[open].prefix { $0 == " " }
        guard let close = lines.indices.dropFirst(open + 1).first(where: { lines[$0].hasPrefix(indentation) && trimmed(lines[$0]) == "]" }) else {
            throw shape("no ']' closing the array of all(in:) at the indentation of its '['")
        }
        let elements = lines[(open + 1)..<close].filter { !trimmed($0).isEmpty }
        if let odd = elements.first(where: { !trimmed($0).hasPrefix("AnyTutorial(") || !trimmed($0).hasSuffix("),") }) {
            throw shape("the array of all(in:) holds a line that is not 'AnyTutorial(…),': \(trimmed(odd))")
        }
        let elementIndentation = elements.last.map { String($0.prefix { $0 == " " }) } ?? String(indentation) + "    "
        lines.insert(elementIndentation + registration, at: close)
        return lines.joined(separator: "\n")
    }

    static func trimmed(_ line: String) -> String { line.trimmingCharacters(in: .whitespaces) }
}
