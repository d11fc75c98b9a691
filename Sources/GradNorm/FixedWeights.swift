import NeuralNet
import Tensor

/// Constant weights: the unbalanced baseline (all ones by default).
public struct FixedWeights<Scalar: TensorScalar>: LossBalancer {
    public let weights: [Scalar]
    public var lossCount: Int { weights.count }
    public var usesGradientNorms: Bool { false }
    /// The weights never change, so a step needs only the gradient of the weighted sum.
    public var usesPerLossGradients: Bool { false }

    /// Fixed weights `weights`; each must be finite and ≥ 0.
    public init(_ weights: [Scalar]) throws {
        guard !weights.isEmpty else {
            throw GradNormError.invalidConfiguration(field: "weights", value: "[]", requirement: "one weight per loss")
        }
        for (index, weight) in weights.enumerated() where !(weight.isFinite && weight >= 0) {
            throw GradNormError.invalidConfiguration(field: "weights[\(index)]", value: "\(weight)",
                                                     requirement: "a finite number ≥ 0")
        }
        self.weights = weights
    }

    /// `count` weights of 1.
    public init(ones count: Int) throws {
        guard count >= 1 else {
            throw GradNormError.invalidConfiguration(field: "numLosses", value: "\(count)", requirement: "an integer ≥ 1")
        }
        try self.init([Scalar](repeating: 1, count: count))
    }

    public mutating func update(losses: [Scalar], gradients: [ParameterGradients<Scalar>], gradientNorms: [Scalar]) throws {
        try checkLossCount(losses, "losses")
    }
}
