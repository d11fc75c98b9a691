import NeuralNet
import Tensor

/// A physics-informed learning problem: a domain, named losses of a model on the
/// problem's current points, and the exact solution where one is known.
///
/// Conforming types hold their points; a training loop only asks for ``lossTerms``.
/// Heat (``HeatLosses``) and Laplace (``LaplaceLosses``) are instances; a new problem is
/// one small type with its residual, its losses and its domain.
public protocol PINNProblem {
    associatedtype Model: FieldModel
    typealias Scalar = Model.Scalar
    /// The losses at the problem's current points, always in the same order.
    var lossTerms: [LossTerm<Model>] { get }
    /// The domain as a box, one interval per input coordinate (first coordinate first).
    var domainBounds: [ClosedRange<Double>] { get }
    /// The exact solution at a point, or `nil` where none is known.
    func exactSolution(at point: [Double]) -> Double?
}

/// A problem whose residual loss is taken at a set of collocation points that a sampler may
/// replace during training (adaptive residual sampling).
public protocol ResidualSampledProblem: PINNProblem {
    /// The collocation points of the residual loss, `[n, inputs]`.
    var collocationPoints: Tensor<Scalar> { get set }
    /// The PDE residual of `model` at `points`, one row per point.
    func residual(of model: Model, at points: Tensor<Scalar>) -> Tensor<Scalar>
}

extension PINNProblem {
    /// The loss names, in order.
    public var lossNames: [String] { lossTerms.map { $0.name } }

    /// The losses as functions of the model, in order.
    public var functions: [(Model) -> Tensor<Scalar>] { lossTerms.map { term in { term($0) } } }

    /// The losses of `model`, in order.
    public func lossValues(of model: Model) -> [Double] { lossTerms.map { Double($0(model).scalar) } }

    /// Each loss's value and gradient at `model`. With `parts > 1`, losses that split
    /// (see ``LossTerm/meanSquare(_:at:splitsAcrossThreads:of:)``) run as that many
    /// concurrent batches and every other loss as a task of its own; the sums are taken in
    /// a fixed order, so the result does not depend on scheduling.
    public func valuesAndGradients(at model: Model, parts: Int) -> (values: [Scalar], gradients: [ParameterGradients<Scalar>]) {
        let terms = lossTerms
        guard parts > 1 else { return NeuralNet.valuesAndGradients(of: model, terms.map { term in { term($0) } }) }
        return NeuralNet.valuesAndGradients(of: model, shardedLosses: terms.map { $0.parts(parts) })
    }

    /// Each loss's value and the gradient of `Σᵢ weights[i]·Lᵢ` only, for steps whose weights do not
    /// depend on per-loss gradients. Losses split as in ``valuesAndGradients(at:parts:)`` and their
    /// parts run in `parts` concurrent groups, one backward pass each.
    public func valuesAndWeightedGradient(at model: Model, weights: [Scalar], parts: Int) -> (values: [Scalar], gradient: ParameterGradients<Scalar>) {
        NeuralNet.valuesAndWeightedGradient(of: model, shardedLosses: lossTerms.map { $0.parts(parts) },
                                            weights: weights, groups: parts)
    }
}
