import NeuralNet
import PINN
import Tensor

/// Shared fixtures of the PINN tests: a deterministic network and a small heat problem.
enum PINNTestSupport {
    /// An MLP with fixed, smoothly varying parameters (no random streams involved).
    static func network<Scalar: TensorScalar>(_ sizes: [Int] = [2, 8, 8, 1], _ type: Scalar.Type = Scalar.self) -> MLP<Scalar> {
        var value = 0.0
        return MLP(layers: zip(sizes, sizes.dropFirst()).map { input, output in
            let kernel = (0..<(input * output)).map { _ -> Scalar in value += 0.61; return Scalar(0.9 * Foundation.sin(value)) }
            let bias = (0..<output).map { _ -> Scalar in value += 0.23; return Scalar(0.3 * Foundation.cos(value)) }
            return Linear(kernel: Tensor(shape: [input, output], scalars: kernel), bias: Tensor(bias))
        })
    }

    /// Points `[count, 2]` spread over the unit square by a fixed low-discrepancy rule.
    static func points<Scalar: TensorScalar>(_ count: Int, offset: Double = 0, _ type: Scalar.Type = Scalar.self) -> Tensor<Scalar> {
        let golden = 0.6180339887498949
        return Tensor(shape: [count, 2], scalars: (0..<count).flatMap { i -> [Scalar] in
            let a = (Double(i) * golden + offset).truncatingRemainder(dividingBy: 1)
            return [Scalar(a), Scalar((Double(i) + 0.5) / Double(count))]
        })
    }

    /// A heat problem with a few points of each kind.
    static func heat<Scalar: TensorScalar>(_ type: Scalar.Type = Scalar.self) -> HeatLosses<Scalar> {
        let initial: Tensor<Scalar> = Tensor(rows: [[0.2, 0], [0.5, 0], [0.7, 0]])
        let values = Tensor<Scalar>([0.2, 0.5, 0.7].map { Scalar(Foundation.sin(Double.pi * $0)) })
        let boundary: Tensor<Scalar> = Tensor(rows: [[0, 0.1], [0, 0.3], [1, 0.1], [1, 0.3]])
        return HeatLosses(problem: HeatEquation(), data: HeatData(domain: points(9), boundary: boundary,
                                                                 initial: initial, initialValues: values))
    }
}

import Foundation
