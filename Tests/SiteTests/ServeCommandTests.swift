import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import XCTest

/// `render-tutorial serve` as an author uses it: a page over HTTP, an edit seen at once, an
/// error shown in place of the page, the last good page kept on disk.
final class ServeCommandTests: XCTestCase {
    /// A running `serve` and what it has printed.
    private final class Server: @unchecked Sendable {
        let process = Process()
        private let lock = NSLock()
        private var printed = ""

        init(_ arguments: [String]) throws {
            let bundle = Bundle(for: ServeCommandTests.self).bundleURL
            let candidates = [bundle.appendingPathComponent("render-tutorial"),
                              bundle.deletingLastPathComponent().appendingPathComponent("render-tutorial")]
            process.executableURL = candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[0]
            process.arguments = ["serve"] + arguments
            let out = Pipe()
            process.standardOutput = out
            process.standardError = out
            out.fileHandleForReading.readabilityHandler = { [weak self] handle in
                let data = handle.availableData
                guard let self, !data.isEmpty else { return }
                self.lock.lock(); self.printed += String(decoding: data, as: UTF8.self); self.lock.unlock()
            }
            try process.run()
        }

        var output: String { lock.lock(); defer { lock.unlock() }; return printed }

        /// The address `serve` says it serves, once it says it.
        func address(within seconds: Double) -> URL? {
            let end = Date().addingTimeInterval(seconds)
            while Date() < end {
                if let range = output.range(of: "http://127.0.0.1:[0-9]+/", options: .regularExpression) {
                    return URL(string: String(output[range]))
                }
                Thread.sleep(forTimeInterval: 0.05)
            }
            return nil
        }

        func stop() {
            if process.isRunning { process.terminate() }
            process.waitUntilExit()
        }
    }

    /// The status and body of a GET.
    private func fetch(_ url: URL) -> (status: Int, body: String) {
        let done = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var result = (status: -1, body: "")
        let task = URLSession.shared.dataTask(with: url) { data, response, _ in
            result = ((response as? HTTPURLResponse)?.statusCode ?? -1, data.map { String(decoding: $0, as: UTF8.self) } ?? "")
            done.signal()
        }
        task.resume()
        _ = done.wait(timeout: .now() + 10)
        return result
    }

    /// Fetches `url` until `condition` holds; the seconds it took, or nil after `limit` seconds.
    private func secondsUntil(_ url: URL, limit: Double, _ condition: ((status: Int, body: String)) -> Bool) -> Double? {
        let start = Date()
        while Date().timeIntervalSince(start) < limit {
            if condition(fetch(url)) { return Date().timeIntervalSince(start) }
            Thread.sleep(forTimeInterval: 0.05)
        }
        return nil
    }

    func testServesAPageAndShowsAProseEditWithinTwoSecondsAndAnErrorInsteadOfAStalePage() throws {
        let tutorials = try copyOfTutorials()
        let output = SiteFixture.temporaryFolder(), cache = SiteFixture.temporaryFolder()
        defer { for folder in [tutorials, output, cache] { try? FileManager.default.removeItem(at: folder) } }
        let server = try Server(["gradnorm", "--quick", "--port", "0", "--tutorials", tutorials.path, "--output", output.path,
                                 "--cache", cache.path])
        defer { server.stop() }
        guard let base = server.address(within: 60) else { return XCTFail("serve printed no address:\n\(server.output)") }
        let page = base.appendingPathComponent("gradnorm/index.html")

        let first = fetch(page)
        XCTAssertEqual(first.status, 200, server.output)
        XCTAssertTrue(first.body.contains("GradNorm"), first.body)
        XCTAssertTrue(first.body.contains("/__preview/reload.js"), "the served page reloads itself")
        XCTAssertFalse(try String(contentsOf: output.appendingPathComponent("gradnorm/index.html"), encoding: .utf8).contains("__preview"),
                       "the page on disk is the rendered one")
        XCTAssertEqual(fetch(base.appendingPathComponent("gradnorm/style.css")).status, 200)
        XCTAssertEqual(fetch(URL(string: base.absoluteString + "gradnorm/..%2F..%2Fetc/passwd")!).status, 404)

        let markdown = tutorials.appendingPathComponent("gradnorm.md")
        let text = try String(contentsOf: markdown, encoding: .utf8)
        let edited = text.replacingOccurrences(of: "\n## ", with: "\nA sentence written while serving.\n\n## ", options: [],
                                               range: text.range(of: "\n## "))
        try edited.write(to: markdown, atomically: true, encoding: .utf8)
        let seconds = secondsUntil(page, limit: 10) { $0.body.contains("A sentence written while serving.") }
        XCTAssertNotNil(seconds, "the edit was not served:\n\(server.output)")
        XCTAssertLessThan(seconds ?? 99, 2, "the edit should be served within 2 s")

        let good = try SiteFixture.tree(output)
        try edited.replacingOccurrences(of: "```swift step=setup-balancer", with: "```swift step=no-such-step")
            .write(to: markdown, atomically: true, encoding: .utf8)
        let failed = secondsUntil(page, limit: 10) { $0.status == 500 }
        XCTAssertNotNil(failed, "the failed render was not shown:\n\(server.output)")
        let errorPage = fetch(page).body
        XCTAssertTrue(errorPage.contains("gradnorm.md:") && errorPage.contains("unknown step 'no-such-step'"), errorPage)
        XCTAssertEqual(try SiteFixture.tree(output), good, "the last good output stays on disk untouched")

        try edited.write(to: markdown, atomically: true, encoding: .utf8)
        XCTAssertNotNil(secondsUntil(page, limit: 10) { $0.status == 200 && $0.body.contains("A sentence written while serving.") },
                        "a fixed tutorial is served again:\n\(server.output)")
    }

    func testAFirstRenderThatFailsShowsItsErrorForThePageItNeverWrote() throws {
        let tutorials = try copyOfTutorials()
        let output = SiteFixture.temporaryFolder(), cache = SiteFixture.temporaryFolder()
        defer { for folder in [tutorials, output, cache] { try? FileManager.default.removeItem(at: folder) } }
        let markdown = tutorials.appendingPathComponent("gradnorm.md")
        try String(contentsOf: markdown, encoding: .utf8).replacingOccurrences(of: "```swift step=setup-balancer", with: "```swift step=no-such-step")
            .write(to: markdown, atomically: true, encoding: .utf8)
        let server = try Server(["gradnorm", "--quick", "--port", "0", "--tutorials", tutorials.path, "--output", output.path,
                                 "--cache", cache.path])
        defer { server.stop() }
        guard let base = server.address(within: 60) else { return XCTFail("serve printed no address:\n\(server.output)") }
        let page = fetch(base.appendingPathComponent("gradnorm/index.html"))
        XCTAssertEqual(page.status, 500)
        XCTAssertTrue(page.body.contains("Render failed") && page.body.contains("gradnorm.md:"), page.body)
        XCTAssertFalse(FileManager.default.fileExists(atPath: output.appendingPathComponent("gradnorm").path))
        XCTAssertEqual(fetch(base.appendingPathComponent("gradnorm/no-such-figure.png")).status, 404)
    }

    func testAnUnknownTutorialIsAnErrorBeforeAnythingIsServed() throws {
        let result = try renderTutorial(["serve", "no-such-tutorial", "--port", "0"])
        XCTAssertEqual(result.status, 64)
        XCTAssertTrue(result.error.contains("unknown tutorial 'no-such-tutorial'"), result.error)
    }
}
