import GradNorm
import XCTest

/// SoftAdapt fed the losses of our own fixed-weight run (the reference fed JAX's of the same run).
final class SoftAdaptTests: XCTestCase {
    private func weights(_ variant: SoftAdapt<Float>.Variant) throws -> [[Float]] {
        var balancer = try SoftAdapt<Float>(lossCount: 3, variant: variant)
        return try BalancerReference.fixedRunLosses.map { losses in
            try balancer.update(losses: losses, gradients: [], gradientNorms: [])
            return balancer.weights
        }
    }

    func testOriginalFirstOrderFormMatchesTheReference() throws {
        let ours = try weights(.original)
        XCTAssertEqual(ours[0], [1, 1, 1].map { $0 / 3 }, "no slope yet: equal weights")
        let reference = BalancerReference.matrix("softadapt_original_order1_beta0.1", "weights_steps1to5")
        for step in 1...5 { assertRelativelyClose(ours[step], reference[step - 1], 1e-5, "SoftAdapt original, step \(step)") }
    }

    func testPhysicsNeMoFormMatchesTheReference() throws {
        let ours = try weights(.physicsNeMo)
        XCTAssertEqual(ours[0], [1, 1, 1])
        let reference = BalancerReference.matrix("softadapt_physicsnemo", "effective_weights_steps1to5")
        for step in 1...5 { assertRelativelyClose(ours[step], reference[step - 1], 1e-5, "SoftAdapt PhysicsNeMo, step \(step)") }
    }

    func testWeightsSumToOneOrToTheLossCountOverTraining() throws {
        for (variant, sum) in [(SoftAdapt<Float>.Variant.original, 1.0), (.physicsNeMo, 3.0)] {
            for weights in try BalancerReference.weightTrajectory(SoftAdapt<Float>(lossCount: 3, variant: variant)) {
                XCTAssertTrue(weights.allSatisfy { $0.isFinite && $0 > 0 }, "\(variant): \(weights)")
                XCTAssertEqual(weights.reduce(0, +), sum, accuracy: 1e-5, "\(variant)")
            }
        }
    }

    func testBadConfigurationIsAnError() {
        XCTAssertThrowsError(try SoftAdapt<Float>(lossCount: 0)) { error in
            XCTAssertEqual(error as? GradNormError, .invalidConfiguration(field: "lossCount", value: "0", requirement: "an integer ≥ 1"))
        }
        XCTAssertThrowsError(try SoftAdapt<Float>(lossCount: 3, beta: .infinity)) { error in
            XCTAssertEqual(error as? GradNormError, .invalidConfiguration(field: "beta", value: "inf", requirement: "a finite number"))
        }
        XCTAssertThrowsError(try SoftAdapt<Float>(lossCount: 3, epsilon: -1)) { error in
            XCTAssertEqual(error as? GradNormError, .invalidConfiguration(field: "epsilon", value: "-1.0", requirement: "a finite number ≥ 0"))
        }
    }
}
