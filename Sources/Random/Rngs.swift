/// Named random streams like Flax NNX's `nnx.Rngs(seed)`.
///
/// The `params` stream hands out `fold_in(PRNGKey(seed), n)` for n = 0, 1, 2, …,
/// so layers built from the same seed in the same order get the same keys as in Flax.
public final class Rngs {
    private let root: PRNGKey
    private var count: UInt32 = 0

    /// Creates the streams of `nnx.Rngs(seed)`.
    public init(seed: Int64) {
        root = PRNGKey(seed: seed)
    }

    /// The next key of the `params` stream.
    public func params() -> PRNGKey {
        defer { count += 1 }
        return root.foldIn(count)
    }
}
