import RealModule

// MARK: - Elementwise unary operations (primitives)

extension Tensor {
    /// Applies `function` elementwise and records `derivative(x, f(x))` for the pullback.
    @inline(__always)
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    func unary(_ function: (Scalar) -> Scalar,
               derivative: @escaping (Scalar, Scalar) -> Scalar) -> Tensor {
        let out = scalars.map(function)
        guard let tape = node?.tape else { return Tensor(shape: shape, scalars: out) }
        let input = scalars
        return tape.record(shape: shape, scalars: out, inputs: [self]) { upstream in
            var g = [Scalar](repeating: 0, count: upstream.count)
            for i in 0..<g.count { g[i] = upstream[i] * derivative(input[i], out[i]) }
            return [g]
        }
    }

    /// Hyperbolic tangent; d/dx = 1 − tanh².
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public func tanh() -> Tensor {
        let out = Kernels.tanh(scalars)
        guard let tape = node?.tape else { return Tensor(shape: shape, scalars: out) }
        return tape.record(shape: shape, scalars: out, inputs: [self]) { upstream in
            var g = [Scalar](repeating: 0, count: upstream.count)
            for i in 0..<g.count { g[i] = upstream[i] * (1 - out[i] * out[i]) }
            return [g]
        }
    }

    /// Exponential; d/dx = exp(x).
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public func exp() -> Tensor { unary({ Scalar.exp($0) }, derivative: { _, y in y }) }

    /// Square; d/dx = 2x.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public func squared() -> Tensor { unary({ $0 * $0 }, derivative: { x, _ in 2 * x }) }

    /// Absolute value. The slope at exactly 0 is +1, as JAX defines it
    /// (`select(x >= 0, g, -g)`).
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public func abs() -> Tensor { unary({ Swift.abs($0) }, derivative: { x, _ in x >= 0 ? 1 : -1 }) }

    /// `x` raised to a constant power `exponent` (for `x > 0`).
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public func pow(_ exponent: Scalar) -> Tensor {
        unary({ Scalar.pow($0, exponent) }, derivative: { x, _ in exponent * Scalar.pow(x, exponent - 1) })
    }

    /// Square root; d/dx = 1 / (2 √x).
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public func squareRoot() -> Tensor { unary({ $0.squareRoot() }, derivative: { _, y in 1 / (2 * y) }) }

    /// Clamps each element to `[lower, upper]`, as `jnp.clip` does: the slope is
    /// 1 inside, 0 outside, and ½ exactly at a bound (JAX's `max`/`min` split a
    /// tie's gradient evenly between both sides).
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public func clipped(lower: Scalar, upper: Scalar) -> Tensor {
        precondition(lower <= upper, "clipped: lower bound \(lower) exceeds upper bound \(upper)")
        return unary({ Swift.min(Swift.max($0, lower), upper) }, derivative: { x, _ in
            var slope: Scalar = x > lower ? 1 : (x == lower ? 0.5 : 0)
            if x > upper { slope = 0 } else if x == upper { slope *= 0.5 }
            return slope
        })
    }
}
