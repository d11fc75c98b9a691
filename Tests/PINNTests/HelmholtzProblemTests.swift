import Foundation
import NeuralNet
import PINN
import Tensor
import XCTest

final class HelmholtzProblemTests: XCTestCase {
    private func points() -> Tensor<Double> {
        // Low-discrepancy points moved from the unit square onto [−1, 1]².
        let unit: Tensor<Double> = PINNTestSupport.points(12)
        return Tensor(shape: unit.shape, scalars: unit.scalars.map { 2 * $0 - 1 })
    }

    func testTheForcingIsTheOperatorAppliedToTheExactSolution() {
        let h = 1e-4
        for problem in [HelmholtzProblem<Double>.sineProduct(collocationPoints: points(), boundaryPointsPerSide: 5),
                        .exponentialLaplace(collocationPoints: points(), boundaryPointsPerSide: 5)] {
            for point in [[0.1, 0.2], [-0.7, 0.45], [0.9, -0.95], [-0.3, -0.6]] {
                func u(_ dx: Double, _ dy: Double) -> Double { problem.exactSolution(at: [point[0] + dx, point[1] + dy])! }
                let laplacian = (u(h, 0) + u(-h, 0) + u(0, h) + u(0, -h) - 4 * u(0, 0)) / (h * h)
                let expected = laplacian + problem.waveNumberSquared * u(0, 0)
                XCTAssertEqual(problem.forcing(point[0], point[1]), expected, accuracy: 1e-4 * max(1, abs(expected)))
            }
        }
    }

    func testTheResidualIsLaplacianPlusKSquaredUMinusTheForcing() {
        let problem = HelmholtzProblem<Double>.sineProduct(collocationPoints: points(), boundaryPointsPerSide: 5)
        let model: MLP<Double> = PINNTestSupport.network()
        let x = problem.collocationPoints
        let u = model.derivatives(at: x, secondOrder: [0, 1])
        let residual = problem.residual(of: model, at: x).scalars
        for i in 0..<x.shape[0] {
            let f = problem.forcing(x[i, 0], x[i, 1])
            XCTAssertEqual(residual[i], u.xx.scalars[i] + u.yy.scalars[i] + u.value.scalars[i] - f, accuracy: 1e-9)
        }
    }

    func testTheBoundaryLossTakesTheExactValuesOnTheEdgesOfTheSquare() {
        let problem = HelmholtzProblem<Double>.exponentialLaplace(collocationPoints: points(), boundaryPointsPerSide: 6)
        let edges = problem.boundaryPoints, values = problem.boundaryValues.scalars
        XCTAssertEqual(edges.shape, [24, 2])
        for i in 0..<24 {
            let x = edges[i, 0], y = edges[i, 1]
            XCTAssertTrue(abs(x) == 1 || abs(y) == 1, "(\(x), \(y)) is on an edge")
            XCTAssertEqual(values[i], exp(.pi * x) * sin(.pi * y), accuracy: 1e-12)
        }
        // The boundary loss of the zero network is the mean square of the boundary data.
        let zero = MLP<Double>(layers: [Linear(kernel: Tensor(shape: [2, 1], scalars: [0, 0]), bias: Tensor([0]))])
        let meanSquare = values.map { $0 * $0 }.reduce(0, +) / Double(values.count)
        XCTAssertEqual(problem.lossValues(of: zero)[1], meanSquare, accuracy: 1e-12)
        XCTAssertEqual(problem.lossNames, ["PDE", "BC"])
        XCTAssertEqual(problem.domainBounds, [-1...1, -1...1])
    }
}
