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
            return kernelDiagonal(of: model, at: pointwise.points, pointwise.quantity)
        }
    }
}
