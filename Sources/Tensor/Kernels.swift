import CTensorKernels

/// Dense numeric loops behind the tensor operations.
///
/// Matrices are row-major. The products keep eight SIMD accumulators in
/// registers (two rows × four 8-wide column chunks) because the PINN's layers are
/// 32 wide: one row of a 32-column matrix is exactly four chunks.
@usableFromInline
enum Kernels {
    typealias Vector<S: SIMDScalar> = SIMD8<S>

    /// `target[i] += source[i]`.
    @usableFromInline
    @_specialize(where S == Float)
    @_specialize(where S == Double)
    static func addInPlace<S: TensorScalar>(_ target: inout [S], _ source: [S]) {
        precondition(target.count == source.count, "gradient size mismatch")
        target.withUnsafeMutableBufferPointer { t in
            source.withUnsafeBufferPointer { s in
                for i in 0..<t.count { t[i] += s[i] }
            }
        }
    }

    /// `c = a · b` with `a` of size m×k and `b` of size k×n.
    @_specialize(where S == Float)
    @_specialize(where S == Double)
    static func multiply<S: TensorScalar>(
        _ a: [S], _ b: [S], m: Int, k: Int, n: Int, using kernel: MatrixKernels = .selected
    ) -> [S] {
        // Every element of c is written exactly once below, so it is not zeroed first.
        [S](unsafeUninitializedCapacity: m * n) { pc, initialized in
            a.withUnsafeBufferPointer { pa in
                b.withUnsafeBufferPointer { pb in
                    multiply(pa.baseAddress!, pb.baseAddress!, pc.baseAddress!, m: m, k: k, n: n, using: kernel)
                }
            }
            initialized = m * n
        }
    }

    /// `c = a · bᵀ` with `a` of size m×k and `b` of size n×k.
    @_specialize(where S == Float)
    @_specialize(where S == Double)
    static func multiplyTransposingRight<S: TensorScalar>(
        _ a: [S], _ b: [S], m: Int, k: Int, n: Int, using kernel: MatrixKernels = .selected
    ) -> [S] {
        multiply(a, transpose(b, rows: n, columns: k), m: m, k: k, n: n, using: kernel)
    }

    /// `c = aᵀ · b` with `a` of size m×k and `b` of size m×n; `c` is k×n.
    @_specialize(where S == Float)
    @_specialize(where S == Double)
    static func multiplyTransposingLeft<S: TensorScalar>(
        _ a: [S], _ b: [S], m: Int, k: Int, n: Int, using kernel: MatrixKernels = .selected
    ) -> [S] {
        var c = [S](repeating: 0, count: k * n)
        a.withUnsafeBufferPointer { pa in
            b.withUnsafeBufferPointer { pb in
                c.withUnsafeMutableBufferPointer { pc in
                    multiplyTransposingLeft(pa.baseAddress!, pb.baseAddress!, pc.baseAddress!, m: m, k: k, n: n, using: kernel)
                }
            }
        }
        return c
    }

    /// The transpose of a rows×columns matrix.
    @_specialize(where S == Float)
    @_specialize(where S == Double)
    static func transpose<S: TensorScalar>(_ a: [S], rows: Int, columns: Int) -> [S] {
        var t = [S](repeating: 0, count: a.count)
        for r in 0..<rows {
            for c in 0..<columns { t[c * rows + r] = a[r * columns + c] }
        }
        return t
    }

    // MARK: - Register-blocked loops

    @_specialize(where S == Float)
    @_specialize(where S == Double)
    private static func multiply<S: TensorScalar>(
        _ a: UnsafePointer<S>, _ b: UnsafePointer<S>, _ c: UnsafeMutablePointer<S>, m: Int, k: Int, n: Int,
        using kernel: MatrixKernels
    ) {
        var column = 0
        if S.self == Float.self, kernel == .avx512, n >= 32 {
            column = n / 32 * 32
            tensor_kernels_multiply_avx512(floats(a), floats(b), floats(c), m, k, n, column)
        } else if S.self == Float.self, kernel == .avx2, n >= 32 {
            // Only whole 32-column panels: the portable 8-column chunks below multiply and add
            // unfused, and the AVX2 kernel must give their bits.
            column = n / 32 * 32
            tensor_kernels_multiply_avx2(floats(a), floats(b), floats(c), m, k, n, column)
        }
        while column + 32 <= n {
            multiplyPanel32(a, b, c, m: m, k: k, n: n, column: column)
            column += 32
        }
        while column + 8 <= n {
            for row in 0..<m {
                var acc = Vector<S>(repeating: 0)
                for p in 0..<k { acc += Vector(repeating: a[row * k + p]) * load(b + p * n + column) }
                store(acc, c + row * n + column)
            }
            column += 8
        }
        if column < n {
            // Narrow outputs (the PINN's last layer has one column): dot products along k.
            for row in 0..<m {
                for j in column..<n {
                    var acc = Vector<S>()
                    var tail: S = 0
                    var p = 0
                    while p + 8 <= k {
                        var column = Vector<S>()
                        if n == 1 {
                            column = load(b + p)
                        } else {
                            for lane in 0..<8 { column[lane] = b[(p + lane) * n + j] }
                        }
                        acc = fma(acc, load(a + row * k + p), column)
                        p += 8
                    }
                    while p < k {
                        tail += a[row * k + p] * b[p * n + j]
                        p += 1
                    }
                    c[row * n + j] = acc.sum() + tail
                }
            }
        }
    }

