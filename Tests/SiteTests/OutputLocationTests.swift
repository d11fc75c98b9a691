import Foundation
import Literate
import Site
import XCTest

/// The output folder and the tutorials folder may not contain each other.
final class OutputLocationTests: XCTestCase {
    private func assertRefused(_ fixture: SiteFixture, output: URL, markdownPath: String? = nil,
                               file: StaticString = #filePath, line: UInt = #line) throws {
        let tutorial = fixture.tutorial(markdownPath: markdownPath)
        let publisher = Publisher(tutorials: [tutorial], packageRoot: fixture.root, output: output)
        let markdown = URL(fileURLWithPath: tutorial.markdownPath)
        let folder = markdown.deletingLastPathComponent()
        let before = try SiteFixture.tree(folder)
        XCTAssertThrowsError(try fixture.render(publisher), file: file, line: line) { error in
            XCTAssertTrue("\(error)".contains("tutorials folder"), "\(error)", file: file, line: line)
            XCTAssertTrue("\(error)".contains(output.path), "\(error)", file: file, line: line)
        }
        XCTAssertEqual(try SiteFixture.tree(folder), before, "the tutorials folder is unchanged", file: file, line: line)
    }

    func testOutputEqualToTheTutorialsFolderIsAnError() throws {
        let fixture = try SiteFixture(markdown: hostileMarkdown)
        defer { fixture.remove() }
        try assertRefused(fixture, output: fixture.markdown.deletingLastPathComponent())
        try assertRefused(fixture, output: fixture.root.appendingPathComponent("tutorials/../tutorials/"))
    }

    func testOutputInsideTheTutorialsFolderIsAnError() throws {
        let fixture = try SiteFixture(markdown: hostileMarkdown)
        defer { fixture.remove() }
        try assertRefused(fixture, output: fixture.root.appendingPathComponent("tutorials/site"))
    }

    func testTutorialsInsideTheOutputAreAnError() throws {
        let fixture = try SiteFixture(markdown: hostileMarkdown)
        defer { fixture.remove() }
        // `--tutorials site/page --output site`: the page folder would be the tutorials folder.
        let site = fixture.root.appendingPathComponent("site")
        try FileManager.default.createDirectory(at: site.appendingPathComponent("page"), withIntermediateDirectories: true)
        let markdown = site.appendingPathComponent("page/page.md")
        try FileManager.default.copyItem(at: fixture.markdown, to: markdown)
        try assertRefused(fixture, output: site, markdownPath: markdown.path)
        XCTAssertTrue(FileManager.default.fileExists(atPath: markdown.path))
        try assertRefused(fixture, output: fixture.root)
    }

    func testASymbolicLinkToTheTutorialsFolderIsSeenThrough() throws {
        let fixture = try SiteFixture(markdown: hostileMarkdown)
        defer { fixture.remove() }
        let link = fixture.root.appendingPathComponent("link")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: fixture.markdown.deletingLastPathComponent())
        try assertRefused(fixture, output: link.appendingPathComponent("new/out"))
    }
}
