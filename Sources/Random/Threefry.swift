/// The Threefry-2x32 block cipher with 20 rounds (Salmon et al. 2011), as JAX uses it.
public enum Threefry {
    private static let rotations: [[UInt32]] = [[13, 15, 26, 6], [17, 29, 16, 24]]

    /// Encrypts the counter `(x0, x1)` under the key `(k0, k1)`.
    @inline(__always)
    public static func hash(key k0: UInt32, _ k1: UInt32, counter x0: UInt32, _ x1: UInt32) -> (UInt32, UInt32) {
        let schedule = [k0, k1, k0 ^ k1 ^ 0x1BD1_1BDA]
        var a = x0 &+ schedule[0]
        var b = x1 &+ schedule[1]
        for block in 0..<5 {
            for r in rotations[block % 2] {
                a = a &+ b
                b = (b << r) | (b >> (32 - r))
                b ^= a
            }
            a = a &+ schedule[(block + 1) % 3]
            b = b &+ schedule[(block + 2) % 3] &+ UInt32(block + 1)
        }
        return (a, b)
    }
}
