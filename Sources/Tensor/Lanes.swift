extension Kernels {
    /// Calls `body(offset, lanes)` for consecutive groups of up to eight elements,
    /// so an elementwise loop is written once with 8-wide vectors and still covers a tail.
    @inline(__always)
    static func forEachLaneGroup(_ count: Int, _ body: (Int, Int) -> Void) {
        var offset = 0
        while offset + 8 <= count {
            body(offset, 8)
            offset += 8
        }
        if offset < count { body(offset, count - offset) }
    }

    /// Loads `lanes` elements starting at `p + offset` (the rest of the vector is zero).
    @inline(__always)
    static func load<S: SIMDScalar>(_ p: UnsafePointer<S>, _ offset: Int, _ lanes: Int) -> SIMD8<S> {
        if lanes == 8 { return UnsafeRawPointer(p + offset).loadUnaligned(as: SIMD8<S>.self) }
        var v = SIMD8<S>()
        for lane in 0..<lanes { v[lane] = p[offset + lane] }
        return v
    }

    /// Stores the first `lanes` elements of `v` at `p + offset`.
    @inline(__always)
    static func store<S: SIMDScalar>(_ v: SIMD8<S>, _ p: UnsafeMutablePointer<S>, _ offset: Int, _ lanes: Int) {
        if lanes == 8 {
            UnsafeMutableRawPointer(p + offset).storeBytes(of: v, as: SIMD8<S>.self)
            return
        }
        for lane in 0..<lanes { p[offset + lane] = v[lane] }
    }
}
