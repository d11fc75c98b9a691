import Foundation

/// A figure: a grid of subplots of a given size, drawn to PNG with Cairo.
///
/// ```swift
/// var figure = Figure(width: 12, height: 10, dpi: 150, rows: 2, columns: 2)
/// figure[0, 0].title = "Total Loss Comparison"
/// figure[0, 0].yScale = .log
/// figure[0, 0].plot(LineSeries(x: steps, y: losses, color: .blue, label: "GradNorm"))
/// let png = try figure.renderPNG().data
/// ```
public struct Figure: Sendable {
    /// Width in inches.
    public var width: Double
    /// Height in inches.
    public var height: Double
    /// Pixels per inch.
    public var dpi: Double
    /// Subplot rows.
    public let rows: Int
    /// Subplot columns.
    public let columns: Int
    /// The subplots, row by row.
    public var axes: [Axes]

    /// Creates a figure with an empty grid of subplots.
    public init(width: Double, height: Double, dpi: Double = 100, rows: Int = 1, columns: Int = 1) {
        precondition(rows >= 1 && columns >= 1, "a figure needs at least one subplot")
        self.width = width
        self.height = height
        self.dpi = dpi
        self.rows = rows
        self.columns = columns
        self.axes = Array(repeating: Axes(), count: rows * columns)
    }

    /// The subplot at `(row, column)`.
    public subscript(row: Int, column: Int) -> Axes {
        get { axes[row * columns + column] }
        set { axes[row * columns + column] = newValue }
    }

    /// Size in pixels.
    public var pixelSize: (width: Int, height: Int) {
        (Int((width * dpi).rounded()), Int((height * dpi).rounded()))
    }

    /// A rendered figure.
    public struct Rendered: Sendable {
        /// The PNG file's bytes.
        public var data: Data
        /// Data that could not be shown (for example non-positive values on a log axis).
        public var warnings: [String]
    }

    /// Draws the figure.
    /// - Throws: ``PlotError`` for unusable data or settings.
    public func renderPNG() throws -> Rendered {
        let (renderer, warnings, _) = try draw()
        return Rendered(data: try renderer.pngData(), warnings: warnings)
    }

    /// The drawn pixels and where each subplot's plot area and colour bar went, for
    /// checking a figure without decoding its PNG.
    public struct Raster {
        /// Width and height in pixels.
        public var width: Int, height: Int
        /// Row-major pixels as (red, green, blue) in 0...255.
        public var pixels: [(UInt8, UInt8, UInt8)]
        /// Per subplot: the plot area `(x, y, width, height)` in pixels, origin top left.
        public var plotAreas: [(x: Double, y: Double, width: Double, height: Double)]
        /// Per subplot: the colour bar's rectangle, if any.
        public var colorbars: [(x: Double, y: Double, width: Double, height: Double)?]
        /// The pixel at `(x, y)`.
        public subscript(x: Int, y: Int) -> (UInt8, UInt8, UInt8) { pixels[y * width + x] }
    }

    /// Draws the figure into memory.
    public func renderRaster() throws -> Raster {
        let (renderer, _, layout) = try draw()
        let (w, h) = pixelSize
        return Raster(width: w, height: h, pixels: renderer.rgbPixels(),
                      plotAreas: layout.boxes.map { ($0.plot.x, $0.plot.y, $0.plot.width, $0.plot.height) },
                      colorbars: layout.boxes.map { box in box.colorbar.map { ($0.x, $0.y, $0.width, $0.height) } })
    }

    private func draw() throws -> (CairoRenderer, [String], Layout) {
        guard width > 0, height > 0, dpi > 0, width * dpi <= 20_000, height * dpi <= 20_000 else {
            throw PlotError.invalidSetting("figure size \(width)×\(height) in at \(dpi) dpi is not drawable")
        }
        var warnings: [String] = []
        let prepared = try axes.enumerated().map { index, axes in
            try PreparedAxes(axes, name: axes.title ?? "subplot \(index + 1)", warnings: &warnings)
        }
        let renderer = try CairoRenderer(width: pixelSize.width, height: pixelSize.height, dpi: dpi)
        let layout = Layout(figure: self, prepared: prepared, renderer: renderer)
        for (index, item) in prepared.enumerated() {
            renderer.draw(item, in: layout.boxes[index])
        }
        return (renderer, warnings, layout)
    }
}

