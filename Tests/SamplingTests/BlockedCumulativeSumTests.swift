import Sampling
import XCTest

/// XLA's blocked cumulative sum against `jnp.cumsum` from the fixture.
final class BlockedCumulativeSumTests: XCTestCase {
    func testMatchesJAXForEveryOpifexConfiguration() {
        for configuration in Fixture.opifexConfigurations {
            let probabilities = Fixture.floats(configuration["probabilities"])
            for draw in configuration["draws"] as! [[String: Any]] {
                let internals = draw["choice_internals"] as! [String: Any]
                assertBitIdentical(BlockedCumulativeSum.inclusive(probabilities),
                                   Fixture.floats(internals["p_cumsum_jax"]), "\(configuration["name"]!)")
            }
        }
    }

    func testMatchesJAXForOneThousandElements() {
        let internals = Fixture.largeCase["choice_internals"] as! [String: Any]
        let probabilities = Fixture.floats(Fixture.largeCase["probabilities"])
        XCTAssertEqual(probabilities.count, 1000)
        assertBitIdentical(BlockedCumulativeSum.inclusive(probabilities), Fixture.floats(internals["p_cumsum_jax"]), "n = 1000")
    }

    /// The blocked order is really needed: a left-to-right scan differs from JAX at
    /// n = 1000 (and equals the fixture's own sequential scan).
    func testSequentialScanDiffersFromJAXForOneThousandElements() {
        let internals = Fixture.largeCase["choice_internals"] as! [String: Any]
        let probabilities = Fixture.floats(Fixture.largeCase["probabilities"])
        let sequential = BlockedCumulativeSum.sequential(probabilities)
        let jax = Fixture.floats(internals["p_cumsum_jax"])
        XCTAssertFalse(internals["cumsum_bitwise_equal_sequential"] as! Bool)
        XCTAssertGreaterThan(zip(sequential, jax).filter { $0.bitPattern != $1.bitPattern }.count, 0)
        assertBitIdentical(sequential, Fixture.floats(internals["p_cumsum_sequential_f32"]), "sequential")
    }

    func testShortInputsAreScannedInOrder() {
        let values: [Float] = [0.1, 0.2, 0.3]
        XCTAssertEqual(BlockedCumulativeSum.inclusive(values), BlockedCumulativeSum.sequential(values))
        XCTAssertEqual(BlockedCumulativeSum.inclusive([]), [])
        // 17 ones: the 17th element is the first of a second block.
        XCTAssertEqual(BlockedCumulativeSum.inclusive([Float](repeating: 1, count: 17)), (1...17).map(Float.init))
    }
}
