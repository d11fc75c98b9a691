import Foundation
import NeuralNet
import Random
import XCTest

/// The port of JAX's threefry2x32 generator against vectors from JAX itself and
/// against vectors derived for other seeds by an independent implementation.
final class PRNGTests: XCTestCase {
    private func fixture(_ name: String) throws -> [String: Any] {
        let url = try XCTUnwrap(Bundle.module.url(forResource: name, withExtension: "json", subdirectory: "Fixtures"))
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        return try XCTUnwrap(json["cases"] as? [String: Any])
    }

    private func words(_ key: PRNGKey) -> [UInt32] { [key.words.0, key.words.1] }
    private func ints(_ value: Any?) -> [UInt32] { (value as! [NSNumber]).map { $0.uint32Value } }
    private func intPairs(_ value: Any?) -> [[UInt32]] { (value as! [[NSNumber]]).map { $0.map(\.uint32Value) } }
    private func floats(_ value: Any?) -> [Float] { (value as! [NSNumber]).map { $0.floatValue } }

    private func assertWithinUlp(_ ours: [Float], _ theirs: [Float], ulps: Float = 1,
                                 file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(ours.count, theirs.count, file: file, line: line)
        for (a, b) in zip(ours, theirs) {
            XCTAssertLessThanOrEqual(Swift.abs(a - b), ulps * b.ulp, "\(a) vs \(b)", file: file, line: line)
        }
    }

    func testJAXVectors() throws {
        let cases = try fixture("jax-prng-vectors")
        let key = PRNGKey(seed: 42)
        XCTAssertEqual(words(key), ints(cases["PRNGKey(42)"]))
        XCTAssertEqual(key.split(2).map(words), intPairs(cases["split(PRNGKey(42))"]))
        XCTAssertEqual(key.split(3).map(words), intPairs(cases["split(PRNGKey(42), 3)"]))
        XCTAssertEqual(words(key.foldIn(0)), ints(cases["fold_in(PRNGKey(42), 0)"]))
        XCTAssertEqual(words(key.foldIn(7)), ints(cases["fold_in(PRNGKey(42), 7)"]))
        XCTAssertEqual(key.bits(count: 5), ints(cases["bits(PRNGKey(42), (5,))"]))
        XCTAssertEqual(key.bits(count: 6), intPairs(cases["bits(PRNGKey(42), (2,3))"]).flatMap { $0 })
        XCTAssertEqual(PRNGKey(seed: 0).bits(count: 4), ints(cases["bits(PRNGKey(0), (4,))"]))
        assertWithinUlp(key.uniform(count: 6), floats(cases["uniform(PRNGKey(42), (6,1))"]))
        assertWithinUlp(key.uniform(count: 6, minval: 0, maxval: 0.5),
                        floats(cases["uniform(PRNGKey(42), (6,1), minval=0, maxval=0.5)"]))
        assertWithinUlp(key.normal(count: 4), floats(cases["normal(PRNGKey(42), (4,))"]))
        for (a, b) in zip(key.truncatedNormal(lower: -2, upper: 2, count: 8),
                          floats(cases["truncated_normal(PRNGKey(42), -2, 2, (8,))"])) {
            XCTAssertEqual(a, b, accuracy: 2e-7)
        }
        let rngs = Rngs(seed: 42)
        XCTAssertEqual((0..<3).map { _ in words(rngs.params()) }, intPairs(cases["nnx.Rngs(42).params() x3"]))
    }

    func testFlaxLinearInitialisation() throws {
        let cases = try fixture("jax-prng-vectors")
        let layer = Linear<Float>(inputDimensions: 2, outputDimensions: 3, rngs: Rngs(seed: 42))
        let expected = (cases["nnx.Linear(2,3,rngs=nnx.Rngs(42)).kernel"] as! [[NSNumber]]).flatMap { $0.map(\.floatValue) }
        for (a, b) in zip(layer.kernel.scalars, expected) { XCTAssertEqual(a, b, accuracy: 1e-6) }
        XCTAssertEqual(layer.bias.scalars, [0, 0, 0])
    }

    func testOtherSeedsAgainstIndependentlyDerivedVectors() throws {
        let cases = try fixture("derived-vectors")
        XCTAssertEqual(cases.count, 3)
        for (seedText, value) in cases {
            let expected = value as! [String: Any]
            let key = PRNGKey(seed: Int64(seedText)!)
            XCTAssertEqual(words(key), ints(expected["key"]), seedText)
            XCTAssertEqual(key.split(3).map(words), intPairs(expected["split3"]), seedText)
            XCTAssertEqual(words(key.foldIn(5)), ints(expected["fold_in_5"]), seedText)
            XCTAssertEqual(key.bits(count: 7), ints(expected["bits7"]), seedText)
            assertWithinUlp(key.uniform(count: 5, minval: 0, maxval: 3), floats(expected["uniform5_0_3"]))
            for (a, b) in zip(key.truncatedNormal(lower: -2, upper: 2, count: 6), floats(expected["truncated_normal6"])) {
                XCTAssertEqual(a, b, accuracy: 2e-7, seedText)
            }
        }
    }

    func testDrawsStayInRange() {
        let key = PRNGKey(seed: 2_147_483_647)
        let u = key.uniform(count: 10_000, minval: -3, maxval: 5)
        XCTAssertTrue(u.allSatisfy { (-3..<5).contains($0) })
        let t = key.truncatedNormal(lower: -1, upper: 0.5, count: 10_000)
        XCTAssertTrue(t.allSatisfy { $0 > -1 && $0 < 0.5 })
        let mean = key.normal(count: 10_000).reduce(0, +) / 10_000
        XCTAssertEqual(mean, 0, accuracy: 0.05)
    }

    func testInverseErrorFunction() {
        for x in stride(from: -0.999 as Float, through: 0.999, by: 0.0111) {
            XCTAssertEqual(Float(erf(Double(InverseErrorFunction.float(x)))), x, accuracy: 3e-7)
        }
        XCTAssertEqual(InverseErrorFunction.float(1), .greatestFiniteMagnitude)
    }
}
