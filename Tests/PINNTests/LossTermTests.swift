import NeuralNet
import PINN
import Tensor
import XCTest

final class LossTermTests: XCTestCase {
    func testSplitPartsAddUpToTheWholeLossAndItsGradient() {
        let model: MLP<Double> = PINNTestSupport.network()
        let heat: HeatLosses<Double> = PINNTestSupport.heat()
        let term = heat.lossTerms[0]
        let whole = valueAndGradient(of: model) { term($0) }
        for parts in [2, 3, 4, 9, 50] {
            let pieces = term.parts(parts)
            XCTAssertEqual(pieces.count, min(parts, 9), "never more parts than points")
            let split = valuesAndGradients(of: model, shardedLosses: [pieces])
            XCTAssertEqual(split.values[0], whole.value, accuracy: 1e-14 * abs(whole.value))
            for (a, b) in zip(split.gradients[0].tensors, whole.gradient.tensors) {
                XCTAssertLessThan(GradientCheck.relativeError(a.scalars, b.scalars), 1e-12)
            }
        }
    }

    func testMultiOutputResidualsDivideByEveryEntry() {
        // Two output columns: the mean runs over points × outputs, split or not.
        let model: MLP<Double> = PINNTestSupport.network([2, 6, 2])
        let points: Tensor<Double> = PINNTestSupport.points(7)
        let term = LossTerm<MLP<Double>>.meanSquare("two", at: points, splitsAcrossThreads: true) { m, p in m(p) }
        let output = model(points).scalars
        let expected = output.map { $0 * $0 }.reduce(0, +) / Double(output.count)
        XCTAssertEqual(term(model).scalar, expected, accuracy: 1e-14)
        let parts = term.parts(3).map { $0(model).scalar }.reduce(0, +)
        XCTAssertEqual(parts, expected, accuracy: 1e-14)
    }

    func testTermsThatDoNotSplitStayWhole() {
        let heat: HeatLosses<Double> = PINNTestSupport.heat()
        XCTAssertEqual(heat.lossTerms.map { $0.parts(4).count }, [4, 1, 1])
        XCTAssertEqual(LossTerm<MLP<Double>>.custom("c") { _ in Tensor(1) }.parts(8).count, 1)
    }

    func testProblemsNameTheirLossesAndKnowTheirDomains() {
        let heat: HeatLosses<Float> = PINNTestSupport.heat()
        XCTAssertEqual(heat.lossNames, ["PDE", "BC", "IC"])
        XCTAssertEqual(heat.domainBounds, [0...1, 0...0.5])
        let evaluation = heat.evaluate(PINNTestSupport.network(), resolution: 5)
        XCTAssertEqual(evaluation.points.count, 25)
        XCTAssertEqual(evaluation.points[5], [0, 0.125], "the second coordinate varies slowest")
        XCTAssertEqual(evaluation.exact![5], heat.problem.exactSolution(x: 0, t: 0.125))
        // The RMS error is that of the predictions against the exact values.
        let squares = zip(evaluation.predicted, evaluation.exact!).map { ($0 - $1) * ($0 - $1) }
        XCTAssertEqual(evaluation.rmsError!, (squares.reduce(0, +) / 25).squareRoot(), accuracy: 1e-6)
    }
}
