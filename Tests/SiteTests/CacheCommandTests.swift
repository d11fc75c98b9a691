import Foundation
import XCTest

/// `render-tutorial` with the step-result cache, as an author uses it while editing a tutorial.
final class CacheCommandTests: XCTestCase {
    func testAProseEditReusesTheStepsAndNoCacheRunsThem() throws {
        let tutorials = try copyOfTutorials()
        let cache = SiteFixture.temporaryFolder(), output = SiteFixture.temporaryFolder(), fresh = SiteFixture.temporaryFolder()
        defer { for folder in [tutorials, cache, output, fresh] { try? FileManager.default.removeItem(at: folder) } }
        let arguments = ["gradnorm", "--quick", "--tutorials", tutorials.path, "--cache", cache.path]

        let first = try renderTutorial(arguments + ["--output", output.path])
        XCTAssertEqual(first.status, 0, first.error)
        XCTAssertTrue(first.output.contains("gradnorm: 9 steps in "), first.output)
        let page = output.appendingPathComponent("gradnorm/index.html")
        let firstPage = try Data(contentsOf: page)

        let markdown = tutorials.appendingPathComponent("gradnorm.md")
        let text = try String(contentsOf: markdown, encoding: .utf8)
        try text.replacingOccurrences(of: "\n## ", with: "\nA sentence the author just wrote.\n\n## ", options: [], range: text.range(of: "\n## "))
            .write(to: markdown, atomically: true, encoding: .utf8)
        let second = try renderTutorial(arguments + ["--output", output.path])
        XCTAssertEqual(second.status, 0, second.error)
        XCTAssertTrue(second.output.contains("gradnorm: 9 steps from the cache"), second.output)
        XCTAssertTrue(second.output.contains("Initial losses"), "the cached terminal output is echoed:\n\(second.output)")
        let secondPage = try String(contentsOf: page, encoding: .utf8)
        XCTAssertTrue(secondPage.contains("A sentence the author just wrote."))

        let uncached = try renderTutorial(arguments + ["--output", fresh.path, "--no-cache", "--quiet"])
        XCTAssertEqual(uncached.status, 0, uncached.error)
        XCTAssertTrue(uncached.output.contains("gradnorm: 9 steps in "), uncached.output)
        XCTAssertEqual(try String(contentsOf: fresh.appendingPathComponent("gradnorm/index.html"), encoding: .utf8), secondPage,
                       "the page from cached results equals the page from a run")
        XCTAssertNotEqual(firstPage, Data(secondPage.utf8))
    }

    func testCheckRefusesCacheOptions() throws {
        for option in [["--no-cache"], ["--cache", "/tmp"]] {
            let result = try renderTutorial(["--check"] + option)
            XCTAssertEqual(result.status, 64, result.error)
            XCTAssertTrue(result.error.contains("--check renders nothing"), result.error)
        }
    }
}
