import Foundation
import Literate
import Site
import XCTest

/// Raw HTML in the Markdown, block or inline, is escaped (the decision is in README.md:
/// pages are under a strict content security policy and must stay valid whatever the Markdown
/// holds), so no element of it reaches the page.
final class RawHTMLTests: XCTestCase {
    private let step = "```swift step=count\npage.print(\"<b>counted</b> \\(state)\")\ntry page.value(\"n\", \"3 < 4\")\n```\n"

    func testBlockAndInlineHTMLAreModelledAtTheirLines() throws {
        let blocks = try MarkdownParser.parse("# T\n\n<div class=\"x\">\nblock\n</div>\n\nInline <b onclick=\"x()\">bold</b>.\n", path: "t.md").blocks
        XCTAssertEqual(blocks[1], .html("<div class=\"x\">\nblock\n</div>\n", line: 3))
        XCTAssertEqual(blocks[2], .paragraph([.text("Inline "), .html("<b onclick=\"x()\">"), .text("bold"), .html("</b>"), .text(".")], line: 7))
    }

    func testBlockAndInlineHTMLAreShownEscaped() throws {
        let fixture = try SiteFixture(markdown: step + "\n<script>alert(1)</script>\n\nInline <img src=x onerror=alert(2)> and <i>x</i>.\n\n"
            + "!!! note \"<b>title</b>\"\n    <em>body</em>\n")
        defer { fixture.remove() }
        let run = try TutorialRunner(fixture.tutorial()).run()
        let html = String(decoding: try PageWriter.files(for: run)["index.html"]!, as: UTF8.self)
        XCTAssertTrue(html.contains("<pre class=\"raw-html\">&lt;script&gt;alert(1)&lt;/script&gt;\n</pre>"), html)
        XCTAssertTrue(html.contains("<p>Inline &lt;img src=x onerror=alert(2)&gt; and &lt;i&gt;x&lt;/i&gt;.</p>"), html)
        XCTAssertTrue(html.contains("<p class=\"admonition-title\">&lt;b&gt;title&lt;/b&gt;</p>\n<p>&lt;em&gt;body&lt;/em&gt;</p>"), html)
        XCTAssertFalse(html.contains("onerror=alert(2)>"))
        XCTAssertEqual(html.components(separatedBy: "<script").count, 2, "only the page's own script element")
    }
}
