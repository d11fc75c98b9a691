import Random
import Sampling
import Tensor
import XCTest

/// Opifex's RAR-D refinement: keys, base indices, noise and new points bit for bit.
final class RARDRefinerTests: XCTestCase {
    private func bounds(_ value: Any?) -> [(lower: Float, upper: Float)] {
        Fixture.rows(value).map { (lower: $0[0], upper: $0[1]) }
    }

    func testEveryReferenceRefinement() throws {
        XCTAssertEqual(Fixture.rardCases.count, 3)
        for rard in Fixture.rardCases {
            let name = rard["name"] as! String
            let settings = rard["config"] as! [String: Any]
            let refiner = try RARDRefiner(numberOfNewPoints: settings["num_new_points"] as! Int,
                                          noiseScale: Float(settings["noise_scale"] as! Double))
            let key = Fixture.key(rard["key_data"])
            let splitKeys = (rard["split_keys"] as! [[NSNumber]]).map { PRNGKey(words: ($0[0].uint32Value, $0[1].uint32Value)) }
            XCTAssertEqual(key.split(2), splitKeys, name)
            let points = Fixture.rows(rard["points"])
            let refinement = try refiner.refine(points: points, residuals: Fixture.residuals,
                                                bounds: bounds(rard["bounds"]), key: key)
            XCTAssertEqual(refinement.baseIndices, Fixture.ints(rard["base_indices"]), name)
            assertBitIdentical(refinement.noise.flatMap { $0 }, Fixture.rows(rard["noise"]).flatMap { $0 }, "\(name) noise")
            assertBitIdentical(refinement.newPoints.flatMap { $0 }, Fixture.rows(rard["new_points"]).flatMap { $0 }, "\(name) new points")
            assertBitIdentical(refinement.points.flatMap { $0 }, Fixture.rows(rard["refined"]).flatMap { $0 }, "\(name) refined")
            XCTAssertEqual(refinement.points.count, points.count + refiner.numberOfNewPoints)
        }
    }

    func testTensorOverload() throws {
        let rard = Fixture.rardCases[1]
        let points = Fixture.rows(rard["points"])
        let tensor = Tensor<Float>(shape: [points.count, 2], scalars: points.flatMap { $0 })
        let refined = try RARDRefiner().refine(points: tensor, residuals: Fixture.residuals,
                                               bounds: bounds(rard["bounds"]), key: Fixture.key(rard["key_data"]))
        XCTAssertEqual(refined.shape, [26, 2])
        assertBitIdentical(refined.scalars, Fixture.rows(rard["refined"]).flatMap { $0 }, "tensor")
    }

    func testNewPointsStayInsideTheBounds() throws {
        let points: [[Float]] = (0..<50).map { [Float($0) / 49, 1 - Float($0) / 49] }
        let residuals: [Float] = (0..<50).map { Float($0 % 7) }
        let refinement = try RARDRefiner(numberOfNewPoints: 500, noiseScale: 2)
            .refine(points: points, residuals: residuals, bounds: [(0, 1), (0, 1)], key: PRNGKey(seed: 5))
        XCTAssertTrue(refinement.newPoints.allSatisfy { $0.allSatisfy { (0...1).contains($0) } })
        XCTAssertTrue(refinement.baseIndices.allSatisfy { $0 % 7 != 0 }, "zero residuals get only the 1e-6 floor")
    }

    /// Opifex silently turns 0 into 10 and 0.1; the port refuses.
    func testRejectsWhatOpifexSilentlyReplaces() {
        let quirks = Fixture.root["quirks"] as! [String: Any]
        XCTAssertEqual(quirks["RARDRefiner(num_new_points=0).config.num_new_points"] as? Int, 10)
        XCTAssertThrowsError(try RARDRefiner(numberOfNewPoints: 0)) { error in
            XCTAssertEqual(error as? SamplingError, .invalidParameter(name: "numberOfNewPoints", value: 0, requirement: "> 0"))
        }
        XCTAssertThrowsError(try RARDRefiner(noiseScale: 0))
        XCTAssertThrowsError(try RARDRefiner(noiseScale: -0.1))
        XCTAssertThrowsError(try RARDRefiner(noiseScale: .nan))
    }
}
