import Literate

/// The headings of a page's body in the order the page writer writes them, each with its id
/// and the words of the prose that follows it: the one numbering of ids that the page, its
/// contents list and the search index share.
public struct HeadingOutline: Equatable {
    /// One heading of the body and the prose up to the next heading.
    public struct Section: Equatable {
        public var level: Int
        /// The heading's `id` on the page (unique within it).
        public var id: String
        public var title: String
        /// The plain text of the paragraphs, lists and quotes of the section, at most
        /// ``textLimit`` characters (a formula or computed value is “…”, code blocks are left out).
        public var text: String

        public init(level: Int, id: String, title: String, text: String) {
            self.level = level
            self.id = id
            self.title = title
            self.text = text
        }
    }

    /// How much of a section's prose is kept for search: enough to find it by its words,
    /// little enough that the index of a long tutorial stays small.
    public static let textLimit = 600
    /// How much prose one page contributes to the search index in all: past it, sections are
    /// found by their headings only, so that a very long tutorial does not make a huge index.
    public static let pageTextLimit = 200_000

    private var textBytes = 0
    private let keepsText: Bool

    public private(set) var sections: [Section] = []

    /// The outline of `document`; its level-1 headings are the page's title, not part of the body.
    /// - Parameter keepingText: Whether to keep each section's prose (the search index needs it,
    ///   the page's heading ids do not).
    public init(_ document: MarkdownDocument, keepingText: Bool = true) {
        keepsText = keepingText
        var slugger = Slugger()
        let body = document.blocks.filter { if case .heading(1, _, _) = $0 { return false } else { return true } }
        walk(body, slugger: &slugger, depth: 0)
    }

    // Deeper than the writer accepts, nothing is walked: the writer refuses the page anyway.
    private mutating func walk(_ blocks: [Block], slugger: inout Slugger, depth: Int) {
        guard depth < MarkdownDocument.maximumNesting else { return }
        for block in blocks {
            switch block {
            case .heading(let level, let content, _):
                let title = plainText(content)
                sections.append(Section(level: level, id: slugger.slug(title), title: title, text: ""))
            case .paragraph(let content, _) where needsText: append(Self.prose(content, depth: depth))
            case .list(_, _, let items): for item in items { walk(item, slugger: &slugger, depth: depth + 1) }
            case .blockQuote(let inner): walk(inner, slugger: &slugger, depth: depth + 1)
            case .footnoteDefinition(_, let inner, _): walk(inner, slugger: &slugger, depth: depth + 1)
            case .admonition(_, let title, let inner, _):
                if needsText { append(Self.prose(title, depth: depth)) }
                walk(inner, slugger: &slugger, depth: depth + 1)
            case .paragraph, .table, .code, .html, .thematicBreak, .displayMath: break
            }
        }
    }

    // Prose before the first heading belongs to no section: the search finds the page by its
    // title and summary instead.
    private var needsText: Bool {
        keepsText && textBytes < Self.pageTextLimit && (sections.last.map { $0.text.utf8.count < Self.textLimit } ?? false)
    }

    private mutating func append(_ words: String) {
        guard let last = sections.indices.last, !words.isEmpty else { return }
        var text = sections[last].text
        textBytes -= text.utf8.count
        text += (text.isEmpty ? "" : " ") + words
        if text.utf8.count > Self.textLimit { text = String(text.prefix(Self.textLimit)) }
        textBytes += text.utf8.count
        sections[last].text = text
    }

    /// The words of inline content a reader searches for: text, code spans and link text.
    static func prose(_ content: [Inline], depth: Int) -> String {
        guard depth < MarkdownDocument.maximumNesting else { return "" }
        var words = ""
        for inline in content {
            switch inline {
            case .text(let text), .code(let text): words += text
            case .emphasis(let inner), .strong(let inner), .strikethrough(let inner), .link(_, _, let inner): words += prose(inner, depth: depth + 1)
            case .softBreak, .lineBreak: words += " "
            // A formula or a computed value is not in the Markdown's words: an ellipsis keeps its place.
            case .math, .value: words += " … "
            case .image, .html, .footnoteReference, .taskCheckbox: break
            }
        }
        return collapsingWhitespace(words)
    }

    /// `text` with every run of white space made one space and none at either end (ASCII white
    /// space is tested without a Unicode property lookup).
    public static func collapsingWhitespace(_ text: String) -> String {
        var scalars = String.UnicodeScalarView(), pendingSpace = false
        for scalar in text.unicodeScalars {
            let isSpace = scalar.value < 0x80 ? (scalar == " " || (0x09...0x0D).contains(scalar.value)) : scalar.properties.isWhitespace
            if isSpace {
                pendingSpace = !scalars.isEmpty
            } else {
                if pendingSpace { scalars.append(" ") }
                pendingSpace = false
                scalars.append(scalar)
            }
        }
        return String(scalars)
    }
}
