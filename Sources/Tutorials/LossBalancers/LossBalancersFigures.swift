import Foundation
import NTK
import Plot

/// The figures of the loss-balancer page.
enum LossBalancersFigures {
    /// Ten colours that stay apart (matplotlib's `tab10`), one per balancer in table order.
    static let palette: [Color] = [
        (31, 119, 180), (255, 127, 14), (44, 160, 44), (214, 39, 40), (148, 103, 189),
        (140, 86, 75), (227, 119, 194), (127, 127, 127), (188, 189, 34), (23, 190, 207),
    ].map { Color(red: Double($0.0) / 255, green: Double($0.1) / 255, blue: Double($0.2) / 255) }

    /// One panel per balancer: each loss's weight against the step (log scale), for one problem.
    static func weights(_ runs: [BalancerRun]) -> Figure {
        let columns = 5, rows = (runs.count + columns - 1) / columns
        var figure = Figure(width: 17, height: 3.3 * Double(rows), dpi: 100, rows: rows, columns: columns)
        let names = runs.first?.problem.lossNames ?? []
        for (index, run) in runs.enumerated() {
            var axes = Axes()
            axes.title = run.balancer
            axes.yScale = .log
            if index % columns == 0 { axes.yLabel = "Weight (log scale)" }
            if index / columns == rows - 1 { axes.xLabel = "Training step" }
            let steps = run.weights.indices.map(Double.init)
            for (loss, name) in names.enumerated() {
                let values = run.weights.map { Swift.max($0[loss], 1e-12) }
                axes.plot(LineSeries(x: steps, y: values, color: [Color.blue, .red, .green][loss % 3], width: 1.5,
                                     label: "w_\(name)"))
            }
            axes.legend = index == 0 ? .best : nil
            figure[index / columns, index % columns] = axes
        }
        return figure
    }

    /// One panel per problem: the relative L2 error of every balancer against the step.
    static func errors(_ runsPerProblem: [[BalancerRun]]) -> Figure {
        var figure = Figure(width: 17, height: 5, dpi: 100, rows: 1, columns: runsPerProblem.count)
        for (column, runs) in runsPerProblem.enumerated() {
            var axes = Axes()
            axes.title = runs.first?.problem.title
            axes.yScale = .log
            axes.xLabel = "Training step"
            if column == 0 { axes.yLabel = "Relative L2 error (log scale)" }
            for (index, run) in runs.enumerated() {
                axes.plot(LineSeries(x: run.errors.map { Double($0.step) }, y: run.errors.map { Swift.max($0.error, 1e-12) },
                                     color: palette[index % palette.count], width: 1.5,
                                     dash: index >= palette.count ? LineSeries.dashed(width: 1.5) : nil,
                                     label: column == runsPerProblem.count - 1 ? run.balancer : nil))
            }
            axes.legend = column == runsPerProblem.count - 1 ? .best : nil
            figure[0, column] = axes
        }
        return figure
    }

    /// The eigenvalues of `K_uu` and `K_rr`, largest first, for each labelled network.
    static func spectra(_ kernels: [(String, LossBalancersReport.Kernels)]) -> Figure {
        var figure = Figure(width: 12, height: 4.5, dpi: 100, rows: 1, columns: 2)
        for (column, title) in ["K_uu (boundary loss)", "K_rr (PDE loss)"].enumerated() {
            var axes = Axes()
            axes.title = "Eigenvalues of " + title
            axes.yScale = .log
            axes.xLabel = "Index"
            if column == 0 { axes.yLabel = "Eigenvalue (log scale)" }
            for (index, (label, pair)) in kernels.enumerated() {
                let eigenvalues = (column == 0 ? pair.boundary : pair.pde).eigenvalues
                let positive = eigenvalues.prefix { $0 > 1e-10 }
                axes.plot(LineSeries(x: positive.indices.map(Double.init), y: Array(positive),
                                     color: [Color.black, .blue, .red][index % 3], width: 1.5, label: label))
            }
            figure[0, column] = axes
        }
        return figure
    }
}