    /// Columns `column ..< column + 32` of `c = a · b`, two rows at a time.
    @_specialize(where S == Float)
    @_specialize(where S == Double)
    private static func multiplyPanel32<S: TensorScalar>(
        _ a: UnsafePointer<S>, _ b: UnsafePointer<S>, _ c: UnsafeMutablePointer<S>,
        m: Int, k: Int, n: Int, column: Int
    ) {
        var row = 0
        while row + 2 <= m {
            var r0 = (Vector<S>(), Vector<S>(), Vector<S>(), Vector<S>())
            var r1 = (Vector<S>(), Vector<S>(), Vector<S>(), Vector<S>())
            let a0 = a + row * k, a1 = a0 + k
            for p in 0..<k {
                let bp = b + p * n + column
                let b0 = load(bp), b1 = load(bp + 8), b2 = load(bp + 16), b3 = load(bp + 24)
                let x0 = Vector(repeating: a0[p]), x1 = Vector(repeating: a1[p])
                r0.0 = fma(r0.0, x0, b0); r0.1 = fma(r0.1, x0, b1); r0.2 = fma(r0.2, x0, b2); r0.3 = fma(r0.3, x0, b3)
                r1.0 = fma(r1.0, x1, b0); r1.1 = fma(r1.1, x1, b1); r1.2 = fma(r1.2, x1, b2); r1.3 = fma(r1.3, x1, b3)
            }
            let c0 = c + row * n + column, c1 = c0 + n
            store(r0.0, c0); store(r0.1, c0 + 8); store(r0.2, c0 + 16); store(r0.3, c0 + 24)
            store(r1.0, c1); store(r1.1, c1 + 8); store(r1.2, c1 + 16); store(r1.3, c1 + 24)
            row += 2
        }
        if row < m {
            var r0 = (Vector<S>(), Vector<S>(), Vector<S>(), Vector<S>())
            let a0 = a + row * k
            for p in 0..<k {
                let bp = b + p * n + column
                let x0 = Vector(repeating: a0[p])
                r0.0 = fma(r0.0, x0, load(bp)); r0.1 = fma(r0.1, x0, load(bp + 8))
                r0.2 = fma(r0.2, x0, load(bp + 16)); r0.3 = fma(r0.3, x0, load(bp + 24))
            }
            let c0 = c + row * n + column
            store(r0.0, c0); store(r0.1, c0 + 8); store(r0.2, c0 + 16); store(r0.3, c0 + 24)
        }
    }

