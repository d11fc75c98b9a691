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
    public var parallelParts: Int = Swift.min(2, ProcessInfo.processInfo.activeProcessorCount)

    /// Each loss's value and gradient at `model`, computed with ``parallelParts`` threads.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public func lossesAndGradients(at model: MLP<Scalar>) -> (values: [Scalar], gradients: [ParameterGradients<Scalar>]) {
        evaluate(model, losses)
    }

    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    func evaluate(_ model: MLP<Scalar>, _ heat: HeatLosses<Scalar>) -> (values: [Scalar], gradients: [ParameterGradients<Scalar>]) {
        if parallelParts > 1 {
            return valuesAndGradients(of: model, shardedLosses: heat.shardedFunctions(parts: parallelParts))
        }
        return valuesAndGradients(of: model, heat.functions)
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
    public func initialLosses() -> [Double] {
        losses.functions.map { Double($0(initialModel).scalar) }
    }

    /// Trains with GradNorm, in the reference's order: losses → per-loss gradient norms →
    /// weight update → gradient of the weighted sum with the new weights → Adam.
    ///
    /// Each loss's gradient is computed once per step and serves both its norm and the
    /// weighted sum.
    /// - Parameters:
    ///   - gradNormConfig: Balancer settings (default: from ``config``).
    ///   - steps: Training steps (default: from ``config``).
    ///   - onStep: Called after every step with its record.
@_specialize(where Scalar == Float)
@_specialize(where Scalar == Double)
    public func trainWithGradNorm(
        gradNormConfig: GradNormConfig? = nil, steps: Int? = nil,
        onStep: (GradNormStepRecord) -> Void = { _ in }
    ) throws -> (run: TrainingRun<Scalar>, records: [GradNormStepRecord], balancer: GradNormBalancer<Scalar>) {
        let heat = losses, functions = heat.functions
        var balancer = try GradNormBalancer<Scalar>(numLosses: functions.count, config: gradNormConfig ?? config.gradNorm)
        var model = initialModel
        var optimizer = Adam<Scalar>(learningRate: Scalar(config.learningRate))
        var records: [GradNormStepRecord] = []
        let stepCount = steps ?? config.steps
        records.reserveCapacity(stepCount)
        let start = DispatchTime.now()
        for step in 0..<stepCount {
            let (values, gradients) = evaluate(model, heat)
            let norms = gradients.map(\.norm)
            try Self.checkFinite(values, "loss", step: step)
            try Self.checkFinite(norms, "gradient norm", step: step)
            if step == 0 { try balancer.setInitialLosses(values) }
            if balancer.isUpdateStep(step) {
                try balancer.updateWeights(gradNorms: norms, losses: values, initialLosses: balancer.getInitialLosses())
            }
            let weights = balancer.weights
            try Self.checkFinite(weights, "weight", step: step)
            let total = try balancer.computeWeightedLoss(values)
            optimizer.update(&model, along: .weightedSum(gradients, weights: weights))
            let record = GradNormStepRecord(step: step, losses: values.map(Double.init), gradNorms: norms.map(Double.init),
                                            weights: weights.map(Double.init), totalLoss: Double(total))
            records.append(record)
            onStep(record)
        }
        let seconds = Self.seconds(since: start)
        return (finish(model, seconds: seconds), records, balancer)
    }

    /// Trains with the fixed weights (1, 1, 1) from the same initial parameters.
@_specialize(where Scalar == Float)
@_specialize(where Scalar == Double)
    public func trainWithFixedWeights(
        steps: Int? = nil, onStep: (FixedStepRecord) -> Void = { _ in }
    ) throws -> (run: TrainingRun<Scalar>, records: [FixedStepRecord]) {
        let heat = losses, functions = heat.functions
        let ones = [Scalar](repeating: 1, count: functions.count)
        var model = initialModel
        var optimizer = Adam<Scalar>(learningRate: Scalar(config.learningRate))
        var records: [FixedStepRecord] = []
        let stepCount = steps ?? config.steps
        records.reserveCapacity(stepCount)
        let start = DispatchTime.now()
        for step in 0..<stepCount {
            let (values, gradients) = evaluate(model, heat)
            try Self.checkFinite(values, "loss", step: step)
            optimizer.update(&model, along: .weightedSum(gradients, weights: ones))
            let record = FixedStepRecord(step: step, losses: values.map(Double.init),
                                         totalLoss: Double(values.reduce(0, +)))
            records.append(record)
            onStep(record)
        }
        return (finish(model, seconds: Self.seconds(since: start)), records)
    }

@_specialize(where Scalar == Float)
@_specialize(where Scalar == Double)
    public func finish(_ model: MLP<Scalar>, seconds: Double) -> TrainingRun<Scalar> {
        let heat = losses
        return TrainingRun(model: model, finalLosses: heat.functions.map { Double($0(model).scalar) },
                           l2Error: heat.rmsError(of: model), seconds: seconds)
    }

    /// Throws ``GradNormError/nonFinite(quantity:name:step:value:)`` for the first NaN or infinite value,
    /// naming the loss it belongs to.
    public static func checkFinite(_ values: [Scalar], _ quantity: String, step: Int) throws {
        for (value, name) in zip(values, HeatLosses<Scalar>.names) where !value.isFinite {
            throw GradNormError.nonFinite(quantity: quantity, name: name, step: step, value: Double(value))
        }
    }

    private static func seconds(since start: DispatchTime) -> Double {
        Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
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
