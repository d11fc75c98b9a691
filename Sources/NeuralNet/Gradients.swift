import Dispatch
import Tensor

/// Gradients of a scalar with respect to each parameter tensor of a model, in the
/// model's parameter order.
public struct ParameterGradients<Scalar: TensorScalar> {
    /// One tensor per parameter, with the parameter's shape.
    public var tensors: [Tensor<Scalar>]

    /// Wraps per-parameter gradient tensors.
    public init(_ tensors: [Tensor<Scalar>]) { self.tensors = tensors }

    /// The L2 norm over all parameters, accumulated in `Double`.
    public var norm: Scalar { Scalar(Self.sumOfSquares(tensors).squareRoot()) }

    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    static func sumOfSquares(_ tensors: [Tensor<Scalar>]) -> Double {
        var total = 0.0
        for tensor in tensors {
            tensor.scalars.withUnsafeBufferPointer { values in
                for g in values { total += Double(g) * Double(g) }
            }
        }
        return total
    }

    /// `Σ_i weights[i] · gradients[i]`: the gradient of a weighted sum of losses.
    /// - Parameters:
    ///   - gradients: Per-loss gradients of the same model.
    ///   - weights: One weight per loss.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public static func weightedSum(_ gradients: [ParameterGradients], weights: [Scalar]) -> ParameterGradients {
        precondition(!gradients.isEmpty && gradients.count == weights.count,
                     "weightedSum needs one weight per gradient (got \(weights.count) for \(gradients.count))")
        let first = gradients[0].tensors
        let combined = first.indices.map { p -> Tensor<Scalar> in
            var out = [Scalar](repeating: 0, count: first[p].count)
            for (gradient, weight) in zip(gradients, weights) {
                let source = gradient.tensors[p].scalars
                for i in out.indices { out[i] += weight * source[i] }
            }
            return Tensor(shape: first[p].shape, scalars: out)
        }
        return ParameterGradients(combined)
    }
}

/// Evaluates scalar losses of a model and the gradient of each with respect to its
/// parameters, with one forward recording and one backward pass per loss.
///
/// - Parameters:
///   - model: The model to differentiate.
///   - losses: Functions mapping the model to a scalar tensor.
/// - Returns: Each loss's value and gradient.
@_specialize(where Model == MLP<Float>)
@_specialize(where Model == MLP<Double>)
public func valuesAndGradients<Model: ParameterizedModel>(
    of model: Model, _ losses: [(Model) -> Tensor<Model.Scalar>]
) -> (values: [Model.Scalar], gradients: [ParameterGradients<Model.Scalar>]) {
    let tape = Tape<Model.Scalar>()
    let (tracked, variables) = model.recorded(on: tape)
    let roots = losses.map { $0(tracked) }
    let gradients = roots.map { ParameterGradients(tape.gradients(of: $0, withRespectTo: variables)) }
    return (roots.map(\.scalar), gradients)
}

/// The value of one scalar loss and its gradient with respect to the model's parameters.
public func valueAndGradient<Model: ParameterizedModel>(
    of model: Model, _ loss: (Model) -> Tensor<Model.Scalar>
) -> (value: Model.Scalar, gradient: ParameterGradients<Model.Scalar>) {
    let tape = Tape<Model.Scalar>()
    let (tracked, variables) = model.recorded(on: tape)
    let root = loss(tracked)
    return (root.scalar, ParameterGradients(tape.gradients(of: root, withRespectTo: variables)))
}

/// Evaluates losses that are each a sum of independent parts — typically the same
/// residual over disjoint batches of points — with every part recorded on its own
/// tape and the parts run concurrently; values and gradients are then summed in a
/// fixed order, so the result does not depend on thread scheduling.
///
/// - Parameters:
///   - model: The model to differentiate.
///   - shardedLosses: For each loss, the functions whose sum is that loss.
/// - Returns: Each loss's value and gradient.
@_specialize(where Model == MLP<Float>)
@_specialize(where Model == MLP<Double>)
public func valuesAndGradients<Model: ParameterizedModel>(
    of model: Model, shardedLosses: [[(Model) -> Tensor<Model.Scalar>]]
) -> (values: [Model.Scalar], gradients: [ParameterGradients<Model.Scalar>]) {
    typealias Scalar = Model.Scalar
    let tasks = shardedLosses.enumerated().flatMap { loss, shards in shards.map { (loss, $0) } }
    var results = [(value: Scalar, gradient: [Tensor<Scalar>])?](repeating: nil, count: tasks.count)
    results.withUnsafeMutableBufferPointer { slots in
        let slots = slots
        DispatchQueue.concurrentPerform(iterations: tasks.count) { index in
            let (value, gradient) = valueAndGradient(of: model, tasks[index].1)
            slots[index] = (value, gradient.tensors)
        }
    }
    var values = [Scalar](repeating: 0, count: shardedLosses.count)
    var sums: [[[Scalar]]?] = Array(repeating: nil, count: shardedLosses.count)
    for (index, task) in tasks.enumerated() {
        let part = results[index]!
        values[task.0] += part.value
        if sums[task.0] == nil {
            sums[task.0] = part.gradient.map(\.scalars)
        } else {
            for p in part.gradient.indices { Tensor<Scalar>.accumulate(&sums[task.0]![p], part.gradient[p].scalars) }
        }
    }
    let shapes = model.parameters.map(\.shape)
    let gradients = sums.map { parts in
        ParameterGradients(zip(shapes, parts!).map { Tensor(shape: $0, scalars: $1) })
    }
    return (values, gradients)
}
