import Tensor

extension Tensor {
    /// This tensor with its leading block replaced by the leading block of `source`.
    ///
    /// Along every axis the first `min(shape[axis], source.shape[axis])` entries are copied
    /// from `source`; everything else keeps this tensor's values. For a kernel this is
    /// `self[:in, :out] = source[:in, :out]`, for a bias `self[:out] = source[:out]`.
    /// The result has this tensor's shape and is not recorded on a tape.
    ///
    /// - Precondition: Both tensors have the same rank.
    public func overwritingLeadingBlock(with source: Tensor) -> Tensor {
        precondition(rank == source.rank, "leading block: ranks \(rank) and \(source.rank) differ")
        let block = zip(shape, source.shape).map { Swift.min($0, $1) }
        var values = scalars
        let sourceValues = source.scalars
        guard !block.contains(0) else { return Tensor(shape: shape, scalars: values) }
        // Row-major strides of both tensors.
        func strides(_ shape: [Int]) -> [Int] {
            var result = [Int](repeating: 1, count: shape.count)
            for axis in stride(from: shape.count - 2, through: 0, by: -1) { result[axis] = result[axis + 1] * shape[axis + 1] }
            return result
        }
        let targetStrides = strides(shape), sourceStrides = strides(source.shape)
        var index = [Int](repeating: 0, count: rank)
        while true {
            var target = 0, from = 0
            for axis in 0..<rank {
                target += index[axis] * targetStrides[axis]
                from += index[axis] * sourceStrides[axis]
            }
            values[target] = sourceValues[from]
            // Advance the multi-index through the block, last axis fastest.
            var axis = rank - 1
            while axis >= 0 {
                index[axis] += 1
                if index[axis] < block[axis] { break }
                index[axis] = 0
                axis -= 1
            }
            if axis < 0 { break }
        }
        return Tensor(shape: shape, scalars: values)
    }
}
