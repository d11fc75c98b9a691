import NeuralNet
import PINN
import Tensor
import XCTest

final class DerivativeTests: XCTestCase {
    private func network(_ sizes: [Int] = [2, 8, 8, 1]) -> MLP<Double> {
        var value = 0.0
        return MLP(layers: zip(sizes, sizes.dropFirst()).map { input, output in
            let kernel = (0..<(input * output)).map { _ -> Double in value += 0.61; return 0.9 * sin(value) }
            let bias = (0..<output).map { _ -> Double in value += 0.23; return 0.3 * cos(value) }
            return Linear(kernel: Tensor(shape: [input, output], scalars: kernel), bias: Tensor(bias))
        })
    }

    private let points = Tensor<Double>(rows: [[0.1, 0.2], [0.5, 0.05], [0.93, 0.41], [0.33, 0.5]])

    private func u(_ net: MLP<Double>, _ x: Double, _ t: Double) -> Double {
        net(Tensor(rows: [[x, t]])).scalar
    }

    func testFirstAndSecondDerivativesAgainstFiniteDifferences() {
        let net = network()
        let d = net.derivatives(at: points, secondOrder: [0, 1])
        let h = 1e-4
        for i in 0..<points.shape[0] {
            let x = points[i, 0], t = points[i, 1]
            XCTAssertEqual(d.value.scalars[i], u(net, x, t), accuracy: 1e-14)
            XCTAssertEqual(d.x.scalars[i], (u(net, x + h, t) - u(net, x - h, t)) / (2 * h), accuracy: 1e-7)
            XCTAssertEqual(d.t.scalars[i], (u(net, x, t + h) - u(net, x, t - h)) / (2 * h), accuracy: 1e-7)
            let uxx = (u(net, x + h, t) - 2 * u(net, x, t) + u(net, x - h, t)) / (h * h)
            let utt = (u(net, x, t + h) - 2 * u(net, x, t) + u(net, x, t - h)) / (h * h)
            XCTAssertEqual(d.xx.scalars[i], uxx, accuracy: 1e-5)
            XCTAssertEqual(d.tt.scalars[i], utt, accuracy: 1e-5)
        }
    }

    func testPDELossGradientAgainstFiniteDifferences() {
        let net = network()
        let problem = HeatEquation(diffusivity: 0.01, tMax: 0.5)
        let loss: (MLP<Double>) -> Tensor<Double> = {
            problem.residual($0.derivatives(at: self.points, secondOrder: [0])).squared().mean()
        }
        let gradient = valueAndGradient(of: net, loss).gradient
        let numericGradients = GradientCheck.numericalParameterGradients(of: loss, at: net)
        for p in net.parameters.indices {
            let numeric = numericGradients[p]
            let error = GradientCheck.relativeError(gradient.tensors[p].scalars, numeric)
            XCTAssertLessThan(error, 1e-6, "parameter tensor \(p): relative error \(error)")
        }
    }

    func testHeatLossesOnTheExactSolutionVanishWhereTheyShould() {
        // The initial-condition loss of a network is its mean squared deviation from sin(πx).
        let net = network()
        let initial = Tensor<Double>(rows: [[0.2, 0], [0.7, 0]])
        let values = Tensor<Double>([sin(0.2 * .pi), sin(0.7 * .pi)])
        let data = HeatData(domain: points, boundary: Tensor(rows: [[0, 0.1], [1, 0.1]]), initial: initial, initialValues: values)
        let losses = HeatLosses(problem: HeatEquation(), data: data)
        let prediction = net(initial).scalars
        let expected = (pow(prediction[0] - values.scalars[0], 2) + pow(prediction[1] - values.scalars[1], 2)) / 2
        XCTAssertEqual(losses.initial(net).scalar, expected, accuracy: 1e-14)
        XCTAssertEqual(HeatEquation(diffusivity: 0.01).exactSolution(x: 0.5, t: 0), 1, accuracy: 1e-15)
    }

    func testGridMatchesNumpyLinspace() {
        let grid = Grid(resolution: 50, tMax: 0.5)
        XCTAssertEqual(grid.xs.first, 0)
        XCTAssertEqual(grid.xs.last, 1)
        XCTAssertEqual(grid.ts.last, 0.5)
        XCTAssertEqual(grid.xs[1], 1.0 / 49, accuracy: 1e-16)
        XCTAssertEqual(grid.coordinates.count, 2500)
    }
}

import Foundation
