import Experiments
import Foundation
import PINN
import Plot

/// The figures of the method page.
public enum MethodFigures {
    static let lossColors: [Color] = [.blue, .green, .red]

    /// One panel per loss weight, one line per α (colours from viridis).
    public static func weightsPerAlpha(_ sweep: [(alpha: Double, result: MethodRun)], names: [String]) -> Figure {
        var figure = Figure(width: 15, height: 4.5, dpi: 120, rows: 1, columns: names.count)
        for (i, name) in names.enumerated() {
            var axes = Axes()
            axes.title = "w_\(name)"
            axes.xLabel = "Training Step"
            axes.yLabel = i == 0 ? "Weight" : nil
            axes.legend = i == 0 ? .best : nil
            for (index, (alpha, result)) in sweep.enumerated() {
                let fraction = sweep.count > 1 ? Double(index) / Double(sweep.count - 1) * 0.85 : 0
                axes.plot(LineSeries(x: result.records.map { Double($0.step) }, y: result.records.map { $0.weights[i] },
                                     color: Colormap.viridis.color(at: fraction), label: "α = \(Report.alpha(alpha))"))
            }
            figure[0, i] = axes
        }
        return figure
    }

    /// The weights of one run against the training step.
    public static func weightEvolution(_ history: [[Double]], names: [String]) -> Figure {
        var figure = Figure(width: 8, height: 4.5, dpi: 120)
        var axes = Axes()
        axes.title = "GradNorm Weight Evolution"
        axes.xLabel = "Step"
        axes.yLabel = "Weight"
        for (i, name) in names.enumerated() {
            axes.plot(LineSeries(x: history.indices.map(Double.init), y: history.map { $0[i] }, color: lossColors[i], label: name))
        }
        figure[0, 0] = axes
        return figure
    }

    /// Losses (log scale) and weights of one run against the training step.
    public static func lossesAndWeights(_ records: [TrainingRecord], names: [String]) -> Figure {
        var figure = Figure(width: 12, height: 4.5, dpi: 120, rows: 1, columns: 2)
        var losses = Axes(), weights = Axes()
        losses.title = "Losses"
        losses.yScale = .log
        losses.yLabel = "Loss (log scale)"
        weights.title = "GradNorm Weights"
        weights.yLabel = "Weight"
        let steps = records.map { Double($0.step) }
        for (i, name) in names.enumerated() {
            let color = CombinationFigures.palette[i % CombinationFigures.palette.count]
            losses.plot(LineSeries(x: steps, y: records.map { $0.losses[i] }, color: color, width: 1.5, label: name))
            weights.plot(LineSeries(x: steps, y: records.map { $0.weights[i] }, color: color, width: 1.5, label: "w_\(name)"))
        }
        losses.xLabel = "Training Step"
        weights.xLabel = "Training Step"
        figure[0, 0] = losses
        figure[0, 1] = weights
        return figure
    }

    /// Exact solution, prediction and absolute error of the Laplace example on the unit square.
    public static func laplaceSolution(exact: [Double], predicted: [Double], resolution: Int, rmsError: Double) -> Figure {
        let error = zip(predicted, exact).map { Swift.abs($0 - $1) }
        return Figure.heatmapRow([
            ("Exact: sin(πx)·sinh(πy)/sinh(π)", exact, .viridis),
            (String(format: "GradNorm PINN (L2=%.2e)", rmsError), predicted, .viridis),
            ("Absolute Error", error, .hot),
        ], resolution: resolution, xRange: 0...1, yRange: 0...1, xLabel: "x", yLabel: "y",
           width: 15, height: 4, dpi: 120)
    }
}
