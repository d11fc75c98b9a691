import Foundation
import NeuralNet
import Tensor

/// Poisson's equation `Δu = Δg` on the unit square whose solution is a narrow Gaussian bump,
/// `g(x, y) = exp(−((x − a)² + (y − b)²) / (2σ²))`, with `u = g` on the boundary.
///
/// The residual is large only near the bump, in a region of area about `2πσ²`: the kind of
/// problem where uniformly placed collocation points miss the feature and residual-based
/// sampling pays.
public struct PeakPoissonProblem<Scalar: TensorScalar>: ResidualSampledProblem {
    /// The bump's centre `(a, b)`.
    public let center: (x: Double, y: Double)
    /// The bump's width σ.
    public let width: Double
    public var collocationPoints: Tensor<Scalar>
    /// Points on the boundary, `[m, 2]`, and `g` there, `[m, 1]`.
    public let boundaryPoints: Tensor<Scalar>
    public let boundaryValues: Tensor<Scalar>

    /// The problem with `collocationPoints` inside and `boundaryPointsPerSide` evenly spaced
    /// points on each side.
    public init(center: (x: Double, y: Double), width: Double, collocationPoints: Tensor<Scalar>, boundaryPointsPerSide: Int) {
        precondition(width > 0 && boundaryPointsPerSide >= 2, "a positive width and at least two points per side")
        self.center = center
        self.width = width
        self.collocationPoints = collocationPoints
        boundaryPoints = Grid.rectangleBoundary([0...1, 0...1], perSide: boundaryPointsPerSide)
        let xy = boundaryPoints.scalars, count = boundaryPoints.shape[0]
        boundaryValues = Tensor(shape: [count, 1], scalars: (0..<count).map { i in
            let dx = Double(xy[2 * i]) - center.x, dy = Double(xy[2 * i + 1]) - center.y
            return Scalar(Foundation.exp(-(dx * dx + dy * dy) / (2 * width * width)))
        })
    }

    /// The loss names, in order.
    public static var names: [String] { ["PDE", "BC"] }

    public var lossTerms: [LossTerm<MLP<Scalar>>] {
        let values = boundaryValues
        return [
            .meanSquare("PDE", at: collocationPoints, splitsAcrossThreads: true, of: residual),
            .meanSquare("BC", at: boundaryPoints) { model, points in model(points) - values },
        ]
    }

    public var domainBounds: [ClosedRange<Double>] { [0...1, 0...1] }

    public func exactSolution(at point: [Double]) -> Double? {
        let dx = point[0] - center.x, dy = point[1] - center.y
        return Foundation.exp(-(dx * dx + dy * dy) / (2 * width * width))
    }

    /// `Δg = g·(r²/σ⁴ − 2/σ²)` at a point.
    public func laplacianOfSolution(at point: [Double]) -> Double {
        let dx = point[0] - center.x, dy = point[1] - center.y
        let s2 = width * width, r2 = dx * dx + dy * dy
        return exactSolution(at: point)! * (r2 / (s2 * s2) - 2 / s2)
    }

    /// `u_xx + u_yy − Δg` at `points`.
    public func residual(of model: MLP<Scalar>, at points: Tensor<Scalar>) -> Tensor<Scalar> {
        let xy = points.scalars
        let forcing = Tensor<Scalar>(shape: [points.shape[0], 1], scalars: (0..<points.shape[0]).map {
            Scalar(laplacianOfSolution(at: [Double(xy[2 * $0]), Double(xy[2 * $0 + 1])]))
        })
        let u = model.derivatives(at: points, secondOrder: [0, 1])
        return u.xx + u.yy - forcing
    }
}
