/// Finds the LaTeX formulas of Markdown prose and copies the prose with each formula replaced
/// by its token (see ``MathExtraction``), reading UTF-8 bytes.
///
/// Every delimiter (`` ` ``, `\`, `$`, `(`, `)`, `[`, `]`, newline) is ASCII, and in UTF-8 an
/// ASCII byte is never part of a longer character, so a byte scan finds the same formulas as a
/// scan of Unicode scalars (as cmark reads the text). Only the whitespace and digit tests next
/// to a `$` look at a whole scalar, which may be longer than a byte.
struct FormulaScanner {
    let bytes: UnsafeBufferPointer<UInt8>
    let open: [UInt8]
    let close: [UInt8]
    /// The text copied so far, formulas replaced by tokens.
    private(set) var output: [UInt8] = []
    /// The formulas found so far, by token number.
    private(set) var formulas: [MathExtraction.Formula] = []

    init(_ bytes: UnsafeBufferPointer<UInt8>, open: Character, close: Character) {
        self.bytes = bytes
        self.open = Array(String(open).utf8)
        self.close = Array(String(close).utf8)
        output.reserveCapacity(bytes.count + bytes.count / 8)
    }

    /// Copies `range` as it is (a verbatim line).
    mutating func copy(_ range: Range<Int>) {
        output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[range]))
    }

    /// Scans `range` a paragraph at a time: no formula or code span crosses a blank line, so
    /// each piece ends after the first newline of a "\n\n" (as a scan of the paragraphs one
    /// by one would see them).
    mutating func scanParagraphs(_ range: Range<Int>) {
        var start = range.lowerBound, index = range.lowerBound
        while index < range.upperBound {
            let next = index + 1
            if bytes[index] == newline, next < range.upperBound, bytes[next] == newline {
                scan(start..<next)
                start = next
            }
            index = next
        }
        if start < range.upperBound { scan(start..<range.upperBound) }
    }

    private let newline = UInt8(ascii: "\n"), backslash = UInt8(ascii: "\\"), dollar = UInt8(ascii: "$")
    private let backtick = UInt8(ascii: "`")

    private mutating func scan(_ range: Range<Int>) {
        let end = range.upperBound
        var i = range.lowerBound
        while i < end {
            let c = bytes[i]
            if c == backtick {
                i = copyCodeSpan(from: i, end: end)
                continue
            }
            if c == backslash, i + 1 < end {
                let next = bytes[i + 1]
                let display = next == UInt8(ascii: "[")
                if next == UInt8(ascii: "(") || display,
                   let close = find(backslash, display ? UInt8(ascii: "]") : UInt8(ascii: ")"), from: i + 2, end: end) {
                    add(source: i..<(close + 2), latex: (i + 2)..<close, display: display)
                    i = close + 2
                } else {
                    output.append(c)
                    output.append(next)
                    i += 2
                }
                continue
            }
            if c == dollar {
                if i + 1 < end, bytes[i + 1] == dollar {
                    if let close = find(dollar, dollar, from: i + 2, end: end) {
                        add(source: i..<(close + 2), latex: (i + 2)..<close, display: true)
                        i = close + 2
                        continue
                    }
                } else if let close = inlineDollarEnd(from: i, end: end) {
                    add(source: i..<(close + 1), latex: (i + 1)..<close, display: false)
                    i = close + 1
                    continue
                }
            }
            output.append(c)
            i += 1
        }
    }

    private mutating func add(source: Range<Int>, latex: Range<Int>, display: Bool) {
        var lineBreaks = 0
        for index in latex where bytes[index] == newline { lineBreaks += 1 }
        output += open
        output += String(formulas.count).utf8
        output += close
        output += repeatElement(newline, count: lineBreaks)
        formulas.append(MathExtraction.Formula(latex: Self.trimmed(string(latex)), display: display, source: string(source),
                                               lineBreaks: lineBreaks))
    }

    /// Copies a code span (or a lone backtick run) verbatim and returns the index after it.
    private mutating func copyCodeSpan(from start: Int, end: Int) -> Int {
        var runEnd = start
        while runEnd < end, bytes[runEnd] == backtick { runEnd += 1 }
        let length = runEnd - start
        var j = runEnd
        while j < end {
            if bytes[j] == backtick {
                var k = j
                while k < end, bytes[k] == backtick { k += 1 }
                if k - j == length {
                    copy(start..<k)
                    return k
                }
                j = k
            } else if bytes[j] == newline, j + 1 < end, bytes[j + 1] == newline {
                break
            } else {
                j += 1
            }
        }
        copy(start..<runEnd)
        return runEnd
    }

    /// The index of the two bytes `first second` at or after `from`, within the same paragraph.
    private func find(_ first: UInt8, _ second: UInt8, from: Int, end: Int) -> Int? {
        var j = from
        while j + 2 <= end {
            if bytes[j] == newline, bytes[j + 1] == newline { return nil }
            if bytes[j] == first, bytes[j + 1] == second { return j }
            j += 1
        }
        return nil
    }

    /// Pandoc's rule: `$x$` opens on a non-space and closes on a non-space not followed by a digit.
    private func inlineDollarEnd(from start: Int, end: Int) -> Int? {
        guard start + 1 < end, !Self.isWhitespace(scalar(at: start + 1)) else { return nil }
        var j = start + 1
        while j < end, bytes[j] != newline {
            if bytes[j] == backslash { j += 2; continue }
            if bytes[j] == dollar {
                let followedByDigit = j + 1 < end && scalar(at: j + 1).properties.numericType != nil
                if !Self.isWhitespace(scalar(endingBefore: j)) && !followedByDigit && j > start + 1 { return j }
                return nil
            }
            j += 1
        }
        return nil
    }

    private static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII ? scalar == " " || (0x09...0x0D).contains(scalar.value) : scalar.properties.isWhitespace
    }

    /// The scalar whose first byte is at `index`.
    private func scalar(at index: Int) -> Unicode.Scalar {
        let lead = bytes[index]
        if lead < 0x80 { return Unicode.Scalar(lead) }
        let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
        var value = UInt32(lead) & (0xFF >> (length + 1))
        for offset in 1..<length { value = value << 6 | UInt32(bytes[index + offset] & 0x3F) }
        return Unicode.Scalar(value) ?? "\u{FFFD}"
    }

    /// The scalar whose last byte is just before `index`.
    private func scalar(endingBefore index: Int) -> Unicode.Scalar {
        var start = index - 1
        while bytes[start] & 0xC0 == 0x80 { start -= 1 }
        return scalar(at: start)
    }

    private func string(_ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }

    /// `latex` without surrounding whitespace and newlines; most formulas have none, and
    /// finding that out on the bytes avoids Foundation's trimming.
    private static func trimmed(_ latex: String) -> String {
        let utf8 = latex.utf8
        if let first = utf8.first, let last = utf8.last, !isWhitespace(Unicode.Scalar(first)), first < 0x80,
           !isWhitespace(Unicode.Scalar(last)), last < 0x80 {
            return latex
        }
        return latex.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
