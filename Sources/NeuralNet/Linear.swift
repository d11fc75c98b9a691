import Tensor

/// A fully connected layer `y = x · kernel + bias`.
///
/// `kernel` has shape `[inputDimensions, outputDimensions]` (Flax's layout),
/// `bias` has shape `[outputDimensions]`.
public struct Linear<Scalar: TensorScalar>: ParameterizedModel {
    /// The weight matrix, `[inputDimensions, outputDimensions]`.
    public var kernel: Tensor<Scalar>
    /// The bias vector, `[outputDimensions]`.
    public var bias: Tensor<Scalar>

    /// Creates a layer from its parameters.
    public init(kernel: Tensor<Scalar>, bias: Tensor<Scalar>) {
        precondition(kernel.rank == 2 && bias.shape == [kernel.shape[1]],
                     "Linear: kernel \(kernel.shape) and bias \(bias.shape) do not match")
        self.kernel = kernel
        self.bias = bias
    }

    /// The number of inputs.
    public var inputDimensions: Int { kernel.shape[0] }
    /// The number of outputs.
    public var outputDimensions: Int { kernel.shape[1] }

    public var parameters: [Tensor<Scalar>] {
        get { [kernel, bias] }
        set {
            precondition(newValue.count == 2, "Linear has two parameter tensors")
            kernel = newValue[0]
            bias = newValue[1]
        }
    }

    /// Applies the layer to a batch `[points, inputDimensions]`.
    public func callAsFunction(_ input: Tensor<Scalar>) -> Tensor<Scalar> {
        input.matmul(kernel).addingRowVector(bias, toRows: 0..<input.rowCount)
    }
}
