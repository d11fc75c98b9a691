import Foundation
import Literate
import Site
import XCTest

/// Admonitions in the mkdocs form (`!!! note "Title"`) and the GitHub form (`> [!NOTE]`) become
/// call-out boxes; an unknown kind is an error at its line.
final class AdmonitionTests: XCTestCase {
    private let step = "```swift step=count\npage.print(\"<b>counted</b> \\(state)\")\ntry page.value(\"n\", \"3 < 4\")\n```\n"

    private func page(_ markdown: String) throws -> String {
        let fixture = try SiteFixture(markdown: markdown)
        defer { fixture.remove() }
        let run = try TutorialRunner(fixture.tutorial()).run()
        return String(decoding: try PageWriter.files(for: run)["index.html"]!, as: UTF8.self)
    }

    func testMkDocsFormKeepsItsTitleBodyAndLines() throws {
        let markdown = "# T\n\n!!! info \"Survey *Reference*\"\n    First line\n    goes on.\n\n    - an item\n\nAfter.\n"
        let blocks = try MarkdownParser.parse(markdown, path: "t.md").blocks
        XCTAssertEqual(blocks[1], .admonition(kind: "info", title: [.text("Survey "), .emphasis([.text("Reference")])], blocks: [
            .paragraph([.text("First line"), .softBreak, .text("goes on.")], line: 4),
            .list(ordered: false, start: 0, items: [[.paragraph([.text("an item")], line: 7)]]),
        ], line: 3))
        XCTAssertEqual(blocks[2], .paragraph([.text("After.")], line: 9))
    }

    func testGitHubAlertsAndAliases() throws {
        let blocks = try MarkdownParser.parse("> [!WARNING]\n> Mind the gap.\n\n!!! hint\n    Short.\n\n> [!note] Custom\n", path: "t.md").blocks
        XCTAssertEqual(blocks, [
            .admonition(kind: "warning", title: [], blocks: [.paragraph([.text("Mind the gap.")], line: 2)], line: 1),
            .admonition(kind: "tip", title: [], blocks: [.paragraph([.text("Short.")], line: 5)], line: 4),
            .admonition(kind: "note", title: [.text("Custom")], blocks: [], line: 7),
        ])
    }

    func testOrdinaryQuotesAndCodeStayAsTheyAre() throws {
        let blocks = try MarkdownParser.parse("> [!x]y is a quote\n\n```\n!!! note\n    not an admonition\n```\n", path: "t.md").blocks
        XCTAssertEqual(blocks[0], .blockQuote([.paragraph([.text("[!x]y is a quote")], line: 1)]))
        guard case .code(let code) = blocks[1] else { return XCTFail("\(blocks)") }
        XCTAssertEqual(code.literal, "!!! note\n    not an admonition\n")
    }

    func testUnknownKindsAreErrorsAtTheirLine() {
        for (markdown, line) in [("# T\n\n!!! nte \"Typo\"\n    body\n", 3), ("text\n\n> [!NOPE]\n> body\n", 3), ("- a\n\n  > [!Fancy]\n", 3)] {
            XCTAssertThrowsError(try MarkdownParser.parse(markdown, path: "t.md")) {
                XCTAssertTrue("\($0)".hasPrefix("t.md:\(line): unknown admonition kind"), "\($0)")
            }
        }
    }

    func testPageShowsAnAsideWithItsTitle() throws {
        let html = try page(step + "\n!!! danger \"Keep <out>\"\n    Body with `value:n`.\n\n> [!TIP]\n> Hint.\n")
        XCTAssertTrue(html.contains("<aside class=\"admonition danger\" role=\"note\"><p class=\"admonition-title\">Keep &lt;out&gt;</p>\n"
            + "<p>Body with <span class=\"value\">3 &lt; 4</span>.</p>\n</aside>"), html)
        XCTAssertTrue(html.contains("<aside class=\"admonition tip\" role=\"note\"><p class=\"admonition-title\">Tip</p>\n<p>Hint.</p>\n</aside>"), html)
        XCTAssertTrue(Stylesheet.css.contains(".admonition.danger"))
    }
}
