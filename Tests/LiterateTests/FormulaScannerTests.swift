@testable import Literate
import Foundation
import XCTest

/// Formulas are found on UTF-8 bytes (``FormulaScanner``) and put back on bytes; both must
/// give what the first implementation, on Unicode scalars and characters, gave. That
/// implementation is kept below as the reference, and both read the same random texts.
final class FormulaScannerTests: XCTestCase {
    /// Pieces that matter to the scanner: delimiters, blank lines, non-ASCII whitespace and
    /// digits next to `$`, combining and prepended marks (which join grapheme clusters).
    static let pieces = ["$", "$", "$$", "\\", "\\(", "\\)", "\\[", "\\]", "`", "``", "\n", "\n\n", " ", "a", "x^2", "1", "\t",
                         "\u{00A0}", "\u{2003}", "²", "٣", "é", "\u{0301}", "\u{0600}", "漢", "🙂", "{", "}"]
    let tokens: (open: Character, close: Character) = ("\u{E000}", "\u{E001}")

    private func randomText(_ generator: inout some RandomNumberGenerator, length: Int) -> String {
        (0..<length).map { _ in Self.pieces.randomElement(using: &generator)! }.joined()
    }

    private func assertSame(_ markdown: String, verbatim: Set<Int>, file: StaticString = #filePath, line: UInt = #line) {
        let new = MathExtraction(markdown, tokens: tokens, verbatimLines: verbatim)
        let reference = ReferenceExtraction(markdown, tokens: tokens, verbatimLines: verbatim)
        XCTAssertEqual(Array(new.text.utf8), Array(reference.text.utf8), "text of \(markdown.debugDescription)", file: file, line: line)
        XCTAssertEqual(new.formulas.map(\.latex), reference.formulas.map(\.latex), file: file, line: line)
        XCTAssertEqual(new.formulas.map(\.source), reference.formulas.map(\.source), file: file, line: line)
        XCTAssertEqual(new.formulas.map(\.display), reference.formulas.map(\.display), file: file, line: line)
        XCTAssertEqual(new.formulas.map(\.lineBreaks), reference.formulas.map(\.lineBreaks), file: file, line: line)
    }

    func testFormulasAndTextAreThoseOfTheScalarScan() {
        var generator = SeededGenerator(seed: 11)
        for round in 0..<3000 {
            let markdown = randomText(&generator, length: 1 + round % 40)
            let lineCount = markdown.split(separator: "\n", omittingEmptySubsequences: false).count
            let verbatim = Set((1...lineCount).filter { _ in Int.random(in: 0..<4, using: &generator) == 0 })
            assertSame(markdown, verbatim: round % 3 == 0 ? [] : verbatim)
        }
    }

    func testKnownCases() {
        for markdown in ["$x$", "$ x$", "$x $", "$x$2", "$x$²", "$x\u{00A0}$", "$\u{00A0}x$", "$é$", "a $$\n b \n$$ c", "\\(a\\)",
                         "\\[\n\n\\]", "`$x$` $y$", "``a`b`` $c$", "$a\\$b$", "$ $", "", "\n", "$x$\n\n$y$\n", "\u{0600}$x$\u{0301}"] {
            assertSame(markdown, verbatim: [])
        }
    }

    /// Texts as cmark hands them back: the extraction's text, cut anywhere, sometimes with a
    /// mark or a stray token character next to a token.
    func testRestoringIsThatOfTheCharacterReading() {
        var generator = SeededGenerator(seed: 12)
        let extras = ["", "", "", "\u{0301}", "\u{0600}", "\u{E000}", "\u{E001}", "\n", "7", "é"]
        for round in 0..<3000 {
            let markdown = randomText(&generator, length: 1 + round % 40)
            let new = MathExtraction(markdown, tokens: tokens, verbatimLines: [])
            let reference = ReferenceExtraction(markdown, tokens: tokens, verbatimLines: [])
            var scalars = Array(new.text.unicodeScalars)
            for _ in 0..<3 {
                let extra = extras.randomElement(using: &generator)!
                scalars.insert(contentsOf: extra.unicodeScalars, at: Int.random(in: 0...scalars.count, using: &generator))
            }
            let cut = Int.random(in: 0...scalars.count, using: &generator)
            for part in [scalars, Array(scalars[..<cut]), Array(scalars[cut...])] {
                var text = ""
                text.unicodeScalars.append(contentsOf: part)
                XCTAssertEqual(new.restore(text), reference.restore(text), text.debugDescription)
                XCTAssertEqual(Array(new.restoreSource(text).utf8), Array(reference.restoreSource(text).utf8), text.debugDescription)
            }
        }
    }
}

/// A small deterministic generator (SplitMix64), so that every run reads the same texts.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// The first implementation of ``MathExtraction``, on Unicode scalars and characters.
struct ReferenceExtraction {
    /// A formula and where it came from.
    typealias Formula = MathExtraction.Formula

    let open: Character
    let close: Character
    /// The formulas, by token number.
    private(set) var formulas: [Formula] = []
    /// The Markdown with every formula replaced by its token.
    private(set) var text = ""

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
