import DomainDecomposition
import GradNorm
import NeuralNet
import PINN
import XCTest

/// Three steps of the general training loop with GradNorm (default settings: α = 1.5, weight
/// learning rate 0.01, weights in [0.01, 100]) and Adam 1e-3 over the four XPINN losses,
/// against Opifex's trace.
final class GradNormTraceTests: XCTestCase {
    func testThreeGradNormStepsMatchOpifex() throws {
        for reference in XPINNReference.shared.cases {
            var training = try Training(problem: reference.problem, model: reference.model,
                                        balancer: GradNormBalancer<Float>(numLosses: 4), optimizer: Adam(learningRate: 1e-3))
            var records: [TrainingRecord] = []
            try training.run(steps: 3) { records.append($0) }
            XCTAssertEqual(records.map(\.step), reference.gradnormTrace.map(\.step))
            for (ours, theirs) in zip(records, reference.gradnormTrace) {
                let name = "\(reference.name) step \(theirs.step)"
                assertRelative(ours.losses, theirs.losses, "\(name) losses")
                assertRelative(ours.gradientNorms, theirs.gradNorms, "\(name) grad_norms")
                assertRelative(ours.weights, theirs.weights, "\(name) weights")
                assertRelative([ours.totalLoss], [theirs.totalLoss], "\(name) total_loss")
            }
        }
    }

    func testTheBalancerMustWeighAllFourLosses() throws {
        let reference = XPINNReference.oneDimensional
        XCTAssertThrowsError(try Training(problem: reference.problem, model: reference.model,
                                          balancer: GradNormBalancer<Float>(numLosses: 3), optimizer: Adam())) { error in
            XCTAssertEqual(error as? TrainingError, .lossCountMismatch(problem: 4, balancer: 3))
        }
    }
}
