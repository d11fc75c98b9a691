import NeuralNet
import Tensor

/// A model evaluated on a regular grid over a problem's domain, with the exact solution there.
public struct FieldEvaluation: Sendable {
    /// Points per axis.
    public let resolution: Int
    /// The grid's points, the last coordinate varying slowest (row `j` of an image is the
    /// `j`-th value of the second coordinate).
    public let points: [[Double]]
    /// The model's first output at each point.
    public let predicted: [Double]
    /// The exact solution at each point, when the problem knows it.
    public let exact: [Double]?
    /// The root-mean-square error against ``exact``: differences taken in the model's scalar
    /// type (as the reference does in float32), accumulated in `Double`.
    public let rmsError: Double?
}

extension PINNProblem {
    /// Evaluates `model` on `linspace` grids of `resolution` points per axis over
    /// ``domainBounds`` (one- and two-dimensional domains).
    public func evaluate(_ model: Model, resolution: Int = 50) -> FieldEvaluation {
        let axes = domainBounds.map { Grid.linspace($0.lowerBound, $0.upperBound, resolution) }
        precondition((1...2).contains(axes.count), "grids are made for one- and two-dimensional domains")
        let points: [[Double]] = axes.count == 1
            ? axes[0].map { [$0] }
            : axes[1].flatMap { second in axes[0].map { [$0, second] } }
        let input = Tensor<Scalar>(shape: [points.count, axes.count], scalars: points.flatMap { $0.map { Scalar($0) } })
        let output = model(input)
        let columns = output.count / Swift.max(points.count, 1)
        let scalars = output.scalars
        let prediction = (0..<points.count).map { scalars[$0 * columns] }
        let exact = points.map { exactSolution(at: $0) }
        guard exact.allSatisfy({ $0 != nil }) else {
            return FieldEvaluation(resolution: resolution, points: points, predicted: prediction.map(Double.init),
                                   exact: nil, rmsError: nil)
        }
        var total = 0.0
        for (value, target) in zip(prediction, exact) {
            let difference = Double(value - Scalar(target!))
            total += difference * difference
        }
        return FieldEvaluation(resolution: resolution, points: points, predicted: prediction.map(Double.init),
                               exact: exact.map { $0! }, rmsError: (total / Double(points.count)).squareRoot())
    }
}

extension FieldEvaluation {
    /// `‖predicted − exact‖ / ‖exact‖` over the grid, or `nil` without an exact solution
    /// (or when the exact solution is zero everywhere).
    public var relativeError: Double? {
        guard let exact else { return nil }
        var difference = 0.0, reference = 0.0
        for (value, target) in zip(predicted, exact) {
            difference += (value - target) * (value - target)
            reference += target * target
        }
        return reference > 0 ? (difference / reference).squareRoot() : nil
    }
}
