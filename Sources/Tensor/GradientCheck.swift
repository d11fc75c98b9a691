/// Central finite differences, to check gradients computed by the tape.
public enum GradientCheck {
    /// The gradient of the scalar `function` at `point` by central differences.
    /// - Parameters:
    ///   - function: Maps a tensor of `point`'s shape to a one-element tensor.
    ///   - point: Where to differentiate.
    ///   - step: The finite-difference step (relative to `max(1, |xᵢ|)`).
    public static func numericalGradient(
        of function: (Tensor<Double>) -> Tensor<Double>, at point: Tensor<Double>, step: Double = 1e-6
    ) -> [Double] {
        var gradient = [Double](repeating: 0, count: point.count)
        for i in 0..<point.count {
            let h = step * Swift.max(1, Swift.abs(point.scalars[i]))
            var plus = point.scalars, minus = point.scalars
            plus[i] += h
            minus[i] -= h
            let up = function(Tensor(shape: point.shape, scalars: plus)).scalar
            let down = function(Tensor(shape: point.shape, scalars: minus)).scalar
            gradient[i] = (up - down) / (2 * h)
        }
        return gradient
    }

    /// The gradient of `function` at `point` from the tape.
    public static func tapeGradient(
        of function: (Tensor<Double>) -> Tensor<Double>, at point: Tensor<Double>
    ) -> [Double] {
        let tape = Tape<Double>()
        let x = tape.variable(point)
        return tape.gradients(of: function(x), withRespectTo: [x])[0].scalars
    }

    /// `‖a − b‖∞ / max(‖b‖∞, floor)`: the largest deviation relative to the largest entry.
    public static func relativeError(_ a: [Double], _ b: [Double], floor: Double = 1e-12) -> Double {
        precondition(a.count == b.count, "relativeError: lengths differ")
        let scale = Swift.max(b.map { Swift.abs($0) }.max() ?? 0, floor)
        return (zip(a, b).map { Swift.abs($0 - $1) }.max() ?? 0) / scale
    }
}
