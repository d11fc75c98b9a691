import GradNorm
import NeuralNet
import PINN
import Tensor
import XCTest

final class TrainingLoopTests: XCTestCase {
    func testOneFixedWeightStepIsAdamAlongTheSumOfTheGradients() throws {
        // An independent computation of step 0: gradients of each loss, summed, one Adam update.
        let heat: HeatLosses<Double> = PINNTestSupport.heat()
        let start: MLP<Double> = PINNTestSupport.network()
        var training = try Training(problem: heat, model: start, balancer: FixedWeights<Double>([1, 2, 0.5]),
                                    optimizer: Adam(learningRate: 1e-2))
        training.parts = 1  // whole losses, as computed below
        var records: [TrainingRecord] = []
        try training.run(steps: 1) { records.append($0) }

        let (values, gradients) = valuesAndGradients(of: start, heat.functions)
        var expected = start
        var adam = Adam<Double>(learningRate: 1e-2)
        adam.update(&expected, along: .weightedSum(gradients, weights: [1, 2, 0.5]))
        for (a, b) in zip(training.model.parameters, expected.parameters) {
            XCTAssertLessThan(GradientCheck.relativeError(a.scalars, b.scalars), 1e-12)
        }
        XCTAssertEqual(records.count, 1)
        XCTAssertEqual(records[0].losses, values)
        XCTAssertEqual(records[0].totalLoss, values[0] + 2 * values[1] + 0.5 * values[2], accuracy: 1e-14)
        XCTAssertEqual(records[0].gradientNorms, [], "fixed weights need no norms")
        XCTAssertEqual(training.completedSteps, 1)
    }

    func testGradNormUpdatesOnlyEveryUpdateFrequencySteps() throws {
        let heat: HeatLosses<Double> = PINNTestSupport.heat()
        var training = try Training(problem: heat, model: PINNTestSupport.network(),
                                    balancer: GradNormBalancer<Double>(numLosses: 3, config: GradNormConfig(updateFrequency: 3)),
                                    optimizer: Adam(learningRate: 1e-3))
        var weights: [[Double]] = []
        try training.run(steps: 7) { weights.append($0.weights) }
        XCTAssertEqual(training.balancer.initialLosses?.count, 3)
        XCTAssertNotEqual(weights[0], [1, 1, 1], "step 0 updates")
        XCTAssertEqual(weights[1], weights[0])
        XCTAssertEqual(weights[2], weights[0])
        XCTAssertNotEqual(weights[3], weights[2], "step 3 updates")
        XCTAssertEqual(weights[5], weights[3])
        XCTAssertNotEqual(weights[6], weights[5], "step 6 updates")
    }

    func testRunsContinueTheStepCountAndTheBalancerState() throws {
        let heat: HeatLosses<Double> = PINNTestSupport.heat()
        func make() throws -> Training<HeatLosses<Double>, GradNormBalancer<Double>> {
            try Training(problem: heat, model: PINNTestSupport.network(),
                         balancer: GradNormBalancer<Double>(numLosses: 3), optimizer: Adam(learningRate: 1e-3))
        }
        var once = try make(), twice = try make()
        var a: [TrainingRecord] = [], b: [TrainingRecord] = []
        try once.run(steps: 6) { a.append($0) }
        try twice.run(steps: 2) { b.append($0) }
        try twice.run(steps: 4) { b.append($0) }
        XCTAssertEqual(a, b)
        XCTAssertEqual(b.map(\.step), Array(0..<6))
    }

    func testResamplingReplacesThePointsOnSchedule() throws {
        var heat: HeatLosses<Double> = PINNTestSupport.heat()
        heat.collocationPoints = PINNTestSupport.points(9)
        var training = try Training(problem: heat, model: PINNTestSupport.network(), balancer: FixedWeights<Double>(ones: 3),
                                    optimizer: Adam(learningRate: 1e-3))
        var calls: [Int] = []
        training.resampling = try Resampling(every: 4) { problem, _, step in
            calls.append(step)
            problem.collocationPoints = PINNTestSupport.points(9, offset: Double(step) * 0.1)
        }
        try training.run(steps: 9)
        XCTAssertEqual(calls, [0, 4, 8])
        XCTAssertEqual(training.problem.collocationPoints.scalars, PINNTestSupport.points(9, offset: 0.8).scalars)
        XCTAssertThrowsError(try Resampling<HeatLosses<Double>>(every: 0) { _, _, _ in }) {
            XCTAssertTrue("\($0)".contains("resampling interval = 0"), "\($0)")
        }
    }

    func testANonFiniteLossIsNamedAfterTheProblemsOwnLosses() throws {
        // A Laplace problem whose data loss is NaN: the error names "Data", not a heat loss.
        let points: Tensor<Float> = PINNTestSupport.points(6)
        let data = LaplaceData(interior: points, boundary: points, boundaryValues: Tensor([Float](repeating: 0, count: 6)),
                               dataPoints: points, dataValues: Tensor([0, 0, .nan, 0, 0, 0]))
        var training = try Training(problem: LaplaceLosses(data: data), model: PINNTestSupport.network(),
                                    balancer: GradNormBalancer<Float>(numLosses: 3), optimizer: Adam(learningRate: 1e-3))
        XCTAssertThrowsError(try training.run(steps: 3)) { error in
            guard case let .nonFinite(quantity, name, step, _) = error as? GradNormError else { return XCTFail("\(error)") }
            XCTAssertEqual([quantity, name], ["loss", "Data"])
            XCTAssertEqual(step, 0)
        }
    }

    func testABalancerForAnotherNumberOfLossesIsRejected() throws {
        let heat: HeatLosses<Double> = PINNTestSupport.heat()
        XCTAssertThrowsError(try Training(problem: heat, model: PINNTestSupport.network(),
                                          balancer: GradNormBalancer<Double>(numLosses: 4), optimizer: Adam())) {
            XCTAssertEqual("\($0)", "the balancer weighs 4 losses but the problem has 3")
        }
        var training = try Training(problem: heat, model: PINNTestSupport.network(), balancer: FixedWeights<Double>(ones: 3),
                                    optimizer: Adam())
        XCTAssertThrowsError(try training.run(steps: -1)) { XCTAssertTrue("\($0)".contains("steps = -1"), "\($0)") }
        XCTAssertThrowsError(try FixedWeights<Double>([1, .nan])) { XCTAssertTrue("\($0)".contains("weights[1]"), "\($0)") }
        XCTAssertThrowsError(try FixedWeights<Double>([])) 
        XCTAssertThrowsError(try FixedWeights<Double>(ones: 0))
    }
}
