import Random
import Tensor

extension Linear {
    /// A layer initialised as Flax NNX's `nnx.Linear(input, output, rngs=rngs)`:
    /// the kernel is LeCun normal (a normal truncated to [−2, 2], scaled to variance
    /// 1/inputDimensions) drawn from the next `params` key; the bias is zero but,
    /// as in Flax, consumes the following key.
    ///
    /// Draws are made in Float32, as JAX does, then converted to `Scalar`.
    public init(inputDimensions: Int, outputDimensions: Int, rngs: Rngs) {
        precondition(inputDimensions >= 1 && outputDimensions >= 1, "Linear needs positive sizes")
        let kernelKey = rngs.params()
        _ = rngs.params()  // the bias key: zeros are drawn from it, but Flax still takes it
        let variance = Float(1.0 / Double(inputDimensions))
        // 0.8796… is the standard deviation of a standard normal truncated to (−2, 2).
        let standardDeviation = variance.squareRoot() / Float(0.87962566103423978)
        let draws = kernelKey.truncatedNormal(lower: -2, upper: 2, count: inputDimensions * outputDimensions)
        self.init(kernel: Tensor(shape: [inputDimensions, outputDimensions],
                                 scalars: draws.map { Scalar($0 * standardDeviation) }),
                  bias: Tensor.zeros(shape: [outputDimensions]))
    }
}

extension MLP {
    /// A network with the given widths (input first), each layer initialised like
    /// Flax NNX's `Linear` from `rngs`, in order.
    ///
    /// `MLP(layerSizes: [2, 32, 32, 32, 1], rngs: Rngs(seed: 42))` has the initial
    /// parameters of the reference tutorial's `HeatEquationPINN`.
    public init(layerSizes: [Int], rngs: Rngs) {
        precondition(layerSizes.count >= 2, "an MLP needs at least input and output sizes")
        self.init(layers: zip(layerSizes, layerSizes.dropFirst()).map {
            Linear(inputDimensions: $0, outputDimensions: $1, rngs: rngs)
        })
    }
}
