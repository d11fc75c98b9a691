import Foundation
import Literate

/// Links to a page or section that will not exist are refused before any step runs: a link to
/// `OTHER.md` (which the page writer turns into `../OTHER/index.html`) needs a registered
/// tutorial named OTHER, and a `#fragment` (on this page or `OTHER.md#fragment`) needs a
/// heading with that id.
extension PageWriter {
    /// Throws every link of `document` that points at a page or section not in `targets`; links
    /// to this page's own sections are judged against `document` itself.
    public static func checkLinks(_ document: MarkdownDocument, targets: LinkTargets) throws {
        let ownSections = LinkTargets.sectionIDs(of: document)
        var errors: [Error] = []
        for (destination, line) in links(of: document) {
            guard let target = linkTarget(destination) else { continue }
            let sections: Set<String>?
            if let page = target.page {
                guard let known = targets.sectionsByPage[page] else {
                    errors.append(SourceError(path: document.path, line: line, "link to '\(LinkPolicy.shown(destination))': no such page"))
                    continue
                }
                sections = known
            } else {
                sections = ownSections
            }
            if let fragment = target.fragment, let sections, !sections.contains(fragment) {
                errors.append(SourceError(path: document.path, line: line, "link to '\(LinkPolicy.shown(destination))': no such section"))
            }
        }
        if !errors.isEmpty { throw ValidationErrors(errors: errors) }
    }

    /// Both checks a page needs before its steps run: ``check(_:)`` and ``checkLinks(_:targets:)``,
    /// every problem reported at once.
    public static func check(_ document: MarkdownDocument, targets: LinkTargets) throws {
        var errors: [Error] = []
        for body in [{ try check(document) }, { try checkLinks(document, targets: targets) }] {
            do { try body() } catch let many as ValidationErrors { errors += many.errors } catch { errors.append(error) }
        }
        if !errors.isEmpty { throw ValidationErrors(errors: errors) }
    }

    /// The tutorial (nil: this page) and section a local link points at; nil for links this
    /// check does not judge (URLs with a scheme, files that are not Markdown).
    static func linkTarget(_ destination: String) -> (page: String?, fragment: String?)? {
        guard !destination.isEmpty, LinkPolicy.scheme(of: destination) == nil else { return nil }
        let parts = destination.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        let fragment = parts.count > 1 && !parts[1].isEmpty ? (parts[1].removingPercentEncoding ?? parts[1]) : nil
        let file = parts[0].split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
        if file.isEmpty { return fragment.map { (nil, $0) } }
        guard file.hasSuffix(".md") else { return nil }
        return (URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent, fragment)
    }

    /// Every link of `document` with its line. A paragraph's inlines carry no lines, so the
    /// line is the block's plus the line breaks before the link; a table row's is the table's
    /// plus its place. Deeper than ``MarkdownDocument/maximumNesting`` nothing is walked:
    /// ``check(_:)`` refuses such a page anyway.
    static func links(of document: MarkdownDocument) -> [(destination: String, line: Int)] {
        var found: [(destination: String, line: Int)] = []
        func inlines(_ content: [Inline], line: inout Int, depth: Int) {
            guard depth < MarkdownDocument.maximumNesting else { return }
            for inline in content {
                switch inline {
                case .softBreak, .lineBreak: line += 1
                case .math(let latex, _): line += latex.filter { $0 == "\n" }.count
                case .emphasis(let inner), .strong(let inner), .strikethrough(let inner): inlines(inner, line: &line, depth: depth + 1)
                case .link(let destination, _, let inner):
                    found.append((destination, line))
                    inlines(inner, line: &line, depth: depth + 1)
                default: break
                }
            }
        }
        func blocks(_ list: [Block], depth: Int) {
            guard depth < MarkdownDocument.maximumNesting else { return }
            for block in list {
                switch block {
                case .heading(_, let content, var line), .paragraph(let content, var line): inlines(content, line: &line, depth: depth)
                case .table(let table):
                    for cell in table.header { var line = table.line; inlines(cell, line: &line, depth: depth) }
                    for (index, row) in table.rows.enumerated() {
                        for cell in row { var line = table.line + 2 + index; inlines(cell, line: &line, depth: depth) }
                    }
                case .list(_, _, let items): items.forEach { blocks($0, depth: depth + 1) }
                case .blockQuote(let inner): blocks(inner, depth: depth + 1)
                case .admonition(_, let title, let inner, var line):
                    inlines(title, line: &line, depth: depth)
                    blocks(inner, depth: depth + 1)
                case .footnoteDefinition(_, let inner, _): blocks(inner, depth: depth + 1)
                case .code, .html, .thematicBreak, .displayMath: break
                }
            }
        }
        blocks(document.blocks, depth: 0)
        return found
    }
}
