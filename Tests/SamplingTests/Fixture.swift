import Foundation
import Random
import XCTest

/// The RAD reference vectors exported from Opifex 0.2.0 / JAX 0.10.2 on CPU
/// (`Fixtures/rad-reference.json`, a copy of the shared reference file).
enum Fixture {
    static let root: [String: Any] = {
        let url = Bundle.module.url(forResource: "rad-reference", withExtension: "json", subdirectory: "Fixtures")!
        return try! JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Any]
    }()

    static var residuals: [Float] { floats(root["residuals"]) }
    static var opifexConfigurations: [[String: Any]] { root["opifex_rad"] as! [[String: Any]] }
    static var largeCase: [String: Any] { root["large_n_case"] as! [String: Any] }
    static var wuCases: [[String: Any]] { (root["wu2023_rad"] as! [String: Any])["cases"] as! [[String: Any]] }
    static var rardCases: [[String: Any]] { root["opifex_rard"] as! [[String: Any]] }

    static func floats(_ value: Any?) -> [Float] { (value as! [NSNumber]).map(\.floatValue) }
    static func ints(_ value: Any?) -> [Int] { (value as! [NSNumber]).map(\.intValue) }
    static func rows(_ value: Any?) -> [[Float]] { (value as! [[NSNumber]]).map { $0.map(\.floatValue) } }
    static func key(_ value: Any?) -> PRNGKey {
        let words = (value as! [NSNumber]).map(\.uint32Value)
        return PRNGKey(words: (words[0], words[1]))
    }
}

/// Asserts that two float arrays hold the same bit patterns, element by element.
func assertBitIdentical(_ ours: [Float], _ theirs: [Float], _ message: String = "",
                        file: StaticString = #filePath, line: UInt = #line) {
    XCTAssertEqual(ours.count, theirs.count, "length \(message)", file: file, line: line)
    for (index, (a, b)) in zip(ours, theirs).enumerated() where a.bitPattern != b.bitPattern {
        XCTFail("\(message) [\(index)]: \(a) (0x\(String(a.bitPattern, radix: 16))) vs \(b) (0x\(String(b.bitPattern, radix: 16)))",
                file: file, line: line)
    }
}
