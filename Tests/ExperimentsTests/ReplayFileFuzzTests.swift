import Experiments
import Foundation
import XCTest

/// A bounded, deterministic fuzz of replay files: byte damage, truncation, removed and
/// retyped keys, huge and odd numbers. Every input must load or give an `ExperimentError`
/// naming the file; none may crash. `FUZZ_SEEDS=N` runs a longer fuzz.
final class ReplayFileFuzzTests: XCTestCase {
    /// SplitMix64, so that a seed names one input on every platform.
    private struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    private static let odd: [Any] = [1.5, -1, 0, 1 << 62, Int.max, 1e308, "x", [Any](), [String: Any](), NSNull(), true]

    private func reference() throws -> [String: Any] {
        let url = Bundle.module.url(forResource: "heat-seed7-16x16-alpha1", withExtension: "json", subdirectory: "Fixtures")!
        var json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        // A five-step trace keeps each decode fast; the file stays valid (the trace matches config.steps).
        var config = try XCTUnwrap(json["config"] as? [String: Any])
        config["steps"] = 5
        json["config"] = config
        for run in ["gradnorm", "fixed"] { json[run] = Array(try XCTUnwrap(json[run] as? [Any]).prefix(5)) }
        XCTAssertNoThrow(try ExperimentFile.decode(JSONSerialization.data(withJSONObject: json), path: "base.json"))
        return json
    }

    /// Replaces, removes or retypes one value somewhere in the tree.
    private func mutate(_ value: Any, depth: Int, _ random: inout Generator) -> Any? {
        if depth == 0 || Int.random(in: 0..<4, using: &random) == 0 {
            return Int.random(in: 0..<5, using: &random) == 0 ? nil : Self.odd.randomElement(using: &random)!
        }
        if var object = value as? [String: Any], let key = object.keys.sorted().randomElement(using: &random) {
            object[key] = mutate(object[key]!, depth: depth - 1, &random)
            return object
        }
        if var array = value as? [Any], !array.isEmpty {
            let index = Int.random(in: 0..<array.count, using: &random)
            if let replaced = mutate(array[index], depth: depth - 1, &random) { array[index] = replaced } else { array.remove(at: index) }
            return array
        }
        return Self.odd.randomElement(using: &random)!
    }

    private func damage(_ bytes: Data, _ random: inout Generator) -> Data {
        var bytes = [UInt8](bytes)
        switch Int.random(in: 0..<3, using: &random) {
        case 0: bytes = Array(bytes.prefix(Int.random(in: 0..<bytes.count, using: &random)))
        case 1:
            for _ in 0..<Int.random(in: 1...8, using: &random) {
                bytes[Int.random(in: 0..<bytes.count, using: &random)] = UInt8.random(in: 0...255, using: &random)
            }
        default:
            let at = Int.random(in: 0..<bytes.count, using: &random)
            bytes.insert(contentsOf: Array("{[\"\\u0000".utf8).shuffled(using: &random), at: at)
        }
        return Data(bytes)
    }

    func testDamagedReplayFilesLoadOrGiveAnErrorNamingTheFile() throws {
        let json = try reference()
        let intact = try JSONSerialization.data(withJSONObject: json)
        let seeds = ProcessInfo.processInfo.environment["FUZZ_SEEDS"].flatMap(Int.init) ?? 300
        var loaded = 0, refused = 0
        for seed in 0..<seeds {
            var random = Generator(state: UInt64(seed))
            let bytes: Data
            if seed % 2 == 0, let mutated = mutate(json, depth: 4, &random) as? [String: Any],
               JSONSerialization.isValidJSONObject(mutated) {
                bytes = try JSONSerialization.data(withJSONObject: mutated)
            } else {
                bytes = damage(intact, &random)
            }
            do {
                _ = try ExperimentFile.decode(bytes, path: "fuzz-\(seed).json")
                loaded += 1
            } catch let error as ExperimentError {
                XCTAssertTrue("\(error)".hasPrefix("fuzz-\(seed).json: "), "seed \(seed): \(error)")
                XCTAssertFalse("\(error)".contains("Swift.DecodingError"), "seed \(seed): a raw dump: \(error)")
                refused += 1
            } catch {
                XCTFail("seed \(seed): not an ExperimentError: \(error)")
            }
        }
        XCTAssertGreaterThan(refused, seeds / 2, "the mutations must mostly break the file")
        XCTAssertEqual(loaded + refused, seeds)
    }
}
