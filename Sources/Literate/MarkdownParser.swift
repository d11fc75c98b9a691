import CCmarkGFM
import Foundation

/// Parses CommonMark with GitHub tables (cmark-gfm) into a ``MarkdownDocument``.
///
/// Before parsing, an optional front matter block (`---` lines around `key: value`
/// lines) is read and LaTeX formulas are set aside (see ``MathExtraction``); both keep
/// every line where it was, so parser line numbers are file line numbers.
public enum MarkdownParser {
    /// Parses the Markdown file at `path`.
    public static func parse(fileAt path: String) throws -> MarkdownDocument {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw SourceError(path: path, line: 1, "cannot read the file")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw SourceError(path: path, line: 1, "the file is not UTF-8")
        }
        return try parse(text, path: path)
    }

    /// Parses Markdown text; `path` names it in error messages.
    public static func parse(_ markdown: String, path: String) throws -> MarkdownDocument {
        let (frontMatter, body) = try splitFrontMatter(markdown, path: path)
        let math = MathExtraction(body)
        cmark_gfm_core_extensions_ensure_registered()
        guard let parser = cmark_parser_new(CMARK_OPT_VALIDATE_UTF8) else {
            throw SourceError(path: path, line: 1, "cannot create the CommonMark parser")
        }
        defer { cmark_parser_free(parser) }
        for name in ["table", "strikethrough"] {
            if let extension_ = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, extension_)
            }
        }
        let bytes = Array(math.text.utf8)
        bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                cmark_parser_feed(parser, $0, buffer.count)
            }
        }
        guard let root = cmark_parser_finish(parser) else {
            throw SourceError(path: path, line: 1, "the CommonMark parser failed")
        }
        defer { cmark_node_free(root) }
        let converter = Converter(path: path, math: math)
        return MarkdownDocument(path: path, frontMatter: frontMatter, blocks: try converter.blocks(of: root))
    }

    /// Reads `---`-delimited `key: value` lines at the top; returns them and the text
    /// with those lines blanked.
    static func splitFrontMatter(_ markdown: String, path: String) throws -> ([(key: String, value: String)], String) {
        var lines = markdown.components(separatedBy: "\n")
        guard lines.first?.trimmingCharacters(in: .whitespaces) == "---" else { return ([], markdown) }
        guard let end = lines.indices.dropFirst().first(where: { lines[$0].trimmingCharacters(in: .whitespaces) == "---" }) else {
            throw SourceError(path: path, line: 1, "front matter opened with '---' is never closed")
        }
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
            guard !entries.contains(where: { $0.key == key }) else {
                throw SourceError(path: path, line: index + 1, "front matter key '\(key)' appears twice")
            }
            entries.append((key, value))
        }
        for index in 0...end { lines[index] = "" }
        return (entries, lines.joined(separator: "\n"))
    }
}

/// Walks cmark's tree into ``Block`` and ``Inline`` values.
private struct Converter {
    let path: String
    let math: MathExtraction

    func children(_ node: OpaquePointer) -> [OpaquePointer] {
        var result: [OpaquePointer] = []
        var child = cmark_node_first_child(node)
        while let current = child {
            result.append(current)
            child = cmark_node_next(current)
        }
        return result
    }

    func literal(_ node: OpaquePointer) -> String {
        cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
    }

    func typeName(_ node: OpaquePointer) -> String {
        cmark_node_get_type_string(node).map { String(cString: $0) } ?? ""
    }

    func blocks(of node: OpaquePointer) throws -> [Block] {
        try children(node).map(block)
    }

