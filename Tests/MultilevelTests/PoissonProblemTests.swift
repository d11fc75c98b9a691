import Foundation
import NeuralNet
import PINN
import Random
import Tensor
import XCTest

final class PoissonProblemTests: XCTestCase {
    func testTheResidualIsTheSecondDerivativePlusTheForcing() throws {
        // Level 0's initial network of the reference: losses at step 0.
        let reference = CascadeReference.shared
        let problem = try PoissonProblem1D<Float>.sine(collocationPoints: reference.collocationPoints)
        let model = reference.levels[0].paramsAtLevelStart.network
        XCTAssertEqual(problem.lossNames, ["PDE", "BC"])
        assertClose([problem.lossValues(of: model)], [reference.levels[0].steps[0].losses],
                    "losses of the initial level-0 network")
        // The other sign, u″ − f, gives a different PDE loss.
        let flipped = try PoissonProblem1D<Float>(collocationPoints: reference.collocationPoints,
                                                  forcing: { -Double.pi * Double.pi * Foundation.sin(Double.pi * $0) })
        XCTAssertGreaterThan(Swift.abs(flipped.lossValues(of: model)[0] - reference.levels[0].steps[0].losses[0]), 10)
    }

    func testTheExactSolutionHasNoResidualAndBoundaryValuesAreTargets() throws {
        let points = try PoissonProblem1D<Double>.evenlySpacedPoints(count: 6, in: 0.1...0.9)
        XCTAssertEqual(points.shape, [6, 1])
        XCTAssertEqual(points.scalars[1], 0.26, accuracy: 1e-15)
        let problem = try PoissonProblem1D<Double>(collocationPoints: points, domain: -1...2, boundaryValues: (left: 1, right: 3),
                                                   forcing: { _ in -2 }, exactSolution: { $0 * $0 - 1 })
        XCTAssertEqual(problem.domainBounds, [-1...2])
        XCTAssertEqual(problem.exactSolution(at: [2]), 3)
        XCTAssertEqual(problem.boundaryPoints.scalars, [-1, 2])
        // u = 0 everywhere (zero output layer): PDE loss mean(f²) = 4, BC loss mean(1², 3²) = 5.
        var model = MLP<Double>(layerSizes: [1, 3, 1], rngs: Rngs(seed: 0))
        model.layers[1].kernel = Tensor.zeros(shape: [3, 1])
        let losses = problem.lossValues(of: model)
        XCTAssertEqual(losses[0], 4, accuracy: 1e-12)
        XCTAssertEqual(losses[1], 5, accuracy: 1e-12)
    }

    func testBadPointsAreErrors() {
        for shape in [[6], [6, 2], [0, 1]] {
            let points = Tensor<Float>(shape: shape, scalars: [Float](repeating: 0.5, count: shape.reduce(1, *)))
            XCTAssertThrowsError(try PoissonProblem1D<Float>.sine(collocationPoints: points)) { error in
                guard case TrainingError.invalidSetting = error else { return XCTFail("got \(error)") }
            }
        }
        XCTAssertThrowsError(try PoissonProblem1D<Float>.evenlySpacedPoints(count: 0, in: 0...1))
    }
}
