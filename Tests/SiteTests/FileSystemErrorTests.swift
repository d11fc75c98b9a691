import Foundation
import Literate
import Site
import XCTest

/// A file-system failure is reported as one sentence naming the path and the cause.
final class FileSystemErrorTests: XCTestCase {
    private func assertOneSentence(_ error: Error, naming path: String, cause: String,
                                   file: StaticString = #filePath, line: UInt = #line) {
        let text = "\(error)"
        XCTAssertTrue(text.contains(path), text, file: file, line: line)
        XCTAssertTrue(text.lowercased().contains(cause), text, file: file, line: line)
        XCTAssertFalse(text.contains("NSCocoaErrorDomain") || text.contains("UserInfo") || text.contains("\n"), text, file: file, line: line)
    }

    func testAnOutputFolderUnderAFileNamesTheFolderAndTheCause() throws {
        let fixture = try SiteFixture(markdown: hostileMarkdown)
        defer { fixture.remove() }
        let file = fixture.root.appendingPathComponent("a-file")
        try Data().write(to: file)
        let output = file.appendingPathComponent("output")
        let publisher = Publisher(tutorials: [fixture.tutorial()], packageRoot: fixture.root, output: output)
        XCTAssertThrowsError(try fixture.render(publisher)) { error in
            assertOneSentence(error, naming: output.path, cause: "not a directory")
        }
    }

    func testAnUnreadableSourceNamesTheFileAndTheCause() throws {
        let fixture = try SiteFixture(markdown: hostileMarkdown)
        defer { fixture.remove() }
        try fixture.render()
        let dangling = fixture.root.appendingPathComponent("Sources/Steps/Gone.swift")
        try FileManager.default.createSymbolicLink(atPath: dangling.path, withDestinationPath: "/nonexistent/Gone.swift")
        XCTAssertThrowsError(try fixture.render()) { error in
            assertOneSentence(error, naming: dangling.path, cause: "no such file")
        }
        XCTAssertThrowsError(try fixture.publisher.staleness()) { error in
            assertOneSentence(error, naming: dangling.path, cause: "no such file")
        }
    }

    func testTheCommandPrintsOneLine() throws {
        let file = SiteFixture.temporaryFolder()
        try Data().write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let output = file.appendingPathComponent("output")
        let result = try renderTutorial(["gradnorm", "--quick", "--quiet", "--output", output.path])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.error.hasPrefix("render-tutorial: error: "), result.error)
        XCTAssertEqual(result.error.split(separator: "\n").count, 1, result.error)
        XCTAssertFalse(result.error.contains("NSCocoaErrorDomain") || result.error.contains("UserInfo"), result.error)
        XCTAssertTrue(result.error.contains(output.path) && result.error.lowercased().contains("not a directory"), result.error)
    }
}
