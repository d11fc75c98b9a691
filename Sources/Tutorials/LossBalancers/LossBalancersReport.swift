import Experiments
import Foundation
import Literate
import NTK

/// The tables and computed prose of the loss-balancer page: every comparison word is chosen
/// here from the runs.
enum LossBalancersReport {
    static let problemKeys = ComparedProblem.allCases.map(\.rawValue)

    // MARK: - The problems

    static let problemValues = problemKeys.flatMap { ["\($0).largest-loss", "\($0).imbalance"] }
        + ["heat.points", "helmholtz.points", "laplace.points", "square.network"]

    /// The sizes of the problems, read from their definitions.
    static func sizes(_ page: StepOutput) throws {
        let heat = HeatExperimentConfig.tutorial
        try page.value("heat.points", "\(heat.collocationPoints) collocation points, \(2 * heat.boundaryPointsPerSide) boundary "
                       + "points, \(heat.initialPoints) initial points, a \(network(heat.layerSizes)) network from seed \(heat.seed)")
        for problem in [ComparedProblem.helmholtz, .laplace] {
            try page.value("\(problem.rawValue).points", "\(problem.interiorPoints) uniform collocation points (drawn from the seed) "
                           + "and \(problem.boundaryPointsPerSide) points per edge")
        }
        try page.value("square.network", network(ComparedProblem.layerSizes))
    }

    /// "2 → 32 → 32 → 32 → 1".
    static func network(_ sizes: [Int]) -> String { sizes.map(String.init).joined(separator: " → ") }

    /// Which loss starts largest on `problem`, and by what factor over the smallest.
    static func imbalance(_ problem: ComparedProblem, _ losses: [Double], _ page: StepOutput) throws {
        let largest = losses.indices.max { losses[$0] < losses[$1] }!
        try page.value("\(problem.rawValue).largest-loss", problem.lossNames[largest])
        try page.value("\(problem.rawValue).imbalance", Report.sci(losses.max()! / losses.min()!, 1))
    }

    // MARK: - The results table

    static let resultOutputs = Publications(
        values: problemKeys.flatMap { ["\($0).winner", "\($0).verdict", "\($0).worst", "\($0).steps"] }
            + ["overall.best-rank", "overall.mean-rank", "overall.every-problem", "overall.beat-fixed", "gradnorm.variants"],
        tables: ["results"])

    static func results(_ state: LossBalancersState, _ page: StepOutput) throws {
        var rows: [[String]] = [], ranks: [String: [Int]] = [:]
        for problem in ComparedProblem.allCases {
            let runs = state.runs(on: problem)
            let fixed = runs.first { $0.balancer == BalancerChoice.all[0].name }!
            let order = runs.sorted { $0.finalError < $1.finalError }
            for run in runs {
                let rank = order.firstIndex { $0.balancer == run.balancer }! + 1
                ranks[run.balancer, default: []].append(rank)
                let losses = zip(problem.lossNames, run.finalLosses).map { "\($0) \(Report.sci($1))" }.joined(separator: ", ")
                rows.append([problem.title, run.balancer, losses, Report.sci(run.finalError),
                             Report.fixed(run.finalError / fixed.finalError, 2) + "×", "\(rank)"])
            }
            let winner = order[0], worst = order[order.count - 1], key = problem.rawValue
            try page.value("\(key).winner", winner.balancer)
            try page.value("\(key).worst", "\(worst.balancer) (\(Report.sci(worst.finalError)))")
            try page.value("\(key).steps", "\(state.steps(problem))")
            try page.value("\(key).verdict", verdict(winner: winner, fixed: fixed, runnerUp: order[1]))
        }
        try page.table("results", ResultTable(
            header: ["Problem", "Balancer", "Final losses", "L2 error", "× fixed", "Rank"], rows: rows,
            alignments: [.left, .left, .left, .right, .right, .right]))
        let meanRanks = BalancerChoice.all.map { ($0.name, Double(ranks[$0.name]!.reduce(0, +)) / Double(ranks[$0.name]!.count)) }
        let best = meanRanks.min { $0.1 < $1.1 }!
        try page.value("overall.best-rank", best.0)
        try page.value("overall.mean-rank", Report.fixed(best.1, 1))
        let winners = Set(ComparedProblem.allCases.map { problem in state.runs(on: problem).min { $0.finalError < $1.finalError }!.balancer })
        try page.value("overall.every-problem", winners.count == 1
            ? "\(winners.first!) won on every problem"
            : "no balancer won on every problem: \(winners.count) different balancers won the three")
        let beatFixed = BalancerChoice.all.dropFirst().map(\.name).filter { name in
            ComparedProblem.allCases.allSatisfy { state.run(name, on: $0)!.finalError < state.run(BalancerChoice.all[0].name, on: $0)!.finalError }
        }
        try page.value("overall.beat-fixed", beatFixed.isEmpty ? "none of the balancers" : list(beatFixed))
        let paperWins = ComparedProblem.allCases.filter {
            state.run("GradNorm (paper)", on: $0)!.finalError < state.run("GradNorm (reference)", on: $0)!.finalError
        }.count
        try page.value("gradnorm.variants", "the paper's form was the more accurate on \(paperWins) of the 3 problems, "
                       + "the reference form on \(3 - paperWins)")
    }

