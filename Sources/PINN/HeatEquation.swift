import Foundation
import NeuralNet
import Tensor

/// The 1-D heat equation `u_t = D·u_xx` on `x ∈ [0, 1]`, `t ∈ [0, tMax]` with
/// `u(x, 0) = sin(πx)` and `u(0, t) = u(1, t) = 0`.
///
/// Its exact solution is `sin(πx)·exp(−π²·D·t)`.
public struct HeatEquation: Sendable, Equatable {
    /// The diffusivity `D`.
    public var diffusivity: Double
    /// The end of the time interval.
    public var tMax: Double

    /// Creates the problem.
    public init(diffusivity: Double = 0.01, tMax: Double = 0.5) {
        self.diffusivity = diffusivity
        self.tMax = tMax
    }

    /// The exact solution at `(x, t)`.
    public func exactSolution(x: Double, t: Double) -> Double {
        Foundation.sin(Double.pi * x) * Foundation.exp(-Double.pi * Double.pi * diffusivity * t)
    }

    /// The initial condition `sin(πx)`.
    public func initialValue(x: Double) -> Double { Foundation.sin(Double.pi * x) }

    /// The PDE residual `u_t − D·u_xx` for derivatives carrying `xx`.
    public func residual<Scalar: TensorScalar>(_ u: InputDerivatives<Scalar>) -> Tensor<Scalar> {
        u.t - Scalar(diffusivity) * u.xx
    }
}

/// The training points of a heat-equation PINN.
public struct HeatData<Scalar: TensorScalar> {
    /// Collocation points `[n, 2]` of `(x, t)` inside the domain.
    public var domain: Tensor<Scalar>
    /// Boundary points `[m, 2]` at `x = 0` and `x = 1`.
    public var boundary: Tensor<Scalar>
    /// Initial points `[k, 2]` at `t = 0`.
    public var initial: Tensor<Scalar>
    /// The initial condition at `initial`, `[k, 1]`.
    public var initialValues: Tensor<Scalar>

    /// Creates a data set; shapes are checked.
    public init(domain: Tensor<Scalar>, boundary: Tensor<Scalar>, initial: Tensor<Scalar>, initialValues: Tensor<Scalar>) {
        precondition(domain.rank == 2 && domain.shape[1] == 2, "domain points must be [n, 2], got \(domain.shape)")
        precondition(boundary.rank == 2 && boundary.shape[1] == 2, "boundary points must be [n, 2], got \(boundary.shape)")
        precondition(initial.rank == 2 && initial.shape[1] == 2, "initial points must be [n, 2], got \(initial.shape)")
        precondition(initialValues.count == initial.shape[0], "one initial value per initial point")
        self.domain = domain
        self.boundary = boundary
        self.initial = initial
        self.initialValues = initialValues.reshaped([initial.shape[0], 1])
    }
}

/// The heat-equation PINN problem: the equation and its training points, with three
/// losses (PDE residual, boundary values, initial condition).
public struct HeatLosses<Scalar: TensorScalar>: ResidualSampledProblem {
    /// The equation.
    public let problem: HeatEquation
    /// The training points.
    public var data: HeatData<Scalar>

    /// Creates the losses of `problem` on `data`.
    public init(problem: HeatEquation, data: HeatData<Scalar>) {
        self.problem = problem
        self.data = data
    }

    /// The loss names, in order.
    public static var names: [String] { ["PDE", "BC", "IC"] }

    public var lossTerms: [LossTerm<MLP<Scalar>>] {
        let names = Self.names, initialValues = data.initialValues
        return [
            .meanSquare(names[0], at: data.domain, splitsAcrossThreads: true, of: residual),
            // The boundary condition is u = 0.
            .meanSquare(names[1], at: data.boundary) { model, points in model(points) },
            .meanSquare(names[2], at: data.initial) { model, points in model(points) - initialValues },
        ]
    }

    public var domainBounds: [ClosedRange<Double>] { [0...1, 0...problem.tMax] }

    public func exactSolution(at point: [Double]) -> Double? { problem.exactSolution(x: point[0], t: point[1]) }

    public var collocationPoints: Tensor<Scalar> {
        get { data.domain }
        set { data.domain = newValue }
    }

    /// `u_t − D·u_xx` at `points`.
    public func residual(of model: MLP<Scalar>, at points: Tensor<Scalar>) -> Tensor<Scalar> {
        problem.residual(model.derivatives(at: points, secondOrder: [0]))
    }

    /// Mean squared PDE residual at the collocation points.
    public func pde(_ model: MLP<Scalar>) -> Tensor<Scalar> { lossTerms[0](model) }

    /// Mean squared boundary value.
    public func boundary(_ model: MLP<Scalar>) -> Tensor<Scalar> { lossTerms[1](model) }

    /// Mean squared deviation from `sin(πx)` at `t = 0`.
    public func initial(_ model: MLP<Scalar>) -> Tensor<Scalar> { lossTerms[2](model) }

    /// Root-mean-square error against the exact solution on a `resolution × resolution`
    /// grid (`linspace(0, 1)` × `linspace(0, tMax)`), evaluated in `Scalar` like the
    /// network and accumulated in `Double`.
    public func rmsError(of model: MLP<Scalar>, resolution: Int = 50) -> Double {
        evaluate(model, resolution: resolution).rmsError!
    }
}

/// An evaluation grid over `[0, 1] × [0, tMax]`, x varying fastest within each t row.
public struct Grid: Sendable {
    /// Points per axis.
    public let resolution: Int
    /// The x coordinates, `linspace(0, 1, resolution)`.
    public let xs: [Double]
    /// The t coordinates, `linspace(0, tMax, resolution)`.
    public let ts: [Double]

    /// Creates the grid.
    public init(resolution: Int, tMax: Double) {
        precondition(resolution >= 2, "a grid needs at least two points per axis")
        self.resolution = resolution
        xs = Grid.linspace(0, 1, resolution)
        ts = Grid.linspace(0, tMax, resolution)
    }

    /// `(x, t)` pairs, t-major (row `j` of an image is time `ts[j]`).
    public var coordinates: [(Double, Double)] { ts.flatMap { t in xs.map { x in (x, t) } } }

    /// The coordinates as a `[resolution², 2]` tensor.
    public func points<Scalar: TensorScalar>(_ type: Scalar.Type) -> Tensor<Scalar> {
        Tensor(shape: [resolution * resolution, 2],
               scalars: coordinates.flatMap { [Scalar($0.0), Scalar($0.1)] })
    }

    /// NumPy's `linspace`: `start + i·step`, with the last point exactly `stop`.
    public static func linspace(_ start: Double, _ stop: Double, _ count: Int) -> [Double] {
        let step = (stop - start) / Double(count - 1)
        return (0..<count).map { $0 == count - 1 ? stop : start + Double($0) * step }
    }
}
