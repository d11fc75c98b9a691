import Tensor

/// A model whose trainable parameters can be read and replaced as a flat list of tensors.
///
/// The order of ``parameters`` is fixed for a given model; gradients and optimiser
/// states use the same order.
public protocol ParameterizedModel {
    associatedtype Scalar: TensorScalar
    /// The trainable tensors, in a fixed order.
    var parameters: [Tensor<Scalar>] { get set }
}

extension ParameterizedModel {
    /// The total number of trainable scalars.
    public var parameterCount: Int { parameters.reduce(0) { $0 + $1.count } }

    /// A copy of this model whose parameters are variables on `tape`.
    public func recorded(on tape: Tape<Scalar>) -> (model: Self, variables: [Tensor<Scalar>]) {
        var copy = self
        let variables = parameters.map { tape.variable($0.detached) }
        copy.parameters = variables
        return (copy, variables)
    }
}
