import NeuralNet
import PINN
import Tensor
import XCTest

final class PeakPoissonTests: XCTestCase {
    private let problem = PeakPoissonProblem<Double>(center: (0.4, 0.55), width: 0.1,
                                                      collocationPoints: PINNTestSupport.points(12), boundaryPointsPerSide: 5)

    func testTheForcingIsTheLaplacianOfTheExactSolution() {
        // Second differences of g, independently of the closed form.
        let h = 1e-4
        for point in [[0.4, 0.55], [0.47, 0.5], [0.2, 0.9], [0.61, 0.33]] {
            func g(_ dx: Double, _ dy: Double) -> Double { problem.exactSolution(at: [point[0] + dx, point[1] + dy])! }
            let laplacian = (g(h, 0) + g(-h, 0) + g(0, h) + g(0, -h) - 4 * g(0, 0)) / (h * h)
            XCTAssertEqual(problem.laplacianOfSolution(at: point), laplacian, accuracy: 1e-4 * max(1, abs(laplacian)))
        }
        XCTAssertEqual(problem.exactSolution(at: [0.4, 0.55]), 1)
    }

    func testTheResidualIsTheNetworksLaplacianMinusTheForcing() {
        let model: MLP<Double> = PINNTestSupport.network()
        let points = problem.collocationPoints
        let u = model.derivatives(at: points, secondOrder: [0, 1])
        let residual = problem.residual(of: model, at: points).scalars
        for i in 0..<points.shape[0] {
            let forcing = problem.laplacianOfSolution(at: [points[i, 0], points[i, 1]])
            XCTAssertEqual(residual[i], u.xx.scalars[i] + u.yy.scalars[i] - forcing, accuracy: 1e-12)
        }
    }

    func testTheBoundaryHoldsTheExactValuesOnEveryEdge() {
        let boundary = problem.boundaryPoints, values = problem.boundaryValues.scalars
        XCTAssertEqual(boundary.shape, [20, 2])
        for i in 0..<20 {
            let x = boundary[i, 0], y = boundary[i, 1]
            XCTAssertTrue(x == 0 || x == 1 || y == 0 || y == 1, "(\(x), \(y)) is on an edge")
            XCTAssertEqual(values[i], problem.exactSolution(at: [x, y])!, accuracy: 1e-15)
        }
        XCTAssertEqual(problem.lossNames, ["PDE", "BC"])
    }
}
