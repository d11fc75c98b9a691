import Experiments
import GradNorm
import Literate
import NeuralNet
import PINN
import Tensor

/// What the GradNorm tutorial's steps share. Steps fill it in the tutorial's order; each
/// step declares the steps it needs, so the implicitly unwrapped values are set before use
/// (the runner checks the order before anything runs).
public struct GradNormTutorialState {
    /// The experiment's settings: the reference's (seed 42, 1000 steps), fewer steps with --quick.
    public var config: HeatExperimentConfig
    /// Steps between progress lines.
    public var reportEvery: Int
    /// The three losses' names.
    public let names = HeatLosses<Float>.names

    public var model: MLP<Float>!
    public var experiment: HeatExperiment<Float>!
    public var balancer: GradNormBalancer<Float>!
    public var initialLosses: [Double] = []

    public var gradNormRun: TrainingRun<Float>!
    public var gradNormHistory: [GradNormStepRecord] = []
    public var finalWeights: [Double] = []

    public var fixedRun: TrainingRun<Float>!
    public var fixedHistory: [FixedStepRecord] = []

    public init(options: RunOptions) {
        config = .tutorial
        reportEvery = 100
        if options.quick {
            config.steps = 50
            reportEvery = 10
        }
    }

    /// Both runs, in the shape the figures take.
    public var result: HeatExperimentResult<Float> {
        HeatExperimentResult(config: config, parameterCount: model.parameterCount, initialLosses: initialLosses,
                             gradNorm: gradNormRun, gradNormRecords: gradNormHistory, finalWeights: finalWeights,
                             fixed: fixedRun, fixedRecords: fixedHistory)
    }
}
