import GradNorm
import NeuralNet
import Tensor
import XCTest

final class GradNormBalancerTests: XCTestCase {
    func testStartsWithUnitWeights() throws {
        let balancer = try GradNormBalancer<Float>(numLosses: 3)
        XCTAssertEqual(balancer.weights, [1, 1, 1])
        XCTAssertEqual(balancer.logWeights, [0, 0, 0])
        XCTAssertEqual(balancer.config, GradNormConfig())
        XCTAssertEqual(GradNormConfig().alpha, 1.5)
        XCTAssertEqual(GradNormConfig().learningRate, 0.01)
        XCTAssertEqual(GradNormConfig().updateFrequency, 1)
        XCTAssertEqual(GradNormConfig().minWeight, 0.01)
        XCTAssertEqual(GradNormConfig().maxWeight, 100)
    }

    func testInverseTrainingRatesOfTheReferencePage() throws {
        let rates = try computeInverseTrainingRates(currentLosses: [1e-3, 1e-2, 1e-4], initialLosses: [1.0, 0.5, 0.1])
        XCTAssertEqual(rates.reduce(0, +) / 3, 1, accuracy: 1e-7)
        // r = [1e-3, 2e-2, 1e-3] / mean 7.333e-3.
        XCTAssertEqual(rates[0], 1e-3 / (22e-3 / 3), accuracy: 1e-7)
        XCTAssertEqual(rates[1], 2e-2 / (22e-3 / 3), accuracy: 1e-7)
        XCTAssertGreaterThan(rates[1], 1, "the BC-like loss trains slowest")
        XCTAssertThrowsError(try computeInverseTrainingRates(currentLosses: [1.0], initialLosses: [1.0, 2.0]))
    }

    func testFirstUpdateDifferentiatesThroughTheMeanGradient() throws {
        // At step 0 all rates are 1, so dL/dwₖ = Gₖ·(sign(dₖ) − mean_i sign(dᵢ)) with dᵢ = Gᵢ − Ḡ.
        let norms: [Double] = [8.297347068786621, 3.1084482669830322, 8.790779113769531]
        let losses: [Double] = [0.61, 0.30, 1.70]
        var balancer = try GradNormBalancer<Double>(numLosses: 3)
        try balancer.setInitialLosses(losses)
        try balancer.updateWeights(gradNorms: norms, losses: losses, initialLosses: losses)
        let mean = norms.reduce(0, +) / 3
        let signs = norms.map { $0 - mean >= 0 ? 1.0 : -1.0 }
        let meanSign = signs.reduce(0, +) / 3
        for k in 0..<3 {
            let expected = Foundation.exp(-0.01 * norms[k] * (signs[k] - meanSign))
            // The 1e-10 guards in the rates make them differ from 1 by ~1e-10.
            XCTAssertEqual(balancer.weights[k], expected, accuracy: 1e-9)
        }
        // These are the reference trace's weights after step 0.
        XCTAssertEqual(balancer.weights[0], 0.9461864233016968, accuracy: 1e-6)
        XCTAssertEqual(balancer.weights[1], 1.0423167943954468, accuracy: 1e-6)
        XCTAssertEqual(balancer.weights[2], 0.9430790543556213, accuracy: 1e-6)
    }

    func testPaperVariantHoldsTheTargetConstantAndRenormalises() throws {
        let norms: [Double] = [8.3, 3.1, 8.8]
        let losses: [Double] = [0.6, 0.3, 1.7]
        var reference = try GradNormBalancer<Double>(numLosses: 3)
        var paper = try GradNormBalancer<Double>(numLosses: 3, config: GradNormConfig(variant: .paper))
        try reference.updateWeights(gradNorms: norms, losses: losses, initialLosses: losses)
        try paper.updateWeights(gradNorms: norms, losses: losses, initialLosses: losses)
        XCTAssertEqual(paper.weights.reduce(0, +), 3, accuracy: 1e-12)
        XCTAssertNotEqual(paper.weights[0], reference.weights[0], accuracy: 1e-6)
        // With Ḡ constant, dL/dwₖ = Gₖ·sign(dₖ) before renormalisation.
        let raw = [Foundation.exp(-0.083), Foundation.exp(0.031), Foundation.exp(-0.088)]
        let scale = 3 / raw.reduce(0, +)
        for k in 0..<3 { XCTAssertEqual(paper.weights[k], raw[k] * scale, accuracy: 1e-12) }
    }

