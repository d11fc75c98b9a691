import Experiments
import Foundation
import XCTest

/// Damaged or hostile replay files: each is an error naming the file and the key (or the line
/// and column), found before any training or large allocation.
final class DamagedReplayFileTests: XCTestCase {
    private func reference() throws -> [String: Any] {
        let url = Bundle.module.url(forResource: "gradnorm-heat-seed42", withExtension: "json", subdirectory: "Fixtures")!
        return try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
    }

    private func error(decoding bytes: Data) -> String? {
        do {
            _ = try ExperimentFile.decode(bytes, path: "damaged.json")
            return nil
        } catch {
            return "\(error)"
        }
    }

    private func error(_ mutate: (inout [String: Any]) -> Void) throws -> String {
        var json = try reference()
        mutate(&json)
        return try XCTUnwrap(error(decoding: JSONSerialization.data(withJSONObject: json)), "accepted")
    }

    private func setConfig(_ key: String, _ value: Any) -> (inout [String: Any]) -> Void {
        { json in
            var config = json["config"] as! [String: Any]
            config[key] = value
            json["config"] = config
        }
    }

    func testACorruptedTraceIsAnErrorNotAFileWithoutATrace() throws {
        let message = try error { $0["gradnorm"] = "oops" }
        XCTAssertTrue(message.contains("damaged.json") && message.contains("gradnorm"), message)
        let record = try error { json in
            var records = json["fixed"] as! [[String: Any]]
            records[7]["losses"] = [1.0, 2.0]
            json["fixed"] = records
        }
        XCTAssertTrue(record.contains("fixed[7].losses"), record)
    }

    func testATraceShorterThanItsRunIsAnError() throws {
        let message = try error { $0["gradnorm"] = Array(($0["gradnorm"] as! [Any]).prefix(100)) }
        XCTAssertTrue(message.contains("'gradnorm'") && message.contains("100 steps") && message.contains("1000"), message)
        let outOfOrder = try error { json in
            var records = json["gradnorm"] as! [[String: Any]]
            records.swapAt(3, 4)
            json["gradnorm"] = records
        }
        XCTAssertTrue(outOfOrder.contains("gradnorm[3].step"), outOfOrder)
    }

    func testAFractionalCountNamesItsKey() throws {
        let message = try error(setConfig("steps", 1.5))
        XCTAssertTrue(message.contains("'config.steps': expected an integer, found 1.5"), message)
        let width = try error(setConfig("hidden", [32, 2.5, 32]))
        XCTAssertTrue(width.contains("config.hidden[1]"), width)
    }

    func testASyntaxErrorGivesItsLineAndColumn() throws {
        let lines = ["{", "  \"config\": {", "    \"seed\": 42 x", "  }", "}"]
        let message = try XCTUnwrap(error(decoding: Data(lines.joined(separator: "\n").utf8)))
        XCTAssertTrue(message.contains("damaged.json: line 3, column"), message)
        let truncated = try XCTUnwrap(error(decoding: Data("{\n\"config\": [1,\n2".utf8)))
        XCTAssertTrue(truncated.contains("line 3") && truncated.contains("ends"), truncated)
    }

    func testHugeCountsAreRejectedBeforeAnythingIsAllocated() throws {
        let boundary = try error(setConfig("nbc", 1 << 62))
        XCTAssertTrue(boundary.contains("config.nbc"), boundary)
        let steps = try error(setConfig("steps", Int.max))
        XCTAssertTrue(steps.contains("config.steps"), steps)
        let width = try error(setConfig("hidden", [32, 1 << 40, 32]))
        XCTAssertTrue(width.contains("config.hidden"), width)
    }
}
