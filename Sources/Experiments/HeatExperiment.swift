import Foundation
import GradNorm
import NeuralNet
import PINN
import Tensor

/// The result of one training run.
public struct TrainingRun<Scalar: TensorScalar> {
    /// The trained network.
    public var model: MLP<Scalar>
    /// PDE, BC and IC losses of the trained network.
    public var finalLosses: [Double]
    /// RMS error of the trained network against the exact solution.
    public var l2Error: Double
    /// Wall-clock seconds of the training loop.
    public var seconds: Double
}

/// The heat-equation experiment of the GradNorm tutorial: the same network trained
/// once with GradNorm and once with fixed weights (1, 1, 1), from the same start.
public struct HeatExperiment<Scalar: TensorScalar> {
    /// The settings.
    public let config: HeatExperimentConfig
    /// The training points.
    public let data: HeatData<Scalar>
    /// The network both runs start from.
    public let initialModel: MLP<Scalar>
    /// The three losses on `data`.
    public var losses: HeatLosses<Scalar> { HeatLosses(problem: config.problem, data: data) }
    /// Into how many concurrent parts the PDE loss is split (1: everything on one thread).
    public var parallelParts = 2

    /// Each loss's value and gradient at `model`, with the PDE loss cut into ``parallelParts`` concurrent batches.
    public func lossesAndGradients(at model: MLP<Scalar>) -> (values: [Scalar], gradients: [ParameterGradients<Scalar>]) {
        losses.valuesAndGradients(at: model, parts: parallelParts)
    }

    /// Creates the experiment from explicit data and initial parameters.
    public init(config: HeatExperimentConfig, data: HeatData<Scalar>, initialModel: MLP<Scalar>) throws {
        try config.validate()
        guard initialModel.layerSizes == config.layerSizes else {
            throw ExperimentError.invalidValue(key: "initial_params", requirement: "widths \(initialModel.layerSizes) differ from \(config.layerSizes)")
        }
        self.config = config
        self.data = data
        self.initialModel = initialModel
    }

    /// The losses at the initial parameters.
    public func initialLosses() -> [Double] { losses.lossValues(of: initialModel) }

    /// Trains from the initial parameters with Adam and `balancer`, on the general loop.
    /// - Parameters:
    ///   - balancer: The loss balancer.
    ///   - steps: Training steps (default: from ``config``).
    ///   - onStep: Called after every step with its record.
    /// - Returns: The run, every step's record, and the balancer as training left it.
    public func train<Balancer: LossBalancer>(
        with balancer: Balancer, steps: Int? = nil, onStep: (TrainingRecord) throws -> Void = { _ in }
    ) throws -> (run: TrainingRun<Scalar>, records: [TrainingRecord], balancer: Balancer) where Balancer.Scalar == Scalar {
        var training = try Training(problem: losses, model: initialModel, balancer: balancer,
                                    optimizer: Adam<Scalar>(learningRate: Scalar(config.learningRate)))
        training.parts = parallelParts
        var records: [TrainingRecord] = []
        let seconds = try training.run(steps: steps ?? config.steps) { record in
            records.append(record)
            try onStep(record)
        }
        return (finish(training.model, seconds: seconds), records, training.balancer)
    }

    /// Trains with GradNorm (reference order: losses → gradient norms → weight update →
    /// gradient of the weighted sum with the new weights → Adam).
    /// - Parameters:
    ///   - gradNormConfig: Balancer settings (default: from ``config``).
    ///   - steps: Training steps (default: from ``config``).
    ///   - onStep: Called after every step with its record.
    public func trainWithGradNorm(
        gradNormConfig: GradNormConfig? = nil, steps: Int? = nil,
        onStep: (GradNormStepRecord) -> Void = { _ in }
    ) throws -> (run: TrainingRun<Scalar>, records: [GradNormStepRecord], balancer: GradNormBalancer<Scalar>) {
        let balancer = try GradNormBalancer<Scalar>(numLosses: 3, config: gradNormConfig ?? config.gradNorm)
        let (run, records, trained) = try train(with: balancer, steps: steps) { onStep(GradNormStepRecord($0)) }
        return (run, records.map(GradNormStepRecord.init), trained)
    }

