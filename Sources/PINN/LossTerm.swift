import NeuralNet
import Tensor

/// One named loss of a PINN problem, as a differentiable function of the model.
///
/// Most losses are the mean square of a pointwise quantity (a PDE residual, a boundary
/// misfit) over a set of points; those can be split into disjoint batches of points whose
/// parts `Σ(batch²)/n` add up to the mean, so that the batches run concurrently.
/// Splitting is decided here, once, for every problem (see ``parts(_:)``).
public struct LossTerm<Model: ParameterizedModel> {
    public typealias Scalar = Model.Scalar
    /// The loss's name, e.g. "PDE".
    public let name: String
    let whole: (Model) -> Tensor<Scalar>
    let splitInto: ((Int) -> [(Model) -> Tensor<Scalar>])?
    /// For a mean-square loss, its points and the pointwise quantity whose mean square it is
    /// (what the loss's empirical neural tangent kernel is taken of); `nil` for a custom loss.
    public let pointwise: (points: Tensor<Scalar>, quantity: (Model, Tensor<Scalar>) -> Tensor<Scalar>)?

    init(name: String, whole: @escaping (Model) -> Tensor<Scalar>, splitInto: ((Int) -> [(Model) -> Tensor<Scalar>])?,
         pointwise: (points: Tensor<Scalar>, quantity: (Model, Tensor<Scalar>) -> Tensor<Scalar>)? = nil) {
        self.name = name
        self.whole = whole
        self.splitInto = splitInto
        self.pointwise = pointwise
    }

    /// `mean(residual(model, points)²)` over all entries.
    /// - Parameters:
    ///   - name: The loss's name.
    ///   - points: The points, one per row.
    ///   - splitsAcrossThreads: Whether the points may be split into concurrent batches
    ///     (worth it for residuals with input derivatives; cheap losses stay whole, so
    ///     their arithmetic does not depend on the number of parts).
    ///   - residual: The pointwise quantity at a batch of points, one row per point.
    public static func meanSquare(
        _ name: String, at points: Tensor<Scalar>, splitsAcrossThreads: Bool = false,
        of residual: @escaping (Model, Tensor<Scalar>) -> Tensor<Scalar>
    ) -> LossTerm {
        let whole: (Model) -> Tensor<Scalar> = { residual($0, points).squared().mean() }
        guard splitsAcrossThreads else {
            return LossTerm(name: name, whole: whole, splitInto: nil, pointwise: (points, residual))
        }
        return LossTerm(name: name, whole: whole, splitInto: { requested in
            let n = points.shape[0], count = Swift.max(1, Swift.min(requested, n))
            return (0..<count).map { part in
                let batch = points.rows((part * n / count)..<((part + 1) * n / count))
                return { model in
                    let values = residual(model, batch)
                    // Divide by the whole set's number of entries, so that the parts add up to the mean.
                    return values.squared().sum() / Scalar(n * (values.count / Swift.max(batch.shape[0], 1)))
                }
            }
        }, pointwise: (points, residual))
    }

    /// A loss given as any scalar function of the model (never split).
    public static func custom(_ name: String, _ loss: @escaping (Model) -> Tensor<Scalar>) -> LossTerm {
        LossTerm(name: name, whole: loss, splitInto: nil)
    }

    /// Whether the loss's pointwise quantity may be evaluated on any subset of its points (a loss
    /// made with `splitsAcrossThreads`; a quantity that holds per-point data of its own, such as
    /// boundary targets, may not).
    public var acceptsAnyPoints: Bool { splitInto != nil }

    /// The loss at `model`.
    public func callAsFunction(_ model: Model) -> Tensor<Scalar> { whole(model) }

    /// The loss as `count` functions whose values and gradients add up to it, or the
    /// whole loss when it does not split or `count` is 1.
    public func parts(_ count: Int) -> [(Model) -> Tensor<Scalar>] {
        guard count > 1, let splitInto else { return [whole] }
        return splitInto(count)
    }
}
