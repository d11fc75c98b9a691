import Foundation
import Random
import Sampling
import XCTest

/// `jax.random.choice(key, n, (m,), replace=False, p=p)`: the Gumbel top-k trick.
final class ChoiceWithoutReplacementTests: XCTestCase {
    func testGumbelDrawsMatchJAX() {
        for wuCase in Fixture.wuCases {
            for draw in wuCase["draws"] as! [[String: Any]] {
                let key = PRNGKey(seed: Int64(draw["seed"] as! Int))
                assertBitIdentical(key.gumbel(count: 16), Fixture.floats(draw["replace_false_gumbel"]), "seed \(draw["seed"]!)")
            }
        }
    }

    /// XLA's CPU logarithm is needed: the C library's `logf` gives different Gumbel draws.
    func testLibraryLogarithmWouldNotMatch() {
        let draw = (Fixture.wuCases[0]["draws"] as! [[String: Any]])[0]
        let uniforms = PRNGKey(seed: 0).uniform(count: 16, minval: .leastNormalMagnitude, maxval: 1)
        let withLibraryLog = uniforms.map { -logf(-logf($0)) }
        let jax = Fixture.floats(draw["replace_false_gumbel"])
        XCTAssertGreaterThan(zip(withLibraryLog, jax).filter { $0.bitPattern != $1.bitPattern }.count, 0)
    }

    func testWu2023DrawsWithoutReplacement() throws {
        for wuCase in Fixture.wuCases {
            let probabilities = Fixture.floats(wuCase["probabilities"])
            for draw in wuCase["draws"] as! [[String: Any]] {
                let key = PRNGKey(seed: Int64(draw["seed"] as! Int))
                let indices = try key.choice(count: draw["m"] as! Int, probabilities: probabilities, replace: false)
                XCTAssertEqual(indices, Fixture.ints(draw["replace_false"]), "k \(wuCase["k"]!) c \(wuCase["c"]!)")
                XCTAssertEqual(Set(indices).count, indices.count)
            }
        }
    }

    func testXLALogarithmAgreesWithLibraryToTwoUlps() {
        var x: Float = 1e-37
        while x < 1e37 {
            let ours = XLALogarithm.float(x), library = logf(x)
            XCTAssertLessThanOrEqual(Swift.abs(ours - library), 2 * library.ulp, "\(x)")
            x *= 1.37
        }
        XCTAssertEqual(XLALogarithm.float(1), 0)
        XCTAssertEqual(XLALogarithm.float(0), -.infinity)
        XCTAssertTrue(XLALogarithm.float(-1).isNaN)
    }

    func testTopIndicesBreaksTiesTowardsLowerIndex() {
        XCTAssertEqual(RandomChoice.topIndices([1, 3, 3, 2, 3], count: 4), [1, 2, 4, 3])
        XCTAssertEqual(RandomChoice.topIndices([-.infinity, 0], count: 2), [1, 0])
    }

    func testDrawingEveryCandidateIsAPermutation() throws {
        let indices = try PRNGKey(seed: 9).choice(count: 5, probabilities: [1, 2, 3, 4, 5], replace: false)
        XCTAssertEqual(indices.sorted(), [0, 1, 2, 3, 4])
    }
}
