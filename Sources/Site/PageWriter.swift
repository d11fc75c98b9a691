import Foundation
import Literate

/// Turns a finished ``TutorialRun`` into the files of its page: `index.html`, the
/// stylesheet, the script and one PNG per figure. Nothing here runs code; every number comes
/// from the run.
public struct PageWriter {
    let run: TutorialRun
    let path: String
    let neighbors: PageNeighbors
    var html = HTMLBuilder()
    /// The ids of the body's headings, in the order they are written (see ``HeadingOutline``).
    private let headingIDs: [String]
    private var headingsWritten = 0
    var toc: [(level: Int, id: String, title: String)] = []
    /// Footnote numbers by lower-cased label, and how many references to each are written.
    let footnoteNumbers: [String: Int]
    var footnoteReferencesWritten: [Int: Int] = [:]
    /// How deeply the block or inline being written is nested, and the last line seen.
    private var depth = 0, lastLine = 1

    public init(run: TutorialRun, neighbors: PageNeighbors = .none) {
        self.init(run: run, neighbors: neighbors, outline: HeadingOutline(run.document, keepingText: false))
    }

    /// A writer whose heading ids are those of `outline`, the outline of the run's document.
    init(run: TutorialRun, neighbors: PageNeighbors, outline: HeadingOutline) {
        self.run = run
        self.path = run.document.path
        self.neighbors = neighbors
        self.headingIDs = outline.sections.map(\.id)
        self.footnoteNumbers = Self.footnoteNumbers(of: run.document)
    }

    // MARK: - Blocks

    mutating func blocks(_ list: [Block]) throws {
        for block in list {
            try self.block(block)
            html.finishPart()
        }
    }

    // A document from the parser is never nested too deeply; this guards documents built or
    // changed in code, since the writer recurses.
    mutating func enter() throws {
        depth += 1
        if depth > MarkdownDocument.maximumNesting { throw SourceError(path: path, line: lastLine, MarkdownDocument.nestingMessage) }
    }

    mutating func leave() { depth -= 1 }

    mutating func block(_ block: Block) throws {
        if let line = block.line { lastLine = line }
        switch block {
        case .heading(let level, let content, let line):
            let id = headingsWritten < headingIDs.count ? headingIDs[headingsWritten] : "section-\(headingsWritten + 1)"
            headingsWritten += 1
            if level == 2 || level == 3 { toc.append((level, id, plainText(content))) }
            // The permalink sits beside the heading, not in it, so that the heading's name
            // (what a screen reader lists) stays its text.
            html.raw("<div class=\"heading level-\(level)\">")
            html.open("h\(level)", [("id", id)])
            try inlines(content, line: line)
            html.raw("</h\(level)>")
            html.open("a", [("class", "permalink"), ("href", "#" + id)])
            html.raw("<span aria-hidden=\"true\">#</span><span class=\"visually-hidden\">")
            html.text("Link to the section “\(plainText(content))”")
            html.raw("</span></a></div>\n")
        case .paragraph(let content, let line):
            if content.count == 1, case .image(let source, _, let alt) = content[0] {
                try figure(source: source, alt: alt, line: line)
                return
            }
            html.open("p")
            try inlines(content, line: line)
            html.raw("</p>\n")
        case .list(let ordered, let start, let items):
            try enter()
            defer { leave() }
            let tag = ordered ? "ol" : "ul"
            html.open(tag, ordered && start != 1 ? [("start", String(start))] : [])
            html.newline()
            for item in items {
                html.open("li", TaskList.isTask(item) ? [("class", "task")] : [])
                // Tight list items are single paragraphs: show them without <p>.
                if item.count == 1, case .paragraph(let content, let line) = item[0] {
                    try inlines(content, line: line)
                } else {
                    try blocks(item)
                }
                html.raw("</li>\n")
            }
            html.raw("</\(tag)>\n")
        case .blockQuote(let inner):
            try enter()
            defer { leave() }
            html.open("blockquote")
            html.newline()
            try blocks(inner)
            html.raw("</blockquote>\n")
        case .admonition(let kind, let title, let inner, let line):
            try admonition(kind: kind, title: title, blocks: inner, line: line)
        case .footnoteDefinition:
            // Written after the body, in the footnotes section.
            break
        case .code(let code):
            try codeBlock(code)
        case .html(let raw, _):
            html.element("pre", [("class", "raw-html")], text: raw)
            html.newline()
        case .table(let table):
            try self.table(table)
        case .thematicBreak:
            html.raw("<hr>\n")
        case .displayMath(let latex, let line):
            html.raw("<div class=\"math-display\">")
            html.raw(try Self.math(latex, display: true, path: path, line: line))
            html.raw("</div>\n")
        }
    }

    mutating func table(_ table: Table) throws {
        html.raw("<div class=\"table-wrap\"><table>\n<thead><tr>")
        func style(_ column: Int) -> [(String, String)] {
            guard column < table.alignments.count else { return [] }
            switch table.alignments[column] {
            case .left: return [("class", "left")]
            case .center: return [("class", "center")]
            case .right: return [("class", "right")]
            case .none: return []
            }
        }
        for (column, cell) in table.header.enumerated() {
            html.open("th", style(column))
            try inlines(cell, line: table.line)
            html.raw("</th>")
        }
        html.raw("</tr></thead>\n<tbody>\n")
        for row in table.rows {
            html.raw("<tr>")
            for (column, cell) in row.enumerated() {
                html.open("td", style(column))
                try inlines(cell, line: table.line)
                html.raw("</td>")
            }
            html.raw("</tr>\n")
        }
        html.raw("</tbody>\n</table></div>\n")
    }

