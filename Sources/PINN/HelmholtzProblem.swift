import Foundation
import NeuralNet
import Tensor

/// The Helmholtz equation `Δu + k²·u = f` on a rectangle, with `u` given on its edges
/// (Dirichlet data from the exact solution).
///
/// `k = 0` makes it Poisson's (or, with `f = 0`, Laplace's) equation. Two instances serve the
/// loss-balancer comparison: the problem of Wang, Teng & Perdikaris (2021), `Δu + u = f` on
/// `[−1, 1]²` with `u = sin(πx)·sin(4πy)` (``sineProduct(collocationPoints:boundaryPointsPerSide:)``),
/// whose PDE loss starts orders of magnitude above its boundary loss; and Laplace's equation
/// with large exponential boundary data (``exponentialLaplace(collocationPoints:boundaryPointsPerSide:)``),
/// where the boundary loss dominates.
public struct HelmholtzProblem<Scalar: TensorScalar>: ResidualSampledProblem {
    /// `k²`.
    public let waveNumberSquared: Double
    /// The rectangle, `[x range, y range]`.
    public let bounds: [ClosedRange<Double>]
    /// The exact solution `u(x, y)`.
    public let solution: @Sendable (Double, Double) -> Double
    /// The forcing `f(x, y) = Δu + k²·u` of the exact solution.
    public let forcing: @Sendable (Double, Double) -> Double
    public var collocationPoints: Tensor<Scalar>
    /// Evenly spaced points on the edges, `[m, 2]`, and `u` there, `[m, 1]`.
    public let boundaryPoints: Tensor<Scalar>
    public let boundaryValues: Tensor<Scalar>

    /// The problem with `collocationPoints` (`[n, 2]`) inside and `boundaryPointsPerSide` evenly
    /// spaced points on each edge.
    public init(waveNumberSquared: Double, bounds: [ClosedRange<Double>], collocationPoints: Tensor<Scalar>,
                boundaryPointsPerSide: Int, solution: @escaping @Sendable (Double, Double) -> Double,
                forcing: @escaping @Sendable (Double, Double) -> Double) {
        precondition(bounds.count == 2 && collocationPoints.rank == 2 && collocationPoints.shape[1] == 2,
                     "a rectangle and points [n, 2]")
        self.waveNumberSquared = waveNumberSquared
        self.bounds = bounds
        self.solution = solution
        self.forcing = forcing
        self.collocationPoints = collocationPoints
        boundaryPoints = Grid.rectangleBoundary(bounds, perSide: boundaryPointsPerSide)
        let xy = boundaryPoints.scalars, count = boundaryPoints.shape[0]
        boundaryValues = Tensor(shape: [count, 1], scalars: (0..<count).map {
            Scalar(solution(Double(xy[2 * $0]), Double(xy[2 * $0 + 1])))
        })
    }

    /// `Δu + u = f` on `[−1, 1]²` with `u = sin(πx)·sin(4πy)`, so `f = (1 − 17π²)·u`.
    public static func sineProduct(collocationPoints: Tensor<Scalar>, boundaryPointsPerSide: Int) -> HelmholtzProblem {
        let solution: @Sendable (Double, Double) -> Double = { x, y in Foundation.sin(.pi * x) * Foundation.sin(4 * .pi * y) }
        return HelmholtzProblem(waveNumberSquared: 1, bounds: [-1...1, -1...1], collocationPoints: collocationPoints,
                                boundaryPointsPerSide: boundaryPointsPerSide, solution: solution,
                                forcing: { x, y in (1 - 17 * .pi * .pi) * solution(x, y) })
    }

    /// `Δu = 0` on `[−1, 1]²` with `u = e^{πx}·sin(πy)`: boundary values up to `e^π ≈ 23`
    /// on the right edge, so the boundary loss starts far above the PDE loss.
    public static func exponentialLaplace(collocationPoints: Tensor<Scalar>, boundaryPointsPerSide: Int) -> HelmholtzProblem {
        HelmholtzProblem(waveNumberSquared: 0, bounds: [-1...1, -1...1], collocationPoints: collocationPoints,
                         boundaryPointsPerSide: boundaryPointsPerSide,
                         solution: { x, y in Foundation.exp(.pi * x) * Foundation.sin(.pi * y) }, forcing: { _, _ in 0 })
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

    public var domainBounds: [ClosedRange<Double>] { bounds }

    public func exactSolution(at point: [Double]) -> Double? { solution(point[0], point[1]) }

    /// `u_xx + u_yy + k²·u − f` at `points`.
    public func residual(of model: MLP<Scalar>, at points: Tensor<Scalar>) -> Tensor<Scalar> {
        let xy = points.scalars, count = points.shape[0]
        let f = Tensor<Scalar>(shape: [count, 1], scalars: (0..<count).map {
            Scalar(forcing(Double(xy[2 * $0]), Double(xy[2 * $0 + 1])))
        })
        let u = model.derivatives(at: points, secondOrder: [0, 1])
        return u.xx + u.yy + u.value * Scalar(waveNumberSquared) - f
    }
}
