extension PRNGKey {
    /// `jax.random.gumbel(key, shape, float32)` in JAX's default "low" mode, flattened:
    /// `−log(−log(u))` with u uniform on [tiny, 1), both logarithms as XLA computes
    /// them on CPU (``XLALogarithm``).
    public func gumbel(count: Int) -> [Float] {
        uniform(count: count, minval: .leastNormalMagnitude, maxval: 1).map { u in
            -XLALogarithm.float(-XLALogarithm.float(u))
        }
    }
}
