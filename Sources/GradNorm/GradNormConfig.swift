/// Settings of a ``GradNormBalancer``.
///
/// The defaults are those of the reference implementation: α = 1.5, weight
/// learning rate 0.01, an update every step, weights kept in [0.01, 100].
public struct GradNormConfig: Equatable, Sendable, Codable {
    /// Which form of the GradNorm update to use.
    public enum Variant: String, Equatable, Sendable, Codable, CaseIterable {
        /// The reference implementation: the target `Ḡ·rᵢ^α` is differentiated
        /// through `Ḡ`, weights are clipped but not renormalised.
        case reference
        /// Chen et al. 2018: the target is held constant during the update and
        /// the weights are renormalised to sum to the number of losses afterwards.
        case paper
    }

    /// The asymmetry α: how strongly slow-training losses are favoured (α ≥ 0).
    public var alpha: Double
    /// The step size of the gradient descent on the log-weights (> 0).
    public var learningRate: Double
    /// Weights are updated on steps that are multiples of this (≥ 1).
    public var updateFrequency: Int
    /// The smallest weight (> 0).
    public var minWeight: Double
    /// The largest weight (≥ ``minWeight``).
    public var maxWeight: Double
    /// The update rule.
    public var variant: Variant

    /// Creates a configuration; call ``validate()`` (the balancer does) to check it.
    public init(alpha: Double = 1.5, learningRate: Double = 0.01, updateFrequency: Int = 1,
                minWeight: Double = 0.01, maxWeight: Double = 100, variant: Variant = .reference) {
        self.alpha = alpha
        self.learningRate = learningRate
        self.updateFrequency = updateFrequency
        self.minWeight = minWeight
        self.maxWeight = maxWeight
        self.variant = variant
    }

    /// Throws ``GradNormError/invalidConfiguration(field:value:requirement:)`` for the first bad field.
    public func validate() throws {
        func fail(_ field: String, _ value: String, _ requirement: String) -> GradNormError {
            .invalidConfiguration(field: field, value: value, requirement: requirement)
        }
        guard alpha.isFinite, alpha >= 0 else { throw fail("alpha", "\(alpha)", "a finite number ≥ 0") }
        guard learningRate.isFinite, learningRate > 0 else {
            throw fail("learningRate", "\(learningRate)", "a finite number > 0")
        }
        guard updateFrequency >= 1 else { throw fail("updateFrequency", "\(updateFrequency)", "an integer ≥ 1") }
        guard minWeight.isFinite, minWeight > 0 else { throw fail("minWeight", "\(minWeight)", "a finite number > 0") }
        guard maxWeight.isFinite, maxWeight >= minWeight else {
            throw fail("maxWeight", "\(maxWeight)", "a finite number ≥ minWeight (\(minWeight))")
        }
    }

    /// Every field with its default and meaning, for documentation generated from the code.
    public static let fieldDocumentation: [(name: String, defaultValue: String, meaning: String)] = {
        let d = GradNormConfig()
        return [
            ("alpha", "\(d.alpha)", "Asymmetry: how strongly losses that train slowly get larger target gradients."),
            ("learningRate", "\(d.learningRate)", "Step size of gradient descent on the log-weights."),
            ("updateFrequency", "\(d.updateFrequency)", "Update the weights on every n-th step."),
            ("minWeight", "\(d.minWeight)", "Lower clip bound of every weight."),
            ("maxWeight", "\(d.maxWeight)", "Upper clip bound of every weight."),
            ("variant", d.variant.rawValue, "reference (differentiate through Ḡ, no renormalisation) or paper (Chen et al. 2018: Ḡ held constant, weights renormalised)."),
        ]
    }()
}
