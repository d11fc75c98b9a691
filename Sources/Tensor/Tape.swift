/// A record of differentiable operations, replayed backwards to obtain gradients.
///
/// Create a tape, register the tensors to differentiate with respect to as
/// variables, compute with them, then ask for gradients. A tape is append-only:
/// several backward passes (one per loss, say) can run on the same recording.
///
/// ```swift
/// let tape = Tape<Double>()
/// let x = tape.variable(Tensor([1, 2, 3]))
/// let y = (x * x).sum()
/// let dx = tape.gradients(of: y, withRespectTo: [x])[0]   // [2, 4, 6]
/// ```
public final class Tape<Scalar: TensorScalar> {
    /// Maps the gradient of an operation's output to the gradients of its inputs
    /// (one entry per input, `nil` where no gradient is needed).
    public typealias Pullback = ([Scalar]) -> [[Scalar]?]

    @usableFromInline
    struct Record {
        let inputs: [Int]
        let pullback: Pullback?
        let count: Int
    }

    @usableFromInline var records: [Record] = []

    /// Creates an empty tape.
    public init() {}

    /// The number of operations and variables recorded so far.
    public var count: Int { records.count }

    /// Records `value` as an independent variable (a leaf of the graph).
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public func variable(_ value: Tensor<Scalar>) -> Tensor<Scalar> {
        records.append(Record(inputs: [], pullback: nil, count: value.count))
        return Tensor(shape: value.shape, scalars: value.scalars,
                      node: .init(tape: self, index: records.count - 1))
    }

    /// Records the result of an operation on `inputs` with its pullback.
    ///
    /// Only tracked inputs are linked; the pullback must return one entry per
    /// element of `inputs` (tracked or not) in the same order.
    @usableFromInline
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    func record(shape: [Int], scalars: [Scalar], inputs: [Tensor<Scalar>],
                pullback: @escaping Pullback) -> Tensor<Scalar> {
        var linked: [Int] = []
        linked.reserveCapacity(inputs.count)
        for input in inputs {
            if let node = input.node {
                precondition(node.tape === self, "tensors from different tapes were combined")
                linked.append(node.index)
            } else {
                linked.append(-1)
            }
        }
        records.append(Record(inputs: linked, pullback: pullback, count: scalars.count))
        return Tensor(shape: shape, scalars: scalars, node: .init(tape: self, index: records.count - 1))
    }

    /// Propagates the gradient of a scalar `root` back to `variables`.
    ///
    /// - Parameters:
    ///   - root: A one-element tensor recorded on this tape.
    ///   - variables: Tensors recorded on this tape (usually with ``variable(_:)``).
    /// - Returns: For each variable, d root / d variable with the variable's shape
    ///   (zeros where the root does not depend on it).
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public func gradients(of root: Tensor<Scalar>, withRespectTo variables: [Tensor<Scalar>]) -> [Tensor<Scalar>] {
        precondition(root.count == 1, "gradients need a scalar root, got shape \(root.shape)")
        let wanted = variables.map { variable -> Int in
            guard let node = variable.node, node.tape === self else {
                preconditionFailure("a variable is not recorded on this tape")
            }
            return node.index
        }
        guard let rootNode = root.node, rootNode.tape === self else {
            return variables.map { Tensor.zeros(shape: $0.shape) }
        }
        var keep = [Bool](repeating: false, count: rootNode.index + 1)
        for index in wanted where index <= rootNode.index { keep[index] = true }

        var gradients = [[Scalar]?](repeating: nil, count: rootNode.index + 1)
        gradients[rootNode.index] = [1]
        var index = rootNode.index
        while index >= 0 {
            defer { index -= 1 }
            guard let upstream = gradients[index], let pullback = records[index].pullback else { continue }
            if !keep[index] { gradients[index] = nil }
            let inputGradients = pullback(upstream)
            for (slot, input) in records[index].inputs.enumerated() where input >= 0 {
                guard let contribution = inputGradients[slot] else { continue }
                if gradients[input] == nil {
                    gradients[input] = contribution
                } else {
                    Kernels.addInPlace(&gradients[input]!, contribution)
                }
            }
        }
        return zip(variables, wanted).map { variable, index in
            if index < gradients.count, let gradient = gradients[index] {
                return Tensor(shape: variable.shape, scalars: gradient)
            }
            return Tensor.zeros(shape: variable.shape)
        }
    }
}
