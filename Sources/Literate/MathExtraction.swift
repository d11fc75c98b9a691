/// Takes LaTeX formulas out of Markdown before the CommonMark parser sees them.
///
/// CommonMark would read `\{`, `\|` and `*` inside a formula as escapes and emphasis, so
/// each formula is replaced by a token that the parser passes through untouched; the parsed
/// text is then split at those tokens. Newlines inside a formula are kept after its token so
/// that line numbers stay right.
///
/// The token is `open digits close`, where `open` and `close` are two private-use characters
/// that do not occur in the input, so no input text can be mistaken for a token. Lines the
/// caller marks verbatim (code and HTML blocks) are copied untouched; a token that still lands
/// outside prose (a link destination, raw inline HTML) is put back as the formula's source.
struct MathExtraction {
    /// A formula and where it came from.
    struct Formula {
        var latex: String
        var display: Bool
        /// The formula as written, delimiters included.
        var source: String
        /// How many newlines the formula spans (kept after its token).
        var lineBreaks: Int
    }

    let open: Character
    let close: Character
    /// The formulas, by token number.
    private(set) var formulas: [Formula] = []
    /// The Markdown with every formula replaced by its token.
    private(set) var text = ""

    /// Two private-use characters (U+E000–U+F8FF) that `markdown` does not contain, or nil
    /// when it contains all but one of them.
    static func tokenCharacters(avoiding markdown: String) -> (open: Character, close: Character)? {
        let first: UInt32 = 0xE000, last: UInt32 = 0xF8FF
        var used = [Bool](repeating: false, count: Int(last - first + 1))
        for scalar in markdown.unicodeScalars where scalar.value >= first && scalar.value <= last {
            used[Int(scalar.value - first)] = true
        }
        let free = Array(used.indices.lazy.filter { !used[$0] }.prefix(2)).map { Character(Unicode.Scalar(first + UInt32($0))!) }
        guard free.count == 2 else { return nil }
        return (free[0], free[1])
    }

    /// Extracts the formulas of `markdown`, leaving the 1-based lines in `verbatimLines` as they are.
    init(_ markdown: String, tokens: (open: Character, close: Character), verbatimLines: Set<Int>) {
        open = tokens.open
        close = tokens.close
        text.reserveCapacity(markdown.utf8.count)
        var prose = ""
        let lines = markdown.split(separator: "\n", omittingEmptySubsequences: false)
        for (index, line) in lines.enumerated() {
            let ending = index + 1 < lines.count ? "\n" : ""
            if verbatimLines.contains(index + 1) {
                if !prose.isEmpty { scanParagraphs(prose); prose = "" }
                text += line
                text += ending
            } else {
                prose += line
                prose += ending
            }
        }
        if !prose.isEmpty { scanParagraphs(prose) }
    }

    /// Scans `prose` a paragraph at a time: no formula or code span crosses a blank line, so
    /// cutting after the first newline of each "\n\n" changes nothing but the memory used
    /// (an array of scalars per paragraph, not of the whole file). Scalars, as cmark reads
    /// the text, not grapheme clusters: a `$` followed by a combining mark is still a `$`.
    private mutating func scanParagraphs(_ prose: String) {
        let bytes = prose.utf8
        var start = bytes.startIndex, index = bytes.startIndex
        while index != bytes.endIndex {
            let next = bytes.index(after: index)
            if bytes[index] == UInt8(ascii: "\n"), next != bytes.endIndex, bytes[next] == UInt8(ascii: "\n") {
                scan(Array(prose[start..<next].unicodeScalars))
                start = next
            }
            index = next
        }
        if start != bytes.endIndex { scan(Array(prose[start...].unicodeScalars)) }
    }

