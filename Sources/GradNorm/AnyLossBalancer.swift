import NeuralNet
import Tensor

/// Any ``LossBalancer`` behind one type, so that a list of different balancers can share one
/// training loop (a comparison of balancers trains the same problem once with each).
///
/// ```swift
/// let balancers: [AnyLossBalancer<Float>] = [AnyLossBalancer(try FixedWeights(ones: 2)),
///                                            AnyLossBalancer(try GradNormBalancer(numLosses: 2))]
/// ```
public struct AnyLossBalancer<Scalar: TensorScalar>: LossBalancer {
    private var base: any LossBalancer<Scalar>

    /// Wraps `balancer`; the wrapper's updates and weights are exactly the balancer's.
    public init(_ balancer: some LossBalancer<Scalar>) { base = balancer }

    /// The wrapped balancer.
    public var wrapped: any LossBalancer<Scalar> { base }

    public var lossCount: Int { base.lossCount }
    public var weights: [Scalar] { base.weights }
    public var usesGradientNorms: Bool { base.usesGradientNorms }
    public var usesKernelDiagonals: Bool { base.usesKernelDiagonals }
    public var usesPerLossGradients: Bool { base.usesPerLossGradients }

    public mutating func update(losses: [Scalar], gradients: [ParameterGradients<Scalar>], gradientNorms: [Scalar]) throws {
        try base.update(losses: losses, gradients: gradients, gradientNorms: gradientNorms, kernelDiagonals: [])
    }

    public mutating func update(losses: [Scalar], gradients: [ParameterGradients<Scalar>], gradientNorms: [Scalar],
                                kernelDiagonals: [[Scalar]]) throws {
        try base.update(losses: losses, gradients: gradients, gradientNorms: gradientNorms, kernelDiagonals: kernelDiagonals)
    }
}
