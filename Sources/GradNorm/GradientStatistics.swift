import NeuralNet
import Tensor

/// Magnitude statistics of one loss's gradient, accumulated in `Double`: what the
/// learning-rate-annealing balancers compare between losses.
public struct GradientStatistics: Equatable, Sendable {
    /// `mean |g|` over every parameter scalar.
    public var meanAbsolute: Double
    /// `max |g|` over every parameter scalar.
    public var maxAbsolute: Double
    /// `max |g|` of each weight matrix (the rank-2 parameters; biases left out), in parameter order.
    public var matrixMaxAbsolute: [Double]
    /// `mean |g|` of each weight matrix, in parameter order.
    public var matrixMeanAbsolute: [Double]

    /// The statistics of `gradient`.
    public init<Scalar: TensorScalar>(_ gradient: ParameterGradients<Scalar>) {
        var sum = 0.0, count = 0, largest = 0.0
        matrixMaxAbsolute = []
        matrixMeanAbsolute = []
        for tensor in gradient.tensors {
            let magnitudes = tensor.scalars.map { Swift.abs(Double($0)) }
            sum += magnitudes.reduce(0, +)
            count += magnitudes.count
            largest = Swift.max(largest, magnitudes.max() ?? 0)
            if tensor.rank == 2 {
                matrixMaxAbsolute.append(magnitudes.max() ?? 0)
                matrixMeanAbsolute.append(magnitudes.reduce(0, +) / Double(Swift.max(magnitudes.count, 1)))
            }
        }
        meanAbsolute = sum / Double(Swift.max(count, 1))
        maxAbsolute = largest
    }
}
