import NeuralNet
import Tensor

extension PINNProblem {
    /// For each loss, the diagonal of its empirical neural tangent kernel at `model`:
    /// `‖∂fᵢ(xₚ)/∂θ‖²` at each of the loss's points, where `fᵢ` is the quantity the loss is
    /// the mean square of (the PDE residual, the boundary misfit). The trace of the loss's
    /// kernel `Kᵢᵢ` is the sum of its diagonal.
    /// - Throws: ``TrainingError/kernelNeedsPointwiseLoss(name:)`` for a custom loss.
    public func kernelDiagonals(at model: Model) throws -> [[Scalar]] {
        try lossTerms.map { term in
            guard let pointwise = term.pointwise else { throw TrainingError.kernelNeedsPointwiseLoss(name: term.name) }
            guard term.acceptsAnyPoints else { return kernelDiagonal(of: model, at: pointwise.points, pointwise.quantity) }
            // Each entry costs one backward pass over the graph of the points evaluated together, so
            // batches of 32 make the whole diagonal linear in the number of points instead of quadratic.
            let count = pointwise.points.rowCount
            return stride(from: 0, to: count, by: 32).flatMap { start in
                kernelDiagonal(of: model, at: pointwise.points.rows(start..<Swift.min(start + 32, count)), pointwise.quantity)
            }
        }
    }
}
