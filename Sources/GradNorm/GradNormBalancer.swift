import Tensor

/// Learns one weight per loss so that the weighted losses' gradient norms follow
/// their relative training rates (GradNorm, Chen et al. 2018).
///
/// The weights are `clip(exp(logWeights), minWeight, maxWeight)` with trainable
/// log-weights starting at 0. Each update descends
/// `Σᵢ |wᵢ·Gᵢ − Ḡ·rᵢ^α|`, `Ḡ = mean_j(w_j·G_j)`, with respect to the log-weights.
///
/// ```swift
/// var balancer = try GradNormBalancer<Float>(numLosses: 3)
/// balancer.setInitialLosses(losses)
/// try balancer.updateWeights(gradNorms: norms, losses: losses, initialLosses: balancer.initialLosses!)
/// let total = balancer.computeWeightedLoss(losses)
/// ```
public struct GradNormBalancer<Scalar: TensorScalar> {
    /// The settings.
    public let config: GradNormConfig
    /// The number of losses balanced.
    public let numLosses: Int
    /// The trainable log-weights.
    public private(set) var logWeights: [Scalar]
    /// The losses at the start of training, once set.
    public private(set) var initialLosses: [Scalar]?
    /// How many training steps ``update(losses:gradients:gradientNorms:)`` has seen.
    public internal(set) var observedSteps = 0

    /// Creates a balancer with all weights 1.
    /// - Throws: ``GradNormError/invalidConfiguration(field:value:requirement:)`` for a bad
    ///   configuration or `numLosses < 1`.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public init(numLosses: Int, config: GradNormConfig = GradNormConfig()) throws {
        try config.validate()
        guard numLosses >= 1 else {
            throw GradNormError.invalidConfiguration(field: "numLosses", value: "\(numLosses)", requirement: "an integer ≥ 1")
        }
        self.config = config
        self.numLosses = numLosses
        self.logWeights = [Scalar](repeating: 0, count: numLosses)
    }

    /// The current weights, `clip(exp(logWeights), minWeight, maxWeight)`.
    public var weights: [Scalar] { currentWeights() }

    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    private func currentWeights() -> [Scalar] { weightTensor(Tensor(logWeights)).scalars }

    /// Stores the losses at the start of training.
    public mutating func setInitialLosses(_ losses: [Scalar]) throws {
        try checkLength(losses, "initialLosses")
        initialLosses = losses
    }

    /// The stored initial losses (an error if they were never set).
    public func getInitialLosses() throws -> [Scalar] {
        guard let initialLosses else { throw GradNormError.missingInitialLosses }
        return initialLosses
    }

    /// `Σᵢ wᵢ·Lᵢ` for plain numbers.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public func computeWeightedLoss(_ losses: [Scalar]) throws -> Scalar {
        try checkLength(losses, "losses")
        return zip(weights, losses).reduce(0) { $0 + $1.0 * $1.1 }
    }

    /// `Σᵢ wᵢ·Lᵢ` for differentiable losses (the weights are constants).
    public func computeWeightedLoss(_ losses: [Tensor<Scalar>]) throws -> Tensor<Scalar> {
        guard losses.count == numLosses else {
            throw GradNormError.wrongLength(name: "losses", expected: numLosses, actual: losses.count)
        }
        return zip(weights, losses).map { $1 * $0 }.reduce(Tensor(0), +)
    }

    /// The GradNorm objective `Σᵢ |wᵢ·Gᵢ − Ḡ·rᵢ^α|` at the current weights.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public func computeGradNormLoss(gradNorms: [Scalar], losses: [Scalar], initialLosses: [Scalar]) throws -> Scalar {
        try objective(Tensor(logWeights), gradNorms: gradNorms, losses: losses, initialLosses: initialLosses).scalar
    }

    /// The gradient of ``computeGradNormLoss(gradNorms:losses:initialLosses:)`` with respect to the log-weights.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public func gradNormLossGradient(gradNorms: [Scalar], losses: [Scalar], initialLosses: [Scalar]) throws -> [Scalar] {
        let tape = Tape<Scalar>()
        let logw = tape.variable(Tensor(logWeights))
        let loss = try objective(logw, gradNorms: gradNorms, losses: losses, initialLosses: initialLosses)
        return tape.gradients(of: loss, withRespectTo: [logw])[0].scalars
    }

    /// One gradient-descent step on the log-weights.
    ///
    /// - Parameters:
    ///   - gradNorms: ‖∇θ Lᵢ‖ of each unweighted loss.
    ///   - losses: The current losses.
    ///   - initialLosses: The losses at the start of training.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public mutating func updateWeights(gradNorms: [Scalar], losses: [Scalar], initialLosses: [Scalar]) throws {
        let gradient = try gradNormLossGradient(gradNorms: gradNorms, losses: losses, initialLosses: initialLosses)
        let rate = Scalar(config.learningRate)
        for i in logWeights.indices { logWeights[i] -= rate * gradient[i] }
        if config.variant == .paper {
            // Renormalise so the weights sum to the number of losses (before clipping).
            let raw = logWeights.map { Scalar.exp($0) }
            let scale = Scalar(numLosses) / raw.reduce(0, +)
            logWeights = raw.map { Scalar.log($0 * scale) }
        }
    }

    /// Whether the weights are due for an update at `step` (every ``GradNormConfig/updateFrequency`` steps).
    public func isUpdateStep(_ step: Int) -> Bool { step % config.updateFrequency == 0 }

    // MARK: - Internals

    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    private func weightTensor(_ logWeights: Tensor<Scalar>) -> Tensor<Scalar> {
        logWeights.exp().clipped(lower: Scalar(config.minWeight), upper: Scalar(config.maxWeight))
    }

    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    private func objective(_ logw: Tensor<Scalar>, gradNorms: [Scalar], losses: [Scalar],
                           initialLosses: [Scalar]) throws -> Tensor<Scalar> {
        try checkLength(gradNorms, "gradNorms")
        try checkLength(losses, "losses")
        try checkLength(initialLosses, "initialLosses")
        let rates = try computeInverseTrainingRates(currentLosses: losses, initialLosses: initialLosses)
        let alpha = Scalar(config.alpha)
        let targetScale = Tensor(rates.map { Scalar.pow($0, alpha) })
        let weighted = weightTensor(logw) * Tensor(gradNorms)
        var average = weighted.mean()
        if config.variant == .paper { average = average.detached }
        return (weighted - average * targetScale).abs().sum()
    }

    private func checkLength(_ values: [Scalar], _ name: String) throws {
        guard values.count == numLosses else {
            throw GradNormError.wrongLength(name: name, expected: numLosses, actual: values.count)
        }
    }
}
