import RealModule

extension Kernels {
    /// Elementwise `tanh`. Float32 uses a vectorised 13/6-degree rational
    /// approximation (the one Eigen and XLA's CPU backend use, accurate to a few
    /// ulp, exactly ±1 beyond |x| = 9); other types use the C library.
    @_specialize(where S == Float)
    @_specialize(where S == Double)
    static func tanh<S: TensorScalar>(_ input: [S]) -> [S] {
        if S.self == Float.self {
            let values = unsafeBitCast(input, to: [Float].self)
            return unsafeBitCast(rationalTanh(values), to: [S].self)
        }
        return input.map { S.tanh($0) }
    }

    /// Float32 `tanh` by the rational approximation, eight lanes at a time.
    static func rationalTanh(_ input: [Float]) -> [Float] {
        var output = [Float](repeating: 0, count: input.count)
        input.withUnsafeBufferPointer { source in
            output.withUnsafeMutableBufferPointer { target in
                let n = source.count
                var i = 0
                while i + 8 <= n {
                    let x = UnsafeRawPointer(source.baseAddress! + i).loadUnaligned(as: SIMD8<Float>.self)
                    UnsafeMutableRawPointer(target.baseAddress! + i).storeBytes(of: rationalTanh(x), as: SIMD8<Float>.self)
                    i += 8
                }
                while i < n {
                    target[i] = rationalTanh(SIMD8<Float>(repeating: source[i]))[0]
                    i += 1
                }
            }
        }
        return output
    }

    @inline(__always)
    static func rationalTanh(_ input: SIMD8<Float>) -> SIMD8<Float> {
        var x = input
        x.replace(with: 9, where: x .> 9)
        x.replace(with: -9, where: x .< -9)
        let x2 = x * x
        var p = x2 * -2.76076847742355e-16 + 2.00018790482477e-13
        p = x2 * p + -8.60467152213735e-11
        p = x2 * p + 5.12229709037114e-08
        p = x2 * p + 1.48572235717979e-05
        p = x2 * p + 6.37261928875436e-04
        p = x2 * p + 4.89352455891786e-03
        p = x * p
        var q = x2 * 1.19825839466702e-06 + 1.18534705686654e-04
        q = x2 * q + 2.26843463243900e-03
        q = x2 * q + 4.89352518554385e-03
        return p / q
    }
}
