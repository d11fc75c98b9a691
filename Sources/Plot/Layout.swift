/// A rectangle in pixels, origin at the top left.
struct Rect {
    var x: Double, y: Double, width: Double, height: Double
    var maxX: Double { x + width }
    var maxY: Double { y + height }
}

/// Font sizes and distances in points, after matplotlib's defaults.
enum Style {
    static let titleSize = 14.0, labelSize = 12.0, tickSize = 10.0, legendSize = 10.0
    static let majorTick = 3.5, minorTick = 2.0, tickPad = 3.5, labelPad = 4.0, titlePad = 6.0
    static let spineWidth = 0.8, gridWidth = 0.8, edgePad = 8.0
}

/// Where each subplot's plot area and colour bar go ("tight layout": the room for
/// titles, tick labels, axis labels and colour bars is measured, then the plot areas
/// of a grid row share top and bottom edges and those of a column share left and right).
struct Layout {
    struct Box {
        var plot: Rect
        var colorbar: Rect?
    }

    let boxes: [Box]

    init(figure: Figure, prepared: [PreparedAxes], renderer: CairoRenderer) {
        let (width, height) = figure.pixelSize
        let cellWidth = Double(width) / Double(figure.columns), cellHeight = Double(height) / Double(figure.rows)
        let px = renderer.pixels
        var left = [Double](repeating: 0, count: figure.columns), right = left
        var top = [Double](repeating: 0, count: figure.rows), bottom = top
        var colorbarWidths = [Double](repeating: 0, count: prepared.count)
        for (index, item) in prepared.enumerated() {
            let row = index / figure.columns, column = index % figure.columns
            let tickText = renderer.fontHeight(Style.tickSize)
            let yLabelWidth = item.yTicks.labels.map { renderer.width(of: $0, size: Style.tickSize) }.max() ?? 0
            let xEdge = (item.xTicks.labels.last.map { renderer.width(of: $0, size: Style.tickSize) } ?? 0) / 2
            var l = px(Style.edgePad) + yLabelWidth + px(Style.tickPad + Style.majorTick)
            if item.axes.yLabel != nil { l += renderer.fontHeight(Style.labelSize) + px(Style.labelPad) }
            var b = px(Style.edgePad) + tickText + px(Style.tickPad + Style.majorTick)
            if item.axes.xLabel != nil { b += renderer.fontHeight(Style.labelSize) + px(Style.labelPad) }
            var t = px(Style.edgePad) + tickText / 2
            if item.axes.title != nil { t = px(Style.edgePad) + renderer.fontHeight(Style.titleSize) + px(Style.titlePad) }
            var r = px(Style.edgePad) + xEdge
            if let colorbar = item.colorbar {
                let bar = cellHeight / 20
                let labels = colorbar.ticks.labels.map { renderer.width(of: $0, size: Style.tickSize) }.max() ?? 0
                colorbarWidths[index] = bar
                r = px(Style.edgePad) + 0.05 * cellWidth + bar + px(Style.majorTick + Style.tickPad) + labels
            }
            left[column] = Swift.max(left[column], l)
            right[column] = Swift.max(right[column], r)
            top[row] = Swift.max(top[row], t)
            bottom[row] = Swift.max(bottom[row], b)
        }
        boxes = prepared.indices.map { index in
            let row = index / figure.columns, column = index % figure.columns
            let plot = Rect(x: Double(column) * cellWidth + left[column], y: Double(row) * cellHeight + top[row],
                            width: Swift.max(1, cellWidth - left[column] - right[column]),
                            height: Swift.max(1, cellHeight - top[row] - bottom[row]))
            var colorbar: Rect? = nil
            if prepared[index].colorbar != nil {
                colorbar = Rect(x: plot.maxX + 0.05 * cellWidth, y: plot.y, width: colorbarWidths[index], height: plot.height)
            }
            return Box(plot: plot, colorbar: colorbar)
        }
    }
}
