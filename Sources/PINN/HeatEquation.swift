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

/// The three losses of a heat-equation PINN, as functions of the network.
public struct HeatLosses<Scalar: TensorScalar> {
    /// The problem.
    public let problem: HeatEquation
    /// The training points.
    public let data: HeatData<Scalar>

    /// Creates the losses of `problem` on `data`.
    public init(problem: HeatEquation, data: HeatData<Scalar>) {
        self.problem = problem
        self.data = data
    }

    /// The loss names, in order.
    public static var names: [String] { ["PDE", "BC", "IC"] }

    /// Mean squared PDE residual at the collocation points.
    public func pde(_ model: MLP<Scalar>) -> Tensor<Scalar> {
        problem.residual(model.derivatives(at: data.domain, secondOrder: [0])).squared().mean()
    }

    /// Mean squared boundary value (the boundary condition is `u = 0`).
    public func boundary(_ model: MLP<Scalar>) -> Tensor<Scalar> {
        model(data.boundary).squared().mean()
    }

    /// Mean squared deviation from `sin(πx)` at `t = 0`.
    public func initial(_ model: MLP<Scalar>) -> Tensor<Scalar> {
        (model(data.initial) - data.initialValues).squared().mean()
    }

    /// The three losses as functions, in the order PDE, BC, IC.
    public var functions: [(MLP<Scalar>) -> Tensor<Scalar>] { [pde, boundary, initial] }

    /// The three losses, the PDE loss split into `parts` disjoint batches of
    /// collocation points whose contributions (sum of squares / n) add up to the mean.
    /// For ``NeuralNet/valuesAndGradients(of:shardedLosses:)``, which runs the parts concurrently.
    public func shardedFunctions(parts: Int) -> [[(MLP<Scalar>) -> Tensor<Scalar>]] {
        let n = data.domain.shape[0]
        let parts = Swift.max(1, Swift.min(parts, n))
        guard parts > 1 else { return functions.map { [$0] } }
        let problem = self.problem
        let pdeParts: [(MLP<Scalar>) -> Tensor<Scalar>] = (0..<parts).map { part in
            let batch = data.domain.rows((part * n / parts)..<((part + 1) * n / parts))
            return { model in
                problem.residual(model.derivatives(at: batch, secondOrder: [0])).squared().sum() / Scalar(n)
            }
        }
        return [pdeParts, [boundary], [initial]]
    }

    /// Root-mean-square error against the exact solution on a `resolution × resolution`
    /// grid (`linspace(0, 1)` × `linspace(0, tMax)`), evaluated in `Scalar` like the
    /// network and accumulated in `Double`.
    public func rmsError(of model: MLP<Scalar>, resolution: Int = 50) -> Double {
        let grid = Grid(resolution: resolution, tMax: problem.tMax)
        let prediction = model(grid.points(Scalar.self)).scalars
        var total = 0.0
        for (i, (x, t)) in grid.coordinates.enumerated() {
            let exact = Scalar(problem.exactSolution(x: x, t: t))
            let difference = Double(prediction[i] - exact)
            total += difference * difference
        }
        return (total / Double(prediction.count)).squareRoot()
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
