import Literate

/// What the page writer refuses, checked on the parsed document before any step runs: a
/// formula MathML cannot convert, an image that is not a figure of the run, a Mermaid chart
/// that does not parse, a link that may not reach `href`, nesting that is too deep.
extension PageWriter {
    /// Throws every problem that would stop the page of `document` from being written.
    public static func check(_ document: MarkdownDocument) throws {
        let path = document.path
        var errors: [Error] = []
        func attempt(_ body: () throws -> Void) {
            do { try body() } catch let many as ValidationErrors { errors += many.errors } catch { errors.append(error) }
        }
        func inlines(_ content: [Inline], line: Int, depth: Int) {
            for inline in content {
                switch inline {
                case .math(let latex, let display): attempt { _ = try math(latex, display: display, path: path, line: line) }
                case .image(let source, _, _): attempt { _ = try figureName(source, path: path, line: line) }
                case .emphasis(let inner), .strong(let inner), .strikethrough(let inner):
                    nested(depth, line: line) { inlines(inner, line: line, depth: depth + 1) }
                case .link(let destination, _, let inner):
                    if let problem = LinkPolicy.problem(withLink: destination) {
                        errors.append(SourceError(path: path, line: line, problem))
                    }
                    nested(depth, line: line) { inlines(inner, line: line, depth: depth + 1) }
                default: break
                }
            }
        }
        func nested(_ depth: Int, line: Int, _ body: () -> Void) {
            guard depth < MarkdownDocument.maximumNesting else {
                return errors.append(SourceError(path: path, line: line, MarkdownDocument.nestingMessage))
            }
            body()
        }
        func blocks(_ list: [Block], depth: Int, line: Int) {
            var line = line
            for block in list {
                line = block.line ?? line
                switch block {
                case .heading(_, let content, let line), .paragraph(let content, let line): inlines(content, line: line, depth: depth)
                case .displayMath(let latex, let line): attempt { _ = try math(latex, display: true, path: path, line: line) }
                case .table(let table):
                    for cell in table.header + table.rows.flatMap({ $0 }) { inlines(cell, line: table.line, depth: depth) }
                case .code(let code): attempt { _ = try flowchart(code, path: path) }
                case .list(_, _, let items): nested(depth, line: line) { items.forEach { blocks($0, depth: depth + 1, line: line) } }
                case .blockQuote(let inner): nested(depth, line: line) { blocks(inner, depth: depth + 1, line: line) }
                case .admonition(_, let title, let inner, let line):
                    inlines(title, line: line, depth: depth)
                    nested(depth, line: line) { blocks(inner, depth: depth + 1, line: line) }
                case .footnoteDefinition(_, let inner, _): nested(depth, line: line) { blocks(inner, depth: depth + 1, line: line) }
                case .html, .thematicBreak: break
                }
            }
        }
        blocks(document.blocks, depth: 0, line: 1)
        if !errors.isEmpty { throw ValidationErrors(errors: errors) }
    }

    /// The figure name of an image source (`figure:NAME`); other images are refused.
    static func figureName(_ source: String, path: String, line: Int) throws -> String {
        guard source.hasPrefix("figure:") else {
            throw SourceError(path: path, line: line, "image '\(source)': pages show only figures made by the run (figure:NAME); other images would need files or requests the page cannot make")
        }
        return String(source.dropFirst("figure:".count))
    }

    /// The MathML of a formula (converted once per process, see ``MathMLCache``), or an error
    /// naming its line.
    static func math(_ latex: String, display: Bool, path: String, line: Int) throws -> String {
        do {
            return try MathMLCache.shared.convert(latex, display: display)
        } catch let error as MathML.ConversionError {
            throw SourceError(path: path, line: line, error.description)
        }
    }

    /// The chart of a `mermaid` block (nil for other blocks), or an error naming its line.
    static func flowchart(_ code: CodeBlock, path: String) throws -> Flowchart? {
        guard code.language == "mermaid", case .plain? = try? code.role(in: path) else { return nil }
        do {
            return try Flowchart(code.literal)
        } catch let error as Flowchart.ParseError {
            throw SourceError(path: path, line: code.line + error.line, "mermaid: \(error.message)")
        }
    }
}
