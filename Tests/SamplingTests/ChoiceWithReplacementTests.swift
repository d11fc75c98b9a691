import Random
import Sampling
import XCTest

/// `jax.random.choice(key, n, (m,), replace=True, p=p)`: every step and every index.
final class ChoiceWithReplacementTests: XCTestCase {
    func testEveryOpifexDraw() throws {
        var checked = 0
        for configuration in Fixture.opifexConfigurations {
            let name = configuration["name"] as! String
            let probabilities = Fixture.floats(configuration["probabilities"])
            for draw in configuration["draws"] as! [[String: Any]] {
                let key = Fixture.key(draw["key_data"])
                let count = draw["batch_size"] as! Int
                let internals = draw["choice_internals"] as! [String: Any]
                let uniforms = key.uniform(count: count)
                assertBitIdentical(uniforms, Fixture.floats(internals["uniform"]), "\(name) uniforms")
                let cumulative = BlockedCumulativeSum.inclusive(probabilities)
                let thresholds = RandomChoice.thresholds(cumulative: cumulative, uniforms: uniforms)
                assertBitIdentical(thresholds, Fixture.floats(internals["r"]), "\(name) thresholds")
                let indices = try key.choice(count: count, probabilities: probabilities)
                XCTAssertEqual(indices, Fixture.ints(draw["indices"]), name)
                XCTAssertEqual(indices, Fixture.ints(internals["indices_searchsorted_left"]), name)
                checked += 1
            }
        }
        XCTAssertEqual(checked, 24)
    }

    func testOneThousandCandidates() throws {
        let large = Fixture.largeCase
        let probabilities = Fixture.floats(large["probabilities"])
        let key = PRNGKey(seed: Int64(large["seed"] as! Int))
        let count = large["batch_size"] as! Int
        let internals = large["choice_internals"] as! [String: Any]
        assertBitIdentical(key.uniform(count: count), Fixture.floats(internals["uniform"]), "uniforms")
        let thresholds = RandomChoice.thresholds(cumulative: BlockedCumulativeSum.inclusive(probabilities),
                                                 uniforms: key.uniform(count: count))
        assertBitIdentical(thresholds, Fixture.floats(internals["r"]), "thresholds")
        XCTAssertEqual(try key.choice(count: count, probabilities: probabilities), Fixture.ints(large["indices"]))
    }

    func testWu2023DrawsWithReplacement() throws {
        for wuCase in Fixture.wuCases {
            let probabilities = Fixture.floats(wuCase["probabilities"])
            for draw in wuCase["draws"] as! [[String: Any]] {
                let key = PRNGKey(seed: Int64(draw["seed"] as! Int))
                let indices = try key.choice(count: draw["m"] as! Int, probabilities: probabilities, replace: true)
                XCTAssertEqual(indices, Fixture.ints(draw["replace_true"]), "k \(wuCase["k"]!) c \(wuCase["c"]!)")
            }
        }
    }

    func testSearchSortedLeft() {
        let sorted: [Float] = [0.1, 0.3, 0.3, 1]
        XCTAssertEqual(RandomChoice.searchSortedLeft(sorted, 0), 0)
        XCTAssertEqual(RandomChoice.searchSortedLeft(sorted, 0.1), 0)
        XCTAssertEqual(RandomChoice.searchSortedLeft(sorted, 0.2), 1)
        XCTAssertEqual(RandomChoice.searchSortedLeft(sorted, 0.3), 1)
        XCTAssertEqual(RandomChoice.searchSortedLeft(sorted, 1), 3)
        XCTAssertEqual(RandomChoice.searchSortedLeft(sorted, 2), 4)
    }

    func testZeroProbabilityIsNeverDrawnAndZeroDrawsAreEmpty() throws {
        let key = PRNGKey(seed: 3)
        let indices = try key.choice(count: 2000, probabilities: [0.5, 0, 0.5])
        XCTAssertFalse(indices.contains(1))
        XCTAssertEqual(Set(indices), [0, 2])
        XCTAssertEqual(try key.choice(count: 0, probabilities: [1]), [])
    }
}