    /// Trains with the fixed weights (1, 1, 1) from the same initial parameters.
    public func trainWithFixedWeights(
        steps: Int? = nil, onStep: (FixedStepRecord) -> Void = { _ in }
    ) throws -> (run: TrainingRun<Scalar>, records: [FixedStepRecord]) {
        let (run, records, _) = try train(with: FixedWeights<Scalar>(ones: 3), steps: steps) { onStep(FixedStepRecord($0)) }
        return (run, records.map(FixedStepRecord.init))
    }

    /// The trained network with its final losses and RMS error.
    public func finish(_ model: MLP<Scalar>, seconds: Double) -> TrainingRun<Scalar> {
        TrainingRun(model: model, finalLosses: losses.lossValues(of: model), l2Error: losses.rmsError(of: model),
                    seconds: seconds)
    }
}

/// Both runs of the experiment and everything the tutorial reports about them.
public struct HeatExperimentResult<Scalar: TensorScalar> {
    /// The settings.
    public var config: HeatExperimentConfig
    /// The number of trainable parameters.
    public var parameterCount: Int
    /// Losses at the initial parameters.
    public var initialLosses: [Double]
    /// The GradNorm run.
    public var gradNorm: TrainingRun<Scalar>
    /// Every step of the GradNorm run.
    public var gradNormRecords: [GradNormStepRecord]
    /// GradNorm's final weights.
    public var finalWeights: [Double]
    /// The fixed-weight run.
    public var fixed: TrainingRun<Scalar>
    /// Every step of the fixed-weight run.
    public var fixedRecords: [FixedStepRecord]

    public init(config: HeatExperimentConfig, parameterCount: Int, initialLosses: [Double], gradNorm: TrainingRun<Scalar>,
                gradNormRecords: [GradNormStepRecord], finalWeights: [Double], fixed: TrainingRun<Scalar>,
                fixedRecords: [FixedStepRecord]) {
        self.config = config
        self.parameterCount = parameterCount
        self.initialLosses = initialLosses
        self.gradNorm = gradNorm
        self.gradNormRecords = gradNormRecords
        self.finalWeights = finalWeights
        self.fixed = fixed
        self.fixedRecords = fixedRecords
    }

    /// How much lower GradNorm's RMS error is than the fixed run's, in percent (negative: higher).
    public var improvementPercent: Double { (fixed.l2Error - gradNorm.l2Error) / fixed.l2Error * 100 }

    /// The run as a trace in the reference schema.
    public func trace(source: String) -> ExperimentTrace {
        ExperimentTrace(source: source, config: config, initialLosses: initialLosses, gradnorm: gradNormRecords,
                        fixed: fixedRecords,
                        final: FinalRecord(l2GradNorm: gradNorm.l2Error, l2Fixed: fixed.l2Error, weights: finalWeights),
                        seconds: LoopSeconds(gradNormLoop: gradNorm.seconds, fixedLoop: fixed.seconds))
    }
}

extension HeatExperiment {
    /// Runs both trainings.
    public func run(steps: Int? = nil) throws -> HeatExperimentResult<Scalar> {
        let (gradNormRun, gradNormRecords, balancer) = try trainWithGradNorm(steps: steps)
        let (fixedRun, fixedRecords) = try trainWithFixedWeights(steps: steps)
        return HeatExperimentResult(
            config: config, parameterCount: initialModel.parameterCount, initialLosses: initialLosses(),
            gradNorm: gradNormRun, gradNormRecords: gradNormRecords, finalWeights: balancer.weights.map(Double.init),
            fixed: fixedRun, fixedRecords: fixedRecords)
    }
}
