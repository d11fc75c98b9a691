import NeuralNet
import Tensor
import XCTest

final class NetworkTests: XCTestCase {
    private func network() -> MLP<Double> {
        let sizes = [2, 5, 4, 1]
        var value = 0.0
        return MLP(layers: zip(sizes, sizes.dropFirst()).map { input, output in
            let kernel = (0..<(input * output)).map { _ -> Double in value += 0.37; return sin(value) }
            let bias = (0..<output).map { Double($0) * 0.1 - 0.2 }
            return Linear(kernel: Tensor(shape: [input, output], scalars: kernel), bias: Tensor(bias))
        })
    }

    func testLinearUsesTheFlaxKernelLayout() {
        // y = x · kernel + bias with kernel [input][output].
        let layer = Linear(kernel: Tensor<Double>(rows: [[1, 2, 3], [4, 5, 6]]), bias: Tensor([0.5, 0, -1]))
        XCTAssertEqual(layer(Tensor(rows: [[1, 10]])).scalars, [41.5, 52, 62])
    }

    func testParameterCountAndSizes() {
        let net = network()
        XCTAssertEqual(net.layerSizes, [2, 5, 4, 1])
        XCTAssertEqual(net.parameterCount, 2 * 5 + 5 + 5 * 4 + 4 + 4 + 1)
    }

    func testTanhHiddenLayersAndLinearOutput() {
        let net = network()
        let x = Tensor<Double>(rows: [[0.3, -0.7]])
        var h = x
        for (i, layer) in net.layers.enumerated() {
            var out = [Double](repeating: 0, count: layer.outputDimensions)
            for j in out.indices {
                out[j] = layer.bias.scalars[j]
                for k in 0..<layer.inputDimensions { out[j] += h.scalars[k] * layer.kernel[k, j] }
                if i < net.layers.count - 1 { out[j] = tanh(out[j]) }
            }
            h = Tensor(out)
        }
        XCTAssertEqual(net(x).scalar, h.scalars[0], accuracy: 1e-14)
    }

    func testGradientOfAWeightedSumIsTheWeightedSumOfGradients() {
        let net = network()
        let x = Tensor<Double>(rows: [[0.1, 0.2], [0.5, -0.4]])
        let a: (MLP<Double>) -> Tensor<Double> = { $0(x).squared().mean() }
        let b: (MLP<Double>) -> Tensor<Double> = { $0(x).sum() }
        let (values, gradients) = valuesAndGradients(of: net, [a, b])
        let combined = valueAndGradient(of: net) { 0.3 * a($0) + 2 * b($0) }
        XCTAssertEqual(combined.value, 0.3 * values[0] + 2 * values[1], accuracy: 1e-14)
        let summed = ParameterGradients.weightedSum(gradients, weights: [0.3, 2])
        for (p, q) in zip(summed.tensors, combined.gradient.tensors) {
            XCTAssertLessThan(GradientCheck.relativeError(p.scalars, q.scalars), 1e-14)
        }
    }

    func testParameterGradientsAgainstFiniteDifferences() {
        let net = network()
        let x = Tensor<Double>(rows: [[0.1, 0.2], [0.5, -0.4], [0.9, 0.3]])
        let loss: (MLP<Double>) -> Tensor<Double> = { $0(x).squared().mean() }
        let gradient = valueAndGradient(of: net, loss).gradient
        let numericGradients = GradientCheck.numericalParameterGradients(of: loss, at: net)
        for p in net.parameters.indices {
            let numeric = numericGradients[p]
            XCTAssertLessThan(GradientCheck.relativeError(gradient.tensors[p].scalars, numeric), 1e-6, "parameter \(p)")
        }
    }
}

import Foundation
