import NeuralNet
import PINN
import Tensor
import XCTest

final class KernelDiagonalTests: XCTestCase {
    func testBatchedDiagonalsEqualTheDiagonalOverAllPointsAtOnce() throws {
        // 70 points: two full batches of 32 and a partial one.
        let unit: Tensor<Double> = PINNTestSupport.points(70)
        let problem = HelmholtzProblem<Double>.sineProduct(collocationPoints: unit, boundaryPointsPerSide: 4)
        let model: MLP<Double> = PINNTestSupport.network()
        let diagonals = try problem.kernelDiagonals(at: model)
        let terms = problem.lossTerms
        XCTAssertTrue(terms[0].acceptsAnyPoints)
        XCTAssertFalse(terms[1].acceptsAnyPoints, "boundary targets are per point: evaluated on all points together")
        for (term, diagonal) in zip(terms, diagonals) {
            let whole = kernelDiagonal(of: model, at: term.pointwise!.points, term.pointwise!.quantity)
            XCTAssertEqual(diagonal.count, whole.count)
            for (a, b) in zip(diagonal, whole) { XCTAssertEqual(a, b, accuracy: 1e-10 * max(1, abs(b))) }
        }
        // And each entry is the squared norm of that point's own parameter gradient.
        let one = unit.rows(5..<6)
        let single = kernelDiagonal(of: model, at: one, terms[0].pointwise!.quantity)[0]
        XCTAssertEqual(diagonals[0][5], single, accuracy: 1e-10 * max(1, abs(single)))
    }
}
