import Foundation
import NeuralNet
import Tensor

/// Laplace's equation `u_xx + u_yy = 0` on the unit square.
///
/// Boundary values and data come from the harmonic function
/// `u(x, y) = sin(πx)·sinh(πy) / sinh(π)`: zero on three sides, `sin(πx)` on `y = 1`.
public struct LaplaceEquation: Sendable, Equatable {
    public init() {}

    /// The exact solution at `(x, y)`.
    public func exactSolution(x: Double, y: Double) -> Double {
        Foundation.sin(Double.pi * x) * Foundation.sinh(Double.pi * y) / Foundation.sinh(Double.pi)
    }

    /// The residual `u_xx + u_yy` for derivatives carrying both second derivatives.
    public func residual<Scalar: TensorScalar>(_ u: InputDerivatives<Scalar>) -> Tensor<Scalar> {
        u.xx + u.yy
    }
}

/// The training points of a Laplace PINN.
public struct LaplaceData<Scalar: TensorScalar> {
    /// Collocation points `[n, 2]` inside the square.
    public var interior: Tensor<Scalar>
    /// Points `[m, 2]` on the four sides and the exact solution there, `[m, 1]`.
    public var boundary: Tensor<Scalar>
    public var boundaryValues: Tensor<Scalar>
    /// Interior measurement points `[k, 2]` and their (exact) values, `[k, 1]`.
    public var dataPoints: Tensor<Scalar>
    public var dataValues: Tensor<Scalar>

    public init(interior: Tensor<Scalar>, boundary: Tensor<Scalar>, boundaryValues: Tensor<Scalar>,
                dataPoints: Tensor<Scalar>, dataValues: Tensor<Scalar>) {
        precondition(interior.rank == 2 && interior.shape[1] == 2, "interior points must be [n, 2]")
        precondition(boundaryValues.count == boundary.shape[0], "one value per boundary point")
        precondition(dataValues.count == dataPoints.shape[0], "one value per data point")
        self.interior = interior
        self.boundary = boundary
        self.boundaryValues = boundaryValues.reshaped([boundary.shape[0], 1])
        self.dataPoints = dataPoints
        self.dataValues = dataValues.reshaped([dataPoints.shape[0], 1])
    }
}

/// The three losses of a Laplace PINN: the residual, the boundary values and the data.
public struct LaplaceLosses<Scalar: TensorScalar> {
    public let problem: LaplaceEquation
    public let data: LaplaceData<Scalar>

    public init(problem: LaplaceEquation = LaplaceEquation(), data: LaplaceData<Scalar>) {
        self.problem = problem
        self.data = data
    }

    /// The loss names, in order.
    public static var names: [String] { ["PDE", "BC", "Data"] }

    /// Mean squared Laplacian at the collocation points.
    public func pde(_ model: MLP<Scalar>) -> Tensor<Scalar> {
        problem.residual(model.derivatives(at: data.interior, secondOrder: [0, 1])).squared().mean()
    }

    /// Mean squared deviation from the boundary values.
    public func boundary(_ model: MLP<Scalar>) -> Tensor<Scalar> {
        (model(data.boundary) - data.boundaryValues).squared().mean()
    }

    /// Mean squared deviation from the measurements.
    public func dataMisfit(_ model: MLP<Scalar>) -> Tensor<Scalar> {
        (model(data.dataPoints) - data.dataValues).squared().mean()
    }

    /// The losses as functions, in the order PDE, BC, Data.
    public var functions: [(MLP<Scalar>) -> Tensor<Scalar>] { [pde, boundary, dataMisfit] }

    /// The losses with the residual split into `parts` batches (see ``HeatLosses/shardedFunctions(parts:)``).
    public func shardedFunctions(parts: Int) -> [[(MLP<Scalar>) -> Tensor<Scalar>]] {
        let n = data.interior.shape[0]
        let parts = Swift.max(1, Swift.min(parts, n))
        guard parts > 1 else { return functions.map { [$0] } }
        let problem = self.problem
        let pdeParts: [(MLP<Scalar>) -> Tensor<Scalar>] = (0..<parts).map { part in
            let batch = data.interior.rows((part * n / parts)..<((part + 1) * n / parts))
            return { model in
                problem.residual(model.derivatives(at: batch, secondOrder: [0, 1])).squared().sum() / Scalar(n)
            }
        }
        return [pdeParts, [boundary], [dataMisfit]]
    }

    /// Root-mean-square error against the exact solution on a `resolution × resolution` grid
    /// over the unit square, and the exact values and predictions there (y-major).
    public func evaluate(_ model: MLP<Scalar>, resolution: Int = 50) -> (rmsError: Double, exact: [Double], predicted: [Double]) {
        let grid = Grid(resolution: resolution, tMax: 1)
        let predicted = model(grid.points(Scalar.self)).scalars.map(Double.init)
        let exact = grid.coordinates.map { problem.exactSolution(x: $0.0, y: $0.1) }
        let squares = zip(predicted, exact).map { ($0 - $1) * ($0 - $1) }
        return ((squares.reduce(0, +) / Double(squares.count)).squareRoot(), exact, predicted)
    }
}
