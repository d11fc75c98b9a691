import RealModule

/// How Taylor coefficients are stacked in the rows of a rank-2 tensor.
///
/// Block 0 holds values, blocks `1...firstOrder` hold first derivatives along
/// each input direction, and the remaining blocks hold pure second derivatives;
/// `secondOrder[q]` names the direction (0-based) of second-order block `q`.
/// Every block has `blockRows` rows (one per input point).
public struct TaylorLayout: Equatable, Sendable {
    /// Rows per block: the number of input points.
    public let blockRows: Int
    /// The number of first-order directions (the input dimension).
    public let firstOrder: Int
    /// For each second-order block, the direction it differentiates twice along.
    public let secondOrder: [Int]

    /// Creates a layout.
    /// - Parameters:
    ///   - blockRows: Rows per block (input points).
    ///   - firstOrder: Number of first-derivative blocks (input dimensions).
    ///   - secondOrder: Directions of the pure second derivatives to carry.
    public init(blockRows: Int, firstOrder: Int, secondOrder: [Int]) {
        precondition(secondOrder.allSatisfy { (0..<firstOrder).contains($0) },
                     "second-order directions \(secondOrder) outside 0..<\(firstOrder)")
        self.blockRows = blockRows
        self.firstOrder = firstOrder
        self.secondOrder = secondOrder
    }

    /// Total number of blocks.
    public var blockCount: Int { 1 + firstOrder + secondOrder.count }
    /// Total number of rows.
    public var rowCount: Int { blockCount * blockRows }
    /// Rows of the value block.
    public var valueRows: Range<Int> { 0..<blockRows }
    /// Rows of the first derivative along `direction`.
    public func firstOrderRows(_ direction: Int) -> Range<Int> {
        let start = (1 + direction) * blockRows
        return start..<(start + blockRows)
    }
    /// Rows of second-order block `q`.
    public func secondOrderRows(_ q: Int) -> Range<Int> {
        let start = (1 + firstOrder + q) * blockRows
        return start..<(start + blockRows)
    }
}

extension Tensor {
    /// Pushes stacked Taylor coefficients through `tanh` (a fused primitive).
    ///
    /// With `h = tanh(z)`, `s₁ = 1 − h²` and `s₂ = −2·h·s₁`:
    /// value `h`, first derivatives `s₁·zᵢ`, pure second derivatives `s₁·zᵢᵢ + s₂·zᵢ²`.
    /// Fusing the chain rule into one operation keeps the tape short; its pullback is
    /// checked against finite differences and against the same formula built from
    /// primitive operations.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public func taylorTanh(_ layout: TaylorLayout) -> Tensor {
        precondition(rank == 2 && shape[0] == layout.rowCount,
                     "taylorTanh: shape \(shape) does not match \(layout.blockCount) blocks of \(layout.blockRows) rows")
        let block = layout.blockRows * shape[1]
        let d = layout.firstOrder
        let second = layout.secondOrder
        let z = scalars
        var out = [Scalar](repeating: 0, count: count)
        let h = Kernels.tanh(Array(z[0..<block]))
        // s₁ = 1 − h², s₂ = −2·h·s₁, computed once and shared by all blocks.
        var s1 = [Scalar](repeating: 0, count: block)
        var s2 = [Scalar](repeating: 0, count: block)
        for j in 0..<block {
            let t = h[j]
            s1[j] = 1 - t * t
            s2[j] = -2 * t * s1[j]
        }
        z.withUnsafeBufferPointer { pz in
            out.withUnsafeMutableBufferPointer { po in
                let zb = pz.baseAddress!, ob = po.baseAddress!
                for j in 0..<block { ob[j] = h[j] }
                for i in 0..<d {
                    let zi = zb + (1 + i) * block, oi = ob + (1 + i) * block
                    for j in 0..<block { oi[j] = s1[j] * zi[j] }
                }
                for (q, i) in second.enumerated() {
                    let zi = zb + (1 + i) * block, zq = zb + (1 + d + q) * block, oq = ob + (1 + d + q) * block
                    for j in 0..<block { oq[j] = s1[j] * zq[j] + s2[j] * (zi[j] * zi[j]) }
                }
            }
        }
        guard let tape = node?.tape else { return Tensor(shape: shape, scalars: out) }
        let total = count
        return tape.record(shape: shape, scalars: out, inputs: [self]) { upstream in
            var g = [Scalar](repeating: 0, count: total)
            upstream.withUnsafeBufferPointer { pg in
                z.withUnsafeBufferPointer { pz in
                    g.withUnsafeMutableBufferPointer { pgz in
                        let gb = pg.baseAddress!, zb = pz.baseAddress!, out = pgz.baseAddress!
                        // Value block: direct term plus the dependence of s₁ and s₂ on z.
                        for j in 0..<block { out[j] = gb[j] * s1[j] }
                        for i in 0..<d {
                            let gi = gb + (1 + i) * block, zi = zb + (1 + i) * block, oi = out + (1 + i) * block
                            for j in 0..<block {
                                out[j] += gi[j] * zi[j] * s2[j]
                                oi[j] = gi[j] * s1[j]
                            }
                        }
                        for (q, i) in second.enumerated() {
                            let gq = gb + (1 + d + q) * block, zq = zb + (1 + d + q) * block
                            let zi = zb + (1 + i) * block, oi = out + (1 + i) * block, oq = out + (1 + d + q) * block
                            for j in 0..<block {
                                let t = h[j]
                                let s3 = -2 * (s1[j] * s1[j] + t * s2[j])
                                oq[j] = gq[j] * s1[j]
                                oi[j] += gq[j] * s2[j] * 2 * zi[j]
                                out[j] += gq[j] * (zq[j] * s2[j] + zi[j] * zi[j] * s3)
                            }
                        }
                    }
                }
            }
            return [g]
        }
    }
}
