/// How the two operands of an elementwise operation line up.
///
/// Besides equal shapes, one side may be a single element (broadcast to every
/// element) or a row vector whose length is the other side's last dimension
/// (broadcast to every row).
@usableFromInline
enum Broadcast: Equatable {
    case same
    case scalar
    case row

    /// The broadcast of `small` against `large`, or `nil` if they do not line up.
    static func of(_ small: [Int], against large: [Int]) -> Broadcast? {
        if small == large { return .same }
        let smallCount = small.reduce(1, *)
        if smallCount == 1 { return .scalar }
        if small.count == 1, let last = large.last, last == small[0] { return .row }
        return nil
    }

    /// Element `i` of the full-size operand read from the broadcast one.
    @inline(__always)
    func index(_ i: Int, columns: Int) -> Int {
        switch self {
        case .same: return i
        case .scalar: return 0
        case .row: return i % columns
        }
    }

    /// Sums a full-size gradient down to the broadcast operand's size.
    @_specialize(where S == Float)
    @_specialize(where S == Double)
    func reduce<S: TensorScalar>(_ gradient: [S], columns: Int, count: Int) -> [S] {
        switch self {
        case .same:
            return gradient
        case .scalar:
            return [Kernels.sum(gradient)]
        case .row:
            var out = [S](repeating: 0, count: count)
            for (i, g) in gradient.enumerated() { out[i % columns] += g }
            return out
        }
    }
}

/// The layout of a binary elementwise operation: result shape and how each side maps onto it.
@usableFromInline
struct BinaryLayout {
    let shape: [Int]
    let lhs: Broadcast
    let rhs: Broadcast
    let columns: Int

    init(_ a: [Int], _ b: [Int], operation: String) {
        let aCount = a.reduce(1, *), bCount = b.reduce(1, *)
        let result = bCount > aCount || (bCount == aCount && b.count > a.count) ? b : a
        guard let lhs = Broadcast.of(a, against: result), let rhs = Broadcast.of(b, against: result) else {
            preconditionFailure("\(operation): shapes \(a) and \(b) do not broadcast")
        }
        self.shape = result
        self.lhs = lhs
        self.rhs = rhs
        self.columns = result.last ?? 1
    }
}

extension Kernels {
    /// The sum of all elements, accumulated pairwise for accuracy.
    @_specialize(where S == Float)
    @_specialize(where S == Double)
    static func sum<S: TensorScalar>(_ values: [S]) -> S {
        values.withUnsafeBufferPointer { pairwiseSum($0[...]) }
    }

    private static func pairwiseSum<S: TensorScalar>(_ values: Slice<UnsafeBufferPointer<S>>) -> S {
        if values.count <= 64 {
            var total: S = 0
            for v in values { total += v }
            return total
        }
        let middle = values.startIndex + values.count / 2
        return pairwiseSum(values[..<middle]) + pairwiseSum(values[middle...])
    }
}
