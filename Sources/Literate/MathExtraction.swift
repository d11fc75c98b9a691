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
        var markdown = markdown
        (text, formulas) = markdown.withUTF8 { bytes in
            var scanner = FormulaScanner(bytes, open: tokens.open, close: tokens.close)
            // The prose between two verbatim lines is one run of bytes, scanned in one go.
            var line = 1, lineStart = 0, proseStart = 0
            while true {
                let newline = bytes[lineStart...].firstIndex(of: UInt8(ascii: "\n"))
                let lineEnd = newline.map { $0 + 1 } ?? bytes.count
                if verbatimLines.contains(line) {
                    scanner.scanParagraphs(proseStart..<lineStart)
                    scanner.copy(lineStart..<lineEnd)
                    proseStart = lineEnd
                }
                guard newline != nil else { break }
                line += 1
                lineStart = lineEnd
            }
            scanner.scanParagraphs(proseStart..<bytes.count)
            return (String(decoding: scanner.output, as: UTF8.self), scanner.formulas)
        }
    }
}
