extension Figure {
    /// One heat map per panel, side by side, over the same square grid.
    /// - Parameters:
    ///   - panels: Title, values (row-major, `resolution × resolution`, first row at the bottom) and colormap of each panel.
    ///   - resolution: Points per axis of the grid.
    ///   - xRange, yRange: The grid's extent.
    ///   - xLabel, yLabel: Axis labels of every panel.
    ///   - width, height, dpi: The figure's size.
    public static func heatmapRow(
        _ panels: [(title: String, values: [Double], colormap: Colormap)], resolution: Int,
        xRange: ClosedRange<Double>, yRange: ClosedRange<Double>, xLabel: String, yLabel: String,
        width: Double, height: Double, dpi: Double
    ) -> Figure {
        func rows(_ values: [Double]) -> [[Double]] {
            (0..<resolution).map { Array(values[($0 * resolution)..<(($0 + 1) * resolution)]) }
        }
        var figure = Figure(width: width, height: height, dpi: dpi, rows: 1, columns: panels.count)
        for (column, panel) in panels.enumerated() {
            var axes = Axes()
            axes.title = panel.title
            axes.xLabel = xLabel
            axes.yLabel = yLabel
            axes.grid = false
            axes.heatmap = Heatmap(values: rows(panel.values), xRange: xRange, yRange: yRange, colormap: panel.colormap)
            figure[0, column] = axes
        }
        return figure
    }
}
