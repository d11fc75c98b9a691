import Random
import Sampling
import XCTest

/// Opifex's RAD density, every intermediate array bit for bit, and its sampler.
final class OpifexDensityTests: XCTestCase {
    func testEveryConfigurationAndIntermediate() throws {
        XCTAssertEqual(Fixture.opifexConfigurations.count, 6)
        for configuration in Fixture.opifexConfigurations {
            let name = configuration["name"] as! String
            let settings = configuration["config"] as! [String: Any]
            let density = try OpifexResidualDensity(beta: Float(settings["beta"] as! Double),
                                                    minProbability: Float(settings["min_probability"] as! Double))
            let steps = try density.steps(residuals: Fixture.residuals)
            let internals = configuration["internals"] as! [String: Any]
            assertBitIdentical(steps.absolutePlusEpsilon, Fixture.floats(internals["abs_plus_eps"]), "\(name) |r| + eps")
            assertBitIdentical(steps.weighted, Fixture.floats(internals["weighted"]), "\(name) weighted")
            assertBitIdentical(steps.beforeFloor, Fixture.floats(internals["p_before_clamp"]), "\(name) p before floor")
            assertBitIdentical(steps.afterFloor, Fixture.floats(internals["p_after_clamp"]), "\(name) p after floor")
            XCTAssertEqual(steps.sumAfterFloor.bitPattern, (internals["sum_after_clamp"] as! NSNumber).floatValue.bitPattern, name)
            assertBitIdentical(steps.probabilities, Fixture.floats(configuration["probabilities"]), "\(name) p")
        }
    }

    func testSamplerDrawsMatchOpifex() throws {
        for configuration in Fixture.opifexConfigurations {
            let settings = configuration["config"] as! [String: Any]
            let sampler = try ResidualAdaptiveSampler(.opifex(beta: Float(settings["beta"] as! Double),
                                                              minProbability: Float(settings["min_probability"] as! Double)))
            assertBitIdentical(try sampler.probabilities(residuals: Fixture.residuals),
                               Fixture.floats(configuration["probabilities"]), configuration["name"] as! String)
            for draw in configuration["draws"] as! [[String: Any]] {
                let indices = try sampler.sampleIndices(residuals: Fixture.residuals, count: draw["batch_size"] as! Int,
                                                        key: Fixture.key(draw["key_data"]))
                XCTAssertEqual(indices, Fixture.ints(draw["indices"]))
            }
        }
    }

    func testOneThousandResiduals() throws {
        let large = Fixture.largeCase
        let sampler = try ResidualAdaptiveSampler(.opifex())
        let residuals = Fixture.floats(large["residuals"])
        assertBitIdentical(try sampler.probabilities(residuals: residuals), Fixture.floats(large["probabilities"]), "n = 1000")
        let indices = try sampler.sampleIndices(residuals: residuals, count: large["batch_size"] as! Int,
                                                key: PRNGKey(seed: Int64(large["seed"] as! Int)))
        XCTAssertEqual(indices, Fixture.ints(large["indices"]))
    }

    /// XLA's tree-reduction order is needed: summing 1000 weights left to right
    /// gives different probabilities.
    func testSequentialSumWouldNotMatchForOneThousandResiduals() {
        let weights = Fixture.floats(Fixture.largeCase["residuals"]).map { Swift.abs($0) + 1e-10 }
        let sequential = XLASum.sequentialSum(weights[...])
        XCTAssertNotEqual(XLASum.sum(weights).bitPattern, sequential.bitPattern)
        let naive = weights.map { $0 * (1 / sequential) }.map { Swift.max($0, 1e-6) }
        let naiveTotal = XLASum.sequentialSum(naive[...])
        let naiveProbabilities = naive.map { $0 * (1 / naiveTotal) }
        let jax = Fixture.floats(Fixture.largeCase["probabilities"])
        XCTAssertGreaterThan(zip(naiveProbabilities, jax).filter { $0.bitPattern != $1.bitPattern }.count, 0)
    }

    /// Opifex divides by a sum as a multiplication by its reciprocal; true division
    /// differs for the default configuration.
    func testTrueDivisionWouldNotMatch() {
        let weights = Fixture.residuals.map { Swift.abs($0) + 1e-10 }
        let total = XLASum.sum(weights)
        let divided = weights.map { $0 / total }
        let internals = Fixture.opifexConfigurations[0]["internals"] as! [String: Any]
        let jax = Fixture.floats(internals["p_before_clamp"])
        XCTAssertGreaterThan(zip(divided, jax).filter { $0.bitPattern != $1.bitPattern }.count, 0)
    }

    func testXLASumOrder() {
        XCTAssertEqual(XLASum.sum([]), 0)
        XCTAssertEqual(XLASum.sum([Float](repeating: 1, count: 1000)), 1000)
        // 2^24 + 1 + 1 + …: left to right the ones are lost; in windows they are not.
        let values = [Float(16_777_216)] + [Float](repeating: 1, count: 40)
        XCTAssertEqual(XLASum.sequentialSum(values[...]), 16_777_216)
        XCTAssertGreaterThan(XLASum.sum(values), 16_777_216)
    }
}
