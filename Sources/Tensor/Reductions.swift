// MARK: - Reductions (primitives)

extension Tensor {
    /// The sum of all elements, as a scalar tensor.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public func sum() -> Tensor {
        let total = Kernels.sum(scalars)
        guard let tape = node?.tape else { return Tensor(total) }
        let count = self.count
        return tape.record(shape: [], scalars: [total], inputs: [self]) { upstream in
            [[Scalar](repeating: upstream[0], count: count)]
        }
    }

    /// The mean of all elements, as a scalar tensor (the sum divided by the count).
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public func mean() -> Tensor {
        let n = Scalar(count)
        let value = Kernels.sum(scalars) / n
        guard let tape = node?.tape else { return Tensor(value) }
        let count = self.count
        return tape.record(shape: [], scalars: [value], inputs: [self]) { upstream in
            [[Scalar](repeating: upstream[0] / n, count: count)]
        }
    }

    /// The sum over rows of a rank-2 tensor: a row vector of its column sums.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public func sumOverRows() -> Tensor {
        precondition(rank == 2, "sumOverRows needs a rank-2 tensor, got shape \(shape)")
        let rows = shape[0], columns = shape[1]
        var out = [Scalar](repeating: 0, count: columns)
        for r in 0..<rows { for c in 0..<columns { out[c] += scalars[r * columns + c] } }
        guard let tape = node?.tape else { return Tensor(out) }
        return tape.record(shape: [columns], scalars: out, inputs: [self]) { upstream in
            var g = [Scalar](repeating: 0, count: rows * columns)
            for r in 0..<rows { for c in 0..<columns { g[r * columns + c] = upstream[c] } }
            return [g]
        }
    }

    /// The Euclidean norm of all elements (derived).
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public func norm() -> Tensor { squared().sum().squareRoot() }
}
