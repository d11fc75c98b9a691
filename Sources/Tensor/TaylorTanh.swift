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
        typealias V = SIMD8<Scalar>
        // s₁ = 1 − h², s₂ = −2·h·s₁, computed once and shared by all blocks.
        var s1 = [Scalar](repeating: 0, count: block)
        var s2 = [Scalar](repeating: 0, count: block)
        h.withUnsafeBufferPointer { ph in
            s1.withUnsafeMutableBufferPointer { p1 in
                s2.withUnsafeMutableBufferPointer { p2 in
                    let hb = ph.baseAddress!, b1 = p1.baseAddress!, b2 = p2.baseAddress!
                    Kernels.forEachLaneGroup(block) { j, lanes in
                        let t = Kernels.load(hb, j, lanes)
                        let first = 1 - t * t
                        Kernels.store(first, b1, j, lanes)
                        Kernels.store(-2 * t * first, b2, j, lanes)
                    }
                }
            }
        }
        z.withUnsafeBufferPointer { pz in
            out.withUnsafeMutableBufferPointer { po in
                s1.withUnsafeBufferPointer { p1 in
                    s2.withUnsafeBufferPointer { p2 in
                        let zb = pz.baseAddress!, ob = po.baseAddress!, b1 = p1.baseAddress!, b2 = p2.baseAddress!
                        for j in 0..<block { ob[j] = h[j] }
                        for i in 0..<d {
                            let zi = zb + (1 + i) * block, oi = ob + (1 + i) * block
                            Kernels.forEachLaneGroup(block) { j, lanes in
                                Kernels.store(Kernels.load(b1, j, lanes) * Kernels.load(zi, j, lanes), oi, j, lanes)
                            }
                        }
                        for (q, i) in second.enumerated() {
                            let zi = zb + (1 + i) * block, zq = zb + (1 + d + q) * block, oq = ob + (1 + d + q) * block
                            Kernels.forEachLaneGroup(block) { j, lanes in
                                let x = Kernels.load(zi, j, lanes)
                                let value = Kernels.load(b1, j, lanes) * Kernels.load(zq, j, lanes) + Kernels.load(b2, j, lanes) * (x * x)
                                Kernels.store(value, oq, j, lanes)
                            }
                        }
                    }
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
                        h.withUnsafeBufferPointer { ph in
                            s1.withUnsafeBufferPointer { p1 in
                                s2.withUnsafeBufferPointer { p2 in
                                    Self.taylorTanhPullback(
                                        upstream: pg.baseAddress!, z: pz.baseAddress!, into: pgz.baseAddress!,
                                        h: ph.baseAddress!, s1: p1.baseAddress!, s2: p2.baseAddress!,
                                        block: block, firstOrder: d, secondOrder: second)
                                }
                            }
                        }
                    }
                }
            }
            return [g]
        }
    }
}

extension Tensor {
    /// The pullback of ``taylorTanh(_:)``: with s₃ = ds₂/dz = −2·(s₁² + h·s₂),
    /// gz_v = g_v·s₁ + Σᵢ gᵢ·zᵢ·s₂ + Σ_q g_q·(z_q·s₂ + zᵢ²·s₃), gzᵢ = gᵢ·s₁ + Σ_q g_q·2·s₂·zᵢ, gz_q = g_q·s₁.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    static func taylorTanhPullback(
        upstream gb: UnsafePointer<Scalar>, z zb: UnsafePointer<Scalar>, into out: UnsafeMutablePointer<Scalar>,
        h hb: UnsafePointer<Scalar>, s1 b1: UnsafePointer<Scalar>, s2 b2: UnsafePointer<Scalar>,
        block: Int, firstOrder d: Int, secondOrder second: [Int]
    ) {
        Kernels.forEachLaneGroup(block) { j, lanes in
            Kernels.store(Kernels.load(gb, j, lanes) * Kernels.load(b1, j, lanes), out, j, lanes)
        }
        for i in 0..<d {
            let gi = gb + (1 + i) * block, zi = zb + (1 + i) * block, oi = out + (1 + i) * block
            Kernels.forEachLaneGroup(block) { j, lanes in
                let g = Kernels.load(gi, j, lanes)
                let value = Kernels.load(UnsafePointer(out), j, lanes) + g * Kernels.load(zi, j, lanes) * Kernels.load(b2, j, lanes)
                Kernels.store(value, out, j, lanes)
                Kernels.store(g * Kernels.load(b1, j, lanes), oi, j, lanes)
            }
        }
        for (q, i) in second.enumerated() {
            let gq = gb + (1 + d + q) * block, zq = zb + (1 + d + q) * block
            let zi = zb + (1 + i) * block, oi = out + (1 + i) * block, oq = out + (1 + d + q) * block
            Kernels.forEachLaneGroup(block) { j, lanes in
                let g = Kernels.load(gq, j, lanes), first = Kernels.load(b1, j, lanes), secondSlope = Kernels.load(b2, j, lanes)
                let t = Kernels.load(hb, j, lanes), x = Kernels.load(zi, j, lanes)
                let third = -2 * (first * first + t * secondSlope)
                Kernels.store(g * first, oq, j, lanes)
                Kernels.store(Kernels.load(UnsafePointer(oi), j, lanes) + g * secondSlope * 2 * x, oi, j, lanes)
                let value = Kernels.load(UnsafePointer(out), j, lanes) + g * (Kernels.load(zq, j, lanes) * secondSlope + x * x * third)
                Kernels.store(value, out, j, lanes)
            }
        }
    }
}
