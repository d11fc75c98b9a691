import Experiments
import Foundation
import GradNorm
import Literate
import NeuralNet
import PINN
import Tensor

/// The GradNorm tutorial (`tutorials/gradnorm.md`): a heat-equation PINN trained with
/// GradNorm and with fixed weights. Each closure body below is a snippet of the page.
public enum GradNormTutorial {
    public static func definition(markdownPath: String) -> Tutorial<GradNormTutorialState> {
        Tutorial(name: "gradnorm", markdownPath: markdownPath, makeState: GradNormTutorialState.init, steps: steps)
    }

    static let steps: [Step<GradNormTutorialState>] = [
        Step("create-model") { state, page in
            page.print("Creating PINN model...")
            let model: MLP<Float> = state.config.initialModel()
            page.print("  Architecture: " + model.layerSizes.map { "[\($0)]" }.joined(separator: " -> "))
            page.print("  Parameters: \(Report.grouped(model.parameterCount))")
            state.model = model
        },
        Step("generate-data", needs: ["create-model"]) { state, page in
            page.print("Generating training data...")
            let data: HeatData<Float> = state.config.sampleData()
            page.print("  Domain points: \(Report.shape(data.domain))")
            page.print("  Boundary points: \(Report.shape(data.boundary))")
            page.print("  Initial points: \(Report.shape(data.initial))")
            state.experiment = try HeatExperiment(config: state.config, data: data, initialModel: state.model)
        },
        Step("setup-balancer") { state, page in
            page.print("Setting up GradNorm balancer...")
            let config = GradNormConfig(
                alpha: 1.5,          // asymmetry: how hard slow losses are pushed
                learningRate: 0.01,  // step size of the weight updates
                updateFrequency: 1   // update the weights on every step
            )
            let balancer = try GradNormBalancer<Float>(numLosses: 3, config: config)  // PDE, BC, IC
            page.print("  GradNorm alpha: \(config.alpha)")
            page.print("  Weight learning rate: \(config.learningRate)")
            page.print("  Initial weights: \(Report.numpyArray(balancer.weights))")
            state.balancer = balancer
        },
        Step("train-gradnorm", needs: ["generate-data", "setup-balancer"]) { state, page in
            page.print("Training PINN with GradNorm...")
            page.print(String(repeating: "-", count: 50))
            let experiment = state.experiment!
            // One loop for every balancer: losses and their gradients → the balancer's update
            // (initial losses at step 0, then GradNorm every `updateFrequency` steps) → Adam.
            var training = try Training(problem: experiment.losses, model: experiment.initialModel,
                                        balancer: state.balancer,
                                        optimizer: Adam<Float>(learningRate: Float(state.config.learningRate)))
            let seconds = try training.run(steps: state.config.steps) { record in
                if record.step == 0 {
                    state.initialLosses = record.losses
                    page.print("Initial losses: " + Report.namedValues(state.names, record.losses, "%.4f"))
                }
                state.gradNormHistory.append(GradNormStepRecord(record))
                if record.step % state.reportEvery == 0 {
                    page.print(Report.stepLine(record.step, total: record.totalLoss, losses: record.losses, names: state.names))
                    page.print("           weights: " + Report.namedValues(state.names, record.weights, "%.3f"))
                }
                page.progress(record.step + 1, of: state.config.steps, "loss \(Report.sci(record.totalLoss, 3))")
            }
            let run = experiment.finish(training.model, seconds: seconds)
            state.gradNormRun = run
            state.finalWeights = training.balancer.weights.map(Double.init)
            let finalTotal = zip(state.finalWeights, run.finalLosses).map(*).reduce(0, +)
            page.print(Report.stepLine(state.config.steps, total: finalTotal, losses: run.finalLosses, names: state.names))
        },
        Step("train-fixed", needs: ["generate-data"]) { state, page in
            page.print("Training PINN with fixed weights (baseline)...")
            page.print(String(repeating: "-", count: 50))
            let experiment = state.experiment!
            // The same loop and the same start as the GradNorm run; only the balancer differs.
            var training = try Training(problem: experiment.losses, model: experiment.initialModel,
                                        balancer: FixedWeights<Float>([1, 1, 1]),
                                        optimizer: Adam<Float>(learningRate: Float(state.config.learningRate)))
            let seconds = try training.run(steps: state.config.steps) { record in
                state.fixedHistory.append(FixedStepRecord(record))
                if record.step % state.reportEvery == 0 {
                    page.print(Report.stepLine(record.step, total: record.totalLoss, losses: record.losses, names: state.names))
                }
                page.progress(record.step + 1, of: state.config.steps, "loss \(Report.sci(record.totalLoss, 3))")
            }
            let run = experiment.finish(training.model, seconds: seconds)
            state.fixedRun = run
            page.print(Report.stepLine(state.config.steps, total: run.finalLosses.reduce(0, +), losses: run.finalLosses, names: state.names))
        },
        Step("evaluate", needs: ["train-gradnorm", "train-fixed"],
             values: ["l2.gradnorm", "l2.fixed", "l2.better", "l2.worse", "l2.ratio"]) { state, page in
            // RMS error against u(x, t) = sin(πx)·exp(−π²·D·t) on a 50 × 50 grid.
            let gradNormError = state.gradNormRun.l2Error
            let fixedError = state.fixedRun.l2Error
            let improvement = (fixedError - gradNormError) / fixedError * 100
            page.print("Evaluating solutions...")
            page.print("  GradNorm L2 error: \(Report.sci(gradNormError, 6))")
            page.print("  Fixed weights L2 error: \(Report.sci(fixedError, 6))")
            page.print("  Improvement: \(Report.fixed(improvement, 1))%")
            try page.value("l2.gradnorm", Report.sci(gradNormError))
            try page.value("l2.fixed", Report.sci(fixedError))
            try page.value("l2.better", gradNormError < fixedError ? "GradNorm" : "fixed weights")
            try page.value("l2.worse", gradNormError < fixedError ? "fixed weights" : "GradNorm")
            try page.value("l2.ratio", Report.fixed(max(gradNormError, fixedError) / min(gradNormError, fixedError), 2))
        },
        Step("plot-training", needs: ["train-gradnorm", "train-fixed"], figures: ["training-comparison"]) { state, page in
            let figure = GradNormFigures.trainingComparison(state.result)
            try page.figure("training-comparison", .drawing(figure, warningsTo: page))
        },
        Step("plot-solution", needs: ["train-gradnorm", "train-fixed"], figures: ["solution"]) { state, page in
            let figure = GradNormFigures.solution(state.result)
            try page.figure("solution", .drawing(figure, warningsTo: page))
        },
        Step("summarize", needs: ["train-gradnorm", "train-fixed"], values: summaryValues) { state, page in
            for (method, run) in [("gradnorm", state.gradNormRun!), ("fixed", state.fixedRun!)] {
                let weights = method == "gradnorm" ? state.finalWeights : [1, 1, 1]
                let total = zip(weights, run.finalLosses).map(*).reduce(0, +)
                try page.value("\(method).total", Report.sci(total))
                for (name, loss) in zip(state.names, run.finalLosses) {
                    try page.value("\(method).\(name.lowercased())", Report.sci(loss))
                }
            }
            for (name, weight) in zip(state.names, state.finalWeights) {
                try page.value("weight.\(name.lowercased())", Report.fixed(weight))
            }
            let heaviest = state.names[state.finalWeights.firstIndex(of: state.finalWeights.max()!)!]
            let lightest = state.names[state.finalWeights.firstIndex(of: state.finalWeights.min()!)!]
            try page.value("weight.heaviest", heaviest)
            try page.value("weight.lightest", lightest)
            func spread(_ losses: [Double]) -> Double { losses.max()! / losses.min()! }
            let spreads = (gradNorm: spread(state.gradNormRun.finalLosses), fixed: spread(state.fixedRun.finalLosses))
            try page.value("spread.gradnorm", Report.fixed(spreads.gradNorm, 1))
            try page.value("spread.fixed", Report.fixed(spreads.fixed, 1))
            try page.value("spread.closer", spreads.gradNorm < spreads.fixed ? "GradNorm keeps" : "Fixed weights keep")
            let gradNormWon = state.gradNormRun.l2Error < state.fixedRun.l2Error
            try page.value("l2.verdict", gradNormWon ? "Balancing the losses bought accuracy here"
                : "Balancing the losses did not buy accuracy here (the heat problem is well conditioned, so fixed weights already train every term)")
            let reference = (gradNorm: 3.41e-2, fixed: 2.03e-2)  // RMS errors of the published JAX run, seed 42
            try page.value("l2.reference", "\(Report.sci(reference.gradNorm)) with GradNorm, \(Report.sci(reference.fixed)) with fixed weights")
            try page.value("l2.reference-ordering", gradNormWon == (reference.gradNorm < reference.fixed) ? "the same" : "the opposite")
            try page.value("steps", String(state.config.steps))
        },
    ]

    /// What `summarize` publishes: final losses per method and loss, weights, and the comparisons.
    static let summaryValues = ["gradnorm", "fixed"].flatMap { method in ["total", "pde", "bc", "ic"].map { "\(method).\($0)" } }
        + ["weight.pde", "weight.bc", "weight.ic", "weight.heaviest", "weight.lightest",
           "spread.gradnorm", "spread.fixed", "spread.closer", "l2.verdict", "l2.reference", "l2.reference-ordering", "steps"]
}
