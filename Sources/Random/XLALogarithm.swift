/// The natural logarithm in single precision as XLA computes it on CPU.
///
/// XLA does not call the C library's `logf`: it emits the Cephes polynomial that
/// Eigen's `plog` uses, and LLVM contracts each multiply-add into a fused
/// multiply-add. The result can differ from `Float.log` in the last place, which
/// moves Gumbel draws and so the order of `jax.random.choice(…, replace=False)`.
public enum XLALogarithm {
    private static let p0: Float = 7.0376836292e-2
    private static let p1: Float = -1.1514610310e-1
    private static let p2: Float = 1.1676998740e-1
    private static let p3: Float = -1.2420140846e-1
    private static let p4: Float = 1.4249322787e-1
    private static let p5: Float = -1.6668057665e-1
    private static let p6: Float = 2.0000714765e-1
    private static let p7: Float = -2.4999993993e-1
    private static let p8: Float = 3.3333331174e-1
    private static let q1: Float = -2.12194440e-4
    private static let q2: Float = 0.693359375

    /// log(x): NaN below zero or for NaN, −∞ at zero, +∞ at +∞.
    public static func float(_ input: Float) -> Float {
        if input.isNaN || input < 0 { return .nan }
        if input == 0 { return -.infinity }
        if input == .infinity { return .infinity }
        // Subnormals are treated as the smallest normal number, as in XLA.
        let bits = Swift.max(input, .leastNormalMagnitude).bitPattern
        var exponent = 1 + Float(Int32(bits >> 23) - 0x7F)
        // The mantissa as a number in [0.5, 1).
        var x = Float(bitPattern: (bits & 0x807F_FFFF) | 0x3F00_0000)
        let belowRootHalf = x < 0.707106781186547524
        let shift: Float = belowRootHalf ? x : 0
        x -= 1
        exponent -= belowRootHalf ? 1 : 0
        x += shift
        let x2 = x * x
        let x3 = x2 * x
        // Every multiply whose only use is an add is fused, as LLVM contracts them.
        // JAX's Gumbel draws pin down the `y·x³ + e·q1` fusion (unfused, one of 32
        // reference draws is off by an ulp); the others agree with them either way.
        var y = fused(x, p0, p1)
        var y1 = fused(x, p3, p4)
        var y2 = fused(x, p6, p7)
        y = fused(y, x, p2)
        y1 = fused(y1, x, p5)
        y2 = fused(y2, x, p8)
        y = fused(y, x3, y1)
        y = fused(y, x3, y2)
        y = fused(y, x3, exponent * q1)
        x = fused(-0.5, x2, x)
        x += y
        return fused(q2, exponent, x)
    }

    /// a·b + c with a single rounding.
    @inline(__always)
    private static func fused(_ a: Float, _ b: Float, _ c: Float) -> Float {
        c.addingProduct(a, b)
    }
}
