import Foundation
import XCTest

/// The command lines' exit codes and messages, run as a user runs them.
final class CommandLineTests: XCTestCase {
    private func run(_ executable: String, _ arguments: [String]) throws -> (status: Int32, output: String, error: String) {
        // The products sit beside the test bundle (macOS: beside the .xctest directory).
        let bundle = Bundle(for: Self.self).bundleURL
        let candidates = [bundle.appendingPathComponent(executable), bundle.deletingLastPathComponent().appendingPathComponent(executable)]
        let process = Process()
        process.executableURL = candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[0]
        process.arguments = arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let output = out.fileHandleForReading.readDataToEndOfFile()
        let error = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: output, as: UTF8.self), String(decoding: error, as: UTF8.self))
    }

    private var fixture: String {
        Bundle.module.url(forResource: "gradnorm-heat-seed42", withExtension: "json", subdirectory: "Fixtures")!.path
    }

    func testReplayWritesATraceAndComparesIt() throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("replay-\(UUID()).json")
        defer { try? FileManager.default.removeItem(at: out) }
        let result = try run("gradnorm", ["replay", fixture, "--steps", "20", "--trace-out", out.path])
        XCTAssertEqual(result.status, 0, result.error)
        XCTAssertTrue(result.output.contains("gradnorm[10].weights"))
        XCTAssertTrue(result.output.contains("gradnorm[19].losses"))
        XCTAssertTrue(result.output.contains("Partial comparison: our run has 20 steps, the file's trace 1000"), result.output)
        let trace = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: out)) as? [String: Any])
        XCTAssertEqual((trace["gradnorm"] as? [Any])?.count, 20)
    }

    func testReplayErrors() throws {
        let missing = try run("gradnorm", ["replay", "/no/such/file.json"])
        XCTAssertNotEqual(missing.status, 0)
        XCTAssertTrue(missing.error.contains("/no/such/file.json"), missing.error)
        let badSteps = try run("gradnorm", ["replay", fixture, "--steps", "0"])
        XCTAssertNotEqual(badSteps.status, 0)
        XCTAssertTrue(badSteps.error.contains("--steps"), badSteps.error)
        let hugeSteps = try run("gradnorm", ["replay", fixture, "--steps", "\(Int.max)"])
        XCTAssertNotEqual(hugeSteps.status, 0)
        XCTAssertTrue(hugeSteps.error.contains("--steps must be from 1 to"), hugeSteps.error)
        let broken = FileManager.default.temporaryDirectory.appendingPathComponent("broken-\(UUID()).json")
        defer { try? FileManager.default.removeItem(at: broken) }
        try Data(#"{"config": {"seed": 1}}"#.utf8).write(to: broken)
        let malformed = try run("gradnorm", ["replay", broken.path])
        XCTAssertNotEqual(malformed.status, 0)
        XCTAssertTrue(malformed.error.contains("config."), malformed.error)
    }
}
