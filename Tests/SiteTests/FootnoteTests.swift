import Foundation
import Literate
import Site
import XCTest

/// Footnotes (`[^label]` and `[^label]: text`) become numbered links to a footnotes section
/// with links back; a reference to a footnote that is not defined is an error at its line.
final class FootnoteTests: XCTestCase {
    private let step = "```swift step=count\npage.print(\"<b>counted</b> \\(state)\")\ntry page.value(\"n\", \"3 < 4\")\n```\n"

    private func page(_ markdown: String) throws -> String {
        let fixture = try SiteFixture(markdown: markdown)
        defer { fixture.remove() }
        let run = try TutorialRunner(fixture.tutorial()).run()
        return String(decoding: try PageWriter.files(for: run)["index.html"]!, as: UTF8.self)
    }

    func testReferencesAndDefinitionsAreModelled() throws {
        let blocks = try MarkdownParser.parse("Claim[^src] and[^2].\n\n[^2]: Second.\n[^src]: The *source*.\n", path: "t.md").blocks
        XCTAssertEqual(blocks[0], .paragraph([.text("Claim"), .footnoteReference(label: "1"), .text(" and"),
                                              .footnoteReference(label: "2"), .text(".")], line: 1))
        XCTAssertEqual(Array(blocks.dropFirst()), [
            .footnoteDefinition(label: "1", blocks: [.paragraph([.text("The "), .emphasis([.text("source")]), .text(".")], line: 4)], line: 4),
            .footnoteDefinition(label: "2", blocks: [.paragraph([.text("Second.")], line: 3)], line: 3),
        ], "numbered in the order of the first reference")
    }

    func testUndefinedReferencesAreErrorsAtTheirLine() {
        XCTAssertThrowsError(try MarkdownParser.parse("# T\n\nFine,\nbut[^missing] here.\n", path: "t.md")) {
            XCTAssertEqual("\($0)", "t.md:4: footnote '[^missing]' is not defined")
        }
    }

    func testPageNumbersReferencesAndLinksBack() throws {
        let html = try page(step + "\nA[^a], B[^b], A again[^a].\n\n[^a]: First `value:n`.\n[^b]: Second.\n")
        XCTAssertTrue(html.contains("A<sup class=\"footnote-ref\"><a href=\"#fn-1\" id=\"fnref-1\" aria-label=\"Footnote 1\">1</a></sup>, "
            + "B<sup class=\"footnote-ref\"><a href=\"#fn-2\" id=\"fnref-2\" aria-label=\"Footnote 2\">2</a></sup>, "
            + "A again<sup class=\"footnote-ref\"><a href=\"#fn-1\" id=\"fnref-1-2\" aria-label=\"Footnote 1\">1</a></sup>."), html)
        XCTAssertTrue(html.contains("<section class=\"footnotes\" aria-label=\"Footnotes\">\n<ol>\n<li id=\"fn-1\"><p>First <span class=\"value\">3 &lt; 4</span>.</p>\n"
            + "<a class=\"footnote-back\" href=\"#fnref-1\" aria-label=\"Back to reference 1\">↩</a></li>\n<li id=\"fn-2\"><p>Second.</p>\n"), html)
    }
}
