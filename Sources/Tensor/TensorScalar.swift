import RealModule

/// The floating-point types a ``Tensor`` can hold.
///
/// `Float` is the default precision of the engine (as in JAX); `Double` is used
/// for gradient checks and by users who need the extra precision.
public protocol TensorScalar: Real, BinaryFloatingPoint, SIMDScalar, Codable, Sendable
where Self.RawSignificand: FixedWidthInteger {}

extension Float: TensorScalar {}
extension Double: TensorScalar {}
