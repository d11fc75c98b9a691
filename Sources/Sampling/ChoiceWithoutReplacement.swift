import Random

extension RandomChoice {
    /// Draws without replacement as JAX does (the Gumbel top-k trick): the keys
    /// `g = gumbel(key, (n,)) + log(p)` (``gumbelKeys(key:probabilities:)``) and the
    /// `count` indices with the largest keys, largest first, ties broken towards
    /// the lower index as `lax.top_k` does.
    ///
    /// JAX's result is ill-defined when fewer than `count` probabilities are
    /// positive; this port throws ``SamplingError/tooFewPositiveProbabilities(count:positive:)``.
    public static func withoutReplacement(key: PRNGKey, probabilities: [Float], count: Int) throws -> [Int] {
        try validate(probabilities: probabilities, count: count)
        guard count <= probabilities.count else {
            throw SamplingError.sampleLargerThanPopulation(count: count, population: probabilities.count)
        }
        let positive = probabilities.filter { $0 > 0 }.count
        guard count <= positive else {
            throw SamplingError.tooFewPositiveProbabilities(count: count, positive: positive)
        }
        return topIndices(gumbelKeys(key: key, probabilities: probabilities), count: count)
    }

    /// `gumbel(key, (n,)) + log(p)` with XLA's CPU logarithm.
    public static func gumbelKeys(key: PRNGKey, probabilities: [Float]) -> [Float] {
        zip(key.gumbel(count: probabilities.count), probabilities).map { $0 + XLALogarithm.float($1) }
    }

    /// `lax.top_k(values, count)[1]`: the indices of the `count` largest values,
    /// largest first, equal values in index order.
    public static func topIndices(_ values: [Float], count: Int) -> [Int] {
        let order = values.indices.sorted { a, b in
            values[a] != values[b] ? values[a] > values[b] : a < b
        }
        return Array(order.prefix(count))
    }
}
