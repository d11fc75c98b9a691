import Tensor

/// Adam with optax's defaults and arithmetic (`optax.adam`).
///
/// Per parameter: `m ← (1−β₁)·g + β₁·m`, `v ← (1−β₂)·g² + β₂·v`,
/// `m̂ = m / (1−β₁ᵗ)`, `v̂ = v / (1−β₂ᵗ)`, `θ ← θ − lr · m̂ / (√v̂ + ε)`,
/// with ε added outside the square root.
///
/// As in optax, `1 − β` is taken in double precision from the given decay and rounded
/// once to `Scalar`: for Float that is Float(0.001), not Float(1) − Float(0.999), which is
/// 1.3e-5 smaller and would bias every second moment by that much.
public struct Adam<Scalar: TensorScalar> {
    /// The step size.
    public var learningRate: Scalar
    /// Decay of the first moment.
    public let beta1: Scalar
    /// Decay of the second moment.
    public let beta2: Scalar
    // 1 − β₁ and 1 − β₂, each rounded once from double precision (optax's arithmetic).
    private let gradientWeight1: Scalar
    private let gradientWeight2: Scalar
    /// Added to the root of the second moment.
    public var epsilon: Scalar
    /// The number of updates made so far.
    public private(set) var step: Int = 0
    /// The first-moment estimates `m`, one flat array per parameter tensor (in the model's
    /// parameter order); empty before the first update.
    public internal(set) var firstMoments: [[Scalar]] = []
    /// The second-moment estimates `v`, laid out like ``firstMoments``.
    public internal(set) var secondMoments: [[Scalar]] = []

    /// Creates the optimiser.
    public init(learningRate: Scalar = 1e-3, beta1: Double = 0.9, beta2: Double = 0.999, epsilon: Scalar = 1e-8) {
        self.learningRate = learningRate
        self.beta1 = Scalar(beta1)
        self.beta2 = Scalar(beta2)
        self.gradientWeight1 = Scalar(1 - beta1)
        self.gradientWeight2 = Scalar(1 - beta2)
        self.epsilon = epsilon
    }

    /// Applies one update to `model` from `gradients` (in the model's parameter order).
    public mutating func update<Model: ParameterizedModel>(
        _ model: inout Model, along gradients: ParameterGradients<Scalar>
    ) where Model.Scalar == Scalar {
        var parameters = model.parameters
        update(&parameters, along: gradients)
        model.parameters = parameters
    }

    /// Applies one update to a list of parameter tensors.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public mutating func update(_ parameters: inout [Tensor<Scalar>], along gradients: ParameterGradients<Scalar>) {
        precondition(parameters.count == gradients.tensors.count, "Adam: gradient count does not match the model")
        if firstMoments.isEmpty {
            firstMoments = parameters.map { [Scalar](repeating: 0, count: $0.count) }
            secondMoments = firstMoments
        }
        step += 1
        let correction1 = 1 - Scalar.pow(beta1, step)
        let correction2 = 1 - Scalar.pow(beta2, step)
        for p in parameters.indices {
            let g = gradients.tensors[p].scalars
            var values = parameters[p].scalars
            precondition(g.count == values.count, "Adam: gradient \(p) has the wrong size")
            for i in values.indices {
                let m = gradientWeight1 * g[i] + beta1 * firstMoments[p][i]
                let v = gradientWeight2 * (g[i] * g[i]) + beta2 * secondMoments[p][i]
                firstMoments[p][i] = m
                secondMoments[p][i] = v
                let mHat = m / correction1
                let vHat = v / correction2
                values[i] += -learningRate * (mHat / (vHat.squareRoot() + epsilon))
            }
            parameters[p] = Tensor(shape: parameters[p].shape, scalars: values)
        }
    }
}
