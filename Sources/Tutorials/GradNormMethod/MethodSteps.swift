import Experiments
import Foundation
import GradNorm
import Literate
import NeuralNet
import PINN
import Random
import Tensor

/// The GradNorm method and API page (`tutorials/gradnorm-method.md`): every option of the
/// balancer, run. Each closure body below is a snippet of the page.
public enum GradNormMethodTutorial {
    public static func definition(markdownPath: String) -> Tutorial<GradNormMethodState> {
        Tutorial(name: "gradnorm-method", markdownPath: markdownPath, makeState: GradNormMethodState.init,
                 steps: basics + options + CombinationSteps.adaptiveSampling + CombinationSteps.multilevel
                 + CombinationSteps.domainDecomposition + laplace)
    }

    static let heatNames = HeatLosses<Float>.names

    static let basics: [Step<GradNormMethodState>] = [
        Step("basic-usage") { state, page in
            let config = GradNormConfig(
                alpha: 1.5,          // asymmetry parameter
                learningRate: 0.01,  // step size of the weight updates
                updateFrequency: 1,  // update the weights every step
                minWeight: 0.01,     // smallest allowed weight
                maxWeight: 100       // largest allowed weight
            )
            let balancer = try GradNormBalancer<Float>(numLosses: 3, config: config)
            let losses: [Float] = [0.6119, 0.3028, 1.7057]  // PDE, BC, data
            let weightedLoss = try balancer.computeWeightedLoss(losses)
            page.print("Weighted loss: \(weightedLoss)")
            page.print("Weights: \(Report.numpyArray(balancer.weights))")
        },
        Step("training-loop") { state, page in
            let experiment = try HeatExperiment<Float>(seededBy: .tutorial)  // heat equation, seed 42
            // Each step: losses and gradients → balancer.update (stores the initial losses on
            // its first step, then updates the weights every `updateFrequency` steps) →
            // Adam along Σ wᵢ·∇Lᵢ with the new weights.
            var training = try Training(problem: experiment.losses, model: experiment.initialModel,
                                        balancer: GradNormBalancer<Float>(numLosses: 3),
                                        optimizer: Adam<Float>(learningRate: 1e-3))
            try training.run(steps: state.steps) { record in
                state.weightHistory.append(record.weights)
                if record.step % (state.steps / 5) == 0 {
                    page.print("Step \(record.step): loss=\(Report.sci(record.totalLoss, 4)), "
                               + "weights=\(Report.numpyArray(record.weights.map(Float.init)))")
                }
                page.progress(record.step + 1, of: state.steps, "loss \(Report.sci(record.totalLoss, 3))")
            }
            state.heat = experiment
        },
        Step("gradient-norms", needs: ["training-loop"]) { state, page in
            let model = state.heat.initialModel
            let lossFunctions = state.heat.losses.functions  // PDE, BC, IC: each maps the model to a scalar
            let gradNorms = computeGradientNorms(model, lossFunctions)
            page.print("Gradient norms at the initial parameters: "
                       + Report.namedValues(heatNames, gradNorms.map(Double.init), "%.4e"))
            page.print("Largest / smallest: \(Report.fixed(Double(gradNorms.max()! / gradNorms.min()!), 1))x")
        },
    ]

