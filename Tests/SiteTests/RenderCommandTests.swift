import Foundation
import XCTest

/// `render-tutorial` as a user runs it: exit codes, messages, the files it writes.
final class RenderCommandTests: XCTestCase {
    private func run(_ arguments: [String]) throws -> (status: Int32, output: String, error: String) {
        let result = try renderTutorial(arguments)
        return (result.status, result.output, result.error)
    }

    private func temporaryFolder() -> URL { SiteFixture.temporaryFolder() }

    func testListAndBadArguments() throws {
        let list = try run(["--list"])
        XCTAssertEqual(list.status, 0)
        XCTAssertTrue(list.output.contains("gradnorm\tGradNorm: Automatic Loss Balancing for PINNs"), list.output)
        let unknown = try run(["gradnrom"])
        XCTAssertEqual(unknown.status, 64)
        XCTAssertTrue(unknown.error.contains("unknown tutorial 'gradnrom'; available: gradnorm"), unknown.error)
        let bad = try run(["gradnorm", "--no-such-option"])
        XCTAssertEqual(bad.status, 64)
        XCTAssertTrue(bad.error.contains("--no-such-option"), bad.error)
        let nothing = try run([])
        XCTAssertEqual(nothing.status, 64)
        XCTAssertTrue(nothing.error.contains("name a tutorial"), nothing.error)
        let both = try run(["gradnorm", "--all"])
        XCTAssertEqual(both.status, 64)
        let checkQuick = try run(["--check", "--quick"])
        XCTAssertEqual(checkQuick.status, 64)
    }

    func testQuickRenderWritesThePageDeterministically() throws {
        let first = temporaryFolder(), second = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: first); try? FileManager.default.removeItem(at: second) }
        for folder in [first, second] {
            let result = try run(["gradnorm", "--quick", "--quiet", "--no-cache", "--output", folder.path])
            XCTAssertEqual(result.status, 0, result.error)
            XCTAssertTrue(result.output.hasPrefix("QUICK RUN"), result.output)
            XCTAssertFalse(result.output.contains("Initial losses"), "--quiet echoes nothing")
        }
        let files = try FileManager.default.contentsOfDirectory(atPath: first.appendingPathComponent("gradnorm").path).sorted()
        XCTAssertEqual(files, ["index.html", "manifest.json", "math.woff2", "page.js", "solution.png", "style.css", "training-comparison.png"])
        for name in files + ["../index.html", "../style.css", "../page.js", "../search-index.js"] {
            let a = try Data(contentsOf: first.appendingPathComponent("gradnorm/" + name))
            let b = try Data(contentsOf: second.appendingPathComponent("gradnorm/" + name))
            XCTAssertEqual(a, b, "\(name) differs between two renders")
        }
        let html = try String(contentsOf: first.appendingPathComponent("gradnorm/index.html"), encoding: .utf8)
        XCTAssertTrue(html.contains("Initial losses: PDE=0.6119, BC=0.3028, IC=1.7057"))
        XCTAssertTrue(html.contains("quick-banner"))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: first.path).sorted(), ["gradnorm", "index.html", "page.js", "search-index.js", "style.css"])

        let check = try run(["gradnorm", "--check", "--output", first.path])
        XCTAssertEqual(check.status, 1)
        XCTAssertTrue(check.error.contains("rendered with --quick"), check.error)
    }

    func testBrokenTutorialFailsWithItsLineAndKeepsTheOutput() throws {
        let tutorials = try copyOfTutorials(), output = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: tutorials); try? FileManager.default.removeItem(at: output) }
        let good = try run(["gradnorm", "--quick", "--quiet", "--tutorials", tutorials.path, "--output", output.path])
        XCTAssertEqual(good.status, 0, good.error)
        let before = try Data(contentsOf: output.appendingPathComponent("gradnorm/index.html"))

        let markdown = tutorials.appendingPathComponent("gradnorm.md")
        var text = try String(contentsOf: markdown, encoding: .utf8)
        text = text.replacingOccurrences(of: "```swift step=setup-balancer", with: "```swift step=setup-balancr")
        try text.write(to: markdown, atomically: true, encoding: .utf8)
        let line = text.components(separatedBy: "\n").firstIndex { $0.contains("step=setup-balancr") }! + 1
        let broken = try run(["gradnorm", "--quick", "--tutorials", tutorials.path, "--output", output.path])
        XCTAssertEqual(broken.status, 1)
        XCTAssertTrue(broken.error.contains("gradnorm.md:\(line): unknown step 'setup-balancr'"), broken.error)
        XCTAssertEqual(try Data(contentsOf: output.appendingPathComponent("gradnorm/index.html")), before)
    }
}
