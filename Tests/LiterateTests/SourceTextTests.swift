import Foundation
import Literate
import XCTest

/// Line endings, encodings and empty files: read like LF UTF-8 or refused at the right line.
final class SourceTextTests: XCTestCase {
    private let lf = "---\ntitle: T\nlevel: Advanced\nformat: Test\n---\n\n# Heading\n\nsome\ntext\n\n```swift illustration\nlet x = 1\n```\n"

    private func assertReadLikeLF(_ text: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let expected = try MarkdownParser.parse(lf, path: "t.md")
        let document = try MarkdownParser.parse(text, path: "t.md")
        XCTAssertEqual(document.frontMatter.map(\.key), ["title", "level", "format"], file: file, line: line)
        XCTAssertEqual(document.metadata("level"), "Advanced", file: file, line: line)
        XCTAssertEqual(document.blocks, expected.blocks, file: file, line: line)
        XCTAssertEqual(document.codeBlocks.first?.line, 12, file: file, line: line)
    }

    func testCRLFIsReadLikeLFFrontMatterIncluded() throws {
        try assertReadLikeLF(lf.replacingOccurrences(of: "\n", with: "\r\n"))
    }

    func testCRIsReadLikeLFFrontMatterIncluded() throws {
        try assertReadLikeLF(lf.replacingOccurrences(of: "\n", with: "\r"))
    }

    func testMixedLineEndingsKeepLineNumbers() throws {
        let document = try MarkdownParser.parse("text\r\nmore\rand\n\n```swift\n```\n", path: "t.md")
        XCTAssertEqual(document.blocks.first, .paragraph([.text("text"), .softBreak, .text("more"), .softBreak, .text("and")], line: 1))
        assertSourceError(try document.codeBlocks[0].role(in: "t.md"), at: "t.md", line: 5, contains: "untagged Swift snippet")
    }

    func testEmptyTutorialIsAnError() {
        assertParseError("", line: 1, contains: "the tutorial is empty")
        assertParseError(" \n\n\t\n", line: 1, contains: "the tutorial is empty")
        assertParseError("---\ntitle: Nothing\n---\n\n", line: 1, contains: "the tutorial is empty after its front matter")
    }

    func testNULIsAnErrorAtItsLine() {
        assertParseError("# T\n\nfine\nbad\0here\n", line: 4, contains: "NUL character")
        assertParseError("---\ntitle: a\0b\n---\n\ntext\n", line: 2, contains: "NUL character")
        assertParseError("a\r\nb\r\0", line: 3, contains: "NUL character")
    }

    func testInvalidUTF8IsAnErrorAtItsLine() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("utf8-\(UUID()).md")
        defer { try? FileManager.default.removeItem(at: url) }
        for (bytes, line) in [([0xFF], 4), ([0xC3, 0x28], 4), ([0xE2, 0x82], 4)] as [([UInt8], Int)] {
            try (Data("# T\n\nthird ü line\r\nfourth ".utf8) + Data(bytes) + Data(" line\n".utf8)).write(to: url)
            assertSourceError(try MarkdownParser.parse(fileAt: url.path), at: url.path, line: line, contains: "not valid UTF-8")
        }
    }

    func testByteOrderMarkDoesNotHideTheFrontMatter() throws {
        let document = try MarkdownParser.parse("\u{FEFF}---\ntitle: T\n---\n\ntext\n", path: "t.md")
        XCTAssertEqual(document.metadata("title"), "T")
        XCTAssertEqual(document.blocks, [.paragraph([.text("text")], line: 5)])
    }
}
