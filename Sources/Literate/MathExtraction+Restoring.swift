/// Putting formulas back into the parsed text.
///
/// Texts are read on their UTF-8 bytes. The first reading of a token (kept for the rare text
/// that needs it) went character by character, and a grapheme cluster can join a token
/// character to its neighbour (a prepended mark before `open`, a combining mark after
/// `close`), which makes it no token. A text with such a neighbour is read that way still.
extension MathExtraction {
    /// Splits parsed prose text at formula tokens.
    func restore(_ text: String) -> [Inline] {
        guard mayHoldToken(text) else { return [.text(text)] }
        var text = text
        let restored = text.withUTF8 { bytes -> [Inline]? in
            guard let tokens = tokens(in: bytes) else { return nil }
            var result: [Inline] = []
            var literalStart = 0
            for token in tokens {
                if token.range.lowerBound > literalStart { result.append(.text(Self.string(bytes, literalStart..<token.range.lowerBound))) }
                result.append(.math(latex: token.formula.latex, display: token.formula.display))
                literalStart = token.range.upperBound
            }
            if literalStart < bytes.count { result.append(.text(Self.string(bytes, literalStart..<bytes.count))) }
            return result
        }
        return restored ?? restoreByCharacters(text)
    }

    /// `text` (a code literal, URL, title or raw HTML) with every token put back as the
    /// formula's source, so no token is ever shown.
    func restoreSource(_ text: String) -> String {
        guard mayHoldToken(text) else { return text }
        var text = text
        let restored = text.withUTF8 { bytes -> String? in
            guard let tokens = tokens(in: bytes) else { return nil }
            var result: [UInt8] = []
            var literalStart = 0
            for token in tokens {
                result += bytes[literalStart..<token.range.lowerBound]
                result += token.formula.source.utf8
                // The newlines kept after the token stand for the formula's own.
                literalStart = token.range.upperBound
                var skipped = 0
                while skipped < token.formula.lineBreaks, literalStart < bytes.count,
                      bytes[literalStart] == UInt8(ascii: "\n") {
                    literalStart += 1
                    skipped += 1
                }
            }
            result += bytes[literalStart..<bytes.count]
            return String(decoding: result, as: UTF8.self)
        }
        return restored ?? restoreSourceByCharacters(text)
    }

    /// The well-formed tokens of `bytes`, in order: each one's bytes and formula; nil when a
    /// token character has a non-ASCII neighbour that might join it into one grapheme cluster.
    private func tokens(in bytes: UnsafeBufferPointer<UInt8>) -> [(range: Range<Int>, formula: Formula)]? {
        let open = Array(String(self.open).utf8), close = Array(String(self.close).utf8)
        func matches(_ pattern: [UInt8], at index: Int) -> Bool {
            index + pattern.count <= bytes.count && pattern.indices.allSatisfy { bytes[index + $0] == pattern[$0] }
        }
        var found: [(range: Range<Int>, formula: Formula)] = []
        var index = 0
        while index < bytes.count {
            guard matches(open, at: index) else { index += 1; continue }
            if index > 0, bytes[index - 1] >= 0x80 { return nil }
            let digitsStart = index + open.count
            var end = digitsStart
            while end < bytes.count, bytes[end] >= UInt8(ascii: "0"), bytes[end] <= UInt8(ascii: "9") { end += 1 }
            // Whatever else follows the digits (another `open` too) is read from there on.
            guard matches(close, at: end) else { index = end; continue }
            let after = end + close.count
            if let number = Int(Self.string(bytes, digitsStart..<end)), formulas.indices.contains(number) {
                if after < bytes.count, bytes[after] >= 0x80 { return nil }
                found.append((index..<after, formulas[number]))
            }
            index = after
        }
        return found
    }

    private static func string(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }

    /// Whether `text` holds the scalar `open` (a grapheme-cluster search, which the checks
    /// after this one keep, reads every character; most texts hold no formula).
    func mayHoldToken(_ text: String) -> Bool {
        let scalar = open.unicodeScalars.first!.value
        // Private-use scalars are three UTF-8 bytes.
        let lead = UInt8(0xE0 | scalar >> 12), middle = UInt8(0x80 | (scalar >> 6) & 0x3F), last = UInt8(0x80 | scalar & 0x3F)
        var state = 0
        for byte in text.utf8 {
            switch state {
            case 1: state = byte == middle ? 2 : 0
            case 2: if byte == last { return true }; state = 0
            default: break
            }
            if state == 0, byte == lead { state = 1 }
        }
        return false
    }

    // MARK: - Reading character by character

    private func restoreByCharacters(_ text: String) -> [Inline] {
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

    private func restoreSourceByCharacters(_ text: String) -> String {
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
