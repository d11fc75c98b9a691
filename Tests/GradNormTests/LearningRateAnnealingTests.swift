import GradNorm
import XCTest

final class LearningRateAnnealingTests: XCTestCase {
    func testAuthorsCodeMatchesTheReferenceAtStepZero() throws {
        var balancer = try LearningRateAnnealing<Float>(lossCount: 3)
        XCTAssertEqual(balancer.variant, .wangTengPerdikaris2021, "the authors' code is the default")
        let (losses, gradients) = BalancerReference.stepZero
        let estimates = try balancer.estimates(gradients: gradients)
        let reference = BalancerReference.value("lr_annealing_wang2021_code") as! [String: [String: NSNumber]]
        assertRelativelyClose(Array(estimates[1...]), [reference["BC"]!["lambda_hat"]!, reference["IC"]!["lambda_hat"]!].map(\.doubleValue),
                              1e-5, "Wang 2021 λ̂ (BC, IC)")
        try balancer.update(losses: losses, gradients: gradients, gradientNorms: [])
        XCTAssertEqual(balancer.weights[0], 1, "the residual loss keeps weight 1")
        let after = [reference["BC"]!["lambda_after_first_update"]!, reference["IC"]!["lambda_after_first_update"]!].map(\.doubleValue)
        assertRelativelyClose(Array(balancer.weights[1...]), after, 1e-5, "Wang 2021 weights after the first update")
    }

    func testPhysicsNeMoMatchesTheReferenceAtStepZero() throws {
        var balancer = try LearningRateAnnealing<Float>(lossCount: 3, variant: .physicsNeMo)
        XCTAssertEqual(balancer.movingAverageRate, BalancerReference.scalar("lr_annealing_physicsnemo", "alpha"))
        let (losses, gradients) = BalancerReference.stepZero
        try balancer.update(losses: losses, gradients: gradients, gradientNorms: [])
        assertRelativelyClose(balancer.weights, BalancerReference.numbers("lr_annealing_physicsnemo", "weights_after_step0"),
                              1e-5, "PhysicsNeMo LR-annealing weights after step 0")
    }

    func testWeightsStayFiniteAndPositiveOverTraining() throws {
        for variant in LearningRateAnnealing<Float>.Variant.allCases {
            let balancer = try LearningRateAnnealing<Float>(lossCount: 3, variant: variant, updateFrequency: 5)
            let trajectory = try BalancerReference.weightTrajectory(balancer)
            for (step, weights) in trajectory.enumerated() {
                XCTAssertTrue(weights.allSatisfy { $0.isFinite && $0 > 0 }, "\(variant) step \(step): \(weights)")
                if step % 5 != 0 { XCTAssertEqual(weights, trajectory[step - 1], "\(variant): no update at step \(step)") }
            }
            if variant == .wangTengPerdikaris2021 { XCTAssertTrue(trajectory.allSatisfy { $0[0] == 1 }) }
            XCTAssertNotEqual(trajectory[5], trajectory[4], "\(variant) updates at step 5")
        }
    }

    func testBadConfigurationIsAnError() {
        func check(_ make: @autoclosure () throws -> LearningRateAnnealing<Float>, _ field: String) {
            XCTAssertThrowsError(try make()) { error in
                guard case let .invalidConfiguration(name, _, _) = error as? GradNormError else {
                    return XCTFail("expected invalidConfiguration, got \(error)")
                }
                XCTAssertEqual(name, field)
            }
        }
        check(try LearningRateAnnealing(lossCount: 0), "lossCount")
        check(try LearningRateAnnealing(lossCount: 3, movingAverageRate: 0), "movingAverageRate")
        check(try LearningRateAnnealing(lossCount: 3, movingAverageRate: 1.5), "movingAverageRate")
        check(try LearningRateAnnealing(lossCount: 3, updateFrequency: 0), "updateFrequency")
        check(try LearningRateAnnealing(lossCount: 3, referenceLoss: 3), "referenceLoss")
        check(try LearningRateAnnealing(lossCount: 3, epsilon: -1), "epsilon")
    }
}
