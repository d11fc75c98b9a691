// MARK: - Elementwise binary operations (primitives)

extension Tensor {
    /// Applies `combine` elementwise after broadcasting, recording the operation with
    /// partial derivatives `∂/∂a` and `∂/∂b` evaluated at each element.
    @inline(__always)
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    static func binary(
        _ a: Tensor, _ b: Tensor, name: String,
        _ combine: (Scalar, Scalar) -> Scalar,
        partials: @escaping (Scalar, Scalar, Scalar) -> (Scalar, Scalar)
    ) -> Tensor {
        let layout = BinaryLayout(a.shape, b.shape, operation: name)
        let count = layout.shape.reduce(1, *)
        let columns = layout.columns
        var out = [Scalar](repeating: 0, count: count)
        a.scalars.withUnsafeBufferPointer { pa in
            b.scalars.withUnsafeBufferPointer { pb in
                out.withUnsafeMutableBufferPointer { po in
                    for i in 0..<count {
                        po[i] = combine(pa[layout.lhs.index(i, columns: columns)],
                                        pb[layout.rhs.index(i, columns: columns)])
                    }
                }
            }
        }
        guard let tape = a.node?.tape ?? b.node?.tape else { return Tensor(shape: layout.shape, scalars: out) }
        let av = a.scalars, bv = b.scalars, result = out
        let aTracked = a.isTracked, bTracked = b.isTracked
        return tape.record(shape: layout.shape, scalars: out, inputs: [a, b]) { upstream in
            var ga = aTracked ? [Scalar](repeating: 0, count: count) : []
            var gb = bTracked ? [Scalar](repeating: 0, count: count) : []
            for i in 0..<count {
                let (da, db) = partials(av[layout.lhs.index(i, columns: columns)],
                                        bv[layout.rhs.index(i, columns: columns)], result[i])
                if aTracked { ga[i] = upstream[i] * da }
                if bTracked { gb[i] = upstream[i] * db }
            }
            return [aTracked ? layout.lhs.reduce(ga, columns: columns, count: av.count) : nil,
                    bTracked ? layout.rhs.reduce(gb, columns: columns, count: bv.count) : nil]
        }
    }

    /// Elementwise sum with broadcasting.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public static func + (a: Tensor, b: Tensor) -> Tensor {
        binary(a, b, name: "+", +) { _, _, _ in (1, 1) }
    }

    /// Elementwise difference with broadcasting.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public static func - (a: Tensor, b: Tensor) -> Tensor {
        binary(a, b, name: "-", -) { _, _, _ in (1, -1) }
    }

    /// Elementwise product with broadcasting.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public static func * (a: Tensor, b: Tensor) -> Tensor {
        binary(a, b, name: "*", *) { x, y, _ in (y, x) }
    }

    /// Elementwise quotient with broadcasting.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public static func / (a: Tensor, b: Tensor) -> Tensor {
        binary(a, b, name: "/", /) { _, y, q in (1 / y, -q / y) }
    }
}

// MARK: - Scalar operands (derived)

extension Tensor {
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public static func * (a: Tensor, s: Scalar) -> Tensor { a * Tensor(s) }
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public static func * (s: Scalar, a: Tensor) -> Tensor { Tensor(s) * a }
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public static func + (a: Tensor, s: Scalar) -> Tensor { a + Tensor(s) }
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public static func - (a: Tensor, s: Scalar) -> Tensor { a - Tensor(s) }
    public static func - (s: Scalar, a: Tensor) -> Tensor { Tensor(s) - a }
    public static func + (s: Scalar, a: Tensor) -> Tensor { Tensor(s) + a }
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public static func / (a: Tensor, s: Scalar) -> Tensor { a / Tensor(s) }
    public static prefix func - (a: Tensor) -> Tensor { a * Scalar(-1) }
}
