import Foundation
import Literate
import NeuralNet
import PINN
import Random

/// The loss-balancer comparison (`tutorials/loss-balancers.md`): ten balancers on three
/// problems from the same starts, a seed sweep and the NTK spectra. Each closure body below is
/// a snippet of the page.
public enum LossBalancersTutorial {
    public static func definition(markdownPath: String) -> Tutorial<LossBalancersState> {
        Tutorial(name: "loss-balancers", markdownPath: markdownPath, makeState: LossBalancersState.init, steps: steps)
    }

    static let steps: [Step<LossBalancersState>] = [
        Step("problems", values: LossBalancersReport.problemValues) { state, page in
            try LossBalancersReport.sizes(page)
            for problem in ComparedProblem.allCases {
                // The losses of the untrained network: how far apart they start.
                let losses = try problem.initialLosses(seed: state.seed(problem))
                page.print("\(problem.title): " + Report.namedValues(problem.lossNames, losses, "%.3e"))
                try LossBalancersReport.imbalance(problem, losses, page)
            }
        },
        Step("balancers", tables: ["balancers"]) { state, page in
            let rows = BalancerChoice.all.map { [$0.name, $0.rule, $0.source] }
            try page.table("balancers", ResultTable(header: ["Balancer", "Weights", "Source"], rows: rows,
                                                    alignments: [.left, .left, .left]))
        },
        Step("compare", needs: ["problems"]) { state, page in
            // Every balancer on every problem; on one problem all start from the same network and points.
            let problems = ComparedProblem.allCases
            let jobs = problems.flatMap { problem in
                BalancerChoice.all.map { (problem, $0, state.seed(problem), state.steps(problem)) }
            }
            state.runs = try Concurrently.map(jobs) { problem, balancer, seed, steps in
                try problem.train(with: balancer, seed: seed, steps: steps, evaluations: 20)
            }
            for run in state.runs {
                let perStep = run.seconds / Double(max(run.weights.count, 1))
                page.print(Report.padded(run.problem.title, 11) + Report.padded(run.balancer, 24)
                           + "relative L2 error \(Report.sci(run.finalError, 3))")
                page.measured("\(run.problem.title), \(run.balancer): \(Report.fixed(perStep * 1000, 3)) ms per step (one core)")
            }
        },
        Step("results", needs: ["compare"], publishes: LossBalancersReport.resultOutputs) { state, page in
            try LossBalancersReport.results(state, page)
        },
        Step("plot-weights", needs: ["compare"], figures: ["weights"]) { state, page in
            let figure = LossBalancersFigures.weights(state.runs(on: .helmholtz))
            try page.figure("weights", .drawing(figure, warningsTo: page))
        },
        Step("plot-errors", needs: ["compare"], figures: ["errors"]) { state, page in
            let figure = LossBalancersFigures.errors(ComparedProblem.allCases.map { state.runs(on: $0) })
            try page.figure("errors", .drawing(figure, warningsTo: page))
        },
        Step("seed-sweep", needs: ["compare"], publishes: LossBalancersReport.sweepOutputs) { state, page in
            // Fixed weights and the two most accurate balancers of seed 0, again from seeds 1 and 2:
            // other networks, other collocation points.
            let ranked = state.runs(on: .helmholtz).sorted { $0.finalError < $1.finalError }.map(\.balancer)
            let names = [BalancerChoice.all[0].name] + ranked.filter { $0 != BalancerChoice.all[0].name }.prefix(2)
            page.print("Sweeping: " + names.joined(separator: ", "))
            let jobs = state.sweepSeeds.dropFirst().flatMap { seed in names.compactMap { BalancerChoice.named($0) }.map { (seed, $0) } }
            let steps = state.steps(.helmholtz)
            state.sweep = try Concurrently.map(jobs) { seed, balancer in
                try ComparedProblem.helmholtz.train(with: balancer, seed: seed, steps: steps, evaluations: 1)
            }
            try LossBalancersReport.sweep(state, page)
        },
        Step("ntk-spectra", needs: ["compare"], publishes: LossBalancersReport.kernelOutputs) { state, page in
            let initial = MLP<Float>(layerSizes: ComparedProblem.layerSizes, rngs: Rngs(seed: 0))
            let networks = [("start", initial), ("end, fixed weights", state.run("Fixed weights", on: .helmholtz)!.model),
                            ("end, NTK weights", state.run("NTK weights", on: .helmholtz)!.model)]
            let kernels = try networks.map { label, model in (label, try state.helmholtzKernels(at: model)) }
            for (label, kernel) in kernels {
                page.print(Report.padded(label + ":", 20) + "tr K_rr = \(Report.sci(kernel.pde.trace, 3)), "
                           + "tr K_uu = \(Report.sci(kernel.boundary.trace, 3)), "
                           + "ratio \(Report.sci(kernel.pde.trace / kernel.boundary.trace, 3))")
            }
            try LossBalancersReport.kernels(start: kernels[0].1, fixed: kernels[1].1, ntk: kernels[2].1, page)
            try page.figure("ntk-spectra", .drawing(LossBalancersFigures.spectra(kernels), warningsTo: page))
        },
    ]
}