    mutating func figure(source: String, alt: String, line: Int) throws {
        let name = try Self.figureName(source, path: path, line: line)
        let figure = run.figures[name]!
        // The link opens the figure full size without script; the script shows it over the page.
        html.raw("<figure>")
        html.open("a", [("class", "zoom"), ("href", name + ".png")])
        html.open("img", [("src", name + ".png"), ("alt", alt), ("width", String(figure.width)), ("height", String(figure.height))])
        html.raw("</a>")
        html.element("figcaption", text: alt)
        html.raw("</figure>\n")
    }

    mutating func codeBlock(_ code: CodeBlock) throws {
        let role = try code.role(in: path)
        switch role {
        case .step(let tag):
            html.raw("<div class=\"snippet\"><div class=\"label\">Swift · step <code>")
            html.text(tag)
            html.raw("</code> · ran to make this page</div>")
            copyButton()
            codeLines(code.literal, language: "swift")
            html.raw("</div>\n")
        case .illustration:
            html.raw("<div class=\"snippet illustration\"><div class=\"label\">Swift · illustration, not run</div>")
            copyButton()
            codeLines(code.literal, language: "swift")
            html.raw("</div>\n")
        case .output(let tag):
            let lines = run.steps[tag]?.lines ?? []
            html.raw("<div class=\"terminal\"><div class=\"label\">Terminal output of step <code>")
            html.text(tag)
            html.raw("</code></div>")
            copyButton()
            html.raw("<pre>")
            html.text(lines.joined(separator: "\n"))
            html.raw("</pre></div>\n")
        case .table(let name):
            try resultTable(run.tables[name]!, name: name)
        case .plain:
            if let chart = try Self.flowchart(code, path: path) {
                html.raw("<figure class=\"diagram\">")
                html.raw(chart.svg(title: "Flowchart"))
                html.raw("</figure>\n")
                return
            }
            let language = code.language
            html.raw("<div class=\"snippet\">")
            if !language.isEmpty {
                html.raw("<div class=\"label\">")
                html.text(language == "bash" || language == "sh" ? "Shell" : language)
                html.raw("</div>")
            }
            copyButton()
            codeLines(code.literal, language: language)
            html.raw("</div>\n")
        }
    }

    mutating func resultTable(_ table: ResultTable, name: String) throws {
        let inline = Table(alignments: table.alignments, header: table.header.map { [.text($0)] },
                           rows: table.rows.map { $0.map { [.text($0)] } }, line: 0)
        try self.table(inline)
    }

    // Hidden until the script shows it: without script it could not copy.
    mutating func copyButton() {
        html.raw("<button type=\"button\" class=\"copy\" hidden>Copy</button>")
    }

    mutating func codeLines(_ literal: String, language: String) {
        var code = literal
        if code.hasSuffix("\n") { code.removeLast() }
        html.raw("<pre><code class=\"language-\(escapeHTML(language))\">")
        html.raw(SyntaxHighlighter.highlight(code, language: language))
        html.raw("</code></pre>")
    }

    // MARK: - Inlines

    mutating func inlines(_ content: [Inline], line: Int) throws {
        for inline in content { try self.inline(inline, line: line) }
    }

    mutating func inline(_ inline: Inline, line: Int) throws {
        lastLine = line
        switch inline {
        case .emphasis, .strong, .strikethrough, .link: try enter()
        default: break
        }
        switch inline {
        case .text(let text): html.text(text)
        case .code(let code): html.element("code", text: code)
        case .emphasis(let inner): html.open("em"); try inlines(inner, line: line); html.raw("</em>"); leave()
        case .strong(let inner): html.open("strong"); try inlines(inner, line: line); html.raw("</strong>"); leave()
        case .strikethrough(let inner): html.open("del"); try inlines(inner, line: line); html.raw("</del>"); leave()
        case .link(let destination, let title, let content):
            if let problem = LinkPolicy.problem(withLink: destination) { throw SourceError(path: path, line: line, problem) }
            defer { leave() }
            var attributes = [("href", Self.pageLink(destination))]
            if !title.isEmpty { attributes.append(("title", title)) }
            html.open("a", attributes)
            try inlines(content, line: line)
            html.raw("</a>")
        case .image(let source, _, let alt):
            let name = try Self.figureName(source, path: path, line: line)
            let figure = run.figures[name]!
            html.open("img", [("src", name + ".png"), ("alt", alt), ("width", String(figure.width)), ("height", String(figure.height))])
        case .softBreak: html.raw("\n")
        case .lineBreak: html.raw("<br>\n")
        case .html(let raw): html.text(raw)
        case .math(let latex, let display): html.raw(try Self.math(latex, display: display, path: path, line: line))
        case .value(let name):
            html.element("span", [("class", "value")], text: run.values[name] ?? "")
        case .footnoteReference(let label): footnoteReference(label)
        case .taskCheckbox(let checked): taskCheckbox(checked: checked)
        }
    }

    /// Links to another tutorial's Markdown (`other.md`) become links to its page.
    public static func pageLink(_ destination: String) -> String {
        guard !destination.contains("://"), !destination.hasPrefix("#") else { return destination }
        let parts = destination.split(separator: "#", maxSplits: 1).map(String.init)
        guard let file = parts.first, file.hasSuffix(".md") else { return destination }
        let name = URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
        return "../\(name)/index.html" + (parts.count > 1 ? "#" + parts[1] : "")
    }
}

