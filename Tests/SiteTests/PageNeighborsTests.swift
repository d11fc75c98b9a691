import Foundation
import Literate
import Site
import XCTest

/// Previous and next links between pages, in the order of the index, as plain links.
final class PageNeighborsTests: XCTestCase {
    func testPreviousAndNextLinksFollowTheIndexAndReachExistingPages() throws {
        let names = try RenderedSite.names()
        XCTAssertGreaterThanOrEqual(names.count, 2)
        for (position, name) in names.enumerated() {
            let page = try RenderedSite.text(name + "/index.html")
            let previous = RenderedSite.matches(of: "<a class=\"pager-prev\" rel=\"prev\" href=\"", in: page)
            let next = RenderedSite.matches(of: "<a class=\"pager-next\" rel=\"next\" href=\"", in: page)
            XCTAssertEqual(previous, position > 0 ? ["../\(names[position - 1])/index.html"] : [], name)
            XCTAssertEqual(next, position + 1 < names.count ? ["../\(names[position + 1])/index.html"] : [], name)
            for link in previous + next {
                let target = try RenderedSite.url(name).appendingPathComponent(link).standardizedFileURL
                XCTAssertTrue(FileManager.default.fileExists(atPath: target.path), "\(name): \(link)")
            }
        }
    }

    private func twoTutorials() throws -> (SiteFixture, AnyTutorial, AnyTutorial, URL) {
        let fixture = try SiteFixture(markdown: hostileMarkdown)
        let second = fixture.root.appendingPathComponent("tutorials/second.md")
        try hostileMarkdown.replacingOccurrences(of: "title: Escaping <script>alert(1)</script>", with: "title: Second & last")
            .write(to: second, atomically: true, encoding: .utf8)
        return (fixture, fixture.tutorial(), fixture.tutorial("second", markdownPath: second.path), second)
    }

    func testTheLinksNameTheNeighboursByTitleAndTheirMarkdownIsAnInput() throws {
        let (fixture, first, second, secondMarkdown) = try twoTutorials()
        defer { fixture.remove() }
        let publisher = Publisher(tutorials: [first, second], packageRoot: fixture.root, output: fixture.output)
        _ = try publisher.write([(try TutorialRunner(first).run(), first), (try TutorialRunner(second).run(), second)])
        let page = try String(contentsOf: fixture.output.appendingPathComponent("page/index.html"), encoding: .utf8)
        XCTAssertTrue(page.contains("<a class=\"pager-next\" rel=\"next\" href=\"../second/index.html\"><span class=\"pager-direction\">Next</span><span class=\"pager-title\">Second &amp; last</span></a>"), page)
        let last = try String(contentsOf: fixture.output.appendingPathComponent("second/index.html"), encoding: .utf8)
        XCTAssertTrue(last.contains("<span class=\"pager-title\">Escaping &lt;script&gt;alert(1)&lt;/script&gt;</span>"))
        XCTAssertFalse(last.contains("pager-next"))
        XCTAssertEqual(try publisher.staleness(), [])
        var checkOfOne = Publisher(tutorials: [first], packageRoot: fixture.root, output: fixture.output)
        checkOfOne.indexOrder = [first, second]
        XCTAssertEqual(try checkOfOne.staleness(), [], "a check of one tutorial still knows its neighbours")

        // A new title of the next tutorial is on this page, so the page is stale.
        try String(contentsOf: secondMarkdown, encoding: .utf8).replacingOccurrences(of: "Second & last", with: "Renamed")
            .write(to: secondMarkdown, atomically: true, encoding: .utf8)
        XCTAssertTrue(try publisher.staleness().contains("\(fixture.output.path)/page: tutorials/second.md changed since the page was rendered"))
    }

    func testAPageAloneHasNoPager() throws {
        let fixture = try SiteFixture(markdown: hostileMarkdown)
        defer { fixture.remove() }
        try fixture.render()
        let page = try String(contentsOf: fixture.output.appendingPathComponent("page/index.html"), encoding: .utf8)
        XCTAssertFalse(page.contains("class=\"pager\""))
    }
}
