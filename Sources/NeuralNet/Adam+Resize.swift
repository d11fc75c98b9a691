import Tensor

/// Errors in carrying an optimiser's state over to a model of another shape.
public enum OptimizerStateError: Error, Equatable, CustomStringConvertible {
    /// The old and new models have different numbers of parameter tensors.
    case parameterCountMismatch(old: Int, new: Int)
    /// A parameter tensor changes rank (a kernel must stay a matrix, a bias a vector).
    case rankMismatch(parameter: Int, old: [Int], new: [Int])
    /// The stored moments do not fit the shapes they were said to have.
    case stateDoesNotFit(parameter: Int, stateCount: Int, shape: [Int])

    public var description: String {
        switch self {
        case let .parameterCountMismatch(old, new):
            return "cannot resize optimiser state: \(old) parameter tensors before, \(new) after"
        case let .rankMismatch(parameter, old, new):
            return "cannot resize optimiser state: parameter \(parameter) changes rank, \(old) → \(new)"
        case let .stateDoesNotFit(parameter, stateCount, shape):
            return "optimiser state of parameter \(parameter) has \(stateCount) entries, not one per entry of \(shape)"
        }
    }
}

extension Adam {
    /// Carries the moments over to parameters of new shapes, as Opifex's `MultilevelAdam.resize_state`
    /// does with a zero-padding transition: along every axis the leading block of each moment
    /// is kept, new entries start at zero, entries beyond a smaller shape are dropped.
    /// ``step`` is kept, so the next update's bias correction continues from it.
    ///
    /// Before the first update there is no state and nothing changes.
    ///
    /// - Parameters:
    ///   - oldShapes: The shapes of the parameter tensors the moments belong to, in order.
    ///   - newShapes: The shapes of the new model's parameter tensors, in the same order.
    /// - Throws: ``OptimizerStateError`` when the lists do not pair up, a tensor changes
    ///   rank, or the moments do not fit `oldShapes`.
    public mutating func resize(from oldShapes: [[Int]], to newShapes: [[Int]]) throws {
        guard oldShapes.count == newShapes.count else {
            throw OptimizerStateError.parameterCountMismatch(old: oldShapes.count, new: newShapes.count)
        }
        for (index, (old, new)) in zip(oldShapes, newShapes).enumerated() where old.count != new.count {
            throw OptimizerStateError.rankMismatch(parameter: index, old: old, new: new)
        }
        guard !firstMoments.isEmpty else { return }
        guard firstMoments.count == oldShapes.count else {
            throw OptimizerStateError.parameterCountMismatch(old: firstMoments.count, new: oldShapes.count)
        }
        func resized(_ moments: [[Scalar]]) throws -> [[Scalar]] {
            try moments.indices.map { index in
                let old = oldShapes[index], new = newShapes[index]
                guard moments[index].count == old.reduce(1, *) else {
                    throw OptimizerStateError.stateDoesNotFit(parameter: index, stateCount: moments[index].count, shape: old)
                }
                let state = Tensor(shape: old, scalars: moments[index])
                return Tensor<Scalar>.zeros(shape: new).overwritingLeadingBlock(with: state).scalars
            }
        }
        let first = try resized(firstMoments), second = try resized(secondMoments)
        firstMoments = first
        secondMoments = second
    }

    /// Carries the moments over from `old`'s parameter shapes to `new`'s
    /// (see ``resize(from:to:)``).
    public mutating func resize<Old: ParameterizedModel, New: ParameterizedModel>(
        from old: Old, to new: New
    ) throws where Old.Scalar == Scalar, New.Scalar == Scalar {
        try resize(from: old.parameters.map(\.shape), to: new.parameters.map(\.shape))
    }
}
