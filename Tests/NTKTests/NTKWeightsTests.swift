import GradNorm
import NTK
import NeuralNet
import PINN
import Tensor
import XCTest

/// The NTK balancer, on the reference's per-loss kernels and inside the training loop.
final class NTKWeightsTests: XCTestCase {
    private var diagonals: [[Float]] {
        LossKernelsTests.kernels.jacobians.map { rows in rows.map { Float($0.reduce(0) { $0 + $1 * $1 }) } }
    }

    func testBothVariantsMatchTheReference() throws {
        let paper = try NTKWeights<Float>(lossCount: 2)
        XCTAssertEqual(paper.variant, .wangYuPerdikaris2022)
        assertRelativelyClose(try paper.estimates(kernelDiagonals: diagonals),
                              [NTKReference.scalar("per_loss_pinn_ntk", "wang2022_weights", "lambda_b = trK/tr(K_uu)"),
                               NTKReference.scalar("per_loss_pinn_ntk", "wang2022_weights", "lambda_r = trK/tr(K_rr)")],
                              1e-5, "NTKWeights (Wang 2022)")
        var jaxpi = try NTKWeights<Float>(lossCount: 2, variant: .jaxpi)
        let expected = [NTKReference.scalar("per_loss_pinn_ntk", "jaxpi_weights_mean_diag", "w_b"),
                        NTKReference.scalar("per_loss_pinn_ntk", "jaxpi_weights_mean_diag", "w_r")]
        // 2e-5: see LossKernelsTests (the reference's jaxpi weights are off its own traces by 1.4e-5).
        assertRelativelyClose(try jaxpi.estimates(kernelDiagonals: diagonals), expected, 2e-5, "NTKWeights (jaxpi)")
        XCTAssertTrue(jaxpi.usesKernelDiagonals)
        try jaxpi.update(losses: [1, 1], gradients: [], gradientNorms: [], kernelDiagonals: diagonals)
        assertRelativelyClose(jaxpi.weights.map(Double.init), expected.map { 0.9 + 0.1 * $0 }, 1e-5, "jaxpi weights after one update")
        XCTAssertFalse(jaxpi.usesKernelDiagonals, "the next update is 1000 steps away")
    }

    func testTheLoopComputesKernelsOnlyOnUpdateStepsAndTheWeightsFollowThem() throws {
        let problem = Self.smallHeatProblem()
        let model = Self.network()
        let balancer = try NTKWeights<Float>(lossCount: 3, updateFrequency: 3)
        var training = try Training(problem: problem, model: model, balancer: balancer, optimizer: Adam(learningRate: 1e-3))
        var trajectory: [[Double]] = []
        var expected: [[Double]] = []
        for _ in 0..<7 {
            // The trace weights of the model the coming step starts from.
            expected.append(try LossKernels(problem: problem, model: training.model).traceRatioWeights)
            try training.run(steps: 1) { trajectory.append($0.weights) }
        }
        for step in 0..<7 {
            XCTAssertTrue(trajectory[step].allSatisfy { $0.isFinite && $0 > 0 })
            if step % 3 == 0 {
                assertRelativelyClose(trajectory[step], expected[step], 1e-5, "NTK weights at step \(step)")
            } else {
                XCTAssertEqual(trajectory[step], trajectory[step - 1], "no update at step \(step)")
            }
        }
    }

    func testKernelDiagonalsOfALossWithTargetsAreThoseOfTheOutput() throws {
        // The IC misfit u − sin(πx) holds one target per point; its Jacobian is that of u.
        let problem = Self.smallHeatProblem(), model = Self.network()
        let diagonals = try problem.kernelDiagonals(at: model)
        XCTAssertEqual(diagonals.map(\.count), [12, 4, 3], "one entry per point of each loss")
        let output = try networkKernel(of: model, at: problem.data.initial)
        for (point, value) in diagonals[2].enumerated() {
            XCTAssertEqual(Double(value), output[point][point], accuracy: 1e-6 * output[point][point])
        }
    }

    func testACustomLossHasNoKernel() throws {
        struct CustomLoss: PINNProblem {
            var lossTerms: [LossTerm<MLP<Float>>] { [.custom("energy") { $0(Tensor(rows: [[0.5, 0.5]])).sum() }] }
            var domainBounds: [ClosedRange<Double>] { [0...1, 0...1] }
            func exactSolution(at point: [Double]) -> Double? { nil }
        }
        var training = try Training(problem: CustomLoss(), model: Self.network(), balancer: NTKWeights<Float>(lossCount: 1),
                                    optimizer: Adam(learningRate: 1e-3))
        XCTAssertThrowsError(try training.run(steps: 1)) { error in
            XCTAssertEqual(error as? TrainingError, .kernelNeedsPointwiseLoss(name: "energy"))
        }
        XCTAssertThrowsError(try LossKernels(problem: CustomLoss(), model: Self.network())) { error in
            XCTAssertEqual(error as? NTKError, .noPointwiseQuantity(loss: "energy"))
        }
    }

    func testBadConfigurationIsAnError() {
        XCTAssertThrowsError(try NTKWeights<Float>(lossCount: 2, updateFrequency: 0)) { error in
            XCTAssertEqual(error as? GradNormError, .invalidConfiguration(field: "updateFrequency", value: "0", requirement: "an integer ≥ 1"))
        }
        XCTAssertThrowsError(try NTKWeights<Float>(lossCount: 2, momentum: -0.5)) { error in
            XCTAssertEqual(error as? GradNormError, .invalidConfiguration(field: "momentum", value: "-0.5", requirement: "a number in [0, 1)"))
        }
        let balancer = try! NTKWeights<Float>(lossCount: 2)
        XCTAssertThrowsError(try balancer.estimates(kernelDiagonals: [[1], []])) { error in
            XCTAssertEqual(error as? GradNormError, .wrongLength(name: "kernelDiagonals[1]", expected: 1, actual: 0))
        }
    }

    // MARK: - A small heat problem

    static func network() -> MLP<Float> {
        var value = 0.0
        let sizes = [2, 6, 6, 1]
        return MLP(layers: zip(sizes, sizes.dropFirst()).map { input, output in
            let kernel = (0..<(input * output)).map { _ -> Float in value += 0.61; return Float(0.9 * Foundation.sin(value)) }
            let bias = (0..<output).map { _ -> Float in value += 0.23; return Float(0.3 * Foundation.cos(value)) }
            return Linear(kernel: Tensor(shape: [input, output], scalars: kernel), bias: Tensor(bias))
        })
    }

    static func smallHeatProblem() -> HeatLosses<Float> {
        let domain = Tensor<Float>(shape: [12, 2], scalars: (0..<12).flatMap { i -> [Float] in
            [Float((Double(i) * 0.618).truncatingRemainder(dividingBy: 1)), Float((Double(i) + 0.5) / 24)]
        })
        let boundary: Tensor<Float> = Tensor(rows: [[0, 0.1], [0, 0.3], [1, 0.1], [1, 0.3]])
        let initial: Tensor<Float> = Tensor(rows: [[0.2, 0], [0.5, 0], [0.7, 0]])
        let values = Tensor<Float>([0.2, 0.5, 0.7].map { Float(Foundation.sin(Double.pi * $0)) })
        return HeatLosses(problem: HeatEquation(), data: HeatData(domain: domain, boundary: boundary, initial: initial, initialValues: values))
    }
}
