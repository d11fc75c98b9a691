import GradNorm
import XCTest

/// Our engine's step-0 losses and gradient statistics on the seed-42 heat problem against the
/// reference's: the inputs every balancer test starts from.
final class StepZeroInputsTests: XCTestCase {
    func testLossesMatchTheReference() {
        assertRelativelyClose(BalancerReference.stepZero.losses, BalancerReference.numbers("losses_step0"), 1e-5, "step-0 losses")
    }

    func testGradientStatisticsMatchTheReference() {
        let reference = BalancerReference.json["grad_stats_step0"] as! [[String: Any]]
        XCTAssertEqual(reference.count, 3)
        for (index, gradient) in BalancerReference.stepZero.gradients.enumerated() {
            let theirs = reference[index], ours = GradientStatistics(gradient)
            func number(_ key: String) -> Double { (theirs[key] as! NSNumber).doubleValue }
            func list(_ key: String) -> [Double] { (theirs[key] as! [NSNumber]).map(\.doubleValue) }
            assertRelativelyClose([Double(gradient.norm)], [number("l2_norm_all")], 1e-5, "loss \(index) gradient L2 norm")
            assertRelativelyClose([ours.meanAbsolute], [number("mean_abs_all")], 1e-5, "loss \(index) mean |g|")
            assertRelativelyClose([ours.maxAbsolute], [number("max_abs_all")], 1e-5, "loss \(index) max |g|")
            assertRelativelyClose(ours.matrixMaxAbsolute, list("per_layer_kernel_max_abs"), 1e-5, "loss \(index) kernel max |g|")
            assertRelativelyClose(ours.matrixMeanAbsolute, list("per_layer_kernel_mean_abs"), 1e-5, "loss \(index) kernel mean |g|")
        }
    }

    func testFixedRunLossHistoryMatchesTheOneTheReferenceUsed() {
        let theirs = BalancerReference.matrix("loss_history_used")
        XCTAssertEqual(BalancerReference.fixedRunLosses.count, theirs.count)
        for (step, (ours, reference)) in zip(BalancerReference.fixedRunLosses, theirs).enumerated() {
            assertRelativelyClose(ours, reference, 1e-5, "fixed-run losses at step \(step)")
        }
    }
}