/// A subplot with its data checked and its ranges and ticks resolved.
struct PreparedAxes {
    let axes: Axes
    let x: AxisRange
    let y: AxisRange
    let xTicks: Ticks
    let yTicks: Ticks
    /// Per line, the runs of consecutive drawable points.
    let runs: [[[(Double, Double)]]]
    /// The colour bar's value range and ticks, if drawn.
    let colorbar: (range: AxisRange, ticks: Ticks)?

    init(_ axes: Axes, name: String, warnings: inout [String]) throws {
        self.axes = axes
        var xs: [Double] = [], ys: [Double] = []
        var runs: [[[(Double, Double)]]] = []
        for (index, line) in axes.lines.enumerated() {
            let label = line.label.map { "'\($0)'" } ?? "line \(index + 1)"
            guard line.x.count == line.y.count else {
                throw PlotError.mismatchedLengths("\(name): \(label) has \(line.x.count) x values and \(line.y.count) y values")
            }
            guard !line.x.isEmpty else { throw PlotError.noData("\(name): \(label) is empty") }
            var lineRuns: [[(Double, Double)]] = [[]]
            var nonPositive = 0, nonFinite = 0
            for (x, y) in zip(line.x, line.y) {
                if !x.isFinite || !y.isFinite {
                    nonFinite += 1
                } else if axes.yScale == .log && y <= 0 {
                    nonPositive += 1
                } else {
                    lineRuns[lineRuns.count - 1].append((x, y))
                    xs.append(x)
                    ys.append(y)
                    continue
                }
                if !lineRuns[lineRuns.count - 1].isEmpty { lineRuns.append([]) }
            }
            if nonPositive > 0 && nonPositive + nonFinite == line.y.count {
                throw PlotError.noData("\(name): \(label) has no positive values for the logarithmic axis")
            }
            if nonFinite == line.y.count { throw PlotError.noData("\(name): \(label) has no finite values") }
            if nonPositive > 0 { warnings.append("\(name): skipped \(nonPositive) non-positive value(s) of \(label) on the logarithmic axis") }
            if nonFinite > 0 { warnings.append("\(name): skipped \(nonFinite) NaN or infinite point(s) of \(label)") }
            runs.append(lineRuns.filter { !$0.isEmpty })
        }
        var colorbar: (AxisRange, Ticks)? = nil
        if let heatmap = axes.heatmap {
            guard let first = heatmap.values.first, !first.isEmpty, heatmap.values.allSatisfy({ $0.count == first.count }) else {
                throw PlotError.mismatchedLengths("\(name): heat map rows must be non-empty and of equal length")
            }
            guard let values = heatmap.valueRange else { throw PlotError.noData("\(name): heat map has no finite values") }
            xs += [heatmap.xRange.lowerBound, heatmap.xRange.upperBound]
            ys += [heatmap.yRange.lowerBound, heatmap.yRange.upperBound]
            if heatmap.colorbar {
                let range = values.upperBound > values.lowerBound ? AxisRange(lower: values.lowerBound, upper: values.upperBound)
                    : AxisRange(lower: values.lowerBound - 0.5, upper: values.upperBound + 0.5)
                colorbar = (range, Ticks.linear(range, maxCount: 8))
            }
        }
        guard !xs.isEmpty else { throw PlotError.noData("\(name): nothing to plot") }
        let margin = axes.heatmap == nil ? 0.05 : 0
        x = try axes.xLimits.map { AxisRange(lower: $0.lowerBound, upper: $0.upperBound) }
            ?? AxisRange.autoscaled(xs, scale: .linear, margin: margin, what: "\(name) x")
        y = try axes.yLimits.map { AxisRange(lower: $0.lowerBound, upper: $0.upperBound, scale: axes.yScale) }
            ?? AxisRange.autoscaled(ys, scale: axes.yScale, margin: margin, what: "\(name) y")
        xTicks = Ticks.linear(x)
        yTicks = axes.yScale == .log ? Ticks.log(y) : Ticks.linear(y)
        self.runs = runs
        self.colorbar = colorbar.map { (range: $0.0, ticks: $0.1) }
    }
}
