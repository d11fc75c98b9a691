/// The float32 inclusive cumulative sum as XLA computes `jnp.cumsum` on CPU.
///
/// Up to 16 elements are scanned left to right. Longer inputs are padded with zeros
/// to a multiple of 16, each block of 16 is scanned left to right, the block totals
/// are scanned the same way (recursively), and each block's elements get the total
/// of all earlier blocks added. The result differs from a plain sequential scan in
/// the last bits, which can move `jax.random.choice` draws to a neighbouring index.
public enum BlockedCumulativeSum {
    /// The block length of XLA's cumulative-sum rewrite.
    public static let blockSize = 16

    /// The inclusive prefix sums of `values` in XLA's order.
    public static func inclusive(_ values: [Float]) -> [Float] {
        let count = values.count
        if count <= blockSize { return sequential(values) }
        let blocks = (count + blockSize - 1) / blockSize
        var scanned = [Float](repeating: 0, count: blocks * blockSize)
        var totals = [Float](repeating: 0, count: blocks)
        for block in 0..<blocks {
            var running: Float = 0
            for offset in 0..<blockSize {
                let index = block * blockSize + offset
                running += index < count ? values[index] : 0
                scanned[index] = running
            }
            totals[block] = running
        }
        let blockPrefixes = inclusive(totals)
        for block in 1..<blocks {
            let before = blockPrefixes[block - 1]
            for index in block * blockSize..<(block + 1) * blockSize {
                scanned[index] += before
            }
        }
        return Array(scanned[..<count])
    }

    /// The inclusive prefix sums of `values` accumulated left to right: what a naive
    /// port would compute, and not what JAX computes for more than 16 elements.
    public static func sequential(_ values: [Float]) -> [Float] {
        var running: Float = 0
        return values.map { value in
            running += value
            return running
        }
    }
}
