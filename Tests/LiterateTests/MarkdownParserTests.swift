import Literate
import XCTest

final class MarkdownParserTests: XCTestCase {
    func testFrontMatterKeepsLineNumbers() throws {
        let document = try MarkdownParser.parse("---\ntitle: \"T\"\nlevel: Advanced\n---\n\n# Heading\n\ntext\n", path: "t.md")
        XCTAssertEqual(document.metadata("title"), "T")
        XCTAssertEqual(document.metadata("level"), "Advanced")
        XCTAssertEqual(document.blocks.first, .heading(level: 1, content: [.text("Heading")], line: 6))
        XCTAssertEqual(document.blocks.last, .paragraph([.text("text")], line: 8))
    }

    func testMalformedFrontMatterNamesTheLine() {
        XCTAssertThrowsError(try MarkdownParser.parse("---\ntitle: x\nno colon here\n---\n", path: "t.md")) {
            XCTAssertEqual("\($0)", "t.md:3: front matter line is not 'key: value': no colon here")
        }
        XCTAssertThrowsError(try MarkdownParser.parse("---\ntitle: x\nlevle: Beginner\n---\n\ntext\n", path: "t.md")) {
            XCTAssertEqual("\($0)", "t.md:3: unknown front matter key 'levle' (known: format, level, prerequisites, summary, title)")
        }
        XCTAssertThrowsError(try MarkdownParser.parse("---\ntitle: x\n", path: "t.md")) {
            XCTAssertTrue("\($0)".hasPrefix("t.md:1: front matter"), "\($0)")
        }
    }

    func testTablesListsQuotesAndInlines() throws {
        let markdown = """
        | A | B |
        | :--- | ---: |
        | *x* | `value:v` |

        1. **one**
        2. [two](other.md)

        > quoted ~~old~~

        """
        let blocks = try MarkdownParser.parse(markdown, path: "t.md").blocks
        guard case .table(let table) = blocks[0] else { return XCTFail("\(blocks[0])") }
        XCTAssertEqual(table.alignments, [.left, .right])
        XCTAssertEqual(table.header, [[.text("A")], [.text("B")]])
        XCTAssertEqual(table.rows, [[[.emphasis([.text("x")])], [.value(name: "v")]]])
        XCTAssertEqual(table.line, 1)
        XCTAssertEqual(blocks[1], .list(ordered: true, start: 1, items: [
            [.paragraph([.strong([.text("one")])], line: 5)],
            [.paragraph([.link(destination: "other.md", title: "", content: [.text("two")])], line: 6)],
        ]))
        XCTAssertEqual(blocks[2], .blockQuote([.paragraph([.text("quoted "), .strikethrough([.text("old")])], line: 8)]))
    }

    func testMathIsTakenOutBeforeCommonMarkReadsEscapes() throws {
        let markdown = "Norm $\\|w_i \\nabla L_i\\|$ and \\(a*b*c\\), costs \\$5 and $3.\n\n$$\\text{T: } \\{x\\}$$\n\n`$not math$`\n"
        let blocks = try MarkdownParser.parse(markdown, path: "t.md").blocks
        XCTAssertEqual(blocks[0], .paragraph([
            .text("Norm "), .math(latex: "\\|w_i \\nabla L_i\\|", display: false), .text(" and "),
            .math(latex: "a*b*c", display: false), .text(", costs $5 and $3."),
        ], line: 1))
        XCTAssertEqual(blocks[1], .displayMath(latex: "\\text{T: } \\{x\\}", line: 3))
        XCTAssertEqual(blocks[2], .paragraph([.code("$not math$")], line: 5))
    }

    func testMultiLineDisplayMathKeepsLaterLineNumbers() throws {
        let blocks = try MarkdownParser.parse("$$\na\n+ b\n$$\n\nafter\n", path: "t.md").blocks
        XCTAssertEqual(blocks.first, .displayMath(latex: "a\n+ b", line: 1))
        XCTAssertEqual(blocks.last, .paragraph([.text("after")], line: 6))
    }

    func testCodeInFencesIsLeftAlone() throws {
        let document = try MarkdownParser.parse("```swift step=a-b\nlet x = \"$y$\" // \\(z)\n```\n", path: "t.md")
        XCTAssertEqual(document.codeBlocks, [CodeBlock(info: "swift step=a-b", literal: "let x = \"$y$\" // \\(z)\n", line: 1, endLine: 3, fenced: true)])
    }

    func testInfoStringsAndRoles() throws {
        func role(_ info: String, _ body: String = "") throws -> SnippetRole {
            try CodeBlock(info: info, literal: body, line: 7, endLine: 9, fenced: true).role(in: "t.md")
        }
        XCTAssertEqual(InfoString("swift step=setup-balancer extra"), InfoString("swift step=setup-balancer extra"))
        XCTAssertEqual(InfoString("swift step=x illustration").attributes, ["step": "x"])
        XCTAssertEqual(try role("swift step=setup-balancer"), .step(tag: "setup-balancer"))
        XCTAssertEqual(try role("swift illustration"), .illustration)
        XCTAssertEqual(try role("output step=train"), .output(tag: "train"))
        XCTAssertEqual(try role("output table=sweep"), .table(name: "sweep"))
        XCTAssertEqual(try role("bash"), .plain)
        XCTAssertEqual(try role("mermaid"), .plain)
        let cases: [(String, String, String)] = [
            ("swift", "", "untagged Swift snippet"),
            ("swift step=a illustration", "", "either step=TAG or illustration"),
            ("swift step=Bad_Tag!", "", "must be lower-case"),
            ("swift stpe=a", "", "unknown word 'stpe'"),
            ("output", "", "exactly one of step=TAG or table=NAME"),
            ("output step=a", "text\n", "must be empty"),
        ]
        for (info, body, message) in cases {
            XCTAssertThrowsError(try role(info, body), info) {
                XCTAssertTrue("\($0)".hasPrefix("t.md:7: "), "\($0)")
                XCTAssertTrue("\($0)".contains(message), "\($0)")
            }
        }
    }

    func testPlaceholdersAreFound() throws {
        let document = try MarkdownParser.parse("Loss `value:a.b`.\n\n![alt](figure:fig)\n\n```output table=t\n```\n\n| x |\n|---|\n| `value:c` |\n", path: "t.md")
        let found = Placeholders.all(in: document)
        XCTAssertEqual(found.map(\.kind), [.value("a.b"), .figure("fig"), .table("t"), .value("c")])
        XCTAssertEqual(found.map(\.line), [1, 3, 5, 8])
    }
}