    static let options: [Step<GradNormMethodState>] = [
        Step("config-table", tables: ["config"]) { state, page in
            let rows = GradNormConfig.fieldDocumentation.map { [$0.name, $0.defaultValue, $0.meaning] }
            try page.table("config", ResultTable(header: ["Field", "Default", "Meaning"], rows: rows,
                                                 alignments: [.left, .left, .left]))
        },
        Step("alpha-sweep", needs: ["training-loop"],
             values: ["sweep.best-alpha", "sweep.best-l2", "sweep.steps", "sweep.widest-alpha", "sweep.widest-ratio",
                      "sweep.narrowest-alpha", "sweep.narrowest-ratio"], figures: ["alpha-weights"], tables: ["alpha-sweep"]) { state, page in
            let alphas = [0, 0.5, 1, 1.5, 2]
            // Five trainings from the same start, one per α.
            let results = try state.trainHeat(alphas.map { GradNormConfig(alpha: $0) }, labels: alphas.map { "α = \(Report.alpha($0))" })
            var rows: [[String]] = []
            for (alpha, result) in zip(alphas, results) {
                state.sweep.append((alpha, result))
                let losses = result.run.finalLosses.map { Report.sci($0) }
                rows.append([Report.alpha(alpha)] + losses + [Report.sci(result.run.l2Error), Report.numpyArray(result.weights)])
                page.measured("α = \(Report.alpha(alpha)): \(Report.fixed(result.seconds, 2)) s")
                page.print("α = \(Report.alpha(alpha)): L2 error \(Report.sci(result.run.l2Error, 3)), "
                           + "weights \(Report.numpyArray(result.weights))")
            }
            try page.table("alpha-sweep", ResultTable(
                header: ["α", "PDE loss", "BC loss", "IC loss", "L2 error", "final weights"], rows: rows))
            let best = state.sweep.min { $0.result.run.l2Error < $1.result.run.l2Error }!
            try page.value("sweep.best-alpha", Report.alpha(best.alpha))
            try page.value("sweep.best-l2", Report.sci(best.result.run.l2Error))
            try page.value("sweep.steps", String(state.steps))
            let spreads = state.sweep.map { ($0.alpha, $0.result.weights.max()! / $0.result.weights.min()!) }
            let widest = spreads.max { $0.1 < $1.1 }!, narrowest = spreads.min { $0.1 < $1.1 }!
            try page.value("sweep.widest-alpha", Report.alpha(widest.0))
            try page.value("sweep.widest-ratio", Report.fixed(widest.1, 1))
            try page.value("sweep.narrowest-alpha", Report.alpha(narrowest.0))
            try page.value("sweep.narrowest-ratio", Report.fixed(narrowest.1, 1))
            let figure = MethodFigures.weightsPerAlpha(state.sweep, names: heatNames)
            try page.figure("alpha-weights", .drawing(figure, warningsTo: page))
        },
        Step("inverse-rates") { state, page in
            let currentLosses: [Double] = [1e-3, 1e-2, 1e-4]
            let initialLosses: [Double] = [1.0, 0.5, 0.1]
            let rates = try computeInverseTrainingRates(currentLosses: currentLosses, initialLosses: initialLosses)
            page.print("rates = [" + rates.map { Report.fixed($0, 4) }.joined(separator: ", ") + "]")
            page.print("mean  = \(Report.fixed(rates.reduce(0, +) / Double(rates.count), 4))")
        },
        Step("gradnorm-loss") { state, page in
            let balancer = try GradNormBalancer<Double>(numLosses: 3)  // weights 1, α = 1.5
            let gradNorms: [Double] = [2.0, 0.5, 0.1]
            let losses: [Double] = [1e-3, 1e-2, 1e-4]
            let initialLosses: [Double] = [1.0, 0.5, 0.1]
            let loss = try balancer.computeGradNormLoss(gradNorms: gradNorms, losses: losses, initialLosses: initialLosses)
            let gradient = try balancer.gradNormLossGradient(gradNorms: gradNorms, losses: losses, initialLosses: initialLosses)
            page.print("L_grad = \(Report.fixed(loss, 6))")
            page.print("dL_grad/dlog(w) = [" + gradient.map { Report.fixed($0, 6) }.joined(separator: ", ") + "]")
        },
        Step("initial-losses", needs: ["training-loop"]) { state, page in
            var balancer = try GradNormBalancer<Float>(numLosses: 3)
            do {
                _ = try balancer.getInitialLosses()
            } catch {
                page.print("Before step 0: \(error)")
            }
            let (losses, _) = state.heat.lossesAndGradients(at: state.heat.initialModel)
            try balancer.setInitialLosses(losses)
            page.print("After step 0:  " + Report.namedValues(heatNames, try balancer.getInitialLosses().map(Double.init), "%.4f"))
        },
        Step("weight-clamping") { state, page in
            let config = GradNormConfig(alpha: 1.5, learningRate: 0.5, minWeight: 0.1, maxWeight: 10)
            var balancer = try GradNormBalancer<Double>(numLosses: 3, config: config)
            // Gradient norms 10, 1 and 0.05: balancing them needs a weight ratio of 200,
            // more than the bounds allow (10 / 0.1 = 100). All losses train equally fast (r = 1).
            let gradNorms: [Double] = [10, 1, 0.05]
            let losses: [Double] = [0.5, 0.5, 0.5]
            let initialLosses: [Double] = [1, 1, 1]
            for update in 1...200 {
                try balancer.updateWeights(gradNorms: gradNorms, losses: losses, initialLosses: initialLosses)
                guard update == 1 || update % 25 == 0 else { continue }
                let bounds = balancer.weights.map { $0 <= 0.1 ? " (min)" : $0 >= 10 ? " (max)" : "" }
                let shown = zip(balancer.weights, bounds).map { Report.fixed($0, 3) + $1 }
                page.print("update \(String(format: "%3d", update)): " + shown.joined(separator: ", "))
            }
        },
        Step("update-frequency", needs: ["training-loop"], tables: ["update-frequency"]) { state, page in
            var rows: [[String]] = []
            let frequencies = [1, 10]  // every step is the α = 1.5 run of the sweep: the same settings
            let results = try state.trainHeat(frequencies.map { GradNormConfig(updateFrequency: $0) },
                                              labels: frequencies.map { "every \($0)" })
            for (frequency, result) in zip(frequencies, results) {
                let updates = (0..<state.steps).filter { $0 % frequency == 0 }.count
                rows.append([String(frequency), String(updates)] + result.run.finalLosses.map { Report.sci($0) }
                            + [Report.sci(result.run.l2Error), Report.numpyArray(result.weights)])
            }
            try page.table("update-frequency", ResultTable(
                header: ["update every", "weight updates", "PDE loss", "BC loss", "IC loss", "L2 error", "final weights"],
                rows: rows))
            for (frequency, result) in zip(frequencies, results) {
                page.measured("update every \(frequency): \(Report.fixed(result.seconds / Double(state.steps) * 1000, 3)) ms per step")
            }
        },
        Step("monitor-weights", needs: ["training-loop"], figures: ["weight-evolution"]) { state, page in
            let figure = MethodFigures.weightEvolution(state.weightHistory, names: heatNames)
            try page.figure("weight-evolution", .drawing(figure, warningsTo: page))
        },
    ]

