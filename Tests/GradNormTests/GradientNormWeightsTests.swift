import GradNorm
import XCTest

final class GradientNormWeightsTests: XCTestCase {
    func testJaxpiWeightsMatchTheReferenceAtStepZero() throws {
        var balancer = try GradientNormWeights<Float>(lossCount: 3)
        let (losses, gradients) = BalancerReference.stepZero
        let norms = BalancerReference.stepZeroNorms
        // The reference's ŵ are not exactly of the form mean(G)/Gᵢ for any norms G (that form has
        // Σ 1/ŵᵢ = n; theirs give 3.000031), so they differ from ours by up to 2.2e-5; the weights
        // after the update, which are what the balancer gives, agree within 1e-5.
        assertRelativelyClose(try balancer.estimates(gradientNorms: norms), BalancerReference.numbers("jaxpi_grad_norm", "w_hat"),
                              3e-5, "jaxpi ŵ")
        try balancer.update(losses: losses, gradients: gradients, gradientNorms: norms)
        assertRelativelyClose(balancer.weights, BalancerReference.numbers("jaxpi_grad_norm", "weights_after_first_update"),
                              1e-5, "jaxpi gradient-norm weights after the first update")
    }

    func testWeightsOnTheTrainingLoop() throws {
        let trajectory = try BalancerReference.weightTrajectory(GradientNormWeights<Float>(lossCount: 3, updateFrequency: 4))
        for (step, weights) in trajectory.enumerated() {
            XCTAssertTrue(weights.allSatisfy { $0.isFinite && $0 > 0 })
            if step % 4 != 0 { XCTAssertEqual(weights, trajectory[step - 1]) }
        }
        XCTAssertGreaterThan(trajectory.last![1], 1, "BC, the loss with the smallest gradient, gains weight")
    }

    func testBadConfigurationIsAnError() {
        XCTAssertThrowsError(try GradientNormWeights<Float>(lossCount: 3, momentum: 1)) { error in
            XCTAssertEqual(error as? GradNormError, .invalidConfiguration(field: "momentum", value: "1.0", requirement: "a number in [0, 1)"))
        }
        XCTAssertThrowsError(try GradientNormWeights<Float>(lossCount: 3, updateFrequency: 0)) { error in
            XCTAssertEqual(error as? GradNormError, .invalidConfiguration(field: "updateFrequency", value: "0", requirement: "an integer ≥ 1"))
        }
    }
}
