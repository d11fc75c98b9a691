/// Checks that every placeholder of a tutorial was filled by its run.
public enum Placeholders {
    /// A placeholder and the line of the block it sits in.
    public enum Kind: Equatable { case value(String), figure(String), table(String) }

    /// Every placeholder in the document, with its line.
    public static func all(in document: MarkdownDocument) -> [(kind: Kind, line: Int)] {
        var found: [(kind: Kind, line: Int)] = []
        func inlines(_ content: [Inline], line: Int) {
            for inline in content {
                switch inline {
                case .value(let name): found.append((.value(name), line))
                case .image(let source, _, _) where source.hasPrefix("figure:"):
                    found.append((.figure(String(source.dropFirst("figure:".count))), line))
                case .emphasis(let inner), .strong(let inner), .strikethrough(let inner): inlines(inner, line: line)
                case .link(_, _, let inner): inlines(inner, line: line)
                default: break
                }
            }
        }
        func blocks(_ list: [Block]) {
            for block in list {
                switch block {
                case .heading(_, let content, let line), .paragraph(let content, let line): inlines(content, line: line)
                case .list(_, _, let items): items.forEach(blocks)
                case .blockQuote(let inner): blocks(inner)
                case .admonition(_, let title, let inner, let line): inlines(title, line: line); blocks(inner)
                case .footnoteDefinition(_, let inner, _): blocks(inner)
                case .table(let table):
                    for cell in table.header + table.rows.flatMap({ $0 }) { inlines(cell, line: table.line) }
                case .code(let code):
                    if case .table(let name)? = try? code.role(in: document.path) { found.append((.table(name), code.line)) }
                default: break
                }
            }
        }
        blocks(document.blocks)
        return found
    }

    /// Throws every placeholder the run did not fill, with its line.
    public static func check(_ run: TutorialRun) throws {
        let path = run.document.path
        var errors: [Error] = []
        for (kind, line) in all(in: run.document) {
            switch kind {
            case .value(let name) where run.values[name] == nil:
                errors.append(SourceError(path: path, line: line, "no step published the value '\(name)'" + known(run.values.keys)))
            case .figure(let name) where run.figures[name] == nil:
                errors.append(SourceError(path: path, line: line, "no step published the figure '\(name)'" + known(run.figures.keys)))
            case .table(let name) where run.tables[name] == nil:
                errors.append(SourceError(path: path, line: line, "no step published the table '\(name)'" + known(run.tables.keys)))
            default: break
            }
        }
        if !errors.isEmpty { throw ValidationErrors(errors: errors) }
    }

    private static func known<S: Sequence>(_ names: S) -> String where S.Element == String {
        let sorted = names.sorted()
        return sorted.isEmpty ? "" : "; published: " + sorted.joined(separator: ", ")
    }
}
