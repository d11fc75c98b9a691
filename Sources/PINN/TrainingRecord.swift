/// One step of a training run, as the loop observed it.
public struct TrainingRecord: Codable, Equatable, Sendable {
    /// The step's index, counted over the whole training (across ``Training/run(steps:observe:)`` calls).
    public var step: Int
    /// The unweighted losses before the parameter update.
    public var losses: [Double]
    /// Each loss's gradient norm, when the balancer uses them; otherwise empty.
    public var gradientNorms: [Double]
    /// The weights after the balancer's update, which the parameter update used.
    public var weights: [Double]
    /// `Σᵢ wᵢ·Lᵢ` with those weights.
    public var totalLoss: Double

    public init(step: Int, losses: [Double], gradientNorms: [Double], weights: [Double], totalLoss: Double) {
        self.step = step
        self.losses = losses
        self.gradientNorms = gradientNorms
        self.weights = weights
        self.totalLoss = totalLoss
    }
}
