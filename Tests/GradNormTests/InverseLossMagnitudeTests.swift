import GradNorm
import XCTest

/// Opifex's `AdaptiveLossBalancing`, fed the losses of our own fixed-weight run.
final class InverseLossMagnitudeTests: XCTestCase {
    func testFirstThreeUpdatesMatchOpifex() throws {
        var balancer = try InverseLossMagnitude<Float>(lossCount: 3)
        XCTAssertEqual(balancer.alpha, BalancerReference.scalar("opifex_AdaptiveLossBalancing", "alpha_default"))
        let reference = BalancerReference.matrix("opifex_AdaptiveLossBalancing", "weights_after_updates_1to3")
        for (update, losses) in BalancerReference.fixedRunLosses.prefix(3).enumerated() {
            try balancer.update(losses: losses, gradients: [], gradientNorms: [])
            assertRelativelyClose(balancer.weights, reference[update], 1e-5, "Opifex AdaptiveLossBalancing update \(update + 1)")
        }
    }

    func testWeightedLossesApproachOneOverTraining() throws {
        let run = try BalancerReference.experiment.train(with: InverseLossMagnitude<Float>(lossCount: 3, alpha: 0.5), steps: 20)
        for record in run.records { XCTAssertTrue(record.weights.allSatisfy { $0.isFinite && $0 > 0 }) }
        let last = run.records.last!
        // The weights follow 1/L: the smallest loss ends with the largest weight, and so on.
        let byLoss = last.losses.indices.sorted { last.losses[$0] < last.losses[$1] }
        let byWeight = last.weights.indices.sorted { last.weights[$0] > last.weights[$1] }
        XCTAssertEqual(byLoss, byWeight, "losses \(last.losses), weights \(last.weights)")
    }

    func testBadConfigurationIsAnError() {
        XCTAssertThrowsError(try InverseLossMagnitude<Float>(lossCount: 3, alpha: 0)) { error in
            XCTAssertEqual(error as? GradNormError, .invalidConfiguration(field: "alpha", value: "0.0", requirement: "a number in (0, 1]"))
        }
    }
}
