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
        var h = [Scalar](repeating: 0, count: block)
        z.withUnsafeBufferPointer { pz in
            out.withUnsafeMutableBufferPointer { po in
                h.withUnsafeMutableBufferPointer { ph in
                    for j in 0..<block {
                        let t = Scalar.tanh(pz[j])
                        ph[j] = t
                        po[j] = t
                    }
                    for j in 0..<block {
                        let t = ph[j]
                        let s1 = 1 - t * t
                        let s2 = -2 * t * s1
                        for i in 0..<d { po[(1 + i) * block + j] = s1 * pz[(1 + i) * block + j] }
                        for (q, i) in second.enumerated() {
                            let zi = pz[(1 + i) * block + j]
                            po[(1 + d + q) * block + j] = s1 * pz[(1 + d + q) * block + j] + s2 * zi * zi
                        }
                    }
                }
            }
        }
        guard let tape = node?.tape else { return Tensor(shape: shape, scalars: out) }
        let total = count
        let tanhValues = h
        return tape.record(shape: shape, scalars: out, inputs: [self]) { upstream in
            var g = [Scalar](repeating: 0, count: total)
            upstream.withUnsafeBufferPointer { pg in
                z.withUnsafeBufferPointer { pz in
                    tanhValues.withUnsafeBufferPointer { ph in
                        g.withUnsafeMutableBufferPointer { gz in
                            for j in 0..<block {
                                let t = ph[j]
                                let s1 = 1 - t * t
                                let s2 = -2 * t * s1
                                let s3 = -2 * (s1 * s1 + t * s2)
                                var value = pg[j] * s1
                                for i in 0..<d {
                                    let k = (1 + i) * block + j
                                    value += pg[k] * pz[k] * s2
                                    gz[k] = pg[k] * s1
                                }
                                for (q, i) in second.enumerated() {
                                    let k = (1 + d + q) * block + j
                                    let ki = (1 + i) * block + j
                                    let zi = pz[ki]
                                    gz[k] = pg[k] * s1
                                    gz[ki] += pg[k] * s2 * 2 * zi
                                    value += pg[k] * (pz[k] * s2 + zi * zi * s3)
                                }
                                gz[j] = value
                            }
                        }
                    }
                }
            }
            return [g]
        }
    }
}
