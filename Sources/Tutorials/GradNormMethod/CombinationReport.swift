import DomainDecomposition
import Foundation
import Literate
import Multilevel
import PINN
import Plot
import Tensor

/// The tables, values and figures of the "Combining with Other Techniques" section, from the
/// runs of its steps.
enum CombinationReport {
    static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted(), n = sorted.count
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2
    }

    /// "lower" or "higher" (or "the same") for `a` against `b`.
    static func comparison(_ a: Double, _ b: Double) -> String { a < b ? "lower" : a > b ? "higher" : "the same" }

    /// What ``sampling(_:_:)`` publishes.
    static let samplingOutputs = Publications(values: ["rad.best", "rad.wu-word", "rad.wu-wins", "rad.opifex-word", "rad.steps", "rad.ratio"],
                                              figures: ["rad-points"], tables: ["rad"])

    static func sampling(_ state: CombinationState, _ page: StepOutput) throws {
        let methods = state.samplingRuns.reduce(into: [String]()) { if !$0.contains($1.method) { $0.append($1.method) } }
        let seeds = state.samplingRuns.reduce(into: [Int]()) { if !$0.contains($1.seed) { $0.append($1.seed) } }
        func runs(_ method: String) -> [SamplingRun] { state.samplingRuns.filter { $0.method == method } }
        var medians: [String: Double] = [:]
        var rows: [[String]] = []
        for method in methods {
            let errors = runs(method).map(\.l2Error)
            medians[method] = median(errors)
            let perStep = runs(method).map(\.seconds).reduce(0, +) / Double(runs(method).count * state.samplingSteps)
            rows.append([method] + errors.map { Report.sci($0) } + [Report.sci(medians[method]!)])
            page.measured("\(method): \(Report.fixed(perStep * 1000, 3)) ms per step (one core)")
        }
        try page.table("rad", ResultTable(header: ["points chosen by"] + seeds.map { "L2, seed \($0)" } + ["median"], rows: rows))
        let best = methods.min { medians[$0]! < medians[$1]! }!
        let uniform = "uniform", wu = "RAD (Wu et al.)", opifex = "RAD (Opifex)"
        let wuWins = seeds.filter { seed in
            runs(wu).first { $0.seed == seed }!.l2Error < runs(uniform).first { $0.seed == seed }!.l2Error
        }.count
        try page.value("rad.best", best)
        try page.value("rad.wu-word", comparison(medians[wu]!, medians[uniform]!))
        try page.value("rad.wu-wins", "\(wuWins) of \(seeds.count)")
        try page.value("rad.opifex-word", comparison(medians[opifex]!, medians[uniform]!))
        try page.value("rad.steps", String(state.samplingSteps))
        let ratio = max(medians[wu]!, medians[uniform]!) / min(medians[wu]!, medians[uniform]!)
        try page.value("rad.ratio", Report.fixed(ratio, 1))
        let shown = methods.map { method in state.samplingRuns.first { $0.method == method && $0.seed == seeds[0] }! }
        try page.figure("rad-points", .drawing(CombinationFigures.samplingDensity(shown, problem: state.peak), warningsTo: page))
    }

    /// What ``domainDecomposition(_:_:)`` publishes.
    static let domainDecompositionOutputs = Publications(values: ["xpinn.l2", "xpinn.jump", "xpinn.steps", "xpinn.heaviest", "xpinn.lightest"],
                                                         figures: ["xpinn-solution", "xpinn-training"], tables: ["xpinn"])

    static func domainDecomposition(_ state: CombinationState, _ page: StepOutput) throws {
        let problem = state.xpinnProblem!, model = state.xpinnModel!
        let evaluation = problem.evaluate(model, resolution: 50)
        let names = problem.lossNames
        let last = state.xpinnRecords.last!
        let interface = problem.interfaceValues(of: model, interface: 0)
        let jumps = zip(interface.valueLeft.scalars, interface.valueRight.scalars).map { Double(abs($0 - $1)) }
        try page.value("xpinn.l2", Report.sci(evaluation.rmsError!))
        try page.value("xpinn.jump", Report.sci(jumps.max()!))
        try page.value("xpinn.steps", String(state.xpinnSteps))
        // Several losses can share the extreme weight (both residuals at the lower clip, say): name them all.
        func named(_ weight: Double) -> String {
            names.indices.filter { last.weights[$0] == weight }.map { names[$0] }.joined(separator: " and ")
        }
        try page.value("xpinn.heaviest", named(last.weights.max()!))
        try page.value("xpinn.lightest", named(last.weights.min()!))
        let first = state.xpinnRecords[0]
        try page.table("xpinn", ResultTable(header: ["loss", "at step 0", "at the end", "final weight"], rows: names.indices.map {
            [names[$0], Report.sci(first.losses[$0]), Report.sci(last.losses[$0]), Report.fixed(last.weights[$0])]
        }))
        try page.figure("xpinn-solution", .drawing(CombinationFigures.xpinnSolution(evaluation, interfaces: problem.partition.interfaces),
                                                   warningsTo: page))
        try page.figure("xpinn-training", .drawing(MethodFigures.lossesAndWeights(state.xpinnRecords, names: names),
                                                   warningsTo: page))
    }

    /// What ``multilevel(_:_:)`` publishes.
    static let multilevelOutputs = Publications(values: ["cascade.steps", "cascade.l2-coarse", "cascade.l2-fine", "cascade.word", "cascade.largest-change"],
                                                figures: ["cascade-training"], tables: ["cascade"])

    static func multilevel(_ state: CombinationState, _ page: StepOutput) throws {
        let outcome = state.cascade!, problem = outcome.problem, levels = outcome.levels
        let grid = Grid.linspace(0, 1, 200)
        let input = Tensor<Float>(shape: [grid.count, 1], scalars: grid.map { Float($0) })
        var errors: [Double] = [], changes: [Double?] = []
        var rows: [[String]] = []
        for (index, level) in levels.enumerated() {
            errors.append(problem.evaluate(level.model, resolution: 200).rmsError!)
            // How far prolongation moved the network's output: the new level at its start against the coarse level's end.
            let change: Double? = index == 0 ? nil : zip(level.initialModel(input).scalars, levels[index - 1].model(input).scalars)
                .map { Double(abs($0 - $1)) }.max()!
            changes.append(change)
            let initial = level.balancer.initialLosses!.map(Double.init), last = level.records.last!
            var row: [String] = [String(level.level), "\(level.hiddenWidths)", Report.grouped(level.model.parameterCount)]
            row += initial.map { Report.sci($0) }
            row += last.losses.map { Report.sci($0) }
            row += [Report.numpyArray(last.weights.map(Float.init)), Report.sci(errors[index])]
            row.append(change.map { Report.sci($0) } ?? "–")
            rows.append(row)
        }
        try page.table("cascade", ResultTable(header: ["level", "hidden widths", "parameters", "PDE at start", "BC at start",
                                                       "PDE at end", "BC at end", "final weights", "L2 error", "output change at prolongation"],
                                              rows: rows))
        try page.value("cascade.steps", String(state.cascadeStepsPerLevel))
        try page.value("cascade.l2-coarse", Report.sci(errors.first!))
        try page.value("cascade.l2-fine", Report.sci(errors.last!))
        try page.value("cascade.word", comparison(errors.last!, errors.first!))
        try page.value("cascade.largest-change", Report.sci(changes.compactMap { $0 }.max()!))
        try page.figure("cascade-training", .drawing(CombinationFigures.cascade(outcome), warningsTo: page))
    }
}