    func testAbsoluteValueSlopeIsPlusOneWhereATermIsExactlyZero() throws {
        // Norms [1, 2, 3], unit weights and rates: Ḡ = 2, differences −1, 0, +1 (exactly, in Float).
        let balancer = try GradNormBalancer<Float>(numLosses: 3)
        let gradient = try balancer.gradNormLossGradient(gradNorms: [1, 2, 3], losses: [1, 1, 1], initialLosses: [1, 1, 1])
        // dL/dwₖ = Gₖ·(sₖ − mean(s)) with s = [−1, +1, +1].
        XCTAssertEqual(gradient[0], 1 * (-1 - 1.0 / 3), accuracy: 1e-6)
        XCTAssertEqual(gradient[1], 2 * (1 - 1.0 / 3), accuracy: 1e-6)
        XCTAssertEqual(gradient[2], 3 * (1 - 1.0 / 3), accuracy: 1e-6)
    }

    func testClipHalvesTheSlopeExactlyAtABound() throws {
        // minWeight 1: the initial weights exp(0) = 1 sit exactly on the lower bound.
        let norms: [Double] = [1, 2, 4]
        let atBound = try GradNormBalancer<Double>(numLosses: 3, config: GradNormConfig(minWeight: 1))
        let inside = try GradNormBalancer<Double>(numLosses: 3)
        let g1 = try atBound.gradNormLossGradient(gradNorms: norms, losses: [1, 1, 1], initialLosses: [1, 1, 1])
        let g2 = try inside.gradNormLossGradient(gradNorms: norms, losses: [1, 1, 1], initialLosses: [1, 1, 1])
        for k in 0..<3 { XCTAssertEqual(g1[k], g2[k] / 2, accuracy: 1e-12) }
    }

    func testWeightsStayInsideTheirBoundsUnderExtremeNorms() throws {
        var balancer = try GradNormBalancer<Float>(numLosses: 2, config: GradNormConfig(learningRate: 0.5, minWeight: 0.1, maxWeight: 10))
        let losses: [Float] = [1, 1]
        try balancer.setInitialLosses(losses)
        for _ in 0..<100 {
            try balancer.updateWeights(gradNorms: [0.001, 1000], losses: losses, initialLosses: balancer.getInitialLosses())
            for w in balancer.weights { XCTAssertTrue((0.1...10).contains(w), "weight \(w) left [0.1, 10]") }
        }
        XCTAssertGreaterThan(balancer.weights[0], balancer.weights[1])
    }

    func testAnUpdateWithUnequalNormsChangesTheWeights() throws {
        var balancer = try GradNormBalancer<Float>(numLosses: 2)
        try balancer.updateWeights(gradNorms: [1, 10], losses: [1, 1], initialLosses: [1, 1])
        XCTAssertNotEqual(balancer.weights, [1, 1])
        XCTAssertGreaterThan(balancer.weights[0], 1, "the loss with the small gradient gains weight")
        XCTAssertLessThan(balancer.weights[1], 1)
    }

    func testSlowerLossesGetLargerTargets() throws {
        // Equal norms but loss 1 has not decreased: its target Ḡ·r^α is larger, so its weight grows.
        var balancer = try GradNormBalancer<Double>(numLosses: 2)
        try balancer.updateWeights(gradNorms: [1, 1], losses: [0.1, 1], initialLosses: [1, 1])
        XCTAssertGreaterThan(balancer.weights[1], balancer.weights[0])
    }

