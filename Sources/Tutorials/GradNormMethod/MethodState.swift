import Experiments
import GradNorm
import Literate
import NeuralNet
import PINN
import Tensor

/// One GradNorm training of the heat problem, as the method page reports it.
public struct MethodRun {
    public var label: String
    public var run: TrainingRun<Float>
    public var records: [GradNormStepRecord]
    public var weights: [Double]
    public var seconds: Double
}

/// What the method page's steps share.
public struct GradNormMethodState {
    /// Training steps of each heat-problem run (1000; 50 with --quick).
    public var steps: Int
    /// Training steps of the Laplace example (5000; 100 with --quick).
    public var laplaceSteps: Int
    /// Steps between progress lines of the Laplace example.
    public var laplaceReportEvery: Int

    public var heat: HeatExperiment<Float>!
    public var weightHistory: [[Double]] = []
    public var sweep: [(alpha: Double, result: MethodRun)] = []
    /// Every heat-problem training of the page so far, with its settings.
    public var heatRuns: [(config: GradNormConfig, run: MethodRun)] = []

    public var laplace: LaplaceLosses<Float>!
    public var laplaceModel: MLP<Float>!
    public var laplaceHistory: [TrainingRecord] = []
    public var laplaceWeights: [Double] = []

    /// The "Combining with Other Techniques" section.
    public var combined: CombinationState

    public init(options: RunOptions) {
        steps = options.quick ? 50 : 1000
        laplaceSteps = options.quick ? 100 : 5000
        laplaceReportEvery = options.quick ? 20 : 500
        combined = CombinationState(quick: options.quick)
    }

    /// Trains the heat problem once per configuration, one training at a time so that each
    /// loop's time is its own. A configuration trained before is the same run (the engine is
    /// deterministic) and is taken from ``heatRuns`` instead of being trained again.
    public mutating func trainHeat(_ configs: [GradNormConfig], labels: [String]) throws -> [MethodRun] {
        try zip(configs, labels).map { config, label in
            if let known = heatRuns.first(where: { $0.config == config }) {
                var run = known.run
                run.label = label
                return run
            }
            let (run, records, balancer) = try heat.trainWithGradNorm(gradNormConfig: config, steps: steps)
            let result = MethodRun(label: label, run: run, records: records, weights: balancer.weights.map(Double.init),
                                   seconds: run.seconds)
            heatRuns.append((config, result))
            return result
        }
    }
}
