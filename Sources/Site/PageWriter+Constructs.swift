import Literate

/// How the page writer shows the constructs beyond CommonMark: admonitions as `<aside>`
/// boxes, footnote references as numbered superscript links to a footnotes section with links
/// back, task list items with a disabled check box.
extension PageWriter {
    /// Each footnote's number by label (lower-cased): the order of the definitions, which cmark
    /// puts at the document's end in the order of their first reference.
    static func footnoteNumbers(of document: MarkdownDocument) -> [String: Int] {
        var numbers: [String: Int] = [:]
        for case .footnoteDefinition(let label, _, _) in document.blocks where numbers[label.lowercased()] == nil {
            numbers[label.lowercased()] = numbers.count + 1
        }
        return numbers
    }

    mutating func admonition(kind: String, title: [Inline], blocks inner: [Block], line: Int) throws {
        try enter()
        defer { leave() }
        html.open("aside", [("class", "admonition " + kind), ("role", "note")])
        html.open("p", [("class", "admonition-title")])
        if title.isEmpty { html.text(Admonition.defaultTitle(of: kind)) } else { try inlines(title, line: line) }
        html.raw("</p>\n")
        try blocks(inner)
        html.raw("</aside>\n")
    }

    // The first reference to footnote N has the id the footnote links back to; later ones get
    // their own ids, so that ids stay unique.
    mutating func footnoteReference(_ label: String) {
        guard let number = footnoteNumbers[label.lowercased()] else { return html.text("[^\(label)]") }
        footnoteReferencesWritten[number, default: 0] += 1
        let count = footnoteReferencesWritten[number]!
        html.raw("<sup class=\"footnote-ref\">")
        html.open("a", [("href", "#fn-\(number)"), ("id", count == 1 ? "fnref-\(number)" : "fnref-\(number)-\(count)"),
                        ("aria-label", "Footnote \(number)")])
        html.text(String(number))
        html.raw("</a></sup>")
    }

    /// The footnotes section after the body, one item per definition, each with a link back.
    mutating func footnotes(_ definitions: [Block]) throws {
        guard !definitions.isEmpty else { return }
        html.raw("<section class=\"footnotes\" aria-label=\"Footnotes\">\n<ol>\n")
        for case .footnoteDefinition(let label, let inner, _) in definitions {
            let number = footnoteNumbers[label.lowercased()] ?? 0
            html.open("li", [("id", "fn-\(number)")])
            try enter()
            try blocks(inner)
            leave()
            html.open("a", [("class", "footnote-back"), ("href", "#fnref-\(number)"), ("aria-label", "Back to reference \(number)")])
            html.raw("↩</a></li>\n")
        }
        html.raw("</ol>\n</section>\n")
        html.finishPart()
    }

    mutating func taskCheckbox(checked: Bool) {
        html.raw(checked ? "<input type=\"checkbox\" disabled checked>" : "<input type=\"checkbox\" disabled>")
    }
}
