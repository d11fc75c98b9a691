/// Relative inverse training rates `rᵢ / mean(r)` with `rᵢ = Lᵢ / (L0ᵢ + 1e-10)`.
///
/// A rate above 1 means loss `i` has fallen less than the others (it trains slower).
/// Computed in the scalar type of the inputs, as the reference does in float32.
/// - Parameters:
///   - currentLosses: The losses now.
///   - initialLosses: The losses at the start of training.
/// - Throws: ``GradNormError/wrongLength(name:expected:actual:)`` if the arrays differ in length.
@_specialize(where Scalar == Float)
@_specialize(where Scalar == Double)
public func computeInverseTrainingRates<Scalar: BinaryFloatingPoint>(
    currentLosses: [Scalar], initialLosses: [Scalar]
) throws -> [Scalar] {
    guard currentLosses.count == initialLosses.count else {
        throw GradNormError.wrongLength(name: "initialLosses", expected: currentLosses.count, actual: initialLosses.count)
    }
    guard !currentLosses.isEmpty else { return [] }
    let epsilon = Scalar(1e-10)
    let ratios = zip(currentLosses, initialLosses).map { $0 / ($1 + epsilon) }
    let mean = ratios.reduce(0, +) / Scalar(ratios.count)
    return ratios.map { $0 / (mean + epsilon) }
}
