import NeuralNet
import Tensor

/// A network's output and its derivatives with respect to the network's inputs,
/// at a batch of points, obtained in one Taylor-mode forward pass.
///
/// For inputs `(x, t)` or `(x, y)`, read `u.value`, `u.x`, `u.t` (or `u.y`), and
/// the pure second derivatives `u.xx`, `u.tt`/`u.yy` that were requested. Every
/// accessor returns a tensor recorded on the model's tape, so a residual such as
/// `u.t - 0.01 * u.xx` can be differentiated with respect to the parameters.
public struct InputDerivatives<Scalar: TensorScalar> {
    /// How the Taylor coefficients are stacked in ``stacked``.
    public let layout: TaylorLayout
    /// All coefficients, `[layout.rowCount, outputs]`.
    public let stacked: Tensor<Scalar>

    /// The network's output, `[points, outputs]`.
    public var value: Tensor<Scalar> { stacked.rows(layout.valueRows) }

    /// ∂u/∂(input `direction`), `[points, outputs]`.
    public func first(_ direction: Int) -> Tensor<Scalar> {
        precondition((0..<layout.firstOrder).contains(direction), "no input direction \(direction)")
        return stacked.rows(layout.firstOrderRows(direction))
    }

    /// ∂²u/∂(input `direction`)², `[points, outputs]`; the direction must have been requested.
    public func second(_ direction: Int) -> Tensor<Scalar> {
        guard let q = layout.secondOrder.firstIndex(of: direction) else {
            preconditionFailure("second derivative along \(direction) was not requested (have \(layout.secondOrder))")
        }
        return stacked.rows(layout.secondOrderRows(q))
    }

    /// ∂u/∂x (input 0).
    public var x: Tensor<Scalar> { first(0) }
    /// ∂u/∂t (input 1).
    public var t: Tensor<Scalar> { first(1) }
    /// ∂u/∂y (input 1).
    public var y: Tensor<Scalar> { first(1) }
    /// ∂²u/∂x² (input 0).
    public var xx: Tensor<Scalar> { second(0) }
    /// ∂²u/∂t² (input 1).
    public var tt: Tensor<Scalar> { second(1) }
    /// ∂²u/∂y² (input 1).
    public var yy: Tensor<Scalar> { second(1) }
}

extension MLP {
    /// Evaluates the network and its input derivatives at `points` (`[n, inputs]`).
    ///
    /// Derivatives are propagated forward through the layers (Taylor mode): each
    /// layer multiplies the whole stack of coefficients by its kernel once, adds the
    /// bias to the values only, and ``Tensor/taylorTanh(_:)`` applies the chain rule
    /// up to second order. The cost is that of one forward pass on
    /// `1 + inputs + secondOrder.count` times as many rows.
    ///
    /// - Parameters:
    ///   - points: Input points, one per row.
    ///   - secondOrder: Input directions along which to carry pure second derivatives.
    public func derivatives(at points: Tensor<Scalar>, secondOrder: [Int]) -> InputDerivatives<Scalar> {
        precondition(points.rank == 2 && points.shape[1] == layers[0].inputDimensions,
                     "points of shape \(points.shape) do not fit a network with \(layers[0].inputDimensions) inputs")
        let n = points.shape[0], d = points.shape[1]
        let layout = TaylorLayout(blockRows: n, firstOrder: d, secondOrder: secondOrder)
        var seed = [Scalar](repeating: 0, count: layout.rowCount * d)
        for (i, v) in points.scalars.enumerated() { seed[i] = v }
        for direction in 0..<d {
            for row in layout.firstOrderRows(direction) { seed[row * d + direction] = 1 }
        }
        var stack = Tensor(shape: [layout.rowCount, d], scalars: seed)
        for (i, layer) in layers.enumerated() {
            stack = stack.matmul(layer.kernel).addingRowVector(layer.bias, toRows: layout.valueRows)
            if i < layers.count - 1 { stack = stack.taylorTanh(layout) }
        }
        return InputDerivatives(layout: layout, stacked: stack)
    }
}
