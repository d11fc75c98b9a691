import Foundation
import Literate
import XCTest

/// Measurements reach the terminal (the observer) and never the run's page content.
final class MeasurementTests: XCTestCase {
    private final class Recorder: RunObserver {
        var measured: [(tag: String, line: String)] = []
        var printed: [String] = []
        func tutorialStarted(_ name: String, steps: Int) {}
        func stepStarted(_ tag: String, index: Int, count: Int) {}
        func printed(_ line: String, by tag: String) { printed.append(line) }
        func progress(_ tag: String, done: Int, total: Int, status: String) {}
        func stepFinished(_ tag: String, seconds: Double) {}
        func warning(_ message: String) {}
        func measured(_ line: String, by tag: String) { measured.append((tag, line)) }
    }

    func testAMeasurementGoesToTheObserverOnly() throws {
        let test = try TestTutorial(markdown: validMarkdown)
        defer { test.remove() }
        let recorder = Recorder()
        let run = try TutorialRunner(test.tutorial(measured: "took 1.234 s"), observer: recorder).run()
        XCTAssertEqual(recorder.measured.map(\.tag), ["greet"])
        XCTAssertEqual(recorder.measured.map(\.line), ["took 1.234 s"])
        XCTAssertEqual(recorder.printed, ["hello"])
        XCTAssertEqual(run.steps["greet"]?.lines, ["hello"], "a measurement is not captured output")
        XCTAssertFalse(run.values.values.contains { $0.contains("1.234") })
    }

    func testTwoRunsWithDifferentMeasurementsGiveTheSameContent() throws {
        let test = try TestTutorial(markdown: validMarkdown)
        defer { test.remove() }
        let first = try TutorialRunner(test.tutorial(measured: "took 1 s")).run()
        let second = try TutorialRunner(test.tutorial(measured: "took 9 s")).run()
        XCTAssertEqual(first.steps.mapValues(\.lines), second.steps.mapValues(\.lines))
        XCTAssertEqual(first.values, second.values)
    }
}
