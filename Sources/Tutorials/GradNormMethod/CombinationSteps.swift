import DomainDecomposition
import Foundation
import GradNorm
import Literate
import Multilevel
import NeuralNet
import PINN
import Random
import Sampling
import Tensor

/// The method page's "Combining with Other Techniques": GradNorm with adaptive sampling,
/// with domain decomposition and with multilevel training, each run. Each closure body is a
/// snippet of the page.
enum CombinationSteps {
    static let adaptiveSampling: [Step<GradNormMethodState>] = [
        Step("rad-gradnorm") { state, page in
            // Every 100 steps, 64 of 256 fresh uniform candidates become the PDE points.
            let candidates = CandidatePoints.freshUniform(count: 256)
            let schedules: [(String, (PRNGKey) throws -> Resampling<PeakPoissonProblem<Float>>)] = [
                ("uniform", { try .uniform(candidates: candidates, count: 64, every: 100, key: $0) }),
                ("RAD (Wu et al.)", { try .residualAdaptive(ResidualAdaptiveSampler(.wu2023(k: 1, c: 1, replace: false)),
                                                          candidates: candidates, count: 64, every: 100, key: $0) }),
                ("RAD (Opifex)", { try .residualAdaptive(ResidualAdaptiveSampler(.opifex(beta: 1, minProbability: 1e-6)),
                                                       candidates: candidates, count: 64, every: 100, key: $0) }),
            ]
            // Every (seed, schedule) pair is an independent training on one core; they run two at a time.
            let jobs = (0..<3).flatMap { seed in schedules.map { (seed, $0) } }
            let runs = try Concurrently.map(jobs) { seed, schedule in
                var training = try Training(problem: CombinationState.peakProblem(seed: seed),  // 64 uniform points
                                            model: MLP<Float>(layerSizes: [2, 32, 32, 1], rngs: Rngs(seed: Int64(seed))),
                                            balancer: GradNormBalancer<Float>(numLosses: 2), optimizer: Adam<Float>(learningRate: 1e-3))
                training.parts = 1  // 64 points: one batch, no split
                var rounds: [Tensor<Float>] = []
                training.resampling = try schedule.1(PRNGKey(seed: Int64(100 + seed))).observing { rounds.append($0.collocationPoints) }
                var records: [TrainingRecord] = []
                let seconds = try training.run(steps: state.combined.samplingSteps) { records.append($0) }
                return SamplingRun(method: schedule.0, seed: seed, l2Error: training.problem.evaluate(training.model).rmsError!,
                                   seconds: seconds, records: records, rounds: rounds)
            }
            for run in runs {
                page.print("seed \(run.seed)  \(run.method.padding(toLength: 16, withPad: " ", startingAt: 0))"
                           + "L2 error \(Report.sci(run.l2Error, 3))   final weights [PDE, BC] = "
                           + Report.numpyArray(run.records.last!.weights.map(Float.init)))
            }
            state.combined.samplingRuns = runs
            state.combined.peak = CombinationState.peakProblem(seed: 0)
        },
        Step("rad-results", needs: ["rad-gradnorm"], publishes: CombinationReport.samplingOutputs) { state, page in
            try CombinationReport.sampling(state.combined, page)
        },
    ]

