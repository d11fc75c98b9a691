import CCmarkGFM

extension MarkdownDocument {
    /// How deeply block quotes, lists, emphasis and links may nest. Every walk over a document
    /// (and the conversion itself) recurses, so deeper input is an error, not a stack overflow.
    public static let maximumNesting = 100

    /// The message of the error for input nested deeper than ``maximumNesting``.
    public static let nestingMessage = "nesting deeper than \(maximumNesting) levels (block quotes, lists, emphasis, links)"
}

/// Walks cmark's tree into ``Block`` and ``Inline`` values, refusing unsafe links and input
/// nested deeper than ``MarkdownDocument/maximumNesting``.
struct MarkdownConverter {
    let path: String
    let math: MathExtraction
    /// How many body lines come before the parsed text (it may be a piece of the body).
    var lineOffset = 0

    func children(_ node: OpaquePointer) -> [OpaquePointer] {
        var result: [OpaquePointer] = []
        var child = cmark_node_first_child(node)
        while let current = child {
            result.append(current)
            child = cmark_node_next(current)
        }
        return result
    }

    /// A node's literal text, formula tokens put back as written.
    func literal(_ node: OpaquePointer) -> String {
        math.restoreSource(string(cmark_node_get_literal(node)))
    }

    func typeName(_ node: OpaquePointer) -> String {
        string(cmark_node_get_type_string(node))
    }

    func string(_ pointer: UnsafePointer<CChar>?) -> String {
        pointer.map { String(cString: $0) } ?? ""
    }

    func line(of node: OpaquePointer, else fallback: Int) -> Int {
        let line = Int(cmark_node_get_start_line(node))
        return line > 0 ? line + lineOffset : fallback
    }

    func checkDepth(_ depth: Int, line: Int) throws {
        if depth > MarkdownDocument.maximumNesting {
            throw SourceError(path: path, line: line, MarkdownDocument.nestingMessage)
        }
    }

    // MARK: - Blocks

    func blocks(of node: OpaquePointer, depth: Int = 0) throws -> [Block] {
        let blocks = try children(node).map { try block($0, depth: depth) }
        guard depth == 0 else { return blocks }
        // cmark gives a definition no label, but numbers references by their definition and puts
        // the definitions at the document's end in that order: the n-th definition is footnote n.
        var number = 0
        return blocks.map { block in
            guard case .footnoteDefinition(_, let inner, let line) = block else { return block }
            number += 1
            return .footnoteDefinition(label: String(number), blocks: inner, line: line)
        }
    }

    func block(_ node: OpaquePointer, depth: Int) throws -> Block {
        let line = Int(cmark_node_get_start_line(node)) + lineOffset
        switch cmark_node_get_type(node) {
        case CMARK_NODE_HEADING:
            return .heading(level: Int(cmark_node_get_heading_level(node)), content: try inlines(of: node, line: line, depth: depth),
                            line: line)
        case CMARK_NODE_PARAGRAPH:
            let content = try inlines(of: node, line: line, depth: depth)
            if let only = Self.onlyMeaningfulInline(content), case .math(let latex, true) = only {
                return .displayMath(latex: latex, line: line)
            }
            return .paragraph(content, line: line)
        case CMARK_NODE_LIST:
            try checkDepth(depth + 1, line: line)
            let ordered = cmark_node_get_list_type(node) == CMARK_ORDERED_LIST
            let items = try children(node).map { item in
                let inner = try blocks(of: item, depth: depth + 1)
                guard typeName(item) == "tasklist" else { return inner }
                return TaskList.item(inner, checked: cmark_gfm_extensions_get_tasklist_item_checked(item), line: line)
            }
            return .list(ordered: ordered, start: Int(cmark_node_get_list_start(node)), items: items)
        case CMARK_NODE_BLOCK_QUOTE:
            try checkDepth(depth + 1, line: line)
            let inner = try blocks(of: node, depth: depth + 1)
            return try Admonition.fromQuote(inner, path: path, line: line) ?? .blockQuote(inner)
        case CMARK_NODE_CODE_BLOCK:
            let info = math.restoreSource(string(cmark_node_get_fence_info(node)))
            var length: Int32 = 0, offset: Int32 = 0
            var character: CChar = 0
            let fenced = cmark_node_get_fenced(node, &length, &offset, &character) != 0
            return .code(CodeBlock(info: info.trimmingCharacters(in: .whitespaces), literal: literal(node), line: line,
                                   endLine: Int(cmark_node_get_end_line(node)) + lineOffset, fenced: fenced))
        case CMARK_NODE_HTML_BLOCK:
            return .html(literal(node), line: line)
        case CMARK_NODE_THEMATIC_BREAK:
            return .thematicBreak
        case CMARK_NODE_FOOTNOTE_DEFINITION:
            try checkDepth(depth + 1, line: line)
            return .footnoteDefinition(label: literal(node), blocks: try blocks(of: node, depth: depth + 1), line: line)
        default:
            if typeName(node) == "table" { return .table(try table(node, line: line, depth: depth)) }
            throw SourceError(path: path, line: line, "unsupported Markdown block '\(typeName(node))'")
        }
    }

