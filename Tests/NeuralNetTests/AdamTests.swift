import NeuralNet
import Tensor
import XCTest

final class AdamTests: XCTestCase {
    /// A one-parameter "model" to drive the optimiser directly.
    struct Point: ParameterizedModel {
        var parameters: [Tensor<Double>]
    }

    func testMatchesHandComputedOptaxSteps() {
        // optax.adam(0.1): m = 0.1 g + 0.9 m, v = 0.001 g² + 0.999 v,
        // u = -0.1 · (m / (1 − 0.9ᵗ)) / (sqrt(v / (1 − 0.999ᵗ)) + 1e-8).
        var model = Point(parameters: [Tensor([1.0, -2.0])])
        var adam = Adam<Double>(learningRate: 0.1)
        let gradients: [[Double]] = [[0.5, -3], [0.25, 1], [-1, 0]]
        var expected = [1.0, -2.0]
        var m = [0.0, 0.0], v = [0.0, 0.0]
        for (t, g) in gradients.enumerated() {
            for i in 0..<2 {
                m[i] = 0.1 * g[i] + 0.9 * m[i]
                v[i] = 0.001 * g[i] * g[i] + 0.999 * v[i]
                let mHat = m[i] / (1 - pow(0.9, Double(t + 1)))
                let vHat = v[i] / (1 - pow(0.999, Double(t + 1)))
                expected[i] -= 0.1 * mHat / (vHat.squareRoot() + 1e-8)
            }
            adam.update(&model, along: ParameterGradients([Tensor(g)]))
            for i in 0..<2 { XCTAssertEqual(model.parameters[0].scalars[i], expected[i], accuracy: 1e-15) }
        }
        XCTAssertEqual(adam.step, 3)
    }

    func testFirstStepMovesEachParameterByTheLearningRate() {
        // With bias correction the first update is lr · g / (|g| + ε) ≈ lr · sign(g).
        var model = Point(parameters: [Tensor([0.0, 0.0, 0.0])])
        var adam = Adam<Double>(learningRate: 1e-3)
        adam.update(&model, along: ParameterGradients([Tensor([1e-3, -50, 0])]))
        XCTAssertEqual(model.parameters[0].scalars[0], -1e-3 * (1e-3 / (1e-3 + 1e-8)), accuracy: 1e-15)
        XCTAssertEqual(model.parameters[0].scalars[1], 1e-3, accuracy: 1e-12)
        XCTAssertEqual(model.parameters[0].scalars[2], 0)
    }

    func testEpsilonIsAddedOutsideTheSquareRoot() {
        // g = 1e-8: with ε outside the root the step is lr · 1e-8 / (1e-8 + 1e-8) = lr / 2;
        // ε inside the root would give lr · 1e-8 / sqrt(1e-16 + 1e-8) ≈ lr · 1e-4.
        var model = Point(parameters: [Tensor([0.0])])
        var adam = Adam<Double>(learningRate: 1)
        adam.update(&model, along: ParameterGradients([Tensor([1e-8])]))
        XCTAssertEqual(model.parameters[0].scalars[0], -0.5, accuracy: 1e-9)
    }

    func testMomentWeightsAreOneMinusTheDecayRoundedOnceAsInOptax() {
        // optax computes 1 − 0.999 in double precision and rounds it to Float32 (0.001);
        // Float(1) − Float(0.999) would be 0.00099998713, 1.3e-5 smaller.
        var model = Point32(parameters: [Tensor<Float>([0])])
        var adam = Adam<Float>(learningRate: 1e-2)
        adam.update(&model, along: ParameterGradients([Tensor<Float>([2])]))
        XCTAssertEqual(adam.firstMoments, [[Float(0.1) * 2]])
        XCTAssertEqual(adam.secondMoments, [[Float(0.001) * 4]])
        XCTAssertNotEqual(adam.secondMoments, [[(Float(1) - Float(0.999)) * 4]])
        XCTAssertEqual(adam.beta2, Float(0.999))
    }

    struct Point32: ParameterizedModel {
        var parameters: [Tensor<Float>]
    }
}

import Foundation
