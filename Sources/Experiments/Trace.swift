import PINN

/// One step of the GradNorm run, as the reference trace records it.
public struct GradNormStepRecord: Codable, Equatable, Sendable {
    /// The step index.
    public var step: Int
    /// PDE, BC and IC losses before the update.
    public var losses: [Double]
    /// Each loss's gradient norm.
    public var gradNorms: [Double]
    /// The weights after this step's weight update.
    public var weights: [Double]
    /// The weighted sum of the losses with those weights.
    public var totalLoss: Double

    public init(step: Int, losses: [Double], gradNorms: [Double], weights: [Double], totalLoss: Double) {
        self.step = step
        self.losses = losses
        self.gradNorms = gradNorms
        self.weights = weights
        self.totalLoss = totalLoss
    }

    enum CodingKeys: String, CodingKey {
        case step, losses, weights
        case gradNorms = "grad_norms"
        case totalLoss = "total_loss"
    }
}

/// One step of the fixed-weight run.
public struct FixedStepRecord: Codable, Equatable, Sendable {
    /// The step index.
    public var step: Int
    /// PDE, BC and IC losses before the update.
    public var losses: [Double]
    /// Their sum.
    public var totalLoss: Double

    public init(step: Int, losses: [Double], totalLoss: Double) {
        self.step = step
        self.losses = losses
        self.totalLoss = totalLoss
    }

    enum CodingKeys: String, CodingKey {
        case step, losses
        case totalLoss = "total_loss"
    }
}

/// The outcome of both runs.
public struct FinalRecord: Codable, Equatable, Sendable {
    /// RMS error of the GradNorm-trained network on the evaluation grid.
    public var l2GradNorm: Double
    /// RMS error of the fixed-weight network.
    public var l2Fixed: Double
    /// GradNorm's final weights.
    public var weights: [Double]

    enum CodingKeys: String, CodingKey {
        case weights
        case l2GradNorm = "l2_gradnorm"
        case l2Fixed = "l2_fixed"
    }
}

/// Wall-clock seconds of the two training loops.
public struct LoopSeconds: Codable, Equatable, Sendable {
    /// The GradNorm loop.
    public var gradNormLoop: Double
    /// The fixed-weight loop.
    public var fixedLoop: Double

    enum CodingKeys: String, CodingKey {
        case gradNormLoop = "gradnorm_loop"
        case fixedLoop = "fixed_loop"
    }
}

/// A full trace of the experiment in the reference schema.
public struct ExperimentTrace: Codable, Equatable, Sendable {
    /// What produced the trace.
    public var source: String?
    /// The experiment's settings.
    public var config: HeatExperimentConfig
    /// PDE, BC and IC losses at the initial parameters.
    public var initialLosses: [Double]
    /// Every step of the GradNorm run.
    public var gradnorm: [GradNormStepRecord]
    /// Every step of the fixed-weight run.
    public var fixed: [FixedStepRecord]
    /// Errors and final weights.
    public var final: FinalRecord
    /// Loop timings.
    public var seconds: LoopSeconds?

    enum CodingKeys: String, CodingKey {
        case source, config, gradnorm, fixed, final, seconds
        case initialLosses = "initial_losses"
    }
}

extension GradNormStepRecord {
    /// The reference schema's view of a training-loop record.
    public init(_ record: TrainingRecord) {
        self.init(step: record.step, losses: record.losses, gradNorms: record.gradientNorms, weights: record.weights,
                  totalLoss: record.totalLoss)
    }
}

extension FixedStepRecord {
    /// The reference schema's view of a training-loop record.
    public init(_ record: TrainingRecord) {
        self.init(step: record.step, losses: record.losses, totalLoss: record.totalLoss)
    }
}
