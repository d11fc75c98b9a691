import Foundation
import Literate
import Site
import XCTest

/// A link to a tutorial that is not registered, or to a section no heading has, is an error at
/// the link's line, found before any step runs.
final class DeadLinkTests: XCTestCase {
    private let targets = LinkTargets(sectionsByPage: ["other": ["setup", "results"], "broken": nil])

    private func assertDead(_ markdown: String, _ expected: [String], file: StaticString = #filePath, line: UInt = #line) throws {
        let document = try MarkdownParser.parse(markdown, path: "t.md")
        XCTAssertThrowsError(try PageWriter.checkLinks(document, targets: targets), file: file, line: line) {
            XCTAssertEqual("\($0)".components(separatedBy: "\n"), expected, file: file, line: line)
        }
    }

    func testLinksToMissingPagesNameTheirLine() throws {
        try assertDead("# T\n\nSee [it](missing.md) and\nthe [part](gone.md#setup).\n",
                       ["t.md:3: link to 'missing.md': no such page", "t.md:4: link to 'gone.md#setup': no such page"])
    }

    func testLinksToMissingSectionsNameTheirLine() throws {
        try assertDead("# T\n\n## Local part\n\nA *long\nparagraph* with [x](other.md#nowhere),\n[y](#local-part) and [z](#missing).\n",
                       ["t.md:6: link to 'other.md#nowhere': no such section", "t.md:7: link to '#missing': no such section"])
    }

    func testLinksInTablesListsAndQuotesNameTheirRow() throws {
        try assertDead("| a |\n| - |\n| ok |\n| [x](nope.md) |\n\n- item\n- > [y](#nope)\n",
                       ["t.md:4: link to 'nope.md': no such page", "t.md:7: link to '#nope': no such section"])
    }

    func testExistingPagesSectionsAndOtherLinksPass() throws {
        let markdown = """
        # T

        ## Own heading

        [a](other.md) [b](other.md#results) [c](../x/other.md#setup) [d](#own-heading) [e](https://example.com/x.md#no)
        [f](mailto:a@b.c) [g](notes.txt) [h](broken.md#anything) [i](other.md?x=1#setup) [j](#own%2Dheading)

        """
        XCTAssertNoThrow(try PageWriter.checkLinks(try MarkdownParser.parse(markdown, path: "t.md"), targets: targets))
    }

    func testDeadLinksStopTheRenderBeforeAnyStepRuns() throws {
        let fixture = try SiteFixture(markdown: "# T\n\nGo to [the other page](other.md).\n")
        defer { fixture.remove() }
        var runner = TutorialRunner(fixture.tutorial(failing: true))
        let targets = LinkTargets(tutorials: [fixture.tutorial()])
        runner.documentCheck = { try PageWriter.check($0, targets: targets) }
        XCTAssertThrowsError(try runner.run()) {
            XCTAssertFalse("\($0)".contains("fixture step failed"), "the step ran: \($0)")
            XCTAssertTrue("\($0)".contains("\(fixture.markdown.path):3: link to 'other.md': no such page"), "\($0)")
        }
    }

    // A tutorial may be rendered from a folder that holds only it (SiblingTutorialTests): a
    // link to a registered sibling is kept, though its sections cannot be judged.
    func testRegisteredTutorialsWithoutMarkdownArePagesWithUnknownSections() throws {
        let fixture = try SiteFixture(markdown: "# T\n\n## Here\n")
        defer { fixture.remove() }
        let absent = AnyTutorial(Tutorial<Int>(name: "away", markdownPath: "/nonexistent/away.md", makeState: { _ in 0 }, steps: []))
        let targets = LinkTargets(tutorials: [fixture.tutorial("here"), absent])
        XCTAssertEqual(targets.sectionsByPage["here"], .some(["here"]))
        XCTAssertEqual(targets.sectionsByPage["away"], .some(nil))
        XCTAssertNil(targets.sectionsByPage["unregistered"])
    }
}
