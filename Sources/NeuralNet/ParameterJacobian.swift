import Tensor

/// The Jacobian `∂f(xₚ)/∂θ` of a pointwise quantity of a model with respect to all of the
/// model's parameters: one row per point and output (point-major), one column per
/// parameter scalar, in the model's parameter order.
///
/// The quantity is evaluated one point at a time, each on its own tape, so that a row is
/// the gradient of exactly one value; this costs one forward and one backward pass per
/// row and is meant for diagnostics and for the empirical neural tangent kernel.
///
/// - Parameters:
///   - model: The model to differentiate.
///   - points: The points, one per row.
///   - quantity: The pointwise quantity at a batch of points, `[points, outputs]`
///     (the network's output, a PDE residual, a boundary misfit).
/// - Returns: The rows of the Jacobian, `points × outputs` rows of `parameterCount` entries.
public func parameterJacobian<Model: ParameterizedModel>(
    of model: Model, at points: Tensor<Model.Scalar>,
    _ quantity: (Model, Tensor<Model.Scalar>) -> Tensor<Model.Scalar>
) -> [[Model.Scalar]] {
    (0..<points.rowCount).flatMap { point in
        pointJacobian(of: model, at: points.rows(point..<(point + 1)), quantity)
    }
}

/// The squared norm `‖∂f(xₚ)/∂θ‖²` of every row of ``parameterJacobian(of:at:_:)``:
/// the diagonal of the quantity's empirical neural tangent kernel, accumulated in `Double`.
public func kernelDiagonal<Model: ParameterizedModel>(
    of model: Model, at points: Tensor<Model.Scalar>,
    _ quantity: (Model, Tensor<Model.Scalar>) -> Tensor<Model.Scalar>
) -> [Model.Scalar] {
    parameterJacobian(of: model, at: points, quantity).map { row in
        Model.Scalar(row.reduce(0.0) { $0 + Double($1) * Double($1) })
    }
}

/// The Jacobian rows of `quantity` at a single point, one per output.
private func pointJacobian<Model: ParameterizedModel>(
    of model: Model, at point: Tensor<Model.Scalar>,
    _ quantity: (Model, Tensor<Model.Scalar>) -> Tensor<Model.Scalar>
) -> [[Model.Scalar]] {
    typealias Scalar = Model.Scalar
    let tape = Tape<Scalar>()
    let (tracked, variables) = model.recorded(on: tape)
    let values = quantity(tracked, point)
    return (0..<values.count).map { output in
        // A one-hot mask picks one output while keeping the graph to the parameters.
        var mask = [Scalar](repeating: 0, count: values.count)
        mask[output] = 1
        let root = (values * Tensor(shape: values.shape, scalars: mask)).sum()
        return tape.gradients(of: root, withRespectTo: variables).flatMap(\.scalars)
    }
}
