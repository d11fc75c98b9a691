import Literate
import XCTest

/// Only http, https, mailto and relative links (and #fragments) reach a page's href.
final class LinkPolicyTests: XCTestCase {
    private let refusal = "only http, https and mailto links, relative links and #fragments are allowed"

    func testScriptAndDataLinksAreRefusedAtTheirLine() {
        for link in ["[x](javascript:alert(1))", "[x](JaVaScRiPt:alert(1))", "[x](data:text/html,<b>hi</b>)",
                     "[x](vbscript:msgbox)", "[x](<  javascript:alert(1)>)", "[x](file:///etc/passwd)"] {
            assertParseError("# T\n\nfine\n" + link + "\n", line: 4, contains: refusal)
        }
    }

    func testEntityEncodedSchemesAreRefused() {
        assertParseError("[x](&#106;avascript:alert(1))\n", line: 1, contains: refusal)
        assertParseError("[x](&#x4A;AVASCRIPT&colon;alert(1))\n", line: 1, contains: refusal)
        assertParseError("[x](java&#9;script:alert(1))\n", line: 1, contains: "contains a control character")
        assertParseError("[x](java&#10;script:alert(1))\n", line: 1, contains: "contains a control character")
    }

    func testAutolinksAndReferenceDefinitionsAreRefused() {
        assertParseError("text\n\n<javascript:alert(1)>\n", line: 3, contains: refusal)
        assertParseError("a [link][r] here\n\n[r]: VBScript:msgbox\n", line: 1, contains: refusal)
        assertParseError("a [r] here\n\n[r]: data:text/html;base64,PHNjcmlwdD4=\n", line: 1, contains: refusal)
    }

    func testImagesAreRefusedToo() {
        assertParseError("![x](javascript:alert(1))\n", line: 1, contains: "image source 'javascript:alert(1)'")
        assertParseError("![x][r]\n\n[r]: data:image/svg+xml,<svg/>\n", line: 1, contains: "image source 'data:image/svg+xml")
    }

    func testAllowedLinksPassUnchanged() throws {
        let links = ["https://example.com/a?b#c", "http://x.org", "mailto:a@b.c", "other.md#part", "#section", "../up/x.html",
                     "?query", "figure-notes.txt", "a:b/c".replacingOccurrences(of: ":", with: "%3A")]
        let markdown = links.map { "[l](\($0))" }.joined(separator: "\n") + "\n\n![f](figure:loss)\n"
        let blocks = try MarkdownParser.parse(markdown, path: "t.md").blocks
        guard case .paragraph(let content, _) = blocks[0] else { return XCTFail("\(blocks)") }
        let destinations = content.compactMap { inline -> String? in
            if case .link(let destination, _, _) = inline { return destination }
            return nil
        }
        XCTAssertEqual(destinations, links)
        XCTAssertEqual(blocks[1], .paragraph([.image(source: "figure:loss", title: "", alt: "f")], line: 11))
    }
}