    /// "X won with …, N× lower than fixed weights (…)", or how close the balancers came when fixed weights won.
    static func verdict(winner: BalancerRun, fixed: BalancerRun, runnerUp: BalancerRun) -> String {
        if winner.balancer == fixed.balancer {
            return "fixed weights won (\(Report.sci(fixed.finalError))); the best balancer, \(runnerUp.balancer), "
                + "ended \(Report.fixed(runnerUp.finalError / fixed.finalError, 2))× higher (\(Report.sci(runnerUp.finalError)))"
        }
        return "\(winner.balancer) won with \(Report.sci(winner.finalError)), "
            + "\(Report.fixed(fixed.finalError / winner.finalError, 1))× lower than fixed weights (\(Report.sci(fixed.finalError))); "
            + "next came \(runnerUp.balancer) (\(Report.sci(runnerUp.finalError)))"
    }

    static func list(_ names: [String]) -> String {
        names.count < 2 ? names.joined() : names.dropLast().joined(separator: ", ") + " and " + names.last!
    }

    // MARK: - The seed sweep

    static let sweepOutputs = Publications(values: ["sweep.best", "sweep.best-mean", "sweep.fixed-mean", "sweep.against-fixed",
                                                    "sweep.runner-up", "sweep.against-runner-up"],
                                           tables: ["sweep"])

    static func sweep(_ state: LossBalancersState, _ page: StepOutput) throws {
        let all = state.runs(on: .helmholtz) + state.sweep
        var swept: [String] = []
        for run in state.sweep where !swept.contains(run.balancer) { swept.append(run.balancer) }
        let errors = swept.map { name in
            (name, state.sweepSeeds.map { seed in all.first { $0.balancer == name && $0.seed == seed }!.finalError })
        }
        func mean(_ values: [Double]) -> Double { values.reduce(0, +) / Double(values.count) }
        try page.table("sweep", ResultTable(
            header: ["Balancer"] + state.sweepSeeds.map { "Seed \($0)" } + ["Mean", "Largest / smallest"],
            rows: errors.map { name, values in
                [name] + values.map { Report.sci($0) } + [Report.sci(mean(values)), Report.fixed(values.max()! / values.min()!, 2)]
            }))
        let order = errors.sorted { mean($0.1) < mean($1.1) }
        let best = order[0], runnerUp = order[1], fixed = errors[0]
        try page.value("sweep.best", best.0)
        try page.value("sweep.best-mean", Report.sci(mean(best.1)))
        try page.value("sweep.fixed-mean", Report.sci(mean(fixed.1)))
        try page.value("sweep.against-fixed", best.0 == fixed.0 ? "fixed weights themselves had the lowest mean"
                       : separation(best, fixed))
        try page.value("sweep.runner-up", runnerUp.0)
        try page.value("sweep.against-runner-up", separation(best, runnerUp))
    }

    /// Whether every seed of `better` beat every seed of `other` (a gap larger than the seed-to-seed spread).
    static func separation(_ better: (String, [Double]), _ other: (String, [Double])) -> String {
        let worst = Report.sci(better.1.max()!), best = Report.sci(other.1.min()!)
        return better.1.max()! < other.1.min()!
            ? "larger than the seed-to-seed spread: every seed of \(better.0) (worst \(worst)) beat every seed of \(other.0) (best \(best))"
            : "not larger than the seed-to-seed spread: the worst seed of \(better.0) (\(worst)) did not beat the best seed of "
                + "\(other.0) (\(best))"
    }

    // MARK: - The NTK

    static let kernelOutputs = Publications(values: ["ntk.ratio-start", "ntk.ratio-fixed", "ntk.ratio-ntk", "ntk.condition-start",
                                                     "ntk.condition-fixed", "ntk.fixed-change", "ntk.start-larger"],
                                            figures: ["ntk-spectra"])

    typealias Kernels = (pde: SpectralDiagnostics, boundary: SpectralDiagnostics)

    static func kernels(start: Kernels, fixed: Kernels, ntk: Kernels, _ page: StepOutput) throws {
        func ratio(_ kernels: Kernels) -> Double { kernels.pde.trace / kernels.boundary.trace }
        try page.value("ntk.ratio-start", Report.sci(ratio(start), 1))
        try page.value("ntk.ratio-fixed", Report.sci(ratio(fixed), 1))
        try page.value("ntk.ratio-ntk", Report.sci(ratio(ntk), 1))
        try page.value("ntk.condition-start", Report.sci(start.pde.conditionNumber, 1))
        try page.value("ntk.condition-fixed", Report.sci(fixed.pde.conditionNumber, 1))
        try page.value("ntk.start-larger", ratio(start) >= 1
            ? "the PDE residual's kernel is the larger, so with equal weights gradient descent fits the residual first and the boundary slowly"
            : "the boundary's kernel is the larger, so with equal weights gradient descent fits the boundary first and the residual slowly")
        let factor = ratio(fixed) / ratio(start)
        try page.value("ntk.fixed-change", factor >= 1 ? "grew \(Report.fixed(factor, 1))×" : "shrank \(Report.fixed(1 / factor, 1))×")
    }
}
