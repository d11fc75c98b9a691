import DomainDecomposition
import Foundation
import PINN
import Plot
import Tensor

/// The figures of the "Combining with Other Techniques" section.
enum CombinationFigures {
    static let palette: [Color] = [.blue, .green, .red, .cyan, .magenta, .yellow, .black]

    /// The exact solution of the peak problem, then for each run how many of its collocation
    /// points (over all resampling rounds) fell in each cell of a `bins × bins` grid.
    static func samplingDensity(_ runs: [SamplingRun], problem: PeakPoissonProblem<Float>, bins: Int = 25) -> Figure {
        let grid = Grid.linspace(0, 1, bins)
        let exact = grid.flatMap { y in grid.map { x in problem.exactSolution(at: [x, y])! } }
        var panels: [(title: String, values: [Double], colormap: Colormap)] = [("Exact solution u", exact, .viridis)]
        for run in runs {
            var counts = [Double](repeating: 0, count: bins * bins)
            for points in run.rounds {
                let xy = points.scalars
                for i in 0..<points.shape[0] {
                    let column = min(Int(Double(xy[2 * i]) * Double(bins)), bins - 1)
                    let row = min(Int(Double(xy[2 * i + 1]) * Double(bins)), bins - 1)
                    counts[row * bins + column] += 1
                }
            }
            panels.append(("Points: \(run.method)", counts, .hot))
        }
        return Figure.heatmapRow(panels, resolution: bins, xRange: 0...1, yRange: 0...1, xLabel: "x", yLabel: "y",
                                 width: 4.2 * Double(panels.count), height: 4, dpi: 110)
    }

    /// Exact solution, XPINN prediction and absolute error, with the interfaces dashed.
    static func xpinnSolution(_ evaluation: FieldEvaluation, interfaces: [Interface]) -> Figure {
        let exact = evaluation.exact!
        let error = zip(evaluation.predicted, exact).map { abs($0 - $1) }
        var figure = Figure.heatmapRow([
            ("Exact: sin(πx)·sin(πy)", exact, .viridis),
            (String(format: "XPINN + GradNorm (L2=%.2e)", evaluation.rmsError!), evaluation.predicted, .viridis),
            ("Absolute error", error, .hot),
        ], resolution: evaluation.resolution, xRange: 0...1, yRange: 0...1, xLabel: "x", yLabel: "y",
           width: 15, height: 4, dpi: 120)
        for column in 0..<3 {
            for interface in interfaces {
                let first = interface.points.first!, last = interface.points.last!
                figure[0, column].plot(LineSeries(x: [first[0], last[0]], y: [first[1], last[1]], color: .white, width: 1.5,
                                                  dash: LineSeries.dashed(width: 1.5)))
            }
        }
        return figure
    }

    /// Losses and weights of every cascade level against the total step (dotted lines where a
    /// level starts), and each level's solution against the exact one.
    static func cascade(_ outcome: CascadeOutcome) -> Figure {
        var figure = Figure(width: 16, height: 4.5, dpi: 110, rows: 1, columns: 3)
        var losses = Axes(), weights = Axes(), solutions = Axes()
        losses.title = "Losses (new balancer at each level)"
        losses.yScale = .log
        losses.yLabel = "Loss (log scale)"
        weights.title = "GradNorm Weights"
        weights.yLabel = "Weight"
        solutions.title = "Solution after each level"
        solutions.xLabel = "x"
        solutions.yLabel = "u"
        let names = outcome.problem.lossNames
        var offset = 0.0
        let grid = Grid.linspace(0, 1, 200)
        let input = Tensor<Float>(shape: [grid.count, 1], scalars: grid.map { Float($0) })
        let allLosses = outcome.levels.flatMap { $0.records.flatMap(\.losses) }.filter { $0 > 0 }
        let allWeights = outcome.levels.flatMap { $0.records.flatMap(\.weights) }
        let lossSpan = (allLosses.min() ?? 1e-6, allLosses.max() ?? 1), weightSpan = (0.0, allWeights.max() ?? 1)
        for level in outcome.levels {
            let steps = level.records.map { offset + Double($0.step) }
            for (i, name) in names.enumerated() {
                let label = level.level == 0 ? name : nil
                losses.plot(LineSeries(x: steps, y: level.records.map { $0.losses[i] }, color: palette[i], width: 1.5, label: label))
                weights.plot(LineSeries(x: steps, y: level.records.map { $0.weights[i] }, color: palette[i], width: 1.5,
                                        label: label.map { "w_\($0)" }))
            }
            if level.level > 0 {
                for axes in [0, 1] {
                    let bounds = axes == 0 ? lossSpan : weightSpan
                    let line = LineSeries(x: [offset, offset], y: [bounds.0, bounds.1], color: .black, width: 1,
                                          dash: LineSeries.dashed(width: 1))
                    if axes == 0 { losses.plot(line) } else { weights.plot(line) }
                }
            }
            let fraction = Double(level.level) / Double(max(outcome.levels.count - 1, 1)) * 0.85
            solutions.plot(LineSeries(x: grid, y: level.model(input).scalars.map(Double.init), color: Colormap.viridis.color(at: fraction),
                                      width: 1.5, label: "level \(level.level) \(level.hiddenWidths)"))
            offset += Double(level.records.count)
        }
        solutions.plot(LineSeries(x: grid, y: grid.map { outcome.problem.exactSolution(at: [$0])! }, color: .red, width: 1.5,
                                  dash: LineSeries.dashed(width: 1.5), label: "exact"))
        losses.xLabel = "Training step (all levels)"
        weights.xLabel = "Training step (all levels)"
        figure[0, 0] = losses
        figure[0, 1] = weights
        figure[0, 2] = solutions
        return figure
    }
}
