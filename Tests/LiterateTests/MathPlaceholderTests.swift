import Literate
import XCTest

/// Formula tokens never collide with the input and never show on the page.
final class MathPlaceholderTests: XCTestCase {
    private func blocks(_ markdown: String) throws -> [Block] {
        try MarkdownParser.parse(markdown, path: "t.md").blocks
    }

    func testTokenCharactersInTheInputAreText() throws {
        let text = "a \u{E000}0\u{E001} b $x$ c \u{E001}\u{E000}\n"
        XCTAssertEqual(try blocks(text), [.paragraph([
            .text("a \u{E000}0\u{E001} b "), .math(latex: "x", display: false), .text(" c \u{E001}\u{E000}"),
        ], line: 1)])
    }

    func testATokenForAFormulaThatDoesNotExistIsText() throws {
        XCTAssertEqual(try blocks("only \u{E000}7\u{E001} here\n"), [.paragraph([.text("only \u{E000}7\u{E001} here")], line: 1)])
    }

    func testMathInAnIndentedCodeBlockIsShownAsWritten() throws {
        let markdown = "Prices:\n\n    cost = $5 + $x$ and $$\n    y\n    $$\n\nafter $z$\n"
        XCTAssertEqual(try blocks(markdown), [
            .paragraph([.text("Prices:")], line: 1),
            .code(CodeBlock(info: "", literal: "cost = $5 + $x$ and $$\ny\n$$\n", line: 3, endLine: 6, fenced: false)),
            .paragraph([.text("after "), .math(latex: "z", display: false)], line: 7),
        ])
    }

    func testMathInFencedCodeInsideQuotesAndListsIsShownAsWritten() throws {
        let markdown = "> ```\n> $x$ and \\(y\\)\n>\n> ```\n\n- ```\n  $$z$$\n\n  $w$\n  ```\n"
        XCTAssertEqual(try MarkdownParser.parse(markdown, path: "t.md").codeBlocks.map(\.literal),
                       ["$x$ and \\(y\\)\n\n", "$$z$$\n\n$w$\n"])
    }

    func testMathInHTMLAndLinkDestinationsIsKeptAsWritten() throws {
        let markdown = "<div title=\"$a$\">\n$b$\n</div>\n\nSee [it]($c$.md \"$d$\") and <span title=\"$e$\">.\n"
        let result = try blocks(markdown)
        XCTAssertEqual(result[0], .html("<div title=\"$a$\">\n$b$\n</div>\n", line: 1))
        XCTAssertEqual(result[1], .paragraph([
            .text("See "), .link(destination: "$c$.md", title: "$d$", content: [.text("it")]), .text(" and "),
            .html("<span title=\"$e$\">"), .text("."),
        ], line: 5))
    }
}
