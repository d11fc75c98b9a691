/// Inline content of a Markdown paragraph, heading or table cell.
public enum Inline: Equatable, Sendable {
    // Only the largest cases are boxed: a long page holds millions of inlines, and boxing
    // every one (an `indirect enum`) costs an allocation each. Nested content is in arrays,
    // which need no box.

    /// Plain text.
    case text(String)
    /// An inline code span.
    case code(String)
    /// Emphasis (`*x*`).
    case emphasis([Inline])
    /// Strong emphasis (`**x**`).
    case strong([Inline])
    /// Strikethrough (`~~x~~`).
    case strikethrough([Inline])
    /// A link.
    indirect case link(destination: String, title: String, content: [Inline])
    /// An image; `figure:NAME` sources are placeholders for a step's figure.
    indirect case image(source: String, title: String, alt: String)
    /// A soft line break (rendered as a space).
    case softBreak
    /// A hard line break.
    case lineBreak
    /// Raw HTML in the Markdown, which the page shows as text.
    case html(String)
    /// A LaTeX formula (`$…$`, `\(…\)`, or display `$$…$$`, `\[…\]`).
    case math(latex: String, display: Bool)
    /// A placeholder (`` `value:NAME` ``) for a value a step computed.
    case value(name: String)
    /// A footnote reference (`[^label]`); the label is the footnote's number (cmark numbers
    /// footnotes in the order of their first reference), as in ``Block/footnoteDefinition(label:blocks:line:)``.
    case footnoteReference(label: String)
    /// The check box that opens a task list item (`- [x] done`), first in the item's first paragraph.
    case taskCheckbox(checked: Bool)
}

/// How a table column is aligned.
public enum ColumnAlignment: String, Sendable, Equatable, Codable {
    case none, left, center, right
}

/// A GitHub-flavoured Markdown table.
public struct Table: Sendable, Equatable {
    /// One alignment per column.
    public var alignments: [ColumnAlignment]
    /// The header row's cells.
    public var header: [[Inline]]
    /// The body rows' cells.
    public var rows: [[[Inline]]]
    /// The line of the table in the Markdown file.
    public var line: Int

    public init(alignments: [ColumnAlignment], header: [[Inline]], rows: [[[Inline]]], line: Int) {
        self.alignments = alignments
        self.header = header
        self.rows = rows
        self.line = line
    }
}

/// A fenced or indented code block, with where it sits in the file.
public struct CodeBlock: Sendable, Equatable {
    /// The info string after the opening fence, e.g. `swift step=setup-balancer`.
    public var info: String
    /// The code, ending with a newline unless empty.
    public var literal: String
    /// Line of the opening fence (1-based).
    public var line: Int
    /// Line of the closing fence (or of the last code line when unfenced).
    public var endLine: Int
    /// Whether the block is fenced.
    public var fenced: Bool

    public init(info: String, literal: String, line: Int, endLine: Int, fenced: Bool) {
        self.info = info
        self.literal = literal
        self.line = line
        self.endLine = endLine
        self.fenced = fenced
    }

    /// The first word of the info string (the language), lower-cased.
    public var language: String {
        info.split(separator: " ").first.map { $0.lowercased() } ?? ""
    }
}

/// A block of a Markdown document.
public enum Block: Sendable, Equatable {
    // As for `Inline`, only the largest cases are boxed.

    case heading(level: Int, content: [Inline], line: Int)
    case paragraph([Inline], line: Int)
    case list(ordered: Bool, start: Int, items: [[Block]])
    case blockQuote([Block])
    indirect case code(CodeBlock)
    case html(String, line: Int)
    indirect case table(Table)
    case thematicBreak
    /// A paragraph that holds only one display formula.
    case displayMath(latex: String, line: Int)
    /// A call-out box (see ``Admonition``): its kind, its title (empty: the kind's name) and its body.
    case admonition(kind: String, title: [Inline], blocks: [Block], line: Int)
    /// A footnote's text (`[^label]: …`); cmark puts every referenced one at the document's end.
    case footnoteDefinition(label: String, blocks: [Block], line: Int)
}

extension Block {
    /// The block's line in the Markdown file, when it records one.
    public var line: Int? {
        switch self {
        case .heading(_, _, let line), .paragraph(_, let line), .html(_, let line), .displayMath(_, let line),
             .admonition(_, _, _, let line), .footnoteDefinition(_, _, let line): return line
        case .code(let code): return code.line
        case .table(let table): return table.line
        case .list, .blockQuote, .thematicBreak: return nil
        }
    }
}

/// A parsed Markdown file.
public struct MarkdownDocument: Sendable {
    /// The file's path as given to the parser (used in messages).
    public var path: String
    /// The front matter's keys and values, in file order.
    public var frontMatter: [(key: String, value: String)]
    /// The blocks after the front matter.
    public var blocks: [Block]

    /// The front-matter keys a tutorial may use: the page title, the index's summary, and the
    /// metadata row (level, prerequisites, format). Any other key is an error at its line, so a
    /// typo cannot be dropped silently.
    public static let frontMatterKeys = ["title", "summary", "level", "prerequisites", "format"]

    /// The value of a front-matter key.
    public func metadata(_ key: String) -> String? {
        frontMatter.first { $0.key == key }?.value
    }

    /// Every code block, depth first, in document order.
    public var codeBlocks: [CodeBlock] {
        var found: [CodeBlock] = []
        func visit(_ blocks: [Block]) {
            for block in blocks {
                switch block {
                case .code(let code): found.append(code)
                case .list(_, _, let items): items.forEach(visit)
                case .blockQuote(let inner), .admonition(_, _, let inner, _), .footnoteDefinition(_, let inner, _): visit(inner)
                default: break
                }
            }
        }
        visit(blocks)
        return found
    }
}

/// A problem in a Markdown file, at a line.
public struct SourceError: Error, CustomStringConvertible, Equatable {
    public var path: String
    public var line: Int
    public var message: String

    public init(path: String, line: Int, _ message: String) {
        self.path = path
        self.line = line
        self.message = message
    }

    public var description: String { "\(path):\(line): \(message)" }
}
