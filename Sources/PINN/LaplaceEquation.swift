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

/// The Laplace PINN problem: the residual, the boundary values and the data.
public struct LaplaceLosses<Scalar: TensorScalar>: ResidualSampledProblem {
    public let problem: LaplaceEquation
    public var data: LaplaceData<Scalar>

    public init(problem: LaplaceEquation = LaplaceEquation(), data: LaplaceData<Scalar>) {
        self.problem = problem
        self.data = data
    }

    /// The loss names, in order.
    public static var names: [String] { ["PDE", "BC", "Data"] }

    public var lossTerms: [LossTerm<MLP<Scalar>>] {
        let names = Self.names, boundaryValues = data.boundaryValues, dataValues = data.dataValues
        return [
            .meanSquare(names[0], at: data.interior, splitsAcrossThreads: true, of: residual),
            .meanSquare(names[1], at: data.boundary) { model, points in model(points) - boundaryValues },
            .meanSquare(names[2], at: data.dataPoints) { model, points in model(points) - dataValues },
        ]
    }

    public var domainBounds: [ClosedRange<Double>] { [0...1, 0...1] }

    public func exactSolution(at point: [Double]) -> Double? { problem.exactSolution(x: point[0], y: point[1]) }

    public var collocationPoints: Tensor<Scalar> {
        get { data.interior }
        set { data.interior = newValue }
    }

    /// `u_xx + u_yy` at `points`.
    public func residual(of model: MLP<Scalar>, at points: Tensor<Scalar>) -> Tensor<Scalar> {
        problem.residual(model.derivatives(at: points, secondOrder: [0, 1]))
    }
}
