import CCmarkGFM
import Foundation

/// Parses CommonMark with GitHub tables (cmark-gfm) into a ``MarkdownDocument``.
///
/// The text is first made uniform (``SourceText``: UTF-8, LF line endings, no NUL). Then an
/// optional front matter block (`---` lines around `key: value` lines) is read and LaTeX
/// formulas are set aside (see ``MathExtraction``); both keep every line where it was, so
/// parser line numbers are file line numbers.
public enum MarkdownParser {
    /// Parses the Markdown file at `path`. A file whose text is exactly that of an earlier parse
    /// in this process gives that parse's document (see ``ParsedFiles``).
    public static func parse(fileAt path: String) throws -> MarkdownDocument {
        if let document = ParsedFiles.shared.document(fileAt: path) { return document }
        let text = try SourceText.read(fileAt: path)
        let document = try parse(text, path: path)
        ParsedFiles.shared.keep(document, path: path, text: text)
        return document
    }

    /// Parses Markdown text; `path` names it in error messages.
    public static func parse(_ markdown: String, path: String) throws -> MarkdownDocument {
        try parse(markdown, path: path, pieceSize: DocumentSegments.pieceSize)
    }

    /// Parses Markdown text in pieces of about `pieceSize` bytes (nil: whole), which gives the
    /// same document as one parse (see ``DocumentSegments``).
    static func parse(_ markdown: String, path: String, pieceSize: Int?, screening: Bool = true) throws -> MarkdownDocument {
        let (frontMatter, text) = try splitFrontMatter(try SourceText.normalized(markdown, path: path), path: path)
        let body = Admonition.rewritingMkDocsForm(text)
        guard let tokens = MathExtraction.tokenCharacters(avoiding: body) else {
            throw SourceError(path: path, line: 1, "the file uses every private-use character (U+E000–U+F8FF); formulas need two of them")
        }
        var blocks: [Block] = []
        try DocumentSegments(body, pieceSize: pieceSize).forEachPiece { piece in
            let text = piece.bytes.count == body.utf8.count ? body : Self.substring(of: body, piece.bytes)
            guard let pieceBlocks = try parsePiece(text, path: path, tokens: tokens, lineOffset: piece.firstLine - 1,
                                                   sentinelLine: piece.sentinelLine, screening: screening) else { return false }
            blocks += pieceBlocks
            return true
        }
        // The pieces' parse trees, freed by now, took many times the body's size.
        FreedMemory.release()
        guard !blocks.isEmpty else {
            throw SourceError(path: path, line: 1, "the tutorial is empty" + (frontMatter.isEmpty ? "" : " after its front matter"))
        }
        return MarkdownDocument(path: path, frontMatter: frontMatter, blocks: blocks)
    }

    /// The blocks of one piece of the body (see ``DocumentSegments``), without its sentinel
    /// line's block; nil when the sentinel does not start the last top-level block.
    /// - Parameter screening: Whether a piece that ``VerbatimScreen`` proves plain skips the
    ///   first parse (false: always parse twice, as tests compare).
    static func parsePiece(_ text: String, path: String, tokens: (open: Character, close: Character), lineOffset: Int,
                           sentinelLine: Int?, screening: Bool = true) throws -> [Block]? {
        // A first parse finds the code and HTML blocks, whose lines hold no formulas; a piece
        // of plain prose needs none (it would find no such block, and the sentinel in place).
        let verbatim: Set<Int>
        if screening && VerbatimScreen.provesPlainPiece(text, sentinelLine: sentinelLine) {
            verbatim = []
        } else {
            guard let found = try verbatimLines(of: text, path: path, sentinelLine: sentinelLine) else { return nil }
            verbatim = found
        }
        let math = MathExtraction(text, tokens: tokens, verbatimLines: verbatim)
        return try withDocument(math.text, path: path) { root in
            guard startsLastBlock(root, sentinelLine: sentinelLine) else { return nil }
            let blocks = try MarkdownConverter(path: path, math: math, lineOffset: lineOffset).blocks(of: root)
            return sentinelLine == nil ? blocks : Array(blocks.dropLast())
        }
    }

    /// The first parse of a piece: the lines of its code and HTML blocks, or nil when the
    /// sentinel does not start the last top-level block.
    static func verbatimLines(of text: String, path: String, sentinelLine: Int?) throws -> Set<Int>? {
        try withDocument(text, path: path) { startsLastBlock($0, sentinelLine: sentinelLine) ? verbatimLines(of: $0) : nil }
    }

    /// Whether the line `sentinelLine` (nil: none to check) starts the last top-level block.
    static func startsLastBlock(_ root: OpaquePointer, sentinelLine: Int?) -> Bool {
        guard let line = sentinelLine else { return true }
        return cmark_node_last_child(root).map { Int(cmark_node_get_start_line($0)) == line } ?? false
    }

    static func substring(of text: String, _ bytes: Range<Int>) -> String {
        let utf8 = text.utf8
        let start = utf8.index(utf8.startIndex, offsetBy: bytes.lowerBound), end = utf8.index(start, offsetBy: bytes.count)
        return String(text[start..<end])
    }

