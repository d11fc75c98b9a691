import Foundation
import XCTest

/// A page folder copied on its own still has everything the page loads.
final class SelfContainedFolderTests: XCTestCase {
    /// What the page loads: the values of every `src="…"` and stylesheet `href="…"` of `html`
    /// (links to other pages are navigation, not part of the page).
    private func references(in html: String) -> [String] {
        var found: [String] = []
        for attribute in ["src=\"", "<link rel=\"stylesheet\" href=\""] {
            var rest = html[...]
            while let start = rest.range(of: attribute) {
                rest = rest[start.upperBound...]
                guard let end = rest.firstIndex(of: "\"") else { break }
                found.append(String(rest[..<end]))
                rest = rest[end...]
            }
        }
        return found
    }

    func testACopiedPageFolderLoadsItsStylesheetAndFiguresFromItself() throws {
        let output = SiteFixture.temporaryFolder(), copy = SiteFixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: output); try? FileManager.default.removeItem(at: copy) }
        let result = try renderTutorial(["gradnorm", "--quick", "--quiet", "--output", output.path])
        XCTAssertEqual(result.status, 0, result.error)
        try FileManager.default.copyItem(at: output.appendingPathComponent("gradnorm"), to: copy)

        let html = try String(contentsOf: copy.appendingPathComponent("index.html"), encoding: .utf8)
        let local = references(in: html).filter { !$0.hasPrefix("#") && !$0.contains(":") }
        XCTAssertTrue(local.contains("style.css"), "the page links its own stylesheet")
        XCTAssertTrue(local.contains("training-comparison.png"))
        for reference in local {
            XCTAssertFalse(reference.hasPrefix("../") || reference.hasPrefix("/"), "\(reference) leaves the folder")
            XCTAssertTrue(FileManager.default.fileExists(atPath: copy.appendingPathComponent(reference).path),
                          "\(reference) is missing from the copied folder")
        }
        let stylesheet = try Data(contentsOf: copy.appendingPathComponent("style.css"))
        XCTAssertEqual(stylesheet, try Data(contentsOf: output.appendingPathComponent("style.css")))
    }
}
