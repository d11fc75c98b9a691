// MARK: - Matrix product (primitive)

extension Tensor {
    /// The matrix product of two rank-2 tensors, `[m, k] · [k, n] → [m, n]`.
    ///
    /// Pullback: `dA = dC · Bᵀ`, `dB = Aᵀ · dC`, each computed only for a tracked side.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public func matmul(_ other: Tensor) -> Tensor {
        precondition(rank == 2 && other.rank == 2 && shape[1] == other.shape[0],
                     "matmul: shapes \(shape) and \(other.shape) do not chain")
        let m = shape[0], k = shape[1], n = other.shape[1]
        let out = Kernels.multiply(scalars, other.scalars, m: m, k: k, n: n)
        guard let tape = node?.tape ?? other.node?.tape else { return Tensor(shape: [m, n], scalars: out) }
        let a = scalars, b = other.scalars
        let aTracked = isTracked, bTracked = other.isTracked
        return tape.record(shape: [m, n], scalars: out, inputs: [self, other]) { upstream in
            [aTracked ? Kernels.multiplyTransposingRight(upstream, b, m: m, k: n, n: k) : nil,
             bTracked ? Kernels.multiplyTransposingLeft(a, upstream, m: m, k: k, n: n) : nil]
        }
    }
}