    private mutating func scan(_ chars: [Unicode.Scalar]) {
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if c == "`" {
                i = copyCodeSpan(chars, from: i)
                continue
            }
            if c == "\\", i + 1 < chars.count {
                let next = chars[i + 1]
                if next == "(" || next == "[", let end = find(chars, from: i + 2, closing: ["\\", next == "(" ? ")" : "]"]) {
                    add(chars[i..<(end + 2)], latex: chars[(i + 2)..<end], display: next == "[")
                    i = end + 2
                } else {
                    text.append(Character(c))
                    text.append(Character(next))
                    i += 2
                }
                continue
            }
            if c == "$" {
                if i + 1 < chars.count, chars[i + 1] == "$" {
                    if let end = find(chars, from: i + 2, closing: ["$", "$"]) {
                        add(chars[i..<(end + 2)], latex: chars[(i + 2)..<end], display: true)
                        i = end + 2
                        continue
                    }
                } else if let end = inlineDollarEnd(chars, from: i) {
                    add(chars[i...end], latex: chars[(i + 1)..<end], display: false)
                    i = end + 1
                    continue
                }
            }
            text.append(Character(c))
            i += 1
        }
    }

    private mutating func add(_ source: ArraySlice<Unicode.Scalar>, latex: ArraySlice<Unicode.Scalar>, display: Bool) {
        let lineBreaks = latex.filter { $0 == "\n" }.count
        text.append(open)
        text.append(String(formulas.count))
        text.append(close)
        text.append(String(repeating: "\n", count: lineBreaks))
        formulas.append(Formula(latex: Self.string(latex).trimmingCharacters(in: .whitespacesAndNewlines), display: display,
                                source: Self.string(source), lineBreaks: lineBreaks))
    }

    /// Copies a code span (or a lone backtick run) verbatim and returns the index after it.
    private mutating func copyCodeSpan(_ chars: [Unicode.Scalar], from start: Int) -> Int {
        var runEnd = start
        while runEnd < chars.count, chars[runEnd] == "`" { runEnd += 1 }
        let length = runEnd - start
        var j = runEnd
        while j < chars.count {
            if chars[j] == "`" {
                var k = j
                while k < chars.count, chars[k] == "`" { k += 1 }
                if k - j == length {
                    text += Self.string(chars[start..<k])
                    return k
                }
                j = k
            } else if chars[j] == "\n", j + 1 < chars.count, chars[j + 1] == "\n" {
                break
            } else {
                j += 1
            }
        }
        text += Self.string(chars[start..<runEnd])
        return runEnd
    }

    /// The index of `closing` after `from`, within the same paragraph.
    private func find(_ chars: [Unicode.Scalar], from: Int, closing: [Unicode.Scalar]) -> Int? {
        var j = from
        while j + closing.count <= chars.count {
            if chars[j] == "\n", j + 1 < chars.count, chars[j + 1] == "\n" { return nil }
            if chars[j..<(j + closing.count)].elementsEqual(closing) { return j }
            j += 1
        }
        return nil
    }

    /// Pandoc's rule: `$x$` opens on a non-space and closes on a non-space not followed by a digit.
    private func inlineDollarEnd(_ chars: [Unicode.Scalar], from start: Int) -> Int? {
        guard start + 1 < chars.count, !chars[start + 1].properties.isWhitespace else { return nil }
        var j = start + 1
        while j < chars.count, chars[j] != "\n" {
            if chars[j] == "\\" { j += 2; continue }
            if chars[j] == "$" {
                let followedByDigit = j + 1 < chars.count && chars[j + 1].properties.numericType != nil
                if !chars[j - 1].properties.isWhitespace && !followedByDigit && j > start + 1 { return j }
                return nil
            }
            j += 1
        }
        return nil
    }

    // Appending through `text.unicodeScalars` copies the whole text each time; a fresh local does not.
    private static func string(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        var text = ""
        text.unicodeScalars.append(contentsOf: scalars)
        return text
    }

    // MARK: - Putting formulas back

    /// Splits parsed prose text at formula tokens.
    func restore(_ text: String) -> [Inline] {
        guard text.contains(open) else { return [.text(text)] }
        var result: [Inline] = []
        var current = ""
        forEachToken(in: text, literal: { current.append($0) }, formula: { formula in
            if !current.isEmpty { result.append(.text(current)); current = "" }
            result.append(.math(latex: formula.latex, display: formula.display))
        })
        if !current.isEmpty { result.append(.text(current)) }
        return result
    }

    /// `text` (a code literal, URL, title or raw HTML) with every token put back as the
    /// formula's source, so no token is ever shown.
    func restoreSource(_ text: String) -> String {
        guard text.contains(open) else { return text }
        var result = ""
        var skipNewlines = 0
        forEachToken(in: text, literal: { c in
            if skipNewlines > 0, c == "\n" { skipNewlines -= 1; return }
            skipNewlines = 0
            result.append(c)
        }, formula: { formula in
            result += formula.source
            skipNewlines = formula.lineBreaks
        })
        return result
    }

    /// Calls `formula` for each well-formed token and `literal` for every other character.
    private func forEachToken(in text: String, literal: (Character) -> Void, formula: (Formula) -> Void) {
        var digits: String?
        for c in text {
            if c == open {
                digits.map { ([open] + $0).forEach(literal) }
                digits = ""
            } else if let pending = digits {
                if c == close, let number = Int(pending), formulas.indices.contains(number) {
                    formula(formulas[number])
                    digits = nil
                } else if c.isASCII && c.isNumber {
                    digits = pending + String(c)
                } else {
                    // Not a token after all (it cannot be one, but never trap on it).
                    ([open] + pending + [c]).forEach(literal)
                    digits = nil
                }
            } else {
                literal(c)
            }
        }
        digits.map { ([open] + $0).forEach(literal) }
    }
}
