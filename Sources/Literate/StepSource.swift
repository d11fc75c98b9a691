import Foundation

/// Reads the code of a registered step from its Swift file: the lines of the closure that
/// follows `Step("tag") { state, page in`, up to the `}` at the registration's indentation.
public enum StepSource {
    /// The body's lines (dedented) and the file line of the first one.
    public static func body(at location: SourceLocation) throws -> (lines: [String], firstLine: Int) {
        guard let data = FileManager.default.contents(atPath: location.file), let text = String(data: data, encoding: .utf8) else {
            throw SourceError(path: location.displayPath, line: location.line,
                              "cannot read the step's source (the drift check needs the package sources beside the binary)")
        }
        let lines = text.components(separatedBy: "\n")
        let start = location.line - 1
        guard start < lines.count else {
            throw SourceError(path: location.displayPath, line: location.line, "the step's registration line is past the end of the file")
        }
        let base = indentation(lines[start])
        guard let header = (start..<min(start + 8, lines.count)).first(where: {
            lines[$0].trimmingCharacters(in: .whitespaces).hasSuffix(" in")
        }) else {
            throw SourceError(path: location.displayPath, line: location.line, "cannot find the step's closure header ('{ state, page in')")
        }
        guard let end = ((header + 1)..<lines.count).first(where: {
            indentation(lines[$0]) <= base && lines[$0].trimmingCharacters(in: .whitespaces).hasPrefix("}")
        }) else {
            throw SourceError(path: location.displayPath, line: location.line, "cannot find the end of the step's closure")
        }
        var body = Array(lines[(header + 1)..<end])
        var first = header + 2
        while let line = body.first, line.trimmingCharacters(in: .whitespaces).isEmpty { body.removeFirst(); first += 1 }
        while let line = body.last, line.trimmingCharacters(in: .whitespaces).isEmpty { body.removeLast() }
        let margin = body.filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }.map(indentation).min() ?? 0
        let dedented = body.map { line -> String in
            let stripped = line.count >= margin ? String(line.dropFirst(margin)) : ""
            return trimTrailing(stripped)
        }
        return (dedented, first)
    }

    static func indentation(_ line: String) -> Int {
        line.prefix { $0 == " " }.count
    }
}

func trimTrailing(_ line: String) -> String {
    var line = line
    while let last = line.last, last == " " || last == "\t" || last == "\r" { line.removeLast() }
    return line
}

/// A snippet that differs from its step's code.
public struct Drift: Error, CustomStringConvertible {
    public var tag: String
    public var markdown: SourceLocation
    public var source: SourceLocation
    /// Unified-diff style lines: `-` as in the Markdown, `+` as in the source.
    public var diff: [String]

    public var description: String {
        "\(markdown.file):\(markdown.line): snippet step=\(tag) differs from its step at \(source) (- tutorial, + source):\n"
            + diff.map { "    " + $0 }.joined(separator: "\n")
            + "\n  run with --fix to rewrite the snippet from the source"
    }
}

/// Compares snippets with their steps' code and rewrites snippets from it.
public enum DriftCheck {
    /// The snippet's lines as compared: trailing spaces dropped, trailing blank lines dropped.
    static func lines(of literal: String) -> [String] {
        var lines = literal.components(separatedBy: "\n").map(trimTrailing)
        while let last = lines.last, last.isEmpty { lines.removeLast() }
        return lines
    }

    /// The drift of one snippet, or nil when it matches.
    public static func drift(of code: CodeBlock, in path: String, step: StepInfo) throws -> Drift? {
        let source = try StepSource.body(at: step.location)
        let shown = lines(of: code.literal)
        guard shown != source.lines else { return nil }
        return Drift(tag: step.tag, markdown: SourceLocation(file: path, line: code.line),
                     source: SourceLocation(file: step.location.file, line: source.firstLine),
                     diff: LineDiff.unified(shown, source.lines, oldStart: code.line + 1, newStart: source.firstLine))
    }
}

/// A small line diff (longest common subsequence), for drift reports.
enum LineDiff {
    static func unified(_ old: [String], _ new: [String], oldStart: Int, newStart: Int) -> [String] {
        let n = old.count, m = new.count
        var lcs = [[Int]](repeating: [Int](repeating: 0, count: m + 1), count: n + 1)
        for i in stride(from: n - 1, through: 0, by: -1) {
            for j in stride(from: m - 1, through: 0, by: -1) {
                lcs[i][j] = old[i] == new[j] ? lcs[i + 1][j + 1] + 1 : max(lcs[i + 1][j], lcs[i][j + 1])
            }
        }
        var result: [String] = []
        var i = 0, j = 0
        while i < n || j < m {
            if i < n, j < m, old[i] == new[j] {
                i += 1; j += 1
            } else if j < m, i == n || lcs[i][j + 1] >= lcs[i + 1][j] {
                result.append("+ \(new[j])    (source line \(newStart + j))")
                j += 1
            } else {
                result.append("- \(old[i])    (tutorial line \(oldStart + i))")
                i += 1
            }
        }
        return result
    }
}
