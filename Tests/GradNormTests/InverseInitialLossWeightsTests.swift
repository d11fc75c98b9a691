import GradNorm
import XCTest

final class InverseInitialLossWeightsTests: XCTestCase {
    func testStepZeroWeightsMatchTheReference() throws {
        var balancer = try InverseInitialLossWeights<Float>(lossCount: 3)
        XCTAssertEqual(balancer.weights, [1, 1, 1])
        let (losses, gradients) = BalancerReference.stepZero
        try balancer.update(losses: losses, gradients: gradients, gradientNorms: [])
        assertRelativelyClose(balancer.weights, BalancerReference.numbers("inverse_initial_loss", "weights"), 1e-5,
                              "1/L(0) weights")
    }

    func testWeightsStayFixedDuringTraining() throws {
        let trajectory = try BalancerReference.weightTrajectory(InverseInitialLossWeights<Float>(lossCount: 3))
        for weights in trajectory { XCTAssertEqual(weights, trajectory[0]) }
        let losses = BalancerReference.stepZero.losses
        for (weight, loss) in zip(trajectory[0], losses) { XCTAssertEqual(weight * Double(loss), 1, accuracy: 1e-6) }
    }

    func testBadConfigurationIsAnError() {
        XCTAssertThrowsError(try InverseInitialLossWeights<Float>(lossCount: 0)) { error in
            XCTAssertEqual(error as? GradNormError,
                           .invalidConfiguration(field: "lossCount", value: "0", requirement: "an integer ≥ 1"))
        }
        var balancer = try! InverseInitialLossWeights<Float>(lossCount: 3)
        XCTAssertThrowsError(try balancer.update(losses: [1, 2], gradients: [], gradientNorms: [])) { error in
            XCTAssertEqual(error as? GradNormError, .wrongLength(name: "losses", expected: 3, actual: 2))
        }
    }
}
