/// Rewrites snippets in the Markdown text from their steps' code (`render-tutorial --fix`).
///
/// A snippet may sit in a block quote or a list: its new lines get the same container prefix
/// as the fence (`> `, or the list item's indentation). Line endings stay as the file has
/// them (CRLF, CR or LF), and a fence left open at the end of its container is closed.
extension DriftCheck {
    /// The Markdown text with the code of each snippet in `fixes` replaced by its step's code;
    /// `path` names the file in errors.
    public static func fixed(markdown: String, path: String, fixes: [(code: CodeBlock, step: StepInfo)]) throws -> String {
        let byteOrderMark = markdown.hasPrefix("\u{FEFF}") ? "\u{FEFF}" : ""
        var lines = SourceText.lines(String(markdown.dropFirst(byteOrderMark.count)))
        let ending = lines.first { !$0.ending.isEmpty }?.ending ?? "\n"
        for (code, step) in fixes.sorted(by: { $0.code.line > $1.code.line }) {
            func refuse(_ reason: String) -> SourceError {
                SourceError(path: path, line: code.line, "--fix cannot rewrite the snippet step=\(step.tag): \(reason); edit it by hand")
            }
            guard code.fenced, code.line >= 1, code.line <= lines.count, code.endLine >= code.line else {
                throw refuse("it is not a fenced code block")
            }
            guard let fence = OpeningFence(String(lines[code.line - 1].content)) else {
                throw refuse("its fence line has something other than block quote markers, list markers or spaces before the fence")
            }
            let source = try StepSource.body(at: step.location)
            if let clash = source.lines.first(where: { fence.isClosed(by: $0) }) {
                throw refuse("the step's code has the line '\(clash)', which would close the fence")
            }
            let lastLine = min(code.endLine, lines.count)
            let closed = code.endLine > code.line && fence.isClosed(by: String(lines[lastLine - 1].content))
            // 0-based indices of the code lines between the fences.
            var end = closed ? lastLine - 1 : lastLine
            // An open fence ends with its container or the file; blank lines after the code
            // (cmark counts them into the block) stay after the new closing fence.
            while !closed, end > code.line, lines[end - 1].content.allSatisfy({ $0 == " " || $0 == "\t" }) { end -= 1 }
            var replacement = source.lines.map { trimTrailing(fence.continuation + $0) }
            if !closed { replacement.append(fence.continuation + fence.marker) }
            if lines[code.line - 1].ending.isEmpty { lines[code.line - 1].ending = Substring(ending) }
            lines.replaceSubrange(code.line..<end, with: replacement.map { (Substring($0), Substring(ending)) })
        }
        return byteOrderMark + lines.map { String($0.content) + $0.ending }.joined()
    }
}

/// The opening fence of a snippet and what a line inside its containers starts with.
struct OpeningFence {
    /// The fence's characters, e.g. "```".
    let marker: String
    /// The prefix of a line inside the same containers: `>` markers kept, list markers
    /// turned into spaces.
    let continuation: String
    /// How many block quotes contain the fence.
    let quoteDepth: Int

    init?(_ line: String) {
        guard let start = line.firstIndex(where: { $0 == "`" || $0 == "~" }) else { return nil }
        let prefix = line[..<start]
        guard prefix.allSatisfy({ " \t>-+*.)".contains($0) || ($0.isASCII && $0.isNumber) }) else { return nil }
        let character = line[start]
        let marker = line[start...].prefix { $0 == character }
        guard marker.count >= 3 else { return nil }
        self.marker = String(marker)
        continuation = String(prefix.map { $0 == ">" || $0 == "\t" ? $0 : " " })
        quoteDepth = prefix.filter { $0 == ">" }.count
    }

    /// Whether `line` (as written in the file, container markers included) closes this fence.
    func isClosed(by line: String) -> Bool {
        var rest = Substring(line)
        var quotes = quoteDepth
        while let first = rest.first, first == " " || first == "\t" || (first == ">" && quotes > 0) {
            if first == ">" { quotes -= 1 }
            rest = rest.dropFirst()
        }
        let run = rest.prefix { $0 == marker.first! }
        return run.count >= marker.count && rest.dropFirst(run.count).allSatisfy { $0 == " " || $0 == "\t" }
    }
}
