import Random
import Sampling
import XCTest

/// Wu et al.'s density p ∝ εᵏ/mean(εᵏ) + c and its sampler.
final class Wu2023DensityTests: XCTestCase {
    func testSixCases() throws {
        XCTAssertEqual(Fixture.wuCases.count, 6)
        for wuCase in Fixture.wuCases {
            let k = Float(wuCase["k"] as! Double), c = Float(wuCase["c"] as! Double)
            let density = try Wu2023ResidualDensity(k: k, c: c)
            assertBitIdentical(try density.probabilities(residuals: Fixture.residuals),
                               Fixture.floats(wuCase["probabilities"]), "k \(k) c \(c)")
        }
    }

    func testSamplerWithAndWithoutReplacement() throws {
        for wuCase in Fixture.wuCases {
            let k = Float(wuCase["k"] as! Double), c = Float(wuCase["c"] as! Double)
            for draw in wuCase["draws"] as! [[String: Any]] {
                let key = PRNGKey(seed: Int64(draw["seed"] as! Int))
                let count = draw["m"] as! Int
                let with = try ResidualAdaptiveSampler(.wu2023(k: k, c: c, replace: true))
                XCTAssertEqual(try with.sampleIndices(residuals: Fixture.residuals, count: count, key: key),
                               Fixture.ints(draw["replace_true"]))
                let without = try ResidualAdaptiveSampler(.wu2023(k: k, c: c, replace: false))
                XCTAssertEqual(try without.sampleIndices(residuals: Fixture.residuals, count: count, key: key),
                               Fixture.ints(draw["replace_false"]))
            }
        }
    }

    /// The paper's density is much less greedy than Opifex's (README: 0.1876 against 0.3127).
    func testLessGreedyThanOpifex() throws {
        let paper = try ResidualAdaptiveSampler(.wu2023()).probabilities(residuals: Fixture.residuals)
        let opifex = try ResidualAdaptiveSampler(.opifex()).probabilities(residuals: Fixture.residuals)
        XCTAssertEqual(paper.max()!, 0.1876, accuracy: 1e-4)
        XCTAssertEqual(opifex.max()!, 0.3127, accuracy: 1e-4)
        XCTAssertFalse(try ResidualAdaptiveSampler(.wu2023()).replace)
        XCTAssertTrue(try ResidualAdaptiveSampler(.opifex()).replace)
    }
}
