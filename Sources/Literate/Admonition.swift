import Foundation

/// Admonitions: call-out boxes written the mkdocs way (`!!! note "Title"` and a body indented
/// by four spaces) or the GitHub way (a block quote whose first line is `[!NOTE]`).
///
/// The mkdocs form is not CommonMark, so ``rewritingMkDocsForm(_:)`` first turns it, line for
/// line, into the GitHub form (`> [!note] Title`, the body quoted), which cmark parses as a
/// block quote; the converter then makes any block quote that opens with a marker an
/// ``Block/admonition(kind:title:blocks:line:)``. An unknown kind is an error at its line, so a
/// typo (`!!! nte`) is not shown as a box of an unknown colour.
public enum Admonition {
    /// The kinds a page shows, each with its own colour: mkdocs-material's types and GitHub's alerts.
    public static let kinds: [String] = ["note", "abstract", "info", "tip", "success", "question", "warning", "failure",
                                         "danger", "bug", "example", "quote", "important", "caution"]

    /// Other names mkdocs-material accepts, and the kind each is shown as.
    public static let aliases: [String: String] = [
        "summary": "abstract", "tldr": "abstract", "todo": "info", "hint": "tip", "check": "success", "done": "success",
        "help": "question", "faq": "question", "attention": "warning", "fail": "failure", "missing": "failure",
        "error": "danger", "cite": "quote",
    ]

    /// The kind a name written in the Markdown stands for (case-insensitive), or nil.
    public static func kind(named name: String) -> String? {
        let lowered = name.lowercased()
        return kinds.contains(lowered) ? lowered : aliases[lowered]
    }

    /// The title shown when the Markdown gives none: the kind's name, capitalised.
    public static func defaultTitle(of kind: String) -> String {
        kind.prefix(1).uppercased() + kind.dropFirst()
    }

    /// `text` with every mkdocs admonition rewritten as a GitHub one, each line where it was.
    /// Lines inside fenced code blocks are left alone. A body ends at the first line that is
    /// neither blank nor indented four spaces more than the `!!!` line; blank lines at its end
    /// stay outside the quote.
    public static func rewritingMkDocsForm(_ text: String) -> String {
        guard containsMarker(text) else { return text }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var fence: String?
        var index = 0
        while index < lines.count {
            let line = lines[index]
            let trimmed = line.drop { $0 == " " }
            if let open = fence {
                if trimmed.hasPrefix(open) { fence = nil }
                index += 1
                continue
            }
            if line.count - trimmed.count < 4, let marker = ["```", "~~~"].first(where: { trimmed.hasPrefix($0) }) {
                fence = marker
                index += 1
                continue
            }
            guard let opening = opening(line) else { index += 1; continue }
            let bodyIndent = String(repeating: " ", count: opening.indent + 4)
            var last = index
            var next = index + 1
            while next < lines.count {
                if lines[next].hasPrefix(bodyIndent) { last = next } else if !lines[next].allSatisfy({ $0 == " " }) { break }
                next += 1
            }
            let prefix = String(repeating: " ", count: opening.indent)
            lines[index] = prefix + "> [!\(opening.kind)]" + (opening.title.isEmpty ? "" : " " + opening.title)
            if last > index {
                for body in (index + 1)...last {
                    lines[body] = lines[body].hasPrefix(bodyIndent) ? prefix + "> " + lines[body].dropFirst(bodyIndent.count) : prefix + ">"
                }
            }
            index = last + 1
        }
        return lines.joined(separator: "\n")
    }

    /// Whether `text` holds the bytes `!!!` (an opening line needs them). Searched on the bytes:
    /// Foundation's `contains` on a text of megabytes takes longer than the parse's other steps.
    static func containsMarker(_ text: String) -> Bool {
        let mark = UInt8(ascii: "!")
        var run = 0
        for byte in text.utf8 {
            run = byte == mark ? run + 1 : 0
            if run == 3 { return true }
        }
        return false
    }

    /// The parts of a `!!! kind "Title"` line: its indentation, the kind as written, the title.
    static func opening(_ line: String) -> (indent: Int, kind: String, title: String)? {
        let trimmed = line.drop { $0 == " " }
        guard trimmed.hasPrefix("!!! ") else { return nil }
        let rest = trimmed.dropFirst(4).trimmingCharacters(in: .whitespaces)
        let kind = rest.prefix { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }
        guard !kind.isEmpty else { return nil }
        var title = rest.dropFirst(kind.count).trimmingCharacters(in: .whitespaces)
        if title.count >= 2, title.first == "\"", title.last == "\"" { title = String(title.dropFirst().dropLast()) }
        return (line.count - trimmed.count, String(kind), title)
    }

    /// The admonition a block quote's blocks make when they open with a `[!kind]` marker line,
    /// or nil for an ordinary quote; throws for an unknown kind.
    static func fromQuote(_ blocks: [Block], path: String, line: Int) throws -> Block? {
        guard case .paragraph(let content, let paragraphLine)? = blocks.first, case .text(let first)? = content.first,
              first.hasPrefix("[!"), let close = first.firstIndex(of: "]") else { return nil }
        let name = String(first[first.index(first.startIndex, offsetBy: 2)..<close])
        let afterMarker = first[first.index(after: close)...]
        guard !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }),
              afterMarker.isEmpty || afterMarker.first == " " else { return nil }
        guard let kind = kind(named: name) else {
            throw SourceError(path: path, line: paragraphLine,
                              "unknown admonition kind '\(name)' (known: \(kinds.joined(separator: ", ")); also \(aliases.keys.sorted().joined(separator: ", ")))")
        }
        var rest = Array(content.dropFirst())
        let lead = afterMarker.drop { $0 == " " }
        if !lead.isEmpty { rest.insert(.text(String(lead)), at: 0) }
        let breakIndex = rest.firstIndex { $0 == .softBreak || $0 == .lineBreak }
        var title = Array(rest[..<(breakIndex ?? rest.endIndex)])
        if case .text(let last)? = title.last {
            let trimmed = String(last.reversed().drop { $0 == " " }.reversed())
            if trimmed.isEmpty { title.removeLast() } else { title[title.count - 1] = .text(trimmed) }
        }
        var body = Array(blocks.dropFirst())
        if let breakIndex, breakIndex + 1 < rest.count {
            let lines = rest[..<breakIndex].filter { $0 == .softBreak || $0 == .lineBreak }.count + 1
            body.insert(.paragraph(Array(rest[(breakIndex + 1)...]), line: paragraphLine + lines), at: 0)
        }
        return .admonition(kind: kind, title: title, blocks: body, line: line)
    }
}