    func testWeightedLossAndGradNormLoss() throws {
        let balancer = try GradNormBalancer<Double>(numLosses: 3)
        XCTAssertEqual(try balancer.computeWeightedLoss([1, 2, 3]), 6)
        XCTAssertEqual(try balancer.computeWeightedLoss([Tensor(1), Tensor(2), Tensor(3)]).scalar, 6)
        // Unit weights and rates: Σ|Gᵢ − Ḡ| = |1−2| + |2−2| + |3−2| = 2.
        XCTAssertEqual(try balancer.computeGradNormLoss(gradNorms: [1, 2, 3], losses: [1, 1, 1], initialLosses: [1, 1, 1]), 2, accuracy: 1e-9)
    }

    func testUpdateFrequency() throws {
        let balancer = try GradNormBalancer<Float>(numLosses: 3, config: GradNormConfig(updateFrequency: 10))
        XCTAssertEqual((0..<25).filter(balancer.isUpdateStep), [0, 10, 20])
    }

    func testInitialLosses() throws {
        var balancer = try GradNormBalancer<Float>(numLosses: 2)
        XCTAssertThrowsError(try balancer.getInitialLosses()) { XCTAssertEqual($0 as? GradNormError, .missingInitialLosses) }
        try balancer.setInitialLosses([3, 4])
        XCTAssertEqual(try balancer.getInitialLosses(), [3, 4])
    }

    func testBadConfigurationsAreClearErrors() {
        let cases: [(GradNormConfig, String)] = [
            (GradNormConfig(alpha: -0.5), "alpha"),
            (GradNormConfig(learningRate: 0), "learningRate"),
            (GradNormConfig(learningRate: -1), "learningRate"),
            (GradNormConfig(learningRate: .nan), "learningRate"),
            (GradNormConfig(learningRate: .infinity), "learningRate"),
            (GradNormConfig(minWeight: 0), "minWeight"),
            (GradNormConfig(minWeight: 5, maxWeight: 1), "maxWeight"),
            (GradNormConfig(updateFrequency: 0), "updateFrequency"),
        ]
        for (config, field) in cases {
            XCTAssertThrowsError(try GradNormBalancer<Float>(numLosses: 3, config: config)) { error in
                guard case let .invalidConfiguration(name, _, _) = error as? GradNormError else {
                    return XCTFail("unexpected error \(error)")
                }
                XCTAssertEqual(name, field)
                XCTAssertTrue("\(error)".contains(field))
            }
        }
        XCTAssertThrowsError(try GradNormBalancer<Float>(numLosses: 0)) {
            XCTAssertTrue("\($0)".contains("numLosses"))
        }
    }

    func testArraysOfTheWrongLengthAreErrors() throws {
        var balancer = try GradNormBalancer<Float>(numLosses: 3)
        XCTAssertThrowsError(try balancer.updateWeights(gradNorms: [1, 2], losses: [1, 1, 1], initialLosses: [1, 1, 1])) {
            XCTAssertEqual($0 as? GradNormError, .wrongLength(name: "gradNorms", expected: 3, actual: 2))
        }
        XCTAssertThrowsError(try balancer.computeWeightedLoss([1, 2]))
        XCTAssertThrowsError(try balancer.setInitialLosses([1, 2, 3, 4]))
        XCTAssertThrowsError(try balancer.computeGradNormLoss(gradNorms: [1, 2, 3], losses: [1, 1, 1], initialLosses: [1]))
    }

    func testGradientNormsOfLossFunctions() {
        struct Pair: ParameterizedModel { var parameters: [Tensor<Double>] }
        let model = Pair(parameters: [Tensor([3, 4]), Tensor([12])])
        let norms = computeGradientNorms(model, [
            { $0.parameters[0].squared().sum() / 2 },  // gradient (3, 4, 0): norm 5
            { $0.parameters[1] * 2 + $0.parameters[0].sum() },  // gradient (1, 1, 2): norm √6
        ])
        XCTAssertEqual(norms[0], 5, accuracy: 1e-12)
        XCTAssertEqual(norms[1], 6.0.squareRoot(), accuracy: 1e-12)
    }
}

import Foundation