    /// Parses `markdown` with cmark-gfm (tables, strikethrough) and hands the tree to `body`.
    static func withDocument<T>(_ markdown: String, path: String, _ body: (OpaquePointer) throws -> T) throws -> T {
        cmark_gfm_core_extensions_ensure_registered()
        guard let parser = cmark_parser_new(CMARK_OPT_VALIDATE_UTF8 | CMARK_OPT_FOOTNOTES) else {
            throw SourceError(path: path, line: 1, "cannot create the CommonMark parser")
        }
        defer { cmark_parser_free(parser) }
        for name in ["table", "strikethrough", "tasklist"] {
            if let extension_ = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, extension_)
            }
        }
        var bytes = markdown
        bytes.withUTF8 { buffer in
            buffer.withMemoryRebound(to: CChar.self) { cmark_parser_feed(parser, $0.baseAddress, $0.count) }
        }
        guard let root = cmark_parser_finish(parser) else {
            throw SourceError(path: path, line: 1, "the CommonMark parser failed")
        }
        defer { cmark_node_free(root) }
        return try body(root)
    }

    /// The lines of code blocks and HTML blocks. Only containers of blocks (the document,
    /// block quotes, lists, list items) are looked into: paragraphs, headings and tables hold
    /// inline content only, and skipping it saves visiting every inline node. The walk keeps
    /// its own stack (no recursion), so any nesting depth is fine here.
    static func verbatimLines(of root: OpaquePointer) -> Set<Int> {
        var lines = Set<Int>()
        var pending = [root]
        while let node = pending.popLast() {
            var child = cmark_node_first_child(node)
            while let current = child {
                switch cmark_node_get_type(current) {
                case CMARK_NODE_CODE_BLOCK, CMARK_NODE_HTML_BLOCK:
                    let start = Int(cmark_node_get_start_line(current)), end = Int(cmark_node_get_end_line(current))
                    if start > 0, end >= start { lines.formUnion(start...end) }
                case CMARK_NODE_BLOCK_QUOTE, CMARK_NODE_LIST, CMARK_NODE_ITEM:
                    pending.append(current)
                default: break
                }
                child = cmark_node_next(current)
            }
        }
        return lines
    }

    /// Reads `---`-delimited `key: value` lines at the top; returns them and the text
    /// with those lines blanked.
    static func splitFrontMatter(_ markdown: String, path: String) throws -> ([(key: String, value: String)], String) {
        // Only the lines up to the closing '---' are split off; the body (maybe megabytes) is not.
        var lines: [Substring] = []
        var rest = markdown[...]
        func isFence(_ line: Substring) -> Bool { line.trimmingCharacters(in: .whitespaces) == "---" }
        while lines.count < 2 || !isFence(lines.last!) {
            guard !rest.isEmpty || lines.isEmpty else { break }
            let newline = rest.firstIndex(of: "\n")
            lines.append(rest[..<(newline ?? rest.endIndex)])
            rest = newline.map { rest[rest.index(after: $0)...] } ?? rest[rest.endIndex...]
            if lines.count == 1 && !isFence(lines[0]) { return ([], markdown) }
            if newline == nil { break }
        }
        guard lines.count >= 2, isFence(lines.last!) else {
            throw SourceError(path: path, line: 1, "front matter opened with '---' is never closed")
        }
        let end = lines.count - 1
        var entries: [(key: String, value: String)] = []
        for index in 1..<end {
            let line = lines[index]
            if line.trimmingCharacters(in: .whitespaces).isEmpty || line.hasPrefix("#") { continue }
            guard let colon = line.firstIndex(of: ":") else {
                throw SourceError(path: path, line: index + 1, "front matter line is not 'key: value': \(line)")
            }
            let key = line[..<colon].trimmingCharacters(in: .whitespaces)
            var value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            if value.count >= 2, value.first == "\"", value.last == "\"" { value = String(value.dropFirst().dropLast()) }
            guard !key.isEmpty, key.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }) else {
                throw SourceError(path: path, line: index + 1, "front matter key '\(key)' is not a plain word")
            }
            guard MarkdownDocument.frontMatterKeys.contains(key) else {
                let known = MarkdownDocument.frontMatterKeys.sorted().joined(separator: ", ")
                throw SourceError(path: path, line: index + 1, "unknown front matter key '\(key)' (known: \(known))")
            }
            guard !entries.contains(where: { $0.key == key }) else {
                throw SourceError(path: path, line: index + 1, "front matter key '\(key)' appears twice")
            }
            entries.append((key, value))
        }
        // The front matter's lines become empty lines, so the body keeps its line numbers.
        let closedByNewline = rest.startIndex != markdown.endIndex || markdown.hasSuffix("\n")
        return (entries, String(repeating: "\n", count: closedByNewline ? end + 1 : end) + rest)
    }
}

/// The text of inline content without markup (for alt text, titles and ids).
public func plainText(_ inlines: [Inline]) -> String {
    inlines.map { inline -> String in
        switch inline {
        case .text(let text), .code(let text), .html(let text): return text
        case .emphasis(let inner), .strong(let inner), .strikethrough(let inner): return plainText(inner)
        case .link(_, _, let content): return plainText(content)
        case .image(_, _, let alt): return alt
        case .softBreak, .lineBreak: return " "
        case .math(let latex, _): return latex
        case .value(let name): return name
        case .footnoteReference, .taskCheckbox: return ""
        }
    }.joined()
}