    func table(_ node: OpaquePointer, line: Int, depth: Int) throws -> Table {
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
            let cells = try children(row).map { try inlines(of: $0, line: line, depth: depth) }
            if cmark_gfm_extensions_get_table_row_is_header(row) != 0 { header = cells } else { rows.append(cells) }
        }
        return Table(alignments: alignments, header: header, rows: rows, line: line)
    }

    // MARK: - Inlines

    /// The one inline of `content` that is not a line break or a single space, if there is
    /// exactly one.
    static func onlyMeaningfulInline(_ content: [Inline]) -> Inline? {
        var only: Inline?
        for inline in content {
            switch inline {
            case .softBreak, .lineBreak: continue
            case .text(let text) where text == " ": continue
            default:
                guard only == nil else { return nil }
                only = inline
            }
        }
        return only
    }

    /// The inline children of `node`; neighbouring text pieces are joined first (cmark splits
    /// text at some punctuation), then split at formula tokens.
    func inlines(of node: OpaquePointer, line: Int, depth: Int) throws -> [Inline] {
        var joined: [Inline] = []
        func append(_ inline: Inline) {
            if case .text(let next) = inline, case .text(let previous)? = joined.last {
                joined[joined.count - 1] = .text(previous + next)
            } else {
                joined.append(inline)
            }
        }
        // Walked without an array of children, and the common nodes without an array of
        // inlines each: a long page has millions of them.
        var child = cmark_node_first_child(node)
        while let current = child {
            if cmark_node_get_type(current) == CMARK_NODE_TEXT {
                append(.text(string(cmark_node_get_literal(current))))
            } else {
                for inline in try inline(current, line: line, depth: depth) { append(inline) }
            }
            child = cmark_node_next(current)
        }
        var result: [Inline] = []
        result.reserveCapacity(joined.count)
        for inline in joined {
            if case .text(let text) = inline, math.mayHoldToken(text) { result += math.restore(text) } else { result.append(inline) }
        }
        var breaks = 0
        for inline in result {
            if inline == .softBreak || inline == .lineBreak { breaks += 1 }
            if case .text(let text) = inline, let label = Self.undefinedFootnote(in: text) {
                throw SourceError(path: path, line: line + breaks, "footnote '[^\(label)]' is not defined")
            }
        }
        return result
    }

    /// The label of a `[^label]` left as text: cmark makes a reference of it only when the
    /// footnote is defined.
    static func undefinedFootnote(in text: String) -> String? {
        // Most text has no caret: one pass over the bytes decides.
        guard text.utf8.contains(UInt8(ascii: "^")) else { return nil }
        var rest = text[...]
        while let open = rest.range(of: "[^") {
            let after = rest[open.upperBound...]
            let label = after.prefix { $0 != "]" && !$0.isWhitespace && $0 != "[" }
            if !label.isEmpty, after.dropFirst(label.count).first == "]" { return String(label) }
            rest = after
        }
        return nil
    }


    func inline(_ node: OpaquePointer, line blockLine: Int, depth: Int) throws -> [Inline] {
        let line = self.line(of: node, else: blockLine)
        switch cmark_node_get_type(node) {
        case CMARK_NODE_TEXT: return [.text(string(cmark_node_get_literal(node)))]
        case CMARK_NODE_CODE:
            let code = literal(node)
            if code.hasPrefix("value:") {
                return [.value(name: String(code.dropFirst("value:".count)).trimmingCharacters(in: .whitespaces))]
            }
            return [.code(code)]
        case CMARK_NODE_SOFTBREAK: return [.softBreak]
        case CMARK_NODE_LINEBREAK: return [.lineBreak]
        case CMARK_NODE_HTML_INLINE: return [.html(literal(node))]
        case CMARK_NODE_FOOTNOTE_REFERENCE: return [.footnoteReference(label: literal(node))]
        case CMARK_NODE_EMPH:
            try checkDepth(depth + 1, line: line)
            return [.emphasis(try inlines(of: node, line: line, depth: depth + 1))]
        case CMARK_NODE_STRONG:
            try checkDepth(depth + 1, line: line)
            return [.strong(try inlines(of: node, line: line, depth: depth + 1))]
        case CMARK_NODE_LINK:
            try checkDepth(depth + 1, line: line)
            let destination = math.restoreSource(string(cmark_node_get_url(node)))
            if let problem = LinkPolicy.problem(withLink: destination) { throw SourceError(path: path, line: line, problem) }
            return [.link(destination: destination, title: math.restoreSource(string(cmark_node_get_title(node))),
                          content: try inlines(of: node, line: line, depth: depth + 1))]
        case CMARK_NODE_IMAGE:
            try checkDepth(depth + 1, line: line)
            let source = math.restoreSource(string(cmark_node_get_url(node)))
            if let problem = LinkPolicy.problem(withImage: source) { throw SourceError(path: path, line: line, problem) }
            return [.image(source: source, title: math.restoreSource(string(cmark_node_get_title(node))),
                           alt: plainText(try inlines(of: node, line: line, depth: depth + 1)))]
        default:
            try checkDepth(depth + 1, line: line)
            if typeName(node) == "strikethrough" { return [.strikethrough(try inlines(of: node, line: line, depth: depth + 1))] }
            return try inlines(of: node, line: line, depth: depth + 1)
        }
    }
}