    static let laplace: [Step<GradNormMethodState>] = [
        Step("laplace-setup") { state, page in
            let problem = LaplaceEquation()  // exact solution sin(πx)·sinh(πy)/sinh(π)
            var key = PRNGKey(seed: 0)
            func uniform(_ count: Int) -> [Float] {
                let (next, subkey) = key.split()
                key = next
                return subkey.uniform(count: count)
            }
            func points(_ xs: [Float], _ ys: [Float]) -> Tensor<Float> {
                Tensor(shape: [xs.count, 2], scalars: zip(xs, ys).flatMap { [$0, $1] })
            }
            func exact(_ points: Tensor<Float>) -> Tensor<Float> {
                let xy = points.scalars
                return Tensor((0..<points.shape[0]).map {
                    Float(problem.exactSolution(x: Double(xy[2 * $0]), y: Double(xy[2 * $0 + 1])))
                })
            }
            let interior = points(uniform(400), uniform(400))
            let side = uniform(50)
            let zeros = [Float](repeating: 0, count: 50), ones = [Float](repeating: 1, count: 50)
            let boundary = Tensor.concatenatingRows([points(side, zeros), points(side, ones),
                                                     points(zeros, side), points(ones, side)])
            let measured = points(uniform(20), uniform(20))
            state.laplace = LaplaceLosses(problem: problem, data: LaplaceData(
                interior: interior, boundary: boundary, boundaryValues: exact(boundary),
                dataPoints: measured, dataValues: exact(measured)))
            state.laplaceModel = MLP<Float>(layerSizes: [2, 64, 64, 1], rngs: Rngs(seed: 0))
            page.print("Interior points: \(Report.shape(interior)), boundary points: \(Report.shape(boundary)), "
                       + "data points: \(Report.shape(measured))")
            page.print("Parameters: \(Report.grouped(state.laplaceModel.parameterCount))")
        },
        Step("laplace-train", needs: ["laplace-setup"]) { state, page in
            let names = state.laplace.lossNames  // PDE, BC, Data
            var training = try Training(problem: state.laplace, model: state.laplaceModel,
                                        balancer: GradNormBalancer<Float>(numLosses: 3, config: GradNormConfig(alpha: 1.5, learningRate: 0.01)),
                                        optimizer: Adam<Float>(learningRate: 1e-3))
            try training.run(steps: state.laplaceSteps) { record in
                state.laplaceHistory.append(record)
                if record.step % state.laplaceReportEvery == 0 || record.step == state.laplaceSteps - 1 {
                    page.print("Step \(record.step)")
                    page.print("  Losses: " + Report.namedValues(names, record.losses, "%.4e"))
                    page.print("  Weights: \(Report.numpyArray(record.weights.map(Float.init)))")
                    page.print("  Total: \(Report.sci(record.totalLoss, 4))")
                }
                page.progress(record.step + 1, of: state.laplaceSteps, "loss \(Report.sci(record.totalLoss, 3))")
            }
            state.laplaceModel = training.model
            state.laplaceWeights = training.balancer.weights.map(Double.init)
        },
        Step("laplace-evaluate", needs: ["laplace-train"], values: ["laplace.l2", "laplace.steps"],
             figures: ["laplace-training", "laplace-solution"]) { state, page in
            let names = LaplaceLosses<Float>.names
            let evaluation = state.laplace.evaluate(state.laplaceModel, resolution: 50)
            let rmsError = evaluation.rmsError!, exact = evaluation.exact!, predicted = evaluation.predicted
            let finalLosses = state.laplace.lossValues(of: state.laplaceModel)
            page.print("Final losses: " + Report.namedValues(names, finalLosses, "%.4e"))
            page.print("Final weights: " + Report.namedValues(names, state.laplaceWeights, "%.3f"))
            page.print("L2 (RMS) error against the exact solution on a 50 x 50 grid: \(Report.sci(rmsError, 4))")
            try page.value("laplace.l2", Report.sci(rmsError))
            try page.value("laplace.steps", String(state.laplaceSteps))
            try page.figure("laplace-training", .drawing(MethodFigures.lossesAndWeights(state.laplaceHistory, names: names),
                                                         warningsTo: page))
            try page.figure("laplace-solution", .drawing(MethodFigures.laplaceSolution(
                exact: exact, predicted: predicted, resolution: 50, rmsError: rmsError), warningsTo: page))
        },
    ]
}
