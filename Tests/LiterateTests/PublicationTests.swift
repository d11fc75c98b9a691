import Foundation
import Literate
import XCTest

/// Every `value:`/`figure:`/`table=` name is checked against what the steps declare before
/// anything runs, and the declarations are held to what the steps really publish.
final class PublicationTests: XCTestCase {
    /// Records which steps started.
    final class StartedSteps: RunObserver {
        var tags: [String] = []
        func tutorialStarted(_ name: String, steps: Int) {}
        func stepStarted(_ tag: String, index: Int, count: Int) { tags.append(tag) }
        func printed(_ line: String, by tag: String) {}
        func progress(_ tag: String, done: Int, total: Int, status: String) {}
        func stepFinished(_ tag: String, seconds: Double) {}
        func warning(_ message: String) {}
    }

    /// The error of running `markdown`, with the steps that had started, and the file's path shortened.
    private func failure(_ markdown: String, declared: [String] = ["answer"], extraStep: Bool = false) throws -> (message: String, started: [String]) {
        let test = try TestTutorial(markdown: markdown)
        defer { test.remove() }
        let observer = StartedSteps()
        do {
            _ = try TutorialRunner(test.tutorial(extraStep: extraStep, declared: declared), observer: observer).run()
            XCTFail("the run should have failed")
            return ("", observer.tags)
        } catch {
            let message = "\(error)".replacingOccurrences(of: test.markdownURL.path, with: "test.md")
                .replacingOccurrences(of: test.sourceURL.path, with: "Steps.swift")
            return (message, observer.tags)
        }
    }

    func testAValueTypoIsAnErrorAtItsLineBeforeAnyStepRuns() throws {
        let (message, started) = try failure(validMarkdown + "\nWhere is `value:answr`?\n")
        XCTAssertTrue(message.contains("test.md:22: no step of this tutorial publishes the value 'answr'; the steps publish: answer"), message)
        XCTAssertEqual(started, [])
    }

    func testUnknownFigureAndTableNamesAreReportedTogetherBeforeTheRun() throws {
        let markdown = validMarkdown + "\n![the curve](figure:curve)\n\n```output table=results\n```\n"
        let (message, started) = try failure(markdown)
        XCTAssertTrue(message.contains("test.md:22: no step of this tutorial publishes the figure 'curve'"), message)
        XCTAssertTrue(message.contains("test.md:24: no step of this tutorial publishes the table 'results'"), message)
        XCTAssertEqual(started, [])
    }

    func testANameOfAStepWithoutASnippetSaysWhichStepPublishesIt() throws {
        // `publish` is registered and declares `answer`, but the tutorial does not show it.
        let withoutPublish = validMarkdown.replacingOccurrences(of: "```swift step=publish\ntry page.value(\"answer\", \"\\(state.count * 42)\")\n```\n", with: "")
        XCTAssertNotEqual(withoutPublish, validMarkdown)
        let (message, started) = try failure(withoutPublish)
        XCTAssertTrue(message.contains("publishes the value 'answer' (step 'publish' does, but the tutorial has no snippet for it)"), message)
        XCTAssertEqual(started, [])
    }

    func testPublishingAnUndeclaredNameIsAnErrorNamingTheRegistration() throws {
        let markdown = validMarkdown.replacingOccurrences(of: "The answer is `value:answer`.", with: "No placeholder here.")
        let (message, started) = try failure(markdown, declared: [])
        XCTAssertTrue(message.contains("step 'publish' publishes the value 'answer' without declaring it; add it to `values:` of its registration (Steps.swift:6)"), message)
        XCTAssertEqual(started, ["greet", "publish"])
    }

    func testADeclaredNameThatIsNotPublishedIsAnError() throws {
        let (message, _) = try failure(validMarkdown, declared: ["answer", "question"])
        XCTAssertTrue(message.contains("step 'publish' declares but did not publish value:question (Steps.swift:6)"), message)
    }

    func testDeclaredNamesThatThePageDoesNotUseAreFine() throws {
        let test = try TestTutorial(markdown: validMarkdown.replacingOccurrences(of: "The answer is `value:answer`.", with: "No placeholder."))
        defer { test.remove() }
        let run = try TutorialRunner(test.tutorial()).run()
        XCTAssertEqual(run.values, ["answer": "42"])
    }
}
