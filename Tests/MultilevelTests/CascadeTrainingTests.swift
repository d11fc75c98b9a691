import GradNorm
import Multilevel
import NeuralNet
import PINN
import Random
import Tensor
import XCTest

final class CascadeTrainingTests: XCTestCase {
    typealias Cascade = CascadeTraining<PoissonProblem1D<Float>, GradNormBalancer<Float>>

    /// What the driver did at one level, next to the reference.
    struct Observed {
        var paramsAtStart: [[Double]]
        var adamStepAtStart: Int
        var result: CascadeLevelResult<Float, GradNormBalancer<Float>>
        var paramsAfterFirstStep: [[Double]]
        var advanced: Bool
        var next: (params: [[Double]], output: [Double], adamStep: Int, mu: [[Double]], nu: [[Double]])?
    }

    static let reference = CascadeReference.shared

    static func makeCascade(parts: Int = 1) throws -> Cascade {
        let hierarchy = try NetworkHierarchy<Float>(inputDimensions: 1, outputDimensions: 1, baseHiddenWidths: [4, 4],
                                                    levelCount: 3, coarseningFactor: 0.5, rngs: Rngs(seed: 0))
        let problem = try PoissonProblem1D<Float>.sine(collocationPoints: reference.collocationPoints)
        var cascade = Cascade(hierarchy: hierarchy, optimizer: Adam(learningRate: 1e-2), problem: problem) { _ in
            try GradNormBalancer<Float>(numLosses: 2)
        }
        cascade.parts = parts
        return cascade
    }

    /// The reference run, level by level (3 GradNorm steps each, then advance).
    static let observed: [Observed] = {
        var cascade = try! makeCascade()
        let testPoints = reference.testPoints
        return reference.problem.stepsPerLevel.map { steps in
            let start = cascade.hierarchy.levels[cascade.currentLevel].flattenedParameters
            let adamStep = cascade.optimizer.step
            var afterFirst: [[Double]] = []
            let result = try! cascade.trainCurrentLevel(steps: steps) { step in
                if step.record.step == 0 { afterFirst = step.model.flattenedParameters }
            }
            let advanced = try! cascade.advanceLevel()
            var observed = Observed(paramsAtStart: start, adamStepAtStart: adamStep, result: result,
                                    paramsAfterFirstStep: afterFirst, advanced: advanced, next: nil)
            if advanced {
                let fine = cascade.hierarchy.levels[cascade.currentLevel]
                observed.next = (fine.flattenedParameters, fine(testPoints).scalars.map(Double.init), cascade.optimizer.step,
                                 cascade.optimizer.firstMoments.map { $0.map(Double.init) },
                                 cascade.optimizer.secondMoments.map { $0.map(Double.init) })
            }
            return observed
        }
    }()

    private func eachLevel(_ body: (CascadeReference.Level, Observed) throws -> Void) rethrows {
        XCTAssertEqual(Self.observed.count, Self.reference.levels.count)
        for (expected, observed) in zip(Self.reference.levels, Self.observed) { try body(expected, observed) }
    }

    func testLevelsStartFromTheProlongatedNetworkAndTheCarriedStepCount() {
        eachLevel { expected, observed in
            XCTAssertEqual(observed.result.level, expected.level)
            XCTAssertEqual(observed.result.hiddenWidths, expected.hiddenWidths)
            XCTAssertEqual(observed.adamStepAtStart, expected.adamCountAtLevelStart)
            assertClose(observed.paramsAtStart, expected.paramsAtLevelStart.flattened, normwise: true,
                        "params_at_level_start[\(expected.level)]")
            XCTAssertEqual(observed.result.initialModel.flattenedParameters, observed.paramsAtStart)
        }
    }

    func testGradNormStepsOfEveryLevel() {
        eachLevel { expected, observed in
            let records = observed.result.records
            XCTAssertEqual(records.map(\.step), expected.steps.map(\.step))
            guard records.count == expected.steps.count else { return }
            let level = expected.level
            assertClose(series(records.map(\.losses)), series(expected.steps.map(\.losses)), normwise: true, "losses[\(level)]")
            assertClose(series(records.map(\.gradientNorms)), series(expected.steps.map(\.gradNorms)), normwise: true,
                        "grad_norms[\(level)]")
            assertClose(series(records.map(\.weights)), series(expected.steps.map(\.weights)), normwise: true,
                        "weights[\(level)]")
            assertClose([records.map(\.totalLoss)], [expected.steps.map(\.totalLoss)], "total_loss[\(level)]")
        }
    }

    func testEachLevelHasANewBalancerWithItsOwnInitialLosses() throws {
        try eachLevel { expected, observed in
            let initial = try XCTUnwrap(observed.result.balancer.initialLosses).map(Double.init)
            assertClose([initial], [expected.steps[0].losses], "initial losses[\(expected.level)]")
            XCTAssertEqual(observed.result.balancer.observedSteps, expected.steps.count)
        }
        // A balancer carried over from level 0 would keep level 0's initial losses.
        XCTAssertNotEqual(Self.observed[1].result.balancer.initialLosses, Self.observed[0].result.balancer.initialLosses)
    }