    static let domainDecomposition: [Step<GradNormMethodState>] = [
        Step("xpinn-gradnorm") { state, page in
            // −Δu = 2π² sin(πx) sin(πy) on the unit square, u = 0 on its edges; two boxes meet at x = 0.5.
            let partition = try BoxPartition(bounds: [0...1, 0...1], counts: [2, 1], interfacePoints: 32)
            let points = partition.subdomains.map { PRNGKey(seed: Int64($0.id)).uniformPoints(count: 200, in: $0.bounds) }
            let edges: Tensor<Float> = Grid.rectangleBoundary([0...1, 0...1], perSide: 25)
            let boundary = LossTerm<XPINNModel<Float>>.meanSquare("BC", at: edges) { model, x in model(x) }
            let problem = try XPINNProblem(partition: partition, collocationPoints: points, additionalLosses: [boundary],
                                           exactSolution: { sin(.pi * $0[0]) * sin(.pi * $0[1]) }) { u, x in
                u.xx + u.yy + CombinationState.sineForcing(x)
            }
            let model = try XPINNModel<Float>(partition: partition, hiddenWidths: [20, 20], rngs: Rngs(seed: 0))
            var training = try Training(problem: problem, model: model,
                                        balancer: GradNormBalancer<Float>(numLosses: problem.lossTerms.count),
                                        optimizer: Adam<Float>(learningRate: 1e-3))
            let names = problem.lossNames  // residual_0, residual_1, continuity, flux, BC
            page.print("Losses balanced: " + names.joined(separator: ", "))
            try training.run(steps: state.combined.xpinnSteps) { record in
                state.combined.xpinnRecords.append(record)
                if record.step % (state.combined.xpinnSteps / 4) == 0 || record.step == state.combined.xpinnSteps - 1 {
                    page.print("Step \(record.step)")
                    page.print("  Losses:  " + Report.namedValues(names, record.losses, "%.3e"))
                    page.print("  Weights: " + Report.namedValues(names, record.weights, "%.3f"))
                }
                page.progress(record.step + 1, of: state.combined.xpinnSteps, "loss \(Report.sci(record.totalLoss, 3))")
            }
            state.combined.xpinnProblem = problem
            state.combined.xpinnModel = training.model
        },
        Step("xpinn-results", needs: ["xpinn-gradnorm"], publishes: CombinationReport.domainDecompositionOutputs) { state, page in
            try CombinationReport.domainDecomposition(state.combined, page)
        },
    ]

    static let multilevel: [Step<GradNormMethodState>] = [
        Step("cascade-gradnorm") { state, page in
            // −u″ = f on [0, 1], u(0) = u(1) = 0, with u = sin(πx) + 0.3·sin(5πx): a smooth part and a faster wave.
            let points = try PoissonProblem1D<Float>.evenlySpacedPoints(count: 100, in: 0.005...0.995)
            let problem = try PoissonProblem1D(collocationPoints: points,
                                               forcing: { .pi * .pi * (sin(.pi * $0) + 7.5 * sin(5 * .pi * $0)) },
                                               exactSolution: { sin(.pi * $0) + 0.3 * sin(5 * .pi * $0) })
            // Hidden widths [8, 8] → [16, 16] → [32, 32], all three drawn up front from one Rngs(0).
            let hierarchy = try NetworkHierarchy<Float>(inputDimensions: 1, outputDimensions: 1, baseHiddenWidths: [32, 32],
                                                        levelCount: 3, coarseningFactor: 0.5, rngs: Rngs(seed: 0))
            var cascade = CascadeTraining(hierarchy: hierarchy, optimizer: Adam<Float>(learningRate: 1e-3), problem: problem) { _ in
                try GradNormBalancer<Float>(numLosses: 2)  // a new balancer, with new initial losses, at every level
            }
            let steps = state.combined.cascadeStepsPerLevel
            let levels = try cascade.run(stepsPerLevel: [steps, steps, steps])
            for level in levels {
                let first = level.records.first!, last = level.records.last!
                page.print("Level \(level.level), hidden widths \(level.hiddenWidths), \(Report.grouped(level.model.parameterCount)) parameters")
                page.print("  initial losses (new balancer): " + Report.namedValues(problem.lossNames, level.balancer.initialLosses!.map(Double.init), "%.4e"))
                page.print("  weights after its first step:  " + Report.namedValues(problem.lossNames, first.weights, "%.3f"))
                page.print("  final losses:                  " + Report.namedValues(problem.lossNames, last.losses, "%.4e"))
                page.print("  final weights:                 " + Report.namedValues(problem.lossNames, last.weights, "%.3f"))
                page.print("  L2 error: \(Report.sci(problem.evaluate(level.model, resolution: 200).rmsError!, 3)), "
                           + "Adam steps so far: \(level.optimizer.step)")
            }
            state.combined.cascade = CascadeOutcome(problem: problem, levels: levels)
        },
        Step("cascade-results", needs: ["cascade-gradnorm"], publishes: CombinationReport.multilevelOutputs) { state, page in
            try CombinationReport.multilevel(state.combined, page)
        },
    ]
}
