import Foundation
import NeuralNet
import Tensor
import XCTest

final class AdamResizeTests: XCTestCase {
    /// A kernel and a bias, to drive the optimiser directly.
    struct Layer: ParameterizedModel {
        var parameters: [Tensor<Double>]
        init(rows: Int, columns: Int) {
            parameters = [Tensor(shape: [rows, columns], scalars: (0..<(rows * columns)).map { Double($0) / 10 }),
                          Tensor(shape: [columns], scalars: [Double](repeating: 0.5, count: columns))]
        }
    }

    private func gradients(for model: Layer, step: Int) -> ParameterGradients<Double> {
        ParameterGradients(model.parameters.map { parameter in
            let sign = step.isMultiple(of: 2) ? 1.0 : -0.5
            return Tensor(shape: parameter.shape, scalars: parameter.scalars.indices.map { Double($0 + 1) * sign })
        })
    }

    /// An optimiser after three updates of a `[2, 3]` kernel and a `[3]` bias.
    private func trainedOptimizer() -> (Adam<Double>, Layer) {
        var model = Layer(rows: 2, columns: 3), adam = Adam<Double>(learningRate: 1e-2)
        for step in 0..<3 { adam.update(&model, along: gradients(for: model, step: step)) }
        return (adam, model)
    }

    func testGrowingZeroPadsTheMomentsAndKeepsTheStep() throws {
        let (trained, small) = trainedOptimizer()
        var adam = trained
        let before = (adam.firstMoments, adam.secondMoments)
        let large = Layer(rows: 3, columns: 4)
        try adam.resize(from: small, to: large)
        XCTAssertEqual(adam.step, 3)
        for (moments, old) in [(adam.firstMoments, before.0), (adam.secondMoments, before.1)] {
            XCTAssertEqual(moments.map(\.count), [12, 4])
            // Kernel: row-major [2, 3] into [3, 4].
            XCTAssertEqual(moments[0], [old[0][0], old[0][1], old[0][2], 0,
                                        old[0][3], old[0][4], old[0][5], 0,
                                        0, 0, 0, 0])
            XCTAssertEqual(moments[1], old[1] + [0])
            XCTAssertTrue(old[0].allSatisfy { $0 != 0 })
        }
    }

    func testANewParameterFirstMovesByAFractionOfTheLearningRate() throws {
        // Zero moments but step 4: (0.1 g / (1 − 0.9⁴)) / sqrt(0.001 g² / (1 − 0.999⁴)) = 0.5811… · sign(g).
        let (trained, small) = trainedOptimizer()
        var adam = trained
        var large = Layer(rows: 3, columns: 4)
        try adam.resize(from: small, to: large)
        let start = large.parameters[0].scalars[11]
        adam.update(&large, along: ParameterGradients([Tensor(shape: [3, 4], scalars: [Double](repeating: 2, count: 12)),
                                                       Tensor([1, 1, 1, 1])]))
        let expected = (0.1 / (1 - pow(0.9, 4))) / (0.001 / (1 - pow(0.999, 4))).squareRoot()
        XCTAssertEqual(expected, 0.5811, accuracy: 1e-4)
        XCTAssertEqual(large.parameters[0].scalars[11] - start, -1e-2 * expected, accuracy: 1e-9)
    }

    func testShrinkingKeepsTheLeadingBlock() throws {
        var adam = trainedOptimizer().0
        let old = adam.firstMoments
        try adam.resize(from: [[2, 3], [3]], to: [[1, 2], [2]])
        XCTAssertEqual(adam.firstMoments, [[old[0][0], old[0][1]], [old[1][0], old[1][1]]])
        XCTAssertEqual(adam.step, 3)
    }

    func testBeforeTheFirstUpdateThereIsNothingToResize() throws {
        var adam = Adam<Double>()
        try adam.resize(from: [[2, 3], [3]], to: [[4, 4], [4]])
        XCTAssertTrue(adam.firstMoments.isEmpty)
        XCTAssertTrue(adam.secondMoments.isEmpty)
        XCTAssertEqual(adam.step, 0)
    }

    func testShapesThatDoNotPairUpAreErrors() {
        var adam = trainedOptimizer().0
        XCTAssertThrowsError(try adam.resize(from: [[2, 3], [3]], to: [[4, 4]])) {
            XCTAssertEqual($0 as? OptimizerStateError, .parameterCountMismatch(old: 2, new: 1))
        }
        XCTAssertThrowsError(try adam.resize(from: [[2, 3], [3]], to: [[12], [4]])) {
            XCTAssertEqual($0 as? OptimizerStateError, .rankMismatch(parameter: 0, old: [2, 3], new: [12]))
        }
        XCTAssertThrowsError(try adam.resize(from: [[2, 2], [3]], to: [[4, 4], [4]])) {
            XCTAssertEqual($0 as? OptimizerStateError, .stateDoesNotFit(parameter: 0, stateCount: 6, shape: [2, 2]))
        }
        XCTAssertThrowsError(try adam.resize(from: [[2, 3], [3], [1]], to: [[4, 4], [4], [1]])) {
            XCTAssertEqual($0 as? OptimizerStateError, .parameterCountMismatch(old: 2, new: 3))
        }
        // A failed resize leaves the state as it was.
        XCTAssertEqual(adam.firstMoments.map(\.count), [6, 3])
    }
}
