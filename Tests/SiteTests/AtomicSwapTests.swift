import Foundation
import Literate
@testable import Site
import XCTest

/// A render replaces a page and the index together or not at all, and cleans up after an interrupted one.
final class AtomicSwapTests: XCTestCase {
    func testAnIndexThatCannotBeWrittenLeavesThePageAsItWas() throws {
        let fixture = try SiteFixture(markdown: hostileMarkdown)
        defer { fixture.remove() }
        try fixture.render()
        try (hostileMarkdown + "\nA new paragraph.\n").write(to: fixture.markdown, atomically: true, encoding: .utf8)
        let index = fixture.output.appendingPathComponent("index.html")
        try FileManager.default.removeItem(at: index)
        try FileManager.default.createDirectory(at: index, withIntermediateDirectories: false)
        let before = try SiteFixture.tree(fixture.output)
        XCTAssertThrowsError(try fixture.render()) { error in
            XCTAssertTrue("\(error)".contains(index.path), "\(error)")
        }
        XCTAssertEqual(try SiteFixture.tree(fixture.output), before)
        XCTAssertEqual(SiteFixture.strays(in: fixture.output), [])
    }

    func testLeftoversOfAKilledRenderAreReportedThenCleanedByTheNextRender() throws {
        let fixture = try SiteFixture(markdown: hostileMarkdown)
        defer { fixture.remove() }
        try fixture.render()
        let pid = SiteFixture.deadProcessID()
        let leftovers = [".page.staging-\(pid)", ".page.old-\(pid)", ".index.html.new-\(pid)"]
        try FileManager.default.copyItem(at: fixture.output.appendingPathComponent("page"),
                                         to: fixture.output.appendingPathComponent(leftovers[0]))
        try FileManager.default.copyItem(at: fixture.output.appendingPathComponent("page"),
                                         to: fixture.output.appendingPathComponent(leftovers[1]))
        try Data("<!DOCTYPE".utf8).write(to: fixture.output.appendingPathComponent(leftovers[2]))
        let problems = try fixture.publisher.staleness()
        for name in leftovers {
            XCTAssertTrue(problems.contains { $0.hasPrefix("\(fixture.output.path)/\(name): ") }, "\(name) in \(problems)")
        }
        try fixture.render()
        XCTAssertEqual(SiteFixture.strays(in: fixture.output), [])
        XCTAssertEqual(try fixture.publisher.staleness(), [])
    }

    func testAPageSetAsideByAKilledRenderIsPutBackByTheNextRenderOfAnotherTutorial() throws {
        let fixture = try SiteFixture(markdown: hostileMarkdown)
        defer { fixture.remove() }
        let otherMarkdown = fixture.root.appendingPathComponent("tutorials/other.md")
        try FileManager.default.copyItem(at: fixture.markdown, to: otherMarkdown)
        let page = fixture.tutorial(), other = fixture.tutorial("other", markdownPath: otherMarkdown.path)
        let publisher = Publisher(tutorials: [page, other], packageRoot: fixture.root, output: fixture.output)
        _ = try publisher.write([(try TutorialRunner(page).run(), page), (try TutorialRunner(other).run(), other)])
        let rendered = try SiteFixture.tree(fixture.output)
        // Killed between setting the old page aside and moving the new one in.
        try FileManager.default.moveItem(at: fixture.output.appendingPathComponent("page"),
                                         to: fixture.output.appendingPathComponent(".page.old-\(SiteFixture.deadProcessID())"))
        XCTAssertTrue(try publisher.staleness().contains { $0.contains(".page.old-") }, "the set-aside page is reported")
        _ = try publisher.write([(try TutorialRunner(other).run(), other)])
        XCTAssertEqual(try SiteFixture.tree(fixture.output), rendered)
        XCTAssertEqual(SiteFixture.strays(in: fixture.output), [])
    }

    func testAFailureOfAnyWriteLeavesTheOutputAsItWas() throws {
        try failEveryOperation(swapsByExchange: true)
    }

    func testAFailureOfAnyWriteLeavesTheOutputAsItWasWhenSwapsAreTwoRenames() throws {
        try failEveryOperation(swapsByExchange: false)
    }

    private func failEveryOperation(swapsByExchange: Bool) throws {
        let fixture = try SiteFixture(markdown: hostileMarkdown)
        defer { fixture.remove() }
        try fixture.render()
        let old = try SiteFixture.tree(fixture.output)
        try (hostileMarkdown + "\nA new paragraph.\n").write(to: fixture.markdown, atomically: true, encoding: .utf8)
        var operation = 1
        while operation < 100 {
            var publisher = fixture.publisher
            publisher.fault = WriteFault(.fail, at: operation)
            publisher.swapsByExchange = swapsByExchange
            do {
                try fixture.render(publisher)
                break
            } catch {
                XCTAssertTrue("\(error)".contains("write operation \(operation) "), "\(error)")
            }
            XCTAssertEqual(try SiteFixture.tree(fixture.output), old, "a failure of operation \(operation) left a partial change")
            XCTAssertEqual(SiteFixture.strays(in: fixture.output), [], "a failure of operation \(operation) left strays")
            operation += 1
        }
        // The loop ends at the first removal of an old copy: its failure leaves a leftover, not a wrong page.
        XCTAssertGreaterThan(operation, 8, "staging and swaps were all made to fail")
        XCTAssertNotEqual(try SiteFixture.tree(fixture.output)["/page/index.html"], old["/page/index.html"])
        try fixture.render()
        XCTAssertEqual(SiteFixture.strays(in: fixture.output), [])
        XCTAssertEqual(try fixture.publisher.staleness(), [])
    }

    func testAFirstRenderThatFailsRemovesTheFoldersItMade() throws {
        let fixture = try SiteFixture(markdown: hostileMarkdown)
        defer { fixture.remove() }
        var publisher = Publisher(tutorials: [fixture.tutorial()], packageRoot: fixture.root,
                                  output: fixture.root.appendingPathComponent("a/b/output"))
        publisher.fault = WriteFault(.fail, at: 5)
        XCTAssertThrowsError(try fixture.render(publisher))
        XCTAssertFalse(FileManager.default.fileExists(atPath: fixture.root.appendingPathComponent("a").path))
    }

    func testAFileNameOutsideThePageFolderIsRefused() throws {
        let fixture = try SiteFixture(markdown: hostileMarkdown)
        defer { fixture.remove() }
        try FileManager.default.createDirectory(at: fixture.output, withIntermediateDirectories: true)
        for name in ["../escaped.png", "/etc/escaped.png", "a//b.png"] {
            let transaction = OutputTransaction(output: fixture.output)
            XCTAssertThrowsError(try transaction.stageFolder("page", files: [name: Data()])) { error in
                XCTAssertTrue("\(error)".contains(name), "\(error)")
            }
            transaction.rollback()
            XCTAssertEqual(SiteFixture.strays(in: fixture.output), [])
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: fixture.root.appendingPathComponent("escaped.png").path))
    }
}
