import Foundation
import Literate
import Site
import XCTest

/// A tutorial renders alone when another tutorial's Markdown is not in the tutorials folder.
final class SiblingTutorialTests: XCTestCase {
    func testThePublisherListsASiblingWithoutMarkdownByName() throws {
        let fixture = try SiteFixture(markdown: hostileMarkdown)
        defer { fixture.remove() }
        let sibling = AnyTutorial(Tutorial<Int>(name: "sibling", markdownPath: fixture.root.appendingPathComponent("tutorials/sibling.md").path,
                                                makeState: { _ in 0 }, steps: []))
        let publisher = Publisher(tutorials: [fixture.tutorial(), sibling], packageRoot: fixture.root, output: fixture.output)
        try fixture.render(publisher)
        let index = String(decoding: try Data(contentsOf: fixture.output.appendingPathComponent("index.html")), as: UTF8.self)
        XCTAssertTrue(index.contains("href=\"page/index.html\""), index)
        XCTAssertTrue(index.contains("not rendered yet: run render-tutorial sibling"), index)
        XCTAssertEqual(try publisher.staleness().filter { !$0.contains("sibling") }, [])
    }

    func testTheCommandRendersOneTutorialOfAFolderThatHoldsOnlyIt() throws {
        let tutorials = try copyOfTutorials(only: ["gradnorm.md"]), output = SiteFixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: tutorials); try? FileManager.default.removeItem(at: output) }
        let result = try renderTutorial(["gradnorm", "--quick", "--quiet", "--tutorials", tutorials.path, "--output", output.path])
        XCTAssertEqual(result.status, 0, result.error)
        XCTAssertTrue(FileManager.default.fileExists(atPath: output.appendingPathComponent("gradnorm/index.html").path))
    }
}