    @_specialize(where S == Float)
    @_specialize(where S == Double)
    private static func multiplyTransposingLeft<S: TensorScalar>(
        _ a: UnsafePointer<S>, _ b: UnsafePointer<S>, _ c: UnsafeMutablePointer<S>, m: Int, k: Int, n: Int,
        using kernel: MatrixKernels
    ) {
        // c[p, :] = Σ_row a[row, p] · b[row, :]. Rows are taken in blocks small enough
        // for the block of `b` to stay in L1 while every output row pair visits it;
        // two output rows × 32 columns are accumulated in registers.
        let blockRows = 128
        var column = 0
        if S.self == Float.self, kernel == .avx512, n >= 32 {
            column = n / 32 * 32
            tensor_kernels_multiply_transposing_left_avx512(floats(a), floats(b), floats(c), m, k, n, column, blockRows)
        } else if S.self == Float.self, kernel == .avx2, n >= 32 {
            column = n / 32 * 32
            tensor_kernels_multiply_transposing_left_avx2(floats(a), floats(b), floats(c), m, k, n, column, blockRows)
        }
        while column + 32 <= n {
            var start = 0
            while start < m {
                let end = Swift.min(start + blockRows, m)
                var p = 0
                while p < k {
                    let pairs = p + 1 < k
                    var r0 = (Vector<S>(), Vector<S>(), Vector<S>(), Vector<S>())
                    var r1 = (Vector<S>(), Vector<S>(), Vector<S>(), Vector<S>())
                    for row in start..<end {
                        let bp = b + row * n + column
                        let b0 = load(bp), b1 = load(bp + 8), b2 = load(bp + 16), b3 = load(bp + 24)
                        let x0 = Vector(repeating: a[row * k + p])
                        r0.0 = fma(r0.0, x0, b0); r0.1 = fma(r0.1, x0, b1); r0.2 = fma(r0.2, x0, b2); r0.3 = fma(r0.3, x0, b3)
                        if pairs {
                            let x1 = Vector(repeating: a[row * k + p + 1])
                            r1.0 = fma(r1.0, x1, b0); r1.1 = fma(r1.1, x1, b1); r1.2 = fma(r1.2, x1, b2); r1.3 = fma(r1.3, x1, b3)
                        }
                    }
                    let c0 = c + p * n + column
                    accumulate(r0, c0)
                    if pairs { accumulate(r1, c0 + n) }
                    p += 2
                }
                start = end
            }
            column += 32
        }
        if column < n {
            // Narrow right-hand sides (the last layer has one column): c[p, j] = Σ_row a[row, p]·b[row, j]
            // in row order, one multiply and one add per term, for up to 32 consecutive p at once.
            for j in column..<n {
                var p = 0
                while p < k {
                    let lanes = Swift.min(32, k - p)
                    var acc = (Vector<S>(), Vector<S>(), Vector<S>(), Vector<S>())
                    for row in 0..<m {
                        let x = Vector(repeating: b[row * n + j]), ap = a + row * k
                        acc.0 = acc.0 + Kernels.load(ap, p, Swift.min(8, lanes)) * x
                        if lanes > 8 { acc.1 = acc.1 + Kernels.load(ap, p + 8, Swift.min(8, lanes - 8)) * x }
                        if lanes > 16 { acc.2 = acc.2 + Kernels.load(ap, p + 16, Swift.min(8, lanes - 16)) * x }
                        if lanes > 24 { acc.3 = acc.3 + Kernels.load(ap, p + 24, lanes - 24) * x }
                    }
                    for lane in 0..<lanes {
                        let chunk = lane < 8 ? acc.0 : lane < 16 ? acc.1 : lane < 24 ? acc.2 : acc.3
                        c[(p + lane) * n + j] = chunk[lane % 8]
                    }
                    p += 32
                }
            }
        }
    }

    @inline(__always)
    private static func floats<S>(_ p: UnsafePointer<S>) -> UnsafePointer<Float> {
        UnsafeRawPointer(p).assumingMemoryBound(to: Float.self)
    }

    @inline(__always)
    private static func floats<S>(_ p: UnsafeMutablePointer<S>) -> UnsafeMutablePointer<Float> {
        UnsafeMutableRawPointer(p).assumingMemoryBound(to: Float.self)
    }

    @inline(__always)
    private static func accumulate<S: TensorScalar>(
        _ r: (Vector<S>, Vector<S>, Vector<S>, Vector<S>), _ c: UnsafeMutablePointer<S>
    ) {
        store(load(c) + r.0, c); store(load(c + 8) + r.1, c + 8)
        store(load(c + 16) + r.2, c + 16); store(load(c + 24) + r.3, c + 24)
    }

    /// `acc + x·y`, fused into one instruction where the build enables FMA.
    @inline(__always)
    private static func fma<S: TensorScalar>(_ acc: Vector<S>, _ x: Vector<S>, _ y: Vector<S>) -> Vector<S> {
        #if FUSED_MULTIPLY_ADD
        return acc.addingProduct(x, y)
        #else
        return acc + x * y
        #endif
    }

    @inline(__always)
    private static func load<S: SIMDScalar>(_ p: UnsafePointer<S>) -> Vector<S> {
        UnsafeRawPointer(p).loadUnaligned(as: Vector<S>.self)
    }

    @inline(__always)
    private static func load<S: SIMDScalar>(_ p: UnsafeMutablePointer<S>) -> Vector<S> {
        UnsafeRawPointer(p).loadUnaligned(as: Vector<S>.self)
    }

    @inline(__always)
    private static func store<S: SIMDScalar>(_ v: Vector<S>, _ p: UnsafeMutablePointer<S>) {
        UnsafeMutableRawPointer(p).storeBytes(of: v, as: Vector<S>.self)
    }
}
