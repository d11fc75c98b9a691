/// Takes LaTeX formulas out of Markdown before the CommonMark parser sees them.
///
/// CommonMark would read `\{`, `\|` and `*` inside a formula as escapes and emphasis, so
/// each formula is replaced by a token of private-use characters that the parser passes
/// through untouched; the parsed text is then split at those tokens. Newlines inside a
/// formula are kept after its token so that line numbers stay right.
struct MathExtraction {
    static let open: Character = "\u{E000}"
    static let close: Character = "\u{E001}"

    /// The formulas, by token number.
    var formulas: [(latex: String, display: Bool)] = []
    /// The Markdown with every formula replaced by its token.
    var text = ""

    init(_ markdown: String) {
        let chars = Array(markdown)
        var i = 0
        var atLineStart = true
        var fence: (char: Character, count: Int)?
        while i < chars.count {
            if atLineStart {
                atLineStart = false
                var j = i
                while j < chars.count, j - i < 4, chars[j] == " " { j += 1 }
                if j < chars.count, chars[j] == "`" || chars[j] == "~" {
                    let c = chars[j]
                    var k = j
                    while k < chars.count, chars[k] == c { k += 1 }
                    if k - j >= 3 {
                        if let open = fence {
                            if open.char == c && k - j >= open.count { fence = nil }
                        } else {
                            fence = (c, k - j)
                        }
                    }
                }
            }
            let c = chars[i]
            if c == "\n" {
                text.append(c)
                i += 1
                atLineStart = true
                continue
            }
            if fence != nil {
                text.append(c)
                i += 1
                continue
            }
            if c == "`" {
                i = copyCodeSpan(chars, from: i)
                continue
            }
            if c == "\\", i + 1 < chars.count {
                let next = chars[i + 1]
                if next == "(" || next == "[", let end = find(chars, from: i + 2, closing: ["\\", next == "(" ? ")" : "]"]) {
                    add(String(chars[(i + 2)..<end]), display: next == "[")
                    i = end + 2
                } else {
                    text.append(c)
                    text.append(next)
                    i += 2
                }
                continue
            }
            if c == "$" {
                if i + 1 < chars.count, chars[i + 1] == "$" {
                    if let end = find(chars, from: i + 2, closing: ["$", "$"]) {
                        add(String(chars[(i + 2)..<end]), display: true)
                        i = end + 2
                        continue
                    }
                } else if let end = inlineDollarEnd(chars, from: i) {
                    add(String(chars[(i + 1)..<end]), display: false)
                    i = end + 1
                    continue
                }
            }
            text.append(c)
            i += 1
        }
    }

    private mutating func add(_ latex: String, display: Bool) {
        text.append(Self.open)
        text.append(String(formulas.count))
        text.append(Self.close)
        text.append(String(repeating: "\n", count: latex.filter { $0 == "\n" }.count))
        formulas.append((latex.trimmingCharacters(in: .whitespacesAndNewlines), display))
    }

    /// Copies a code span (or a lone backtick run) verbatim and returns the index after it.
    private mutating func copyCodeSpan(_ chars: [Character], from start: Int) -> Int {
        var runEnd = start
        while runEnd < chars.count, chars[runEnd] == "`" { runEnd += 1 }
        let length = runEnd - start
        var j = runEnd
        while j < chars.count {
            if chars[j] == "`" {
                var k = j
                while k < chars.count, chars[k] == "`" { k += 1 }
                if k - j == length {
                    text.append(contentsOf: String(chars[start..<k]))
                    return k
                }
                j = k
            } else if chars[j] == "\n", j + 1 < chars.count, chars[j + 1] == "\n" {
                break
            } else {
                j += 1
            }
        }
        text.append(contentsOf: String(chars[start..<runEnd]))
        return runEnd
    }

    /// The index of `closing` after `from`, within the same paragraph.
    private func find(_ chars: [Character], from: Int, closing: [Character]) -> Int? {
        var j = from
        while j + closing.count <= chars.count {
            if chars[j] == "\n", j + 1 < chars.count, chars[j + 1] == "\n" { return nil }
            if Array(chars[j..<(j + closing.count)]) == closing { return j }
            j += 1
        }
        return nil
    }

    /// Pandoc's rule: `$x$` opens on a non-space and closes on a non-space not followed by a digit.
    private func inlineDollarEnd(_ chars: [Character], from start: Int) -> Int? {
        guard start + 1 < chars.count, !chars[start + 1].isWhitespace else { return nil }
        var j = start + 1
        while j < chars.count, chars[j] != "\n" {
            if chars[j] == "\\" { j += 2; continue }
            if chars[j] == "$" {
                let followedByDigit = j + 1 < chars.count && chars[j + 1].isNumber
                if !chars[j - 1].isWhitespace && !followedByDigit && j > start + 1 { return j }
                return nil
            }
            j += 1
        }
        return nil
    }

    /// Splits parsed text at formula tokens.
    func restore(_ text: String) -> [Inline] {
        guard text.contains(Self.open) else { return [.text(text)] }
        var result: [Inline] = []
        var current = ""
        var index: String?
        for c in text {
            if c == Self.open {
                index = ""
            } else if c == Self.close, let digits = index {
                if !current.isEmpty { result.append(.text(current)); current = "" }
                let formula = formulas[Int(digits)!]
                result.append(.math(latex: formula.latex, display: formula.display))
                index = nil
            } else if index != nil {
                index!.append(c)
            } else {
                current.append(c)
            }
        }
        if !current.isEmpty { result.append(.text(current)) }
        return result
    }
}

import Foundation
