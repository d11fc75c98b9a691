/// A polyline through data points.
public struct LineSeries: Sendable {
    /// x values.
    public var x: [Double]
    /// y values (same count as `x`). Non-finite points break the line.
    public var y: [Double]
    /// Stroke colour.
    public var color: Color
    /// Stroke width in points.
    public var width: Double
    /// Dash pattern in points (`nil`: solid).
    public var dash: [Double]?
    /// Legend text (`nil`: not in the legend).
    public var label: String?

    /// Creates a series.
    public init(x: [Double], y: [Double], color: Color, width: Double = 2, dash: [Double]? = nil, label: String? = nil) {
        self.x = x
        self.y = y
        self.color = color
        self.width = width
        self.dash = dash
        self.label = label
    }

    /// matplotlib's `--` pattern at a given line width.
    public static func dashed(width: Double) -> [Double] { [3.7 * width, 1.6 * width] }
}

/// A grid of values drawn as coloured cells over a rectangle of the data plane.
///
/// `values[row][column]`: row 0 is at the bottom (matplotlib's `origin="lower"`),
/// column 0 at the left; the cells fill `xRange × yRange` whatever the aspect.
public struct Heatmap: Sendable {
    /// The cell values, bottom row first.
    public var values: [[Double]]
    /// The x extent (left to right edges).
    public var xRange: ClosedRange<Double>
    /// The y extent (bottom to top edges).
    public var yRange: ClosedRange<Double>
    /// The colour map.
    public var colormap: Colormap
    /// Whether to draw a colour bar beside the axes.
    public var colorbar: Bool

    /// Creates a heat map.
    public init(values: [[Double]], xRange: ClosedRange<Double>, yRange: ClosedRange<Double>,
                colormap: Colormap = .viridis, colorbar: Bool = true) {
        self.values = values
        self.xRange = xRange
        self.yRange = yRange
        self.colormap = colormap
        self.colorbar = colorbar
    }

    /// The smallest and largest finite value.
    public var valueRange: ClosedRange<Double>? {
        let finite = values.joined().filter(\.isFinite)
        guard let low = finite.min(), let high = finite.max() else { return nil }
        return low...high
    }
}

/// Where a legend goes inside the axes.
public enum LegendPlacement: Equatable, Sendable {
    case upperRight, upperLeft, lowerLeft, lowerRight
    /// The corner or edge position that covers the fewest data points (matplotlib's "best").
    case best
}

/// One subplot: data, scales, labels and decorations.
public struct Axes: Sendable {
    public var title: String?
    public var xLabel: String?
    public var yLabel: String?
    /// The y axis scale (the x axis is linear).
    public var yScale: AxisScale = .linear
    public var lines: [LineSeries] = []
    public var heatmap: Heatmap?
    /// Legend placement, or `nil` for none (drawn only if a series has a label).
    public var legend: LegendPlacement? = .upperRight
    /// Light grid lines at the major ticks.
    public var grid: Bool = true
    /// Fixed limits instead of autoscaling.
    public var xLimits: ClosedRange<Double>?
    public var yLimits: ClosedRange<Double>?

    /// An empty subplot.
    public init() {}

    /// Adds a line.
    public mutating func plot(_ series: LineSeries) { lines.append(series) }
}
