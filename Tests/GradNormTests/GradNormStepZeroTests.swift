import GradNorm
import XCTest

/// GradNorm (reference form and the paper's) on our own step-0 gradient norms.
final class GradNormStepZeroTests: XCTestCase {
    func testReferenceVariantMatchesOpifexFirstUpdate() throws {
        var balancer = try GradNormBalancer<Float>(numLosses: 3)
        let (losses, gradients) = BalancerReference.stepZero
        try balancer.update(losses: losses, gradients: gradients, gradientNorms: BalancerReference.stepZeroNorms)
        assertRelativelyClose(balancer.weights, BalancerReference.numbers("opifex_gradnorm_first_update"), 1e-5,
                              "GradNorm (reference) first update")
        assertRelativelyClose(try computeInverseTrainingRates(currentLosses: losses, initialLosses: losses),
                              BalancerReference.numbers("inverse_rates_at_step0"), 1e-5, "inverse training rates at step 0")
    }

    func testPaperVariantKeepsTheWeightsSummingToTheLossCount() throws {
        let config = GradNormConfig(variant: .paper)
        let trajectory = try BalancerReference.weightTrajectory(GradNormBalancer<Float>(numLosses: 3, config: config))
        for weights in trajectory {
            XCTAssertTrue(weights.allSatisfy { $0.isFinite && $0 > 0 })
            XCTAssertEqual(weights.reduce(0, +), 3, accuracy: 1e-5)
        }
        // With Ḡ held constant, the first step lowers the weights whose weighted norm is above Ḡ (PDE, IC)
        // and raises BC's: w = 3·exp(−η·Gᵢ·sign(Gᵢ − Ḡ)) / Σ.
        let norms = BalancerReference.stepZeroNorms.map(Double.init)
        let mean = norms.reduce(0, +) / 3
        let raw = norms.map { Foundation.exp(-0.01 * $0 * ($0 > mean ? 1 : -1)) }
        assertRelativelyClose(trajectory[0], raw.map { 3 * $0 / raw.reduce(0, +) }, 1e-5, "GradNorm (paper) first update")
    }
}
