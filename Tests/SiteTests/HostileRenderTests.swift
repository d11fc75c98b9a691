import Foundation
import XCTest

/// `render-tutorial` on hostile tutorials: a clear `file:line` error before any step runs and
/// an untouched output folder, or a page exactly like the benign input's.
final class HostileRenderTests: XCTestCase {
    private var sandbox: RenderSandbox!
    private var before: [String: Data] = [:]

    override func setUpWithError() throws {
        sandbox = try RenderSandbox()
        let good = try sandbox.render(["gradnorm", "--quick", "--quiet"])
        XCTAssertEqual(good.status, 0, good.error)
        before = try sandbox.outputFiles()
    }

    override func tearDown() { sandbox.remove() }

    /// Appends `text` to gradnorm.md; returns the line it starts on.
    private func append(_ text: String) throws -> Int {
        let markdown = try String(contentsOf: sandbox.gradnorm, encoding: .utf8)
        try Data((markdown + "\n" + text).utf8).write(to: sandbox.gradnorm)
        return markdown.components(separatedBy: "\n").count + 1
    }

    func testAFormulaThatCannotBeConvertedFailsBeforeAnyStepRuns() throws {
        let line = try append("Broken $\\nosuchcommand{x}$ formula.\n")
        try assertRefused(try sandbox.render(["gradnorm", "--quick"]), at: "gradnorm.md:\(line)",
                          contains: "cannot convert the formula", outputBefore: before, sandbox: sandbox)
    }

    func testAHundredThousandBlockQuotesAreAnErrorNotACrash() throws {
        let line = try append(String(repeating: "> ", count: 100_000) + "deep\n")
        try assertRefused(try sandbox.render(["gradnorm", "--quick"]), at: "gradnorm.md:\(line)",
                          contains: "nesting deeper than 100 levels", outputBefore: before, sandbox: sandbox)
    }

    func testDeeplyNestedBracesInAFormulaAreAnErrorNotACrash() throws {
        let line = try append("$$" + String(repeating: "{", count: 30_000) + "x" + String(repeating: "}", count: 30_000) + "$$\n")
        try assertRefused(try sandbox.render(["gradnorm", "--quick"]), at: "gradnorm.md:\(line)",
                          contains: "cannot convert the formula", outputBefore: before, sandbox: sandbox)
    }

    func testScriptLinksAreRefused() throws {
        let line = try append("A [harmless](JaVaScRiPt&#58;alert(document.cookie)) link.\n")
        try assertRefused(try sandbox.render(["gradnorm", "--quick"]), at: "gradnorm.md:\(line)",
                          contains: "link 'JaVaScRiPt:alert(document.cookie)': only http", outputBefore: before, sandbox: sandbox)
    }

    func testAnEmptyTutorialKeepsThePage() throws {
        try Data().write(to: sandbox.gradnorm)
        try assertRefused(try sandbox.render(["gradnorm", "--quick"]), at: "gradnorm.md:1",
                          contains: "the tutorial is empty", outputBefore: before, sandbox: sandbox)
    }

    func testCRLFAndCRTutorialsRenderTheSamePageAsLF() throws {
        let lfPage = try XCTUnwrap(before["/gradnorm/index.html"])
        XCTAssertTrue(String(decoding: lfPage, as: UTF8.self).contains("<th>Level</th><th>Prerequisites</th><th>Format</th>"))
        let markdown = try String(contentsOf: sandbox.gradnorm, encoding: .utf8)
        for ending in ["\r\n", "\r"] {
            try Data(markdown.replacingOccurrences(of: "\n", with: ending).utf8).write(to: sandbox.gradnorm)
            let result = try sandbox.render(["gradnorm", "--quick", "--quiet"])
            XCTAssertEqual(result.status, 0, result.error)
            XCTAssertEqual(try sandbox.outputFiles()["/gradnorm/index.html"], lfPage, "the \(ending.debugDescription) page differs")
        }
    }
}
