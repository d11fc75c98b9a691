import GradNorm
import NeuralNet
import Tensor
import XCTest

final class AnyLossBalancerTests: XCTestCase {
    private let losses: [[Float]] = [[0.61, 0.30, 1.7], [0.5, 0.31, 1.2], [0.45, 0.2, 0.9], [0.4, 0.22, 0.5]]
    private let norms: [[Float]] = [[2.0, 0.5, 3.0], [1.8, 0.6, 2.5], [1.5, 0.4, 2.0], [1.2, 0.5, 1.1]]

    /// Feeds the same inputs to `balancer` and to its wrapper and compares the weights after each update.
    private func assertSameTrajectory<B: LossBalancer>(_ balancer: B, diagonals: [[Float]] = [], file: StaticString = #filePath,
                                                       line: UInt = #line) throws where B.Scalar == Float {
        var plain = balancer, wrapped = AnyLossBalancer(balancer)
        XCTAssertEqual(wrapped.lossCount, plain.lossCount, file: file, line: line)
        for (step, (values, norm)) in zip(losses, norms).enumerated() {
            XCTAssertEqual(wrapped.usesGradientNorms, plain.usesGradientNorms, file: file, line: line)
            XCTAssertEqual(wrapped.usesKernelDiagonals, plain.usesKernelDiagonals, file: file, line: line)
            let given = plain.usesGradientNorms ? norm : []
            let kernel = plain.usesKernelDiagonals ? diagonals : []
            try plain.update(losses: values, gradients: [], gradientNorms: given, kernelDiagonals: kernel)
            try wrapped.update(losses: values, gradients: [], gradientNorms: given, kernelDiagonals: kernel)
            XCTAssertEqual(wrapped.weights, plain.weights, "step \(step)", file: file, line: line)
        }
    }

    func testTheWrapperFollowsTheWrappedBalancerExactly() throws {
        try assertSameTrajectory(GradNormBalancer<Float>(numLosses: 3))
        try assertSameTrajectory(SoftAdapt<Float>(lossCount: 3))
        try assertSameTrajectory(InverseLossMagnitude<Float>(lossCount: 3))
        try assertSameTrajectory(ReLoBRaLo<Float>(lossCount: 3, rhoDraws: .seeded(3)))
        try assertSameTrajectory(NTKWeights<Float>(lossCount: 3, updateFrequency: 2), diagonals: [[1, 2], [0.1, 0.3], [5]])
        // The weights changed at all, so the comparison above is not of constant weights.
        var gradNorm = AnyLossBalancer(try GradNormBalancer<Float>(numLosses: 3))
        for (values, norm) in zip(losses, norms) { try gradNorm.update(losses: values, gradients: [], gradientNorms: norm) }
        XCTAssertNotEqual(gradNorm.weights, [1, 1, 1])
    }

    func testTheWrapperReportsTheWrappedBalancersErrors() throws {
        var wrapped = AnyLossBalancer(try FixedWeights<Float>(ones: 2))
        XCTAssertThrowsError(try wrapped.update(losses: [1, 2, 3], gradients: [], gradientNorms: [])) { error in
            XCTAssertEqual(error as? GradNormError, .wrongLength(name: "losses", expected: 2, actual: 3))
        }
        XCTAssertTrue(wrapped.wrapped is FixedWeights<Float>)
    }
}
