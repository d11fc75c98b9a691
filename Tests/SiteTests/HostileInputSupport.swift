import Foundation
import XCTest

/// Shared by the hostile-input tests of the page writer and the command: the real
/// `render-tutorial` binary run on a copy of the tutorials.
struct RenderSandbox {
    let tutorials: URL
    let output: URL

    /// A copy of the package's tutorials and an empty output folder.
    init() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("hostile-\(UUID())")
        tutorials = base.appendingPathComponent("tutorials")
        output = base.appendingPathComponent("output")
        try FileManager.default.createDirectory(at: tutorials, withIntermediateDirectories: true)
        let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("tutorials")
        for name in try FileManager.default.contentsOfDirectory(atPath: source.path) {
            try FileManager.default.copyItem(at: source.appendingPathComponent(name), to: tutorials.appendingPathComponent(name))
        }
    }

    var gradnorm: URL { tutorials.appendingPathComponent("gradnorm.md") }

    func remove() { try? FileManager.default.removeItem(at: tutorials.deletingLastPathComponent()) }

    /// Runs `render-tutorial ARGUMENTS --tutorials … --output …`.
    func render(_ arguments: [String], output folder: URL? = nil) throws -> (status: Int32, signalled: Bool, output: String, error: String) {
        let result = try renderTutorial(arguments + ["--tutorials", tutorials.path, "--output", (folder ?? output).path])
        return (result.status, result.killed, result.output, result.error)
    }

    /// Every file of the output folder, by relative path.
    func outputFiles() throws -> [String: Data] {
        FileManager.default.fileExists(atPath: output.path) ? try SiteFixture.tree(output) : [:]
    }
}

/// Asserts that a render failed cleanly: exit status 1 (no signal), `fragment` in the message
/// after `file:line`, no step ran, and the output folder is as it was.
func assertRefused(_ result: (status: Int32, signalled: Bool, output: String, error: String), at location: String,
                   contains fragment: String, outputBefore: [String: Data], sandbox: RenderSandbox,
                   file: StaticString = #filePath, line: UInt = #line) throws {
    XCTAssertFalse(result.signalled, "render-tutorial crashed: \(result.error.suffix(300))", file: file, line: line)
    XCTAssertEqual(result.status, 1, result.error, file: file, line: line)
    XCTAssertTrue(result.error.contains("\(location): \(fragment)"), "expected '\(location): \(fragment)' in \(result.error.prefix(500))",
                  file: file, line: line)
    XCTAssertFalse(result.output.contains("Initial losses"), "a step ran before the error", file: file, line: line)
    XCTAssertEqual(try sandbox.outputFiles(), outputBefore, "output/ changed", file: file, line: line)
}
