import Tensor

/// A multilayer perceptron: `tanh` after every layer but the last, which is linear.
public struct MLP<Scalar: TensorScalar>: ParameterizedModel {
    /// The layers, input first.
    public var layers: [Linear<Scalar>]

    /// Creates a network from its layers; consecutive sizes must chain.
    public init(layers: [Linear<Scalar>]) {
        precondition(!layers.isEmpty, "an MLP needs at least one layer")
        for (a, b) in zip(layers, layers.dropFirst()) {
            precondition(a.outputDimensions == b.inputDimensions,
                         "layer sizes do not chain: \(a.outputDimensions) → \(b.inputDimensions)")
        }
        self.layers = layers
    }

    /// The widths from input to output, e.g. `[2, 32, 32, 32, 1]`.
    public var layerSizes: [Int] { [layers[0].inputDimensions] + layers.map(\.outputDimensions) }

    public var parameters: [Tensor<Scalar>] {
        get { layers.flatMap(\.parameters) }
        set {
            precondition(newValue.count == 2 * layers.count,
                         "MLP with \(layers.count) layers has \(2 * layers.count) parameter tensors, got \(newValue.count)")
            for i in layers.indices { layers[i].parameters = Array(newValue[(2 * i)..<(2 * i + 2)]) }
        }
    }

    /// Evaluates the network on a batch `[points, inputs]`, giving `[points, outputs]`.
    public func callAsFunction(_ input: Tensor<Scalar>) -> Tensor<Scalar> {
        var x = input
        for (i, layer) in layers.enumerated() {
            x = layer(x)
            if i < layers.count - 1 { x = x.tanh() }
        }
        return x
    }
}
