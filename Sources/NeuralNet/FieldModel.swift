import Tensor

/// A model of a field: it maps a batch of points `[n, inputs]` to values `[n, outputs]`
/// (an MLP, or several networks blended over subdomains).
public protocol FieldModel: ParameterizedModel {
    /// The number of input coordinates of a point.
    var inputDimensions: Int { get }
    /// Evaluates the model on a batch of points.
    func callAsFunction(_ points: Tensor<Scalar>) -> Tensor<Scalar>
}

extension MLP: FieldModel {
    public var inputDimensions: Int { layers[0].inputDimensions }
}
