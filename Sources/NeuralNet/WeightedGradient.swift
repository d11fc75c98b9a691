import Dispatch
import Tensor

/// Evaluates losses that are each a sum of independent parts and the gradient of their weighted
/// sum `Σᵢ wᵢ·Lᵢ` only, not one gradient per loss: what a training step with constant weights needs.
///
/// The parts are dealt, in order, to `groups` concurrent groups; each group records its parts on
/// one tape and runs one backward pass from its share of the weighted sum, so there are `groups`
/// backward passes and gradients to add up instead of one per part, and no per-loss gradients
/// to keep and weigh afterwards. Values and gradients are summed in a fixed order, so the
/// result does not depend on scheduling.
///
/// - Parameters:
///   - model: The model to differentiate.
///   - shardedLosses: For each loss, the functions whose sum is that loss.
///   - weights: One weight per loss.
///   - groups: Into how many concurrent groups the parts are dealt (at least 1).
/// - Returns: Each loss's value and the gradient of the weighted sum.
@_specialize(where Model == MLP<Float>)
@_specialize(where Model == MLP<Double>)
public func valuesAndWeightedGradient<Model: ParameterizedModel>(
    of model: Model, shardedLosses: [[(Model) -> Tensor<Model.Scalar>]], weights: [Model.Scalar], groups: Int
) -> (values: [Model.Scalar], gradient: ParameterGradients<Model.Scalar>) {
    typealias Scalar = Model.Scalar
    precondition(weights.count == shardedLosses.count,
                 "valuesAndWeightedGradient needs one weight per loss (got \(weights.count) for \(shardedLosses.count))")
    let tasks = shardedLosses.enumerated().flatMap { loss, shards in shards.map { (loss, $0) } }
    let groupCount = Swift.max(1, Swift.min(groups, tasks.count))
    var results = [(values: [(loss: Int, value: Scalar)], gradient: [Tensor<Scalar>])?](repeating: nil, count: groupCount)
    results.withUnsafeMutableBufferPointer { slots in
        let slots = slots
        DispatchQueue.concurrentPerform(iterations: groupCount) { group in
            let tape = Tape<Scalar>()
            let (tracked, variables) = model.recorded(on: tape)
            var values: [(loss: Int, value: Scalar)] = []
            var total: Tensor<Scalar>?
            for index in stride(from: group, to: tasks.count, by: groupCount) {
                let (loss, part) = tasks[index]
                let root = part(tracked)
                values.append((loss, root.scalar))
                let weighted = root * weights[loss]
                total = total.map { $0 + weighted } ?? weighted
            }
            slots[group] = (values, tape.gradients(of: total!, withRespectTo: variables))
        }
    }
    // Each loss's parts in task order (part 0 first), as valuesAndGradients(of:shardedLosses:) adds them.
    var partValues = [(loss: Int, value: Scalar)?](repeating: nil, count: tasks.count)
    for group in 0..<groupCount {
        for (offset, entry) in results[group]!.values.enumerated() { partValues[group + offset * groupCount] = entry }
    }
    var values = [Scalar](repeating: 0, count: shardedLosses.count)
    for entry in partValues { values[entry!.loss] += entry!.value }
    var sums = results[0]!.gradient.map(\.scalars)
    for group in 1..<groupCount {
        for p in sums.indices { Tensor<Scalar>.accumulate(&sums[p], results[group]!.gradient[p].scalars) }
    }
    let shapes = model.parameters.map(\.shape)
    return (values, ParameterGradients(zip(shapes, sums).map { Tensor(shape: $0, scalars: $1) }))
}