    func block(_ node: OpaquePointer) throws -> Block {
        let line = Int(cmark_node_get_start_line(node))
        switch cmark_node_get_type(node) {
        case CMARK_NODE_HEADING:
            return .heading(level: Int(cmark_node_get_heading_level(node)), content: inlines(of: node), line: line)
        case CMARK_NODE_PARAGRAPH:
            let content = inlines(of: node)
            let meaningful = content.filter { $0 != .softBreak && $0 != .lineBreak && $0 != .text(" ") }
            if meaningful.count == 1, case .math(let latex, true) = meaningful[0] {
                return .displayMath(latex: latex, line: line)
            }
            return .paragraph(content, line: line)
        case CMARK_NODE_LIST:
            let ordered = cmark_node_get_list_type(node) == CMARK_ORDERED_LIST
            let items = try children(node).map { try blocks(of: $0) }
            return .list(ordered: ordered, start: Int(cmark_node_get_list_start(node)), items: items)
        case CMARK_NODE_BLOCK_QUOTE:
            return .blockQuote(try blocks(of: node))
        case CMARK_NODE_CODE_BLOCK:
            let info = cmark_node_get_fence_info(node).map { String(cString: $0) } ?? ""
            var length: Int32 = 0, offset: Int32 = 0
            var character: CChar = 0
            let fenced = cmark_node_get_fenced(node, &length, &offset, &character) != 0
            return .code(CodeBlock(info: info.trimmingCharacters(in: .whitespaces), literal: literal(node), line: line,
                                   endLine: Int(cmark_node_get_end_line(node)), fenced: fenced))
        case CMARK_NODE_HTML_BLOCK:
            return .html(literal(node), line: line)
        case CMARK_NODE_THEMATIC_BREAK:
            return .thematicBreak
        default:
            if typeName(node) == "table" { return .table(table(node, line: line)) }
            throw SourceError(path: path, line: line, "unsupported Markdown block '\(typeName(node))'")
        }
    }

    func table(_ node: OpaquePointer, line: Int) -> Table {
        let columns = Int(cmark_gfm_extensions_get_table_columns(node))
        var alignments: [ColumnAlignment] = []
        if let raw = cmark_gfm_extensions_get_table_alignments(node) {
            for column in 0..<columns {
                switch UInt8(raw[column]) {
                case UInt8(ascii: "l"): alignments.append(.left)
                case UInt8(ascii: "c"): alignments.append(.center)
                case UInt8(ascii: "r"): alignments.append(.right)
                default: alignments.append(.none)
                }
            }
        }
        var header: [[Inline]] = []
        var rows: [[[Inline]]] = []
        for row in children(node) {
            let cells = children(row).map { inlines(of: $0) }
            if cmark_gfm_extensions_get_table_row_is_header(row) != 0 { header = cells } else { rows.append(cells) }
        }
        return Table(alignments: alignments, header: header, rows: rows, line: line)
    }

    func inlines(of node: OpaquePointer) -> [Inline] {
        var result: [Inline] = []
        for child in children(node) { result.append(contentsOf: inline(child)) }
        return merged(result)
    }

    func inline(_ node: OpaquePointer) -> [Inline] {
        switch cmark_node_get_type(node) {
        case CMARK_NODE_TEXT: return math.restore(literal(node))
        case CMARK_NODE_CODE:
            let code = literal(node)
            if code.hasPrefix("value:") {
                return [.value(name: String(code.dropFirst("value:".count)).trimmingCharacters(in: .whitespaces))]
            }
            return [.code(code)]
        case CMARK_NODE_SOFTBREAK: return [.softBreak]
        case CMARK_NODE_LINEBREAK: return [.lineBreak]
        case CMARK_NODE_HTML_INLINE: return [.html(literal(node))]
        case CMARK_NODE_EMPH: return [.emphasis(inlines(of: node))]
        case CMARK_NODE_STRONG: return [.strong(inlines(of: node))]
        case CMARK_NODE_LINK:
            return [.link(destination: string(cmark_node_get_url(node)), title: string(cmark_node_get_title(node)),
                          content: inlines(of: node))]
        case CMARK_NODE_IMAGE:
            return [.image(source: string(cmark_node_get_url(node)), title: string(cmark_node_get_title(node)),
                           alt: plainText(inlines(of: node)))]
        default:
            if typeName(node) == "strikethrough" { return [.strikethrough(inlines(of: node))] }
            return inlines(of: node)
        }
    }

    func string(_ pointer: UnsafePointer<CChar>?) -> String {
        pointer.map { String(cString: $0) } ?? ""
    }

    /// Joins neighbouring text pieces (cmark splits text at some punctuation).
    func merged(_ inlines: [Inline]) -> [Inline] {
        var result: [Inline] = []
        for inline in inlines {
            if case .text(let next) = inline, case .text(let previous)? = result.last {
                result[result.count - 1] = .text(previous + next)
            } else {
                result.append(inline)
            }
        }
        return result
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
        }
    }.joined()
}
