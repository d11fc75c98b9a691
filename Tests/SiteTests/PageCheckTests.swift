import Foundation
import Literate
import Site
import XCTest

/// What the page writer would refuse is found before any step runs.
final class PageCheckTests: XCTestCase {
    /// Runs the fixture with a step that fails if it is ever reached.
    private func assertRefusedBeforeRunning(_ markdown: String, line: Int, contains fragment: String,
                                            file: StaticString = #filePath, line testLine: UInt = #line) throws {
        let fixture = try SiteFixture(markdown: markdown)
        defer { fixture.remove() }
        var runner = TutorialRunner(fixture.tutorial(failing: true))
        runner.documentCheck = PageWriter.check
        XCTAssertThrowsError(try runner.run(), file: file, line: testLine) {
            XCTAssertFalse("\($0)".contains("fixture step failed"), "the step ran: \($0)", file: file, line: testLine)
            XCTAssertTrue("\($0)".contains("\(fixture.markdown.path):\(line): \(fragment)"), "\($0)", file: file, line: testLine)
        }
    }

    private let step = "```swift step=count\npage.print(\"<b>counted</b> \\(state)\")\ntry page.value(\"n\", \"3 < 4\")\n```\n"

    func testFormulasAreConvertedBeforeAnyStepRuns() throws {
        try assertRefusedBeforeRunning(step + "\nIn a list:\n\n- > $\\nosuch$\n", line: 8, contains: "cannot convert the formula '\\nosuch'")
        try assertRefusedBeforeRunning(step + "\n$$\n\\frac{a}\n$$\n", line: 6, contains: "cannot convert the formula")
    }

    func testImagesThatAreNotFiguresAreRefusedBeforeAnyStepRuns() throws {
        try assertRefusedBeforeRunning(step + "\n| a |\n| - |\n| ![x](https://example.com/x.png) |\n", line: 6,
                                       contains: "image 'https://example.com/x.png'")
    }

    func testBrokenDiagramsAreRefusedBeforeAnyStepRuns() throws {
        try assertRefusedBeforeRunning(step + "\n```mermaid\ngraph XY\n```\n", line: 7, contains: "mermaid: direction 'XY'")
    }

    func testEveryProblemIsReportedAtOnce() throws {
        let document = try MarkdownParser.parse("$\\bad$\n\n![y](y.png)\n\n$$\\alsobad$$\n", path: "t.md")
        XCTAssertThrowsError(try PageWriter.check(document)) {
            XCTAssertEqual("\($0)".components(separatedBy: "\n").map { $0.prefix(5) }, ["t.md:", "t.md:", "t.md:"])
            XCTAssertTrue("\($0)".contains("t.md:3: image 'y.png'"), "\($0)")
        }
    }
}
