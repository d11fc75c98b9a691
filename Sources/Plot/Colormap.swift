/// A colour map from [0, 1] to colours, sampled like matplotlib's 256-entry colormaps.
public struct Colormap: Sendable {
    /// The map's name.
    public let name: String
    /// The 256 colours of the lookup table, low to high.
    public let table: [(Double, Double, Double)]

    /// The colour of `fraction` (clamped to [0, 1]); as matplotlib, index ⌊fraction·256⌋, 1 → 255.
    public func color(at fraction: Double) -> Color {
        let clamped = fraction.isNaN ? 0 : Swift.min(Swift.max(fraction, 0), 1)
        let index = Swift.min(Int(clamped * Double(table.count)), table.count - 1)
        let (r, g, b) = table[index]
        return Color(red: r, green: g, blue: b)
    }

    /// matplotlib's `viridis` (a listed map of 256 colours).
    public static let viridis = Colormap(name: "viridis", table: ViridisData.viridisTable)

    /// matplotlib's `hot`: black → red → yellow → white, from its segment data.
    public static let hot = Colormap(name: "hot", table: segmented(
        red: [(0, 0.0416), (0.365079, 1), (1, 1)],
        green: [(0, 0), (0.365079, 0), (0.746032, 1), (1, 1)],
        blue: [(0, 0), (0.746032, 0), (1, 1)]))

    /// A lookup table from piecewise-linear channels (matplotlib's `LinearSegmentedColormap`
    /// with continuous segments), sampled at `linspace(0, 1, 256)`.
    static func segmented(red: [(Double, Double)], green: [(Double, Double)], blue: [(Double, Double)]) -> [(Double, Double, Double)] {
        func channel(_ points: [(Double, Double)], _ x: Double) -> Double {
            for (a, b) in zip(points, points.dropFirst()) where x <= b.0 {
                return a.1 + (b.1 - a.1) * (x - a.0) / (b.0 - a.0)
            }
            return points.last!.1
        }
        return (0..<256).map { i in
            let x = Double(i) / 255
            return (channel(red, x), channel(green, x), channel(blue, x))
        }
    }
}
