// MARK: - Row blocks (primitives)

extension Tensor {
    /// Rows `range` of a rank-2 tensor.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public func rows(_ range: Range<Int>) -> Tensor {
        precondition(rank == 2 && range.lowerBound >= 0 && range.upperBound <= shape[0],
                     "rows \(range) out of bounds for shape \(shape)")
        let columns = shape[1]
        let out = Array(scalars[(range.lowerBound * columns)..<(range.upperBound * columns)])
        guard let tape = node?.tape else { return Tensor(shape: [range.count, columns], scalars: out) }
        let total = count
        return tape.record(shape: [range.count, columns], scalars: out, inputs: [self]) { upstream in
            var g = [Scalar](repeating: 0, count: total)
            g.replaceSubrange((range.lowerBound * columns)..<(range.upperBound * columns), with: upstream)
            return [g]
        }
    }

    /// Adds the row vector `bias` to rows `range` of a rank-2 tensor, leaving the others as they are.
    ///
    /// This is how a layer's bias enters a stack of Taylor coefficients: only the
    /// value block gets the bias, the derivative blocks do not.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public func addingRowVector(_ bias: Tensor, toRows range: Range<Int>) -> Tensor {
        precondition(rank == 2 && bias.count == shape[1] && range.upperBound <= shape[0],
                     "addingRowVector: bias of shape \(bias.shape) does not fit rows \(range) of \(shape)")
        let columns = shape[1]
        var out = scalars
        out.withUnsafeMutableBufferPointer { po in
            bias.scalars.withUnsafeBufferPointer { pb in
                let o = po.baseAddress!, b = pb.baseAddress!
                for r in range {
                    let row = o + r * columns
                    for c in 0..<columns { row[c] += b[c] }
                }
            }
        }
        guard let tape = node?.tape ?? bias.node?.tape else { return Tensor(shape: shape, scalars: out) }
        let biasTracked = bias.isTracked, tracked = isTracked
        return tape.record(shape: shape, scalars: out, inputs: [self, bias]) { upstream in
            var gb: [Scalar]? = nil
            if biasTracked {
                var sums = [Scalar](repeating: 0, count: columns)
                upstream.withUnsafeBufferPointer { pu in
                    sums.withUnsafeMutableBufferPointer { ps in
                        let u = pu.baseAddress!, total = ps.baseAddress!
                        for r in range {
                            let row = u + r * columns
                            for c in 0..<columns { total[c] += row[c] }
                        }
                    }
                }
                gb = sums
            }
            return [tracked ? upstream : nil, gb]
        }
    }

    /// Stacks rank-2 tensors with the same number of columns on top of each other.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public static func concatenatingRows(_ parts: [Tensor]) -> Tensor {
        precondition(!parts.isEmpty && parts.allSatisfy { $0.rank == 2 && $0.shape[1] == parts[0].shape[1] },
                     "concatenatingRows needs rank-2 tensors with equal column counts")
        let columns = parts[0].shape[1]
        let rows = parts.reduce(0) { $0 + $1.shape[0] }
        let out = parts.flatMap(\.scalars)
        guard let tape = parts.lazy.compactMap({ $0.node?.tape }).first else {
            return Tensor(shape: [rows, columns], scalars: out)
        }
        let counts = parts.map(\.count), tracked = parts.map(\.isTracked)
        return tape.record(shape: [rows, columns], scalars: out, inputs: parts) { upstream in
            var offset = 0
            return zip(counts, tracked).map { count, isTracked in
                defer { offset += count }
                return isTracked ? Array(upstream[offset..<(offset + count)]) : nil
            }
        }
    }

    /// The same elements viewed with another shape of equal element count.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public func reshaped(_ newShape: [Int]) -> Tensor {
        precondition(newShape.reduce(1, *) == count, "cannot reshape \(shape) to \(newShape)")
        guard let tape = node?.tape else { return Tensor(shape: newShape, scalars: scalars) }
        return tape.record(shape: newShape, scalars: scalars, inputs: [self]) { [$0] }
    }
}

extension Tensor {
    // Not recorded on a tape: used to pick training points, which are constants.
    /// The rows at `indices`, in that order (repeats allowed), as a new untracked tensor.
    public func gatheringRows(_ indices: [Int]) -> Tensor {
        precondition(rank == 2, "gatheringRows needs a rank-2 tensor")
        let columns = shape[1], values = scalars
        return Tensor(shape: [indices.count, columns], scalars: indices.flatMap { values[($0 * columns)..<(($0 + 1) * columns)] })
    }
}
