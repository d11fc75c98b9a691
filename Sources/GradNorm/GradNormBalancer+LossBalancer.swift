import NeuralNet
import Tensor

extension GradNormBalancer: LossBalancer {
    public var lossCount: Int { numLosses }
    public var usesGradientNorms: Bool { true }

    /// One training step of GradNorm, in the reference's order: the first losses it sees
    /// become the initial losses; on every ``GradNormConfig/updateFrequency``-th step it
    /// has seen (counting from its first), the weights take one update.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public mutating func update(losses: [Scalar], gradients: [ParameterGradients<Scalar>], gradientNorms: [Scalar]) throws {
        if initialLosses == nil { try setInitialLosses(losses) }
        if isUpdateStep(observedSteps) {
            try updateWeights(gradNorms: gradientNorms, losses: losses, initialLosses: getInitialLosses())
        }
        observedSteps += 1
    }
}
