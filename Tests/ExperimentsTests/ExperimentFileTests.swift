import Experiments
import Foundation
import XCTest

/// Malformed or inconsistent experiment files give errors that name the key.
final class ExperimentFileTests: XCTestCase {
    private func referenceJSON() throws -> [String: Any] {
        let url = Bundle.module.url(forResource: "gradnorm-heat-seed42", withExtension: "json", subdirectory: "Fixtures")!
        return try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
    }

    private func assertError(_ mutate: (inout [String: Any]) -> Void, mentions expected: String,
                             file: StaticString = #filePath, line: UInt = #line) throws {
        var json = try referenceJSON()
        mutate(&json)
        let data = try JSONSerialization.data(withJSONObject: json)
        XCTAssertThrowsError(try ExperimentFile.decode(data, path: "broken.json"), file: file, line: line) { error in
            let text = "\(error)"
            XCTAssertTrue(text.contains("broken.json"), "no file name in: \(text)", file: file, line: line)
            XCTAssertTrue(text.contains(expected), "'\(expected)' not in: \(text)", file: file, line: line)
        }
    }

    func testTheReferenceFileLoads() throws {
        let json = try referenceJSON()
        let file = try ExperimentFile.decode(JSONSerialization.data(withJSONObject: json), path: "ok.json")
        XCTAssertEqual(file.config.hiddenSizes, [32, 32, 32])
        XCTAssertEqual(file.initialModel(Float.self).parameterCount, 2241)
        XCTAssertEqual(file.trace?.gradnorm.count, 1000)
    }

    func testMissingKeys() throws {
        try assertError({ $0["data"] = nil }, mentions: "missing key 'data'")
        try assertError({ json in
            var data = json["data"] as! [String: Any]
            data["xt_boundary"] = nil
            json["data"] = data
        }, mentions: "data.xt_boundary")
        try assertError({ json in
            var config = json["config"] as! [String: Any]
            config["steps"] = nil
            json["config"] = config
        }, mentions: "config.steps")
    }

    func testNonNumbers() throws {
        try assertError({ json in
            var config = json["config"] as! [String: Any]
            config["alpha"] = "fast"
            json["config"] = config
        }, mentions: "config.alpha")
        try assertError({ json in
            var params = json["initial_params"] as! [[String: Any]]
            params[2]["bias"] = ["x"]
            json["initial_params"] = params
        }, mentions: "initial_params[2].bias")
    }

    func testWrongShapes() throws {
        try assertError({ json in
            var data = json["data"] as! [String: Any]
            data["xt_domain"] = Array((data["xt_domain"] as! [[Double]]).dropLast())
            json["data"] = data
        }, mentions: "data.xt_domain")
        try assertError({ json in
            var data = json["data"] as! [String: Any]
            var rows = data["xt_initial"] as! [[Double]]
            rows[3] = [0.1, 0, 7]
            data["xt_initial"] = rows
            json["data"] = data
        }, mentions: "data.xt_initial[3]")
        try assertError({ json in
            var params = json["initial_params"] as! [[String: Any]]
            params[1]["kernel"] = [[1.0]]
            json["initial_params"] = params
        }, mentions: "initial_params[1].kernel")
        try assertError({ json in
            var config = json["config"] as! [String: Any]
            config["hidden"] = [32, 32]
            json["config"] = config
        }, mentions: "initial_params")
    }

    func testBadSettings() throws {
        try assertError({ json in
            var config = json["config"] as! [String: Any]
            config["steps"] = 0
            json["config"] = config
        }, mentions: "config.steps")
        try assertError({ json in
            var config = json["config"] as! [String: Any]
            config["alpha"] = -1
            json["config"] = config
        }, mentions: "config.alpha")
    }

    func testNotJSON() {
        XCTAssertThrowsError(try ExperimentFile.decode(Data("{oops".utf8), path: "bad.json")) {
            XCTAssertTrue("\($0)".contains("bad.json"))
        }
        XCTAssertThrowsError(try ExperimentFile.load(path: "/nonexistent/file.json")) {
            XCTAssertTrue("\($0)".contains("/nonexistent/file.json"))
        }
    }
}