    func testParametersAfterTheFirstStepAndAtTheEndOfEveryLevel() {
        eachLevel { expected, observed in
            assertClose(observed.paramsAfterFirstStep, expected.paramsAfterFirstStep.flattened,
                        normwise: true, "params_after_first_step[\(expected.level)]")
            assertClose(observed.result.model.flattenedParameters, expected.paramsAtLevelEnd.flattened,
                        normwise: true, "params_at_level_end[\(expected.level)]")
            let output = observed.result.model(Self.reference.testPoints).scalars.map(Double.init)
            assertClose([output], [expected.outputAtTestX], "output_at_test_x[\(expected.level)]")
        }
    }

    func testAdamStateAtTheEndOfEveryLevel() {
        eachLevel { expected, observed in
            let adam = observed.result.optimizer
            XCTAssertEqual(adam.step, expected.adamStateAtLevelEnd.count)
            assertClose(adam.firstMoments.map { $0.map(Double.init) }, expected.adamStateAtLevelEnd.mu.flattened,
                        normwise: true, "adam mu at level end[\(expected.level)]")
            assertClose(adam.secondMoments.map { $0.map(Double.init) }, expected.adamStateAtLevelEnd.nu.flattened,
                        normwise: true, "adam nu at level end[\(expected.level)]")
        }
    }

    func testTheNextLevelAfterProlongation() throws {
        try eachLevel { expected, observed in
            XCTAssertEqual(observed.advanced, expected.advanceLevelReturned)
            guard let reference = expected.nextLevelAfterProlongation else { return XCTAssertNil(observed.next) }
            let next = try XCTUnwrap(observed.next)
            let level = expected.level
            assertClose(next.params, reference.params.flattened, normwise: true, "next_level_after_prolongation[\(level)].params")
            assertClose([next.output], [reference.outputAtTestX], "next_level_after_prolongation[\(level)].output_at_test_x")
            let coarseOutput = observed.result.model(Self.reference.testPoints).scalars.map(Double.init)
            let change = zip(next.output, coarseOutput).map { Swift.abs($0 - $1) }.max()!
            assertClose([[change]], [[reference.maxAbsOutputChangeVsCoarse]], "max_abs_output_change_vs_coarse[\(level)]")
            XCTAssertEqual(next.adamStep, reference.adamCount)
            assertClose(next.mu, reference.mu.flattened, normwise: true, "next_level_after_prolongation[\(level)].mu")
            assertClose(next.nu, reference.nu.flattened, normwise: true, "next_level_after_prolongation[\(level)].nu")
        }
    }

    func testRunTrainsEveryLevelAndTwoThreadsAgree() throws {
        var cascade = try Self.makeCascade(parts: 2)
        var observedLevels: [Int] = []
        let results = try cascade.run(stepsPerLevel: Self.reference.problem.stepsPerLevel) { observedLevels.append($0.level) }
        XCTAssertEqual(observedLevels, [0, 0, 0, 1, 1, 1, 2, 2, 2])
        XCTAssertEqual(results.map(\.level), [0, 1, 2])
        XCTAssertTrue(cascade.isAtFinestLevel)
        XCTAssertFalse(try cascade.advanceLevel())
        for (result, expected) in zip(results, Self.reference.levels) {
            assertClose(result.model.flattenedParameters, expected.paramsAtLevelEnd.flattened,
                        normwise: true, "params_at_level_end[\(expected.level)] (two parts)")
        }
    }

    func testBadStepCountsAreErrors() throws {
        var cascade = try Self.makeCascade()
        func invalid(_ body: () throws -> Any) {
            XCTAssertThrowsError(try body()) { error in
                guard case MultilevelError.invalidSetting = error else { return XCTFail("got \(error)") }
            }
        }
        invalid { try cascade.run(stepsPerLevel: [3, 3]) }
        invalid { try cascade.run(stepsPerLevel: [3, -1, 3]) }
        invalid { try cascade.trainCurrentLevel(steps: -1) }
        XCTAssertEqual(cascade.currentLevel, 0)
        XCTAssertEqual(cascade.optimizer.step, 0)
    }

    func testABalancerForTheWrongNumberOfLossesIsAnError() throws {
        let hierarchy = try NetworkHierarchy<Float>(inputDimensions: 1, outputDimensions: 1, baseHiddenWidths: [2],
                                                    levelCount: 2, rngs: Rngs(seed: 0))
        let problem = try PoissonProblem1D<Float>.sine(collocationPoints: Self.reference.collocationPoints)
        var cascade = CascadeTraining(hierarchy: hierarchy, optimizer: Adam<Float>(), problem: problem) { _ in
            try GradNormBalancer<Float>(numLosses: 3)
        }
        XCTAssertThrowsError(try cascade.run(stepsPerLevel: [1, 1])) {
            XCTAssertEqual($0 as? TrainingError, .lossCountMismatch(problem: 2, balancer: 3))
        }
    }
}
