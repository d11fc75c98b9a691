import NeuralNet
import Tensor
import XCTest

/// The weighted-sum gradient of sharded losses against the weighted sum of their per-loss gradients.
final class WeightedGradientTests: XCTestCase {
    private func network() -> MLP<Double> {
        let sizes = [2, 6, 5, 1]
        var value = 0.0
        return MLP(layers: zip(sizes, sizes.dropFirst()).map { input, output in
            let kernel = (0..<(input * output)).map { _ -> Double in value += 0.41; return sin(value) }
            return Linear(kernel: Tensor(shape: [input, output], scalars: kernel),
                          bias: Tensor((0..<output).map { Double($0) * 0.05 - 0.1 }))
        })
    }

    func testOneBackwardPassPerGroupGivesTheWeightedSumOfPerLossGradients() {
        let net = network()
        let points = (0..<4).map { part in Tensor<Double>(rows: [[0.1 * Double(part), 0.3], [0.7, -0.2 * Double(part)]]) }
        let shards: [[(MLP<Double>) -> Tensor<Double>]] = [
            [{ $0(points[0]).squared().mean() }, { $0(points[1]).squared().mean() }, { $0(points[2]).squared().mean() }],
            [{ $0(points[3]).sum() }],
            [{ ($0(points[1]) - 0.5).squared().sum() }, { $0(points[2]).mean() }],
        ]
        let weights = [0.7, 2.0, 0.25]
        let perLoss = valuesAndGradients(of: net, shardedLosses: shards)
        let expected = ParameterGradients.weightedSum(perLoss.gradients, weights: weights)
        for groups in [1, 2, 3, 6, 10] {
            let (values, gradient) = valuesAndWeightedGradient(of: net, shardedLosses: shards, weights: weights, groups: groups)
            // The values are the same forward passes summed in the same order: the same bits.
            XCTAssertEqual(values, perLoss.values, "groups \(groups)")
            XCTAssertEqual(gradient.tensors.map(\.shape), expected.tensors.map(\.shape))
            for (got, want) in zip(gradient.tensors, expected.tensors) {
                XCTAssertLessThan(GradientCheck.relativeError(got.scalars, want.scalars), 1e-13, "groups \(groups)")
            }
        }
    }
}
