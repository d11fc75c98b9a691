/// Decides, from the bytes alone, that a piece of Markdown has no code or HTML block and that
/// its sentinel line starts its last top-level block, so that the parser's first cmark pass
/// (which finds exactly that, see ``MarkdownParser/parsePiece(_:path:tokens:lineOffset:sentinelLine:screening:)``)
/// can be skipped with the same result.
///
/// Every code or HTML block needs a line that shows it:
/// - a fenced code block opens with three backticks or tildes;
/// - an indented code block needs four columns of indentation after the prefixes of its
///   containers (`>` and one space of a quote, the content indent of a list item, or a list
///   marker followed by five spaces), that is four spaces in a row or a tab;
/// - every kind of HTML block starts with `<` followed by a letter, `/`, `!` or `?`.
///
/// A text with none of these has none of those blocks. Its sentinel follows an empty line and
/// begins at column 0, so the only block still open at the empty line that can take it in is a
/// list (the sentinel as its next item); a sentinel that does not begin like a list marker
/// (`-`, `+`, `*` or a digit) starts a new top-level block. Anything else is left to cmark.
enum VerbatimScreen {
    /// Whether `text` certainly has no code or HTML block and, when `sentinelLine` (1-based) is
    /// given, that line certainly starts its last top-level block. False means "maybe not".
    static func provesPlainPiece(_ text: String, sentinelLine: Int?) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            guard !bytes.isEmpty else { return true }
            let newline = UInt8(ascii: "\n"), space = UInt8(ascii: " ")
            var line = 1, spaces = 0, backticks = 0, tildes = 0
            var previous: UInt8 = newline
            for byte in bytes {
                if previous == newline {
                    if line == sentinelLine, Self.mayStartListItem(byte) { return false }
                }
                switch byte {
                case UInt8(ascii: "\t"): return false
                case space:
                    spaces += 1
                    if spaces == 4 { return false }
                case UInt8(ascii: "`"):
                    backticks += 1
                    if backticks == 3 { return false }
                case UInt8(ascii: "~"):
                    tildes += 1
                    if tildes == 3 { return false }
                default: break
                }
                if byte != space { spaces = 0 }
                if byte != UInt8(ascii: "`") { backticks = 0 }
                if byte != UInt8(ascii: "~") { tildes = 0 }
                if previous == UInt8(ascii: "<"), Self.mayFollowTagOpening(byte) { return false }
                if byte == newline { line += 1 }
                previous = byte
            }
            return true
        }
    }

    /// Whether a line beginning with `byte` may be a list item.
    static func mayStartListItem(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "*")
            || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }

    /// Whether `byte` after `<` may open an HTML block.
    static func mayFollowTagOpening(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
            || byte == UInt8(ascii: "/") || byte == UInt8(ascii: "!") || byte == UInt8(ascii: "?")
    }
}
