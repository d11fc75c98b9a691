@testable import Literate
import Foundation
import XCTest

/// A file parsed again unchanged gives the kept document (``ParsedFiles``); any change to its
/// bytes, even one that keeps its length, is parsed afresh, and errors are never kept.
final class ParsedFilesTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("parsed-files-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    private func write(_ text: String, to name: String) throws -> String {
        let url = folder.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    func testAnUnchangedFileGivesTheSameDocumentAndAChangedOneIsParsedAgain() throws {
        let path = try write("# Title\n\nOne $x$ formula.\n", to: "a.md")
        let first = try MarkdownParser.parse(fileAt: path)
        XCTAssertEqual(ParsedFiles.shared.document(fileAt: path)?.blocks, first.blocks, "kept")
        XCTAssertEqual(try MarkdownParser.parse(fileAt: path).blocks, first.blocks)
        // The same length, one byte changed.
        _ = try write("# Title\n\nOne $y$ formula.\n", to: "a.md")
        XCTAssertNil(ParsedFiles.shared.document(fileAt: path), "changed")
        let changed = try MarkdownParser.parse(fileAt: path)
        XCTAssertNotEqual(changed.blocks, first.blocks)
        XCTAssertEqual(changed.blocks, try MarkdownParser.parse("# Title\n\nOne $y$ formula.\n", path: path).blocks)
        // Longer and shorter.
        _ = try write("# Title\n\nOne $y$ formula.\n\nMore.\n", to: "a.md")
        XCTAssertNil(ParsedFiles.shared.document(fileAt: path), "longer")
        XCTAssertEqual(try MarkdownParser.parse(fileAt: path).blocks.count, 3)
        _ = try write("# Title\n", to: "a.md")
        XCTAssertNil(ParsedFiles.shared.document(fileAt: path), "shorter")
        XCTAssertEqual(try MarkdownParser.parse(fileAt: path).blocks.count, 1)
    }

    func testErrorsAreRaisedEveryTime() throws {
        let path = try write("---\ntitle: x\n", to: "b.md")
        XCTAssertThrowsError(try MarkdownParser.parse(fileAt: path))
        XCTAssertThrowsError(try MarkdownParser.parse(fileAt: path))
        _ = try write("# Fixed\n", to: "b.md")
        XCTAssertEqual(try MarkdownParser.parse(fileAt: path).blocks.count, 1)
        try FileManager.default.removeItem(atPath: path)
        XCTAssertThrowsError(try MarkdownParser.parse(fileAt: path)) { error in
            XCTAssertEqual((error as? SourceError)?.message, "no such file")
        }
    }

    func testOnlyTheMostRecentFilesAreKept() throws {
        let memo = ParsedFiles()
        let document = try MarkdownParser.parse("# A\n", path: "a.md")
        for index in 0..<(ParsedFiles.capacity + 3) {
            let path = try write("# A\n", to: "\(index).md")
            memo.keep(document, path: path, text: "# A\n")
        }
        XCTAssertEqual(memo.count, ParsedFiles.capacity)
        XCTAssertNil(memo.document(fileAt: folder.appendingPathComponent("0.md").path))
        XCTAssertNotNil(memo.document(fileAt: folder.appendingPathComponent("\(ParsedFiles.capacity + 2).md").path))
    }
}
