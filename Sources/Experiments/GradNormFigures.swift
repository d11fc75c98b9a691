import Foundation
import NeuralNet
import PINN
import Plot
import Tensor

/// The GradNorm tutorial's two figures, drawn from a finished run.
public enum GradNormFigures {
    static let lossColors: [Color] = [.blue, .green, .red]

    /// 2×2 panels (12×10 in at 150 dpi): total loss of both runs, each run's individual
    /// losses (log scale) and GradNorm's weights, one point per training step plus the
    /// losses after the last update.
    public static func trainingComparison(_ result: HeatExperimentResult<Float>) -> Figure {
        let names = HeatLosses<Float>.names
        let steps = result.gradNormRecords.map { Double($0.step) } + [Double(result.config.steps)]
        let fixedSteps = result.fixedRecords.map { Double($0.step) } + [Double(result.config.steps)]
        let finalTotal = zip(result.finalWeights, result.gradNorm.finalLosses).reduce(0) { $0 + $1.0 * $1.1 }
        var figure = Figure(width: 12, height: 10, dpi: 150, rows: 2, columns: 2)

        var total = Axes()
        total.title = "Total Loss Comparison"
        total.plot(LineSeries(x: steps, y: result.gradNormRecords.map(\.totalLoss) + [finalTotal], color: .blue, label: "GradNorm"))
        total.plot(LineSeries(x: fixedSteps, y: result.fixedRecords.map(\.totalLoss) + [result.fixed.finalLosses.reduce(0, +)],
                              color: .red, dash: LineSeries.dashed(width: 2), label: "Fixed"))
        total.yLabel = "Total Loss (log scale)"
        figure[0, 0] = logAxes(total)

        var gradNormLosses = Axes()
        gradNormLosses.title = "GradNorm: Individual Losses"
        gradNormLosses.yLabel = "Loss (log scale)"
        var fixedLosses = Axes()
        fixedLosses.title = "Fixed Weights: Individual Losses"
        fixedLosses.yLabel = "Loss (log scale)"
        var weights = Axes()
        weights.title = "GradNorm Weight Evolution"
        weights.yLabel = "Weight"
        weights.xLabel = "Training Step"
        for (i, name) in names.enumerated() {
            gradNormLosses.plot(LineSeries(x: steps, y: result.gradNormRecords.map { $0.losses[i] } + [result.gradNorm.finalLosses[i]],
                                           color: lossColors[i], label: name))
            fixedLosses.plot(LineSeries(x: fixedSteps, y: result.fixedRecords.map { $0.losses[i] } + [result.fixed.finalLosses[i]],
                                        color: lossColors[i], label: name))
            weights.plot(LineSeries(x: steps.dropLast().map { $0 }, y: result.gradNormRecords.map { $0.weights[i] },
                                    color: lossColors[i], label: "w_\(name)"))
        }
        figure[0, 1] = logAxes(gradNormLosses)
        figure[1, 0] = logAxes(fixedLosses)
        figure[1, 1] = weights
        return figure
    }

    private static func logAxes(_ axes: Axes) -> Axes {
        var axes = axes
        axes.yScale = .log
        axes.xLabel = "Training Step"
        return axes
    }

    /// 1×3 panels (15×4 in at 150 dpi): the exact solution, GradNorm's prediction with its
    /// RMS error in the title, and the absolute error (colormap `hot`), on the evaluation grid.
    public static func solution(_ result: HeatExperimentResult<Float>, resolution: Int = 50) -> Figure {
        let problem = result.config.problem
        let grid = Grid(resolution: resolution, tMax: problem.tMax)
        let prediction = result.gradNorm.model(grid.points(Float.self)).scalars.map(Double.init)
        let exact = grid.coordinates.map { Double(Float(problem.exactSolution(x: $0.0, t: $0.1))) }
        let error = zip(prediction, exact).map { Swift.abs($0 - $1) }
        return Figure.heatmapRow([
            ("Exact Solution", exact, .viridis),
            (String(format: "GradNorm (L2=%.2e)", result.gradNorm.l2Error), prediction, .viridis),
            ("Absolute Error", error, .hot),
        ], resolution: resolution, xRange: 0...1, yRange: 0...problem.tMax, xLabel: "x", yLabel: "t",
           width: 15, height: 4, dpi: 150)
    }
}
