import RealModule

/// A key of JAX's default random generator (threefry2x32 with
/// `jax_threefry_partitionable` on, JAX's default).
///
/// Keys are values: drawing from a key does not change it; derive new keys with
/// ``split(_:)`` or ``foldIn(_:)``, as in JAX.
///
/// ```swift
/// let key = PRNGKey(seed: 42)
/// let (next, sub) = key.split()
/// let x = sub.uniform(count: 500, minval: 0, maxval: 1)
/// ```
public struct PRNGKey: Equatable, Hashable, Sendable, CustomStringConvertible {
    /// The two 32-bit words of the key.
    public let words: (UInt32, UInt32)

    /// The key of `jax.random.PRNGKey(seed)`: high and low 32 bits of the 64-bit seed.
    public init(seed: Int64) {
        let bits = UInt64(bitPattern: seed)
        words = (UInt32(truncatingIfNeeded: bits >> 32), UInt32(truncatingIfNeeded: bits))
    }

    /// A key from its raw words.
    public init(words: (UInt32, UInt32)) { self.words = words }

    public static func == (a: PRNGKey, b: PRNGKey) -> Bool { a.words == b.words }
    public func hash(into hasher: inout Hasher) {
        hasher.combine(words.0)
        hasher.combine(words.1)
    }
    public var description: String { "PRNGKey[\(words.0), \(words.1)]" }

    /// The threefry output for the 64-bit counter `index`.
    @inline(__always)
    func block(_ index: UInt64) -> (UInt32, UInt32) {
        Threefry.hash(key: words.0, words.1, counter: UInt32(truncatingIfNeeded: index >> 32), UInt32(truncatingIfNeeded: index))
    }

    // MARK: - Deriving keys

    /// `jax.random.split(key, count)`: key `i` is the cipher of counter `i`.
    public func split(_ count: Int) -> [PRNGKey] {
        precondition(count >= 0, "split count must be non-negative")
        return (0..<count).map { PRNGKey(words: block(UInt64($0))) }
    }

    /// `key, subkey = jax.random.split(key)`.
    public func split() -> (PRNGKey, PRNGKey) {
        let keys = split(2)
        return (keys[0], keys[1])
    }

    /// `jax.random.fold_in(key, data)`.
    public func foldIn(_ data: UInt32) -> PRNGKey {
        PRNGKey(words: Threefry.hash(key: words.0, words.1, counter: 0, data))
    }

    // MARK: - Drawing

    /// `jax.random.bits(key, shape)` for 32-bit words, flattened in row-major order.
    public func bits(count: Int) -> [UInt32] {
        (0..<count).map { i in
            let (a, b) = block(UInt64(i))
            return a ^ b
        }
    }

    /// `jax.random.uniform(key, shape, float32, minval, maxval)`, flattened: 23 random
    /// mantissa bits give a float in [1, 2), minus 1, scaled to [minval, maxval).
    public func uniform(count: Int, minval: Float = 0, maxval: Float = 1) -> [Float] {
        let one = Float(1).bitPattern
        return bits(count: count).map { word in
            let unit = Float(bitPattern: (word >> 9) | one) - 1
            return Swift.max(minval, unit * (maxval - minval) + minval)
        }
    }

    /// `jax.random.normal(key, shape, float32)`: `√2 · erfinv(u)` with u uniform on (−1, 1).
    public func normal(count: Int) -> [Float] {
        let lower = Float(-1).nextUp
        return uniform(count: count, minval: lower, maxval: 1).map { Float(2).squareRoot() * InverseErrorFunction.float($0) }
    }

    /// `jax.random.truncated_normal(key, lower, upper, shape, float32)`: an inverse-CDF draw
    /// clamped to the open interval (lower, upper).
    public func truncatedNormal(lower: Float, upper: Float, count: Int) -> [Float] {
        precondition(lower < upper, "truncatedNormal: lower \(lower) must be below upper \(upper)")
        let root2 = Float(2).squareRoot()
        let a = Float(Double.erf(Double(lower / root2)))
        let b = Float(Double.erf(Double(upper / root2)))
        let low = lower.nextUp, high = upper.nextDown
        return uniform(count: count, minval: a, maxval: b).map { u in
            Swift.min(Swift.max(root2 * InverseErrorFunction.float(u), low), high)
        }
    }
}

/// The inverse error function in single precision by Giles' polynomials
/// ("Approximating the erfinv function", 2010), the form XLA evaluates for float32.
public enum InverseErrorFunction {
    private static let central: [Float] = [
        2.81022636e-08, 3.43273939e-07, -3.5233877e-06, -4.39150654e-06, 0.00021858087,
        -0.00125372503, -0.00417768164, 0.246640727, 1.50140941,
    ]
    private static let tail: [Float] = [
        -0.000200214257, 0.000100950558, 0.00134934322, -0.00367342844, 0.00573950773,
        -0.0076224613, 0.00943887047, 1.00167406, 2.83297682,
    ]

    /// erfinv(x) for x in [−1, 1] (±∞ at ±1).
    public static func float(_ x: Float) -> Float {
        if Swift.abs(x) == 1 { return x * .greatestFiniteMagnitude }
        var w = -Float.log(onePlus: -x * x)
        let coefficients: [Float]
        if w < 5 {
            w -= 2.5
            coefficients = central
        } else {
            w = w.squareRoot() - 3
            coefficients = tail
        }
        var p = coefficients[0]
        for c in coefficients.dropFirst() { p = c + p * w }
        return p * x
    }
}
