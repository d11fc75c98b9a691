import Random
import Tensor

extension PRNGKey {
    /// `count` points uniform over a box, `[count, bounds.count]`: the key is split into one
    /// key per coordinate, each drawing `jax.random.uniform(key, (count,), minval, maxval)`.
    public func uniformPoints(count: Int, in bounds: [ClosedRange<Double>]) -> Tensor<Float> {
        let columns = zip(split(bounds.count), bounds).map { key, range in
            key.uniform(count: count, minval: Float(range.lowerBound), maxval: Float(range.upperBound))
        }
        return Tensor(shape: [count, bounds.count], scalars: (0..<count).flatMap { row in columns.map { $0[row] } })
    }
}
