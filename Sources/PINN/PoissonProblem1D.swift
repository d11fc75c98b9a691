import Foundation
import NeuralNet
import Tensor

/// The 1-D Poisson problem `−u″ = f` on an interval with Dirichlet values at both ends.
///
/// Two losses: "PDE", `mean((u″ + f)²)` at the collocation points, and "BC",
/// `mean((u − g)²)` at the two end points. ``sine(collocationPoints:)`` is the reference
/// problem `−u″ = π² sin(πx)` on [0, 1] with `u(0) = u(1) = 0` and solution `sin(πx)`.
///
/// ```swift
/// let points = try PoissonProblem1D<Float>.evenlySpacedPoints(count: 6, in: 0.1...0.9)
/// let problem = try PoissonProblem1D<Float>.sine(collocationPoints: points)
/// var training = try Training(problem: problem, model: model,
///                             balancer: GradNormBalancer<Float>(numLosses: 2), optimizer: Adam(learningRate: 1e-2))
/// ```
public struct PoissonProblem1D<Scalar: TensorScalar>: ResidualSampledProblem {
    /// The collocation points of the residual, `[n, 1]`.
    public var collocationPoints: Tensor<Scalar> {
        didSet { precondition(collocationPoints.rank == 2 && collocationPoints.shape[1] == 1, "points must be [n, 1]") }
    }
    /// The interval.
    public let domain: ClosedRange<Double>
    /// `u` at the left and right ends.
    public let boundaryValues: [Double]
    /// The right-hand side `f(x)`.
    public let forcing: (Double) -> Double
    private let solution: ((Double) -> Double)?

    /// The loss names, in order.
    public static var names: [String] { ["PDE", "BC"] }

    /// Creates the problem.
    /// - Parameters:
    ///   - collocationPoints: Residual points, `[n, 1]` with n ≥ 1.
    ///   - domain: The interval; its ends are the boundary points.
    ///   - boundaryValues: `u(lower)` and `u(upper)`.
    ///   - forcing: The right-hand side `f(x)` of `−u″ = f`.
    ///   - exactSolution: The solution, where known.
    /// - Throws: ``TrainingError/invalidSetting(name:value:requirement:)`` for points that are
    ///   not `[n, 1]` or an empty list.
    public init(collocationPoints: Tensor<Scalar>, domain: ClosedRange<Double> = 0...1,
                boundaryValues: (left: Double, right: Double) = (0, 0),
                forcing: @escaping (Double) -> Double, exactSolution: ((Double) -> Double)? = nil) throws {
        guard collocationPoints.rank == 2, collocationPoints.shape[1] == 1, collocationPoints.shape[0] >= 1 else {
            throw TrainingError.invalidSetting(name: "collocation points", value: "shape \(collocationPoints.shape)",
                                               requirement: "[n, 1] with n ≥ 1")
        }
        self.collocationPoints = collocationPoints
        self.domain = domain
        self.boundaryValues = [boundaryValues.left, boundaryValues.right]
        self.forcing = forcing
        self.solution = exactSolution
    }

    /// `−u″ = π² sin(πx)` on [0, 1], `u(0) = u(1) = 0`, solved by `sin(πx)`.
    public static func sine(collocationPoints: Tensor<Scalar>) throws -> PoissonProblem1D {
        try PoissonProblem1D(collocationPoints: collocationPoints,
                             forcing: { Double.pi * Double.pi * Foundation.sin(Double.pi * $0) },
                             exactSolution: { Foundation.sin(Double.pi * $0) })
    }

    /// `count` evenly spaced points from `range.lowerBound` to `range.upperBound`, `[count, 1]`,
    /// each computed in `Double` and rounded once to `Scalar` (e.g. `0.1…0.9`, 6 points:
    /// 0.1, 0.26, 0.42, 0.58, 0.74, 0.9).
    public static func evenlySpacedPoints(count: Int, in range: ClosedRange<Double>) throws -> Tensor<Scalar> {
        guard count >= 1 else {
            throw TrainingError.invalidSetting(name: "point count", value: "\(count)", requirement: "an integer ≥ 1")
        }
        let step = count > 1 ? (range.upperBound - range.lowerBound) / Double(count - 1) : 0
        return Tensor(shape: [count, 1], scalars: (0..<count).map { Scalar(range.lowerBound + Double($0) * step) })
    }

    /// The two end points, `[2, 1]`.
    public var boundaryPoints: Tensor<Scalar> {
        Tensor(shape: [2, 1], scalars: [Scalar(domain.lowerBound), Scalar(domain.upperBound)])
    }

    public var lossTerms: [LossTerm<MLP<Scalar>>] {
        let names = Self.names
        let targets = Tensor(shape: [2, 1], scalars: boundaryValues.map { Scalar($0) })
        return [
            .meanSquare(names[0], at: collocationPoints, splitsAcrossThreads: true, of: residual),
            .meanSquare(names[1], at: boundaryPoints) { model, points in model(points) - targets },
        ]
    }

    public var domainBounds: [ClosedRange<Double>] { [domain] }

    public func exactSolution(at point: [Double]) -> Double? { solution?(point[0]) }

    /// `u″ + f` at `points` (zero where `−u″ = f` holds).
    public func residual(of model: MLP<Scalar>, at points: Tensor<Scalar>) -> Tensor<Scalar> {
        let u = model.derivatives(at: points, secondOrder: [0])
        let rightHandSide = Tensor(shape: [points.shape[0], 1], scalars: points.scalars.map { Scalar(forcing(Double($0))) })
        return u.xx + rightHandSide
    }
}
