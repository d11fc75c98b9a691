/// The float32 sum of a vector in the order XLA uses on CPU (`jnp.sum`).
///
/// XLA's tree-reduction pass rewrites a reduction of more than 32 elements into a
/// reduce-window of size and stride 32 with "same" padding (the zero padding is
/// split evenly, the odd element at the end) followed by a reduction of the window
/// sums, again rewritten if there are more than 32 of them. Each window and each
/// short reduction is summed left to right. This order reproduces `jnp.sum` bit
/// for bit at n = 16 and n = 1000 in the reference, where pairwise, lane-strided
/// and unpadded-window orders all fail at one of the two.
public enum XLASum {
    /// The window size of XLA's `TreeReductionRewriter`.
    public static let windowSize = 32

    /// Σ values in XLA's order.
    public static func sum(_ values: [Float]) -> Float {
        let count = values.count
        if count <= windowSize { return sequentialSum(values[...]) }
        let windows = (count + windowSize - 1) / windowSize
        let lowPadding = (windows * windowSize - count) / 2
        // Window w covers padded positions [w·32, w·32 + 32); padding adds zeros,
        // which leave a float sum unchanged, so only the real elements are summed.
        let partials = (0..<windows).map { window -> Float in
            let start = Swift.max(window * windowSize - lowPadding, 0)
            let end = Swift.min((window + 1) * windowSize - lowPadding, count)
            return sequentialSum(values[start..<end])
        }
        return sum(partials)
    }

    /// Σ values from left to right, starting at zero.
    public static func sequentialSum(_ values: ArraySlice<Float>) -> Float {
        var total: Float = 0
        for value in values { total += value }
        return total
    }
}
