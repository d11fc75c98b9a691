import Foundation
import Literate
import XCTest

final class RunnerTests: XCTestCase {
    func testRunsStepsInOrderAndCapturesOutput() throws {
        let test = try TestTutorial(markdown: validMarkdown)
        defer { test.remove() }
        let run = try TutorialRunner(test.tutorial()).run()
        XCTAssertEqual(run.steps["greet"]?.lines, ["hello"])
        XCTAssertEqual(run.values, ["answer": "42"])
        XCTAssertEqual(run.document.metadata("title"), "A test")
        XCTAssertGreaterThan(run.peakMemoryBytes, 1_000_000)
    }

    private func errors(_ markdown: String, extraStep: Bool = false) throws -> String {
        let test = try TestTutorial(markdown: markdown)
        defer { test.remove() }
        do {
            _ = try TutorialRunner(test.tutorial(extraStep: extraStep)).run()
            return ""
        } catch {
            return "\(error)".replacingOccurrences(of: test.markdownURL.path, with: "test.md")
        }
    }

    func testUnknownAndDuplicateTagsNameTheirLines() throws {
        let markdown = validMarkdown + "```swift step=nope\n```\n\n```swift step=greet\npage.print(\"hello\")\nstate.count += 1\n```\n\n```output step=ghost\n```\n"
        let message = try errors(markdown)
        XCTAssertTrue(message.contains("test.md:21: unknown step 'nope'; tutorial 'test' registers: greet, publish"), message)
        XCTAssertTrue(message.contains("test.md:24: step 'greet' appears twice (first at line 8)"), message)
        XCTAssertTrue(message.contains("test.md:29: output block for unknown step 'ghost'"), message)
    }

    func testNeedsAreCheckedBeforeAnythingRuns() throws {
        let swapped = validMarkdown.replacingOccurrences(of: "step=greet\n", with: "step=tmp\n")
            .replacingOccurrences(of: "step=publish\n", with: "step=greet\n")
        let message = try errors(swapped)
        XCTAssertTrue(message.contains("test.md:8: unknown step 'tmp'"), message)
        let reordered = validMarkdown.replacingOccurrences(of: "```swift step=greet\npage.print(\"hello\")\nstate.count += 1\n```\n", with: "")
            + "```swift step=greet\npage.print(\"hello\")\nstate.count += 1\n```\n"
        let late = try errors(reordered)
        XCTAssertTrue(late.contains("step 'publish' needs step 'greet' to run before it"), late)
    }

    func testUnusedStepIsAWarning() throws {
        let test = try TestTutorial(markdown: validMarkdown)
        defer { test.remove() }
        let run = try TutorialRunner(test.tutorial(extraStep: true)).run()
        XCTAssertEqual(run.warnings.count, 1)
        XCTAssertTrue(run.warnings[0].contains("step 'unused'") && run.warnings[0].contains("Steps.swift:2"), run.warnings[0])
    }

    func testFailingStepNamesStepLineAndError() throws {
        let test = try TestTutorial(markdown: validMarkdown)
        defer { test.remove() }
        XCTAssertThrowsError(try TutorialRunner(test.tutorial(failing: true)).run()) { error in
            let message = "\(error)"
            XCTAssertTrue(message.hasPrefix(test.markdownURL.path + ":16: step 'publish'"), message)
            XCTAssertTrue(message.contains("Steps.swift:6"), message)
            XCTAssertTrue(message.contains("the test step failed on purpose"), message)
        }
    }
}

final class DriftTests: XCTestCase {
    func testSnippetsMatchingTheirStepsPass() throws {
        let test = try TestTutorial(markdown: validMarkdown)
        defer { test.remove() }
        let document = try MarkdownParser.parse(fileAt: test.markdownURL.path)
        let runner = TutorialRunner(test.tutorial())
        XCTAssertTrue(try runner.drifts(in: document, plan: runner.validate(document).plan).isEmpty)
    }

    func testDriftNamesBothPlacesAndFixRewritesTheSnippet() throws {
        let drifted = validMarkdown.replacingOccurrences(of: "page.print(\"hello\")\n", with: "page.print(\"hi\")\n")
        let test = try TestTutorial(markdown: drifted)
        defer { test.remove() }
        let runner = TutorialRunner(test.tutorial())
        XCTAssertThrowsError(try runner.run()) { error in
            let message = "\(error)"
            XCTAssertTrue(message.contains(test.markdownURL.path + ":8: snippet step=greet differs from its step at "
                                           + test.sourceURL.path + ":3"), message)
            XCTAssertTrue(message.contains("- page.print(\"hi\")    (tutorial line 9)"), message)
            XCTAssertTrue(message.contains("+ page.print(\"hello\")    (source line 3)"), message)
            XCTAssertTrue(message.contains("--fix"), message)
        }
        XCTAssertEqual(try runner.fixSnippets(), 1)
        XCTAssertEqual(try String(contentsOf: test.markdownURL, encoding: .utf8), validMarkdown)
        XCTAssertNoThrow(try runner.run())
        XCTAssertEqual(try runner.fixSnippets(), 0)
    }

    func testFixFillsAnEmptySnippetAndKeepsIndentation() throws {
        let markdown = "- item\n\n  ```swift step=greet\n  ```\n\n```swift step=publish\n```\n\n`value:answer`\n"
        let test = try TestTutorial(markdown: markdown)
        defer { test.remove() }
        XCTAssertEqual(try TutorialRunner(test.tutorial()).fixSnippets(), 2)
        let fixed = try String(contentsOf: test.markdownURL, encoding: .utf8)
        XCTAssertEqual(fixed, "- item\n\n  ```swift step=greet\n  page.print(\"hello\")\n  state.count += 1\n  ```\n\n```swift step=publish\ntry page.value(\"answer\", \"\\(state.count * 42)\")\n```\n\n`value:answer`\n")
        XCTAssertNoThrow(try TutorialRunner(test.tutorial()).run())
    }

    func testMissingSourceIsAClearError() throws {
        let test = try TestTutorial(markdown: validMarkdown)
        defer { test.remove() }
        try FileManager.default.removeItem(at: test.sourceURL)
        XCTAssertThrowsError(try TutorialRunner(test.tutorial()).run()) {
            XCTAssertTrue("\($0)".contains("cannot read the step's source"), "\($0)")
        }
    }
}
