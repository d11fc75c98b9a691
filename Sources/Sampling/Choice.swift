import Random

extension PRNGKey {
    /// `jax.random.choice(key, n, (count,), replace=replace, p=probabilities)` for
    /// float32 probabilities, bit for bit: the indices JAX draws from the same key.
    ///
    /// With replacement this is inverse-CDF sampling on XLA's cumulative sum
    /// (``RandomChoice/withReplacement(key:probabilities:count:)``); without, it is
    /// the Gumbel top-k trick (``RandomChoice/withoutReplacement(key:probabilities:count:)``).
    /// The probabilities need not sum to one.
    ///
    /// - Parameters:
    ///   - count: How many indices to draw (`m`).
    ///   - probabilities: One non-negative weight per candidate (`n` of them).
    ///   - replace: Whether a candidate may be drawn more than once.
    /// - Returns: `count` indices into `probabilities`.
    /// - Throws: ``SamplingError`` for a negative count, no candidates, a negative,
    ///   NaN or infinite probability, probabilities that sum to zero, or (without
    ///   replacement) more draws than candidates with a positive probability.
    public func choice(count: Int, probabilities: [Float], replace: Bool = true) throws -> [Int] {
        replace
            ? try RandomChoice.withReplacement(key: self, probabilities: probabilities, count: count)
            : try RandomChoice.withoutReplacement(key: self, probabilities: probabilities, count: count)
    }
}

/// The two algorithms behind `jax.random.choice` with probabilities, and their steps.
public enum RandomChoice {
    /// Draws with replacement as JAX does: `c = cumsum(p)` (XLA's blocked order),
    /// `u = uniform(key, (count,))`, `r = c[n−1]·(1 − u)`, and each index is the first
    /// `i` with `c[i] ≥ r`.
    public static func withReplacement(key: PRNGKey, probabilities: [Float], count: Int) throws -> [Int] {
        try validate(probabilities: probabilities, count: count)
        if count == 0 { return [] }
        let cumulative = BlockedCumulativeSum.inclusive(probabilities)
        let targets = thresholds(cumulative: cumulative, uniforms: key.uniform(count: count))
        return targets.map { searchSortedLeft(cumulative, $0) }
    }

    /// `r = c[n−1]·(1 − u)` for each uniform `u`: the points where the cumulative
    /// sum is cut.
    public static func thresholds(cumulative: [Float], uniforms: [Float]) -> [Float] {
        guard let total = cumulative.last else { return [] }
        return uniforms.map { total * (1 - $0) }
    }

    /// `jnp.searchsorted(sorted, value, side="left")`: the first index whose element
    /// is at least `value`, or `sorted.count` if there is none.
    public static func searchSortedLeft(_ sorted: [Float], _ value: Float) -> Int {
        var low = 0, high = sorted.count
        while low < high {
            let middle = (low + high) / 2
            if sorted[middle] < value { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// Checks the arguments shared by both algorithms.
    static func validate(probabilities: [Float], count: Int) throws {
        guard count >= 0 else { throw SamplingError.negativeCount(count) }
        guard !probabilities.isEmpty else { throw SamplingError.emptyCandidates }
        for (index, value) in probabilities.enumerated() where !(value.isFinite && value >= 0) {
            throw SamplingError.invalidProbability(index: index, value: value)
        }
        guard probabilities.contains(where: { $0 > 0 }) else { throw SamplingError.probabilitiesSumToZero }
    }
}
