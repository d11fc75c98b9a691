import Foundation
import Literate
import Site
import XCTest

final class PublisherTests: XCTestCase {
    func testWritesPageIndexAndManifestThenChecksClean() throws {
        let fixture = try SiteFixture(markdown: hostileMarkdown)
        defer { fixture.remove() }
        let run = try TutorialRunner(fixture.tutorial()).run()
        _ = try fixture.publisher.write([(run, fixture.tutorial())])
        let tree = try SiteFixture.tree(fixture.output)
        XCTAssertEqual(tree.keys.sorted(), ["/index.html", "/page.js", "/page/index.html", "/page/manifest.json", "/page/math.woff2", "/page/page.js",
                                           "/page/style.css", "/search-index.js", "/style.css"])
        XCTAssertTrue(String(decoding: tree["/index.html"]!, as: UTF8.self).contains("href=\"page/index.html\""))
        XCTAssertEqual(try fixture.publisher.staleness(), [])
    }

    func testCheckFindsChangedInputsEditedFilesAndQuickRuns() throws {
        let fixture = try SiteFixture(markdown: hostileMarkdown)
        defer { fixture.remove() }
        let run = try TutorialRunner(fixture.tutorial(), options: RunOptions(quick: true)).run()
        _ = try fixture.publisher.write([(run, fixture.tutorial())])
        XCTAssertEqual(try fixture.publisher.staleness(), ["\(fixture.output.path)/page: rendered with --quick"])

        try Data("// changed\n".utf8).write(to: fixture.root.appendingPathComponent("Sources/Steps/Other.swift"))
        try (hostileMarkdown + "\nmore\n").write(to: fixture.markdown, atomically: true, encoding: .utf8)
        try Data("tampered".utf8).write(to: fixture.output.appendingPathComponent("page/index.html"))
        let problems = try fixture.publisher.staleness()
        XCTAssertTrue(problems.contains("\(fixture.output.path)/page: Sources/Steps/Other.swift added since the page was rendered"), "\(problems)")
        XCTAssertTrue(problems.contains("\(fixture.output.path)/page: tutorials/page.md changed since the page was rendered"), "\(problems)")
        XCTAssertTrue(problems.contains("\(fixture.output.path)/page/index.html: edited since it was rendered"), "\(problems)")
    }

    func testCheckReportsMissingPages() throws {
        let fixture = try SiteFixture(markdown: hostileMarkdown)
        defer { fixture.remove() }
        let problems = try fixture.publisher.staleness()
        XCTAssertTrue(problems.contains("\(fixture.output.path)/page: not rendered (no manifest.json)"), "\(problems)")
    }

    func testAFailingStepLeavesThePreviousOutputUntouched() throws {
        let fixture = try SiteFixture(markdown: hostileMarkdown)
        defer { fixture.remove() }
        _ = try fixture.publisher.write([(try TutorialRunner(fixture.tutorial()).run(), fixture.tutorial())])
        let before = try SiteFixture.tree(fixture.output)
        XCTAssertThrowsError(try TutorialRunner(fixture.tutorial(failing: true)).run()) { error in
            XCTAssertTrue("\(error)".contains("page.md:17: step 'count' (Sources/Steps/Steps.swift:2) failed: fixture step failed") && "\(error)".contains("(Sources/Steps/Steps.swift:2)"), "\(error)")
        }
        XCTAssertEqual(try SiteFixture.tree(fixture.output), before)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: fixture.output.path).filter { $0.hasPrefix(".") }
        XCTAssertEqual(leftovers, [])
    }

    func testTwoRendersAreByteIdentical() throws {
        let fixture = try SiteFixture(markdown: hostileMarkdown)
        defer { fixture.remove() }
        _ = try fixture.publisher.write([(try TutorialRunner(fixture.tutorial()).run(), fixture.tutorial())])
        let first = try SiteFixture.tree(fixture.output)
        _ = try fixture.publisher.write([(try TutorialRunner(fixture.tutorial()).run(), fixture.tutorial())])
        XCTAssertEqual(try SiteFixture.tree(fixture.output), first)
    }
}
