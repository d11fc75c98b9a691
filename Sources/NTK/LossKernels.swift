import NeuralNet
import PINN
import Tensor

/// The empirical neural tangent kernel of a PINN split by loss (Wang, Yu & Perdikaris 2022):
/// for losses that are mean squares of pointwise quantities `fᵢ` (the boundary values u, the
/// PDE residual r …), the Jacobians `Jᵢ = ∂fᵢ(x)/∂θ` at each loss's points and the blocks
/// `Kᵢⱼ = Jᵢ·Jⱼᵀ` of the whole kernel `K = [Kᵢⱼ]` (for two losses: `K_uu`, `K_ur`, `K_rr`).
public struct LossKernels: Sendable {
    /// The loss names, in order.
    public let names: [String]
    /// Each loss's Jacobian rows, one per point (and output), in the model's parameter order.
    public let jacobians: [[[Double]]]

    /// The kernels of `quantities` at `model`.
    /// - Parameter quantities: Per loss, its name, its points and its pointwise quantity.
    /// - Throws: ``NTKError/empty(what:)`` for a loss without points.
    public init<Model: ParameterizedModel>(
        model: Model,
        quantities: [(name: String, points: Tensor<Model.Scalar>, quantity: (Model, Tensor<Model.Scalar>) -> Tensor<Model.Scalar>)]
    ) throws {
        names = quantities.map(\.name)
        jacobians = try quantities.map { entry in
            guard entry.points.rowCount > 0 else { throw NTKError.empty(what: "the points of the \(entry.name) loss") }
            return parameterJacobian(of: model, at: entry.points, entry.quantity).map { $0.map(Double.init) }
        }
    }

    /// The kernels of every loss of `problem` at `model`.
    /// - Throws: ``NTKError/noPointwiseQuantity(loss:)`` for a custom loss.
    public init<Problem: PINNProblem>(problem: Problem, model: Problem.Model) throws {
        try self.init(model: model, quantities: problem.lossTerms.map { term in
            guard let pointwise = term.pointwise else { throw NTKError.noPointwiseQuantity(loss: term.name) }
            return (term.name, pointwise.points, pointwise.quantity)
        })
    }

    /// The block `Kᵢⱼ = Jᵢ·Jⱼᵀ`.
    public func block(_ i: Int, _ j: Int) throws -> [[Double]] { try kernelMatrix(jacobians[i], jacobians[j]) }

    /// The whole kernel `K` over every loss's points, losses in order.
    public func full() throws -> [[Double]] {
        let rows = jacobians.flatMap { $0 }
        return try kernelMatrix(rows, rows)
    }

    /// `tr Kᵢᵢ = Σₚ ‖∂fᵢ(xₚ)/∂θ‖²` per loss.
    public var traces: [Double] { jacobians.map { rows in rows.reduce(0) { $0 + $1.reduce(0) { $0 + $1 * $1 } } } }

    /// `tr Kᵢᵢ / nᵢ` per loss: the mean of the kernel's diagonal.
    public var meanDiagonals: [Double] { zip(traces, jacobians).map { $0 / Double($1.count) } }

    /// The weights of Wang, Yu & Perdikaris 2022: `λᵢ = tr K / tr Kᵢᵢ` with `tr K = Σⱼ tr Kⱼⱼ`.
    public var traceRatioWeights: [Double] {
        let total = traces.reduce(0, +)
        return traces.map { total / $0 }
    }

    /// jaxpi's weights: `λᵢ = meanⱼ(tr Kⱼⱼ/nⱼ) / (tr Kᵢᵢ/nᵢ)`.
    public var meanDiagonalWeights: [Double] {
        let means = meanDiagonals, average = means.reduce(0, +) / Double(means.count)
        return means.map { average / $0 }
    }
}
