import NeuralNet
import Tensor

/// The empirical neural tangent kernel between two sets of Jacobian rows,
/// `K = J_a·J_bᵀ`, `K[i][j] = ⟨∂f(xᵢ)/∂θ, ∂g(xⱼ)/∂θ⟩`, accumulated in `Double`.
///
/// - Throws: ``NTKError/mismatchedParameterCounts(expected:actual:)`` when the rows differ in length.
public func kernelMatrix<Scalar: TensorScalar>(_ left: [[Scalar]], _ right: [[Scalar]]) throws -> [[Double]] {
    let parameters = left.first?.count ?? right.first?.count ?? 0
    for row in left + right where row.count != parameters {
        throw NTKError.mismatchedParameterCounts(expected: parameters, actual: row.count)
    }
    return left.map { a in
        right.map { b in zip(a, b).reduce(0.0) { $0 + Double($1.0) * Double($1.1) } }
    }
}

/// The empirical neural tangent kernel of a network's output at a batch of points,
/// `K[i][j] = ⟨∂u(xᵢ)/∂θ, ∂u(xⱼ)/∂θ⟩` (Jacot et al. 2018), as Opifex's `compute_ntk` gives it.
///
/// A network with several outputs gives the sum of the per-output kernels, `Σ_o J_o·J_oᵀ`
/// (Opifex's convention: an `n × n` kernel, not `n·outputs × n·outputs`).
public func networkKernel<Model: FieldModel>(of model: Model, at points: Tensor<Model.Scalar>) throws -> [[Double]] {
    guard points.rowCount > 0 else { throw NTKError.empty(what: "the point set") }
    let rows = parameterJacobian(of: model, at: points) { model, batch in model(batch) }
    let outputs = rows.count / points.rowCount
    var kernel = [[Double]](repeating: [Double](repeating: 0, count: points.rowCount), count: points.rowCount)
    for output in 0..<outputs {
        let block = stride(from: output, to: rows.count, by: outputs).map { rows[$0] }
        let part = try kernelMatrix(block, block)
        for i in kernel.indices { for j in kernel.indices { kernel[i][j] += part[i][j] } }
    }
    return kernel
}
