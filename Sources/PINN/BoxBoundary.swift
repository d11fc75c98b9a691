import Tensor

extension Grid {
    /// `perSide` evenly spaced points on each edge of a rectangle (bottom, top, left, right;
    /// corners appear on two edges), `[4·perSide, 2]`.
    public static func rectangleBoundary<Scalar: TensorScalar>(
        _ bounds: [ClosedRange<Double>], perSide: Int, _ type: Scalar.Type = Scalar.self
    ) -> Tensor<Scalar> {
        precondition(bounds.count == 2 && perSide >= 2, "a rectangle and at least two points per edge")
        let xs = linspace(bounds[0].lowerBound, bounds[0].upperBound, perSide)
        let ys = linspace(bounds[1].lowerBound, bounds[1].upperBound, perSide)
        let (x0, x1, y0, y1) = (bounds[0].lowerBound, bounds[0].upperBound, bounds[1].lowerBound, bounds[1].upperBound)
        let points = xs.map { [$0, y0] } + xs.map { [$0, y1] } + ys.map { [x0, $0] } + ys.map { [x1, $0] }
        return Tensor(shape: [points.count, 2], scalars: points.flatMap { $0.map { Scalar($0) } })
    }
}
