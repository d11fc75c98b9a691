import DomainDecomposition
import Foundation
import GradNorm
import Literate
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
            for seed in 0..<3 {
                let problem = CombinationState.peakProblem(seed: seed)  // 64 uniform points to start
                let model = MLP<Float>(layerSizes: [2, 32, 32, 1], rngs: Rngs(seed: Int64(seed)))
                for (method, schedule) in schedules {  // the same start for every schedule
                    var training = try Training(problem: problem, model: model, balancer: GradNormBalancer<Float>(numLosses: 2),
                                                optimizer: Adam<Float>(learningRate: 1e-3))
                    var rounds: [Tensor<Float>] = []
                    training.resampling = try schedule(PRNGKey(seed: Int64(100 + seed))).observing { rounds.append($0.collocationPoints) }
                    var records: [TrainingRecord] = []
                    let seconds = try training.run(steps: state.combined.samplingSteps) { records.append($0) }
                    let l2 = training.problem.evaluate(training.model).rmsError!
                    state.combined.samplingRuns.append(SamplingRun(method: method, seed: seed, l2Error: l2, seconds: seconds,
                                                                   records: records, rounds: rounds))
                    page.print("seed \(seed)  \(method.padding(toLength: 16, withPad: " ", startingAt: 0))"
                               + "L2 error \(Report.sci(l2, 3))   final weights [PDE, BC] = "
                               + Report.numpyArray(training.balancer.weights))
                }
            }
            state.combined.peak = CombinationState.peakProblem(seed: 0)
        },
        Step("rad-results", needs: ["rad-gradnorm"]) { state, page in
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
        Step("xpinn-results", needs: ["xpinn-gradnorm"]) { state, page in
            try CombinationReport.domainDecomposition(state.combined, page)
        },
    ]
}
