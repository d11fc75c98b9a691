/// A dense, row-major tensor of scalars that may be recorded on a ``Tape`` for
/// reverse-mode differentiation.
///
/// A tensor that is not attached to a tape is a plain constant. Operations on a
/// tracked tensor record themselves on its tape together with their pullback,
/// so that ``Tape/gradients(of:withRespectTo:)`` can later propagate gradients.
public struct Tensor<Scalar: TensorScalar> {
    /// The extent of each dimension; `[]` is a scalar.
    public let shape: [Int]
    /// The elements in row-major order.
    public let scalars: [Scalar]
    /// The tape this tensor is recorded on and its position there, if tracked.
    @usableFromInline let node: Node?

    @usableFromInline
    struct Node {
        @usableFromInline let tape: Tape<Scalar>
        @usableFromInline let index: Int
    }

    /// Creates a constant tensor from its shape and row-major scalars.
    /// - Parameters:
    ///   - shape: The extent of each dimension.
    ///   - scalars: `shape.reduce(1, *)` elements in row-major order.
    public init(shape: [Int], scalars: [Scalar]) {
        precondition(shape.allSatisfy { $0 >= 0 }, "negative dimension in shape \(shape)")
        precondition(shape.reduce(1, *) == scalars.count,
                     "shape \(shape) needs \(shape.reduce(1, *)) scalars, got \(scalars.count)")
        self.shape = shape
        self.scalars = scalars
        self.node = nil
    }

    @usableFromInline
    init(shape: [Int], scalars: [Scalar], node: Node?) {
        self.shape = shape
        self.scalars = scalars
        self.node = node
    }

    /// Creates a scalar (rank-0) constant.
    public init(_ value: Scalar) {
        self.init(shape: [], scalars: [value])
    }

    /// Creates a rank-1 constant.
    public init(_ values: [Scalar]) {
        self.init(shape: [values.count], scalars: values)
    }

    /// Creates a rank-2 constant from its rows; all rows must have the same length.
    public init(rows: [[Scalar]]) {
        let columns = rows.first?.count ?? 0
        precondition(rows.allSatisfy { $0.count == columns }, "ragged rows")
        self.init(shape: [rows.count, columns], scalars: rows.flatMap { $0 })
    }

    /// A tensor of the given shape filled with `value`.
    public static func filled(_ value: Scalar, shape: [Int]) -> Tensor {
        Tensor(shape: shape, scalars: Array(repeating: value, count: shape.reduce(1, *)))
    }

    /// A tensor of zeros.
    public static func zeros(shape: [Int]) -> Tensor { filled(0, shape: shape) }

    /// The number of elements.
    @inlinable public var count: Int { scalars.count }
    /// The number of dimensions.
    @inlinable public var rank: Int { shape.count }
    /// Whether this tensor is recorded on a tape.
    @inlinable public var isTracked: Bool { node != nil }
    /// The single element of a one-element tensor.
    public var scalar: Scalar {
        precondition(scalars.count == 1, "tensor of shape \(shape) is not a scalar")
        return scalars[0]
    }
    /// The same values, detached from any tape.
    public var detached: Tensor { Tensor(shape: shape, scalars: scalars) }

    /// The number of rows of a rank-2 tensor (or elements of a rank-1 tensor).
    @inlinable public var rowCount: Int { shape.first ?? 1 }
    /// The number of columns of a rank-2 tensor (the last dimension).
    @inlinable public var columnCount: Int { shape.count >= 2 ? shape[shape.count - 1] : 1 }

    /// Element `(row, column)` of a rank-2 tensor.
    public subscript(row: Int, column: Int) -> Scalar {
        precondition(rank == 2, "two indices need a rank-2 tensor, got shape \(shape)")
        return scalars[row * shape[1] + column]
    }

    /// The same tensor converted to another scalar type (not differentiable).
    public func converted<Other: TensorScalar>(to: Other.Type = Other.self) -> Tensor<Other> {
        Tensor<Other>(shape: shape, scalars: scalars.map { Other($0) })
    }
}

extension Tensor: CustomStringConvertible {
    public var description: String { "Tensor(shape: \(shape), scalars: \(scalars))" }
}

extension Tensor {
    /// `target[i] += source[i]` for gradient buffers of equal size.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public static func accumulate(_ target: inout [Scalar], _ source: [Scalar]) {
        Kernels.addInPlace(&target, source)
    }
}
