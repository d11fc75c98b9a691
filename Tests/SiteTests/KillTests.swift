import Foundation
import Site
import XCTest

/// `render-tutorial` stopped right after each of its write operations in turn, by SIGKILL (no
/// chance to clean up) or SIGINT (handled): the page at OUT/NAME is always the old one or the
/// new one, and the next render leaves the new page and no stray files.
final class KillTests: XCTestCase {
    func testARenderKilledAfterAnyWriteLeavesTheOldOrTheNewPage() throws {
        try stopAfterEveryOperation(.crash)
    }

    func testARenderInterruptedAfterAnyWriteCleansUpAfterItself() throws {
        try stopAfterEveryOperation(.interrupt)
    }

    private func stopAfterEveryOperation(_ kind: WriteFault.Kind) throws {
        let tutorials = try copyOfTutorials(only: ["gradnorm.md"]), work = SiteFixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: tutorials); try? FileManager.default.removeItem(at: work) }
        let old = work.appendingPathComponent("old"), new = work.appendingPathComponent("new"), output = work.appendingPathComponent("output")
        func render(_ folder: URL, _ environment: [String: String] = [:]) throws -> CommandResult {
            try renderTutorial(["gradnorm", "--quick", "--quiet", "--tutorials", tutorials.path, "--output", folder.path], environment: environment)
        }
        // The old page has one more paragraph, so that the two can be told apart.
        let markdown = tutorials.appendingPathComponent("gradnorm.md")
        let text = try String(contentsOf: markdown, encoding: .utf8)
        try (text + "\nA paragraph of the old page.\n").write(to: markdown, atomically: true, encoding: .utf8)
        XCTAssertEqual(try render(old).status, 0)
        try text.write(to: markdown, atomically: true, encoding: .utf8)
        XCTAssertEqual(try render(new).status, 0)
        let oldTree = try SiteFixture.tree(old), newTree = try SiteFixture.tree(new)
        XCTAssertNotEqual(oldTree["/gradnorm/index.html"], newTree["/gradnorm/index.html"])
        XCTAssertNotEqual(oldTree["/gradnorm/manifest.json"], newTree["/gradnorm/manifest.json"])

        var operation = 1
        while operation < 100 {
            try? FileManager.default.removeItem(at: output)
            try FileManager.default.copyItem(at: old, to: output)
            let stopped = try render(output, [WriteFault.environmentVariable: "\(kind.rawValue)@\(operation)"])
            if !stopped.killed && stopped.status == 0 { break }
            XCTAssertTrue(stopped.killed, "after operation \(operation): \(stopped.error)")
            XCTAssertEqual(stopped.status, kind == .crash ? SIGKILL : SIGINT, "after operation \(operation)")

            let tree = try SiteFixture.tree(output)
            let page = tree.filter { $0.key.hasPrefix("/gradnorm/") }
            XCTAssertTrue(page == oldTree.filter { $0.key.hasPrefix("/gradnorm/") } || page == newTree.filter { $0.key.hasPrefix("/gradnorm/") },
                          "after operation \(operation): OUT/gradnorm is neither the old page nor the new one: \(page.keys.sorted())")
            for name in ["/index.html", "/style.css", "/page.js", "/search-index.js"] {
                XCTAssertTrue(tree[name] == oldTree[name] || tree[name] == newTree[name], "after operation \(operation): \(name)")
            }
            let strays = SiteFixture.strays(in: output)
            if kind == .interrupt {
                XCTAssertEqual(strays, [], "after operation \(operation), an interrupted render cleans up after itself")
            } else if !strays.isEmpty {
                let check = try renderTutorial(["gradnorm", "--check", "--tutorials", tutorials.path, "--output", output.path])
                XCTAssertEqual(check.status, 1)
                for stray in strays { XCTAssertTrue(check.error.contains(output.appendingPathComponent(stray).path), "--check reports \(stray): \(check.error)") }
            }

            let next = try render(output)
            XCTAssertEqual(next.status, 0, next.error)
            XCTAssertEqual(try SiteFixture.tree(output), newTree, "after operation \(operation), the next render writes the new page")
            XCTAssertEqual(SiteFixture.strays(in: output), [], "after operation \(operation), the next render leaves no stray files")
            operation += 1
        }
        // Staging folder, four files, two index files, three swaps, three removals at least.
        XCTAssertGreaterThanOrEqual(operation, 14, "every operation was tried")
        XCTAssertLessThan(operation, 100)
    }
}
