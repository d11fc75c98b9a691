import CCairo
import Foundation

/// Draws prepared subplots on a Cairo image surface.
final class CairoRenderer {
    private let surface: OpaquePointer
    private let context: OpaquePointer
    private let dpi: Double
    static let fontFamily = "DejaVu Sans"

    init(width: Int, height: Int, dpi: Double) throws {
        surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, Int32(width), Int32(height))
        guard cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS else {
            throw PlotError.rendering("cannot create a \(width)×\(height) image")
        }
        context = cairo_create(surface)
        self.dpi = dpi
        cairo_set_source_rgb(context, 1, 1, 1)
        cairo_paint(context)
        cairo_select_font_face(context, Self.fontFamily, CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL)
    }

    deinit {
        cairo_destroy(context)
        cairo_surface_destroy(surface)
    }

    /// Points to pixels.
    func pixels(_ points: Double) -> Double { points * dpi / 72 }

    // MARK: - Text

    func fontHeight(_ size: Double) -> Double {
        cairo_set_font_size(context, pixels(size))
        var extents = cairo_font_extents_t()
        cairo_font_extents(context, &extents)
        return extents.ascent + extents.descent
    }

    func width(of text: String, size: Double) -> Double {
        cairo_set_font_size(context, pixels(size))
        var extents = cairo_text_extents_t()
        cairo_text_extents(context, text, &extents)
        return extents.x_advance
    }

    func width(of label: TickLabel, size: Double) -> Double {
        width(of: label.text, size: size) + (label.superscript.map { width(of: $0, size: size * 0.7) } ?? 0)
    }

    /// Draws text with its reference point at `(x, y)`; `horizontal` 0 = left, 0.5 = centre,
    /// 1 = right; `vertical` 0 = top, 0.5 = middle, 1 = bottom of the font box.
    func text(_ label: TickLabel, size: Double, x: Double, y: Double, horizontal: Double, vertical: Double,
              color: Color = .black, rotation: Double = 0) {
        let main = width(of: label.text, size: size)
        let total = width(of: label, size: size)
        cairo_set_font_size(context, pixels(size))
        var font = cairo_font_extents_t()
        cairo_font_extents(context, &font)
        let boxHeight = font.ascent + font.descent
        cairo_save(context)
        cairo_translate(context, x, y)
        cairo_rotate(context, rotation)
        let originX = -horizontal * total
        let baseline = -vertical * boxHeight + font.ascent
        set(color)
        cairo_move_to(context, originX, baseline)
        cairo_show_text(context, label.text)
        if let superscript = label.superscript {
            cairo_set_font_size(context, pixels(size * 0.7))
            cairo_move_to(context, originX + main, baseline - 0.45 * font.ascent)
            cairo_show_text(context, superscript)
        }
        cairo_restore(context)
    }

    func text(_ string: String, size: Double, x: Double, y: Double, horizontal: Double, vertical: Double,
              rotation: Double = 0) {
        text(TickLabel(text: string), size: size, x: x, y: y, horizontal: horizontal, vertical: vertical, rotation: rotation)
    }

    // MARK: - Primitives

    private func set(_ color: Color) {
        cairo_set_source_rgba(context, color.red, color.green, color.blue, color.alpha)
    }

    private func line(_ x0: Double, _ y0: Double, _ x1: Double, _ y1: Double, width: Double, color: Color) {
        set(color)
        cairo_set_line_width(context, width)
        cairo_move_to(context, x0, y0)
        cairo_line_to(context, x1, y1)
        cairo_stroke(context)
    }

    private func rectangle(_ rect: Rect, fill: Color? = nil, stroke: Color? = nil, width: Double = 1) {
        cairo_rectangle(context, rect.x, rect.y, rect.width, rect.height)
        if let fill {
            set(fill)
            if stroke != nil { cairo_fill_preserve(context) } else { cairo_fill(context) }
        }
        if let stroke {
            set(stroke)
            cairo_set_line_width(context, width)
            cairo_stroke(context)
        }
    }

    /// Paints `colors` (rows × columns, row 0 at the bottom) into `rect` with square pixels.
    private func image(_ colors: [[Color]], in rect: Rect) {
        let rows = colors.count, columns = colors[0].count
        let image = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, Int32(columns), Int32(rows))!
        defer { cairo_surface_destroy(image) }
        cairo_surface_flush(image)
        let stride = Int(cairo_image_surface_get_stride(image))
        let data = cairo_image_surface_get_data(image)!
        for r in 0..<rows {
            let source = colors[rows - 1 - r]
            for c in 0..<columns {
                let color = source[c]
                let pixel = (UInt32(255) << 24) | (UInt32((color.red * 255).rounded()) << 16)
                    | (UInt32((color.green * 255).rounded()) << 8) | UInt32((color.blue * 255).rounded())
                (data + r * stride + 4 * c).withMemoryRebound(to: UInt32.self, capacity: 1) { $0.pointee = pixel }
            }
        }
        cairo_surface_mark_dirty(image)
        cairo_save(context)
        cairo_rectangle(context, rect.x, rect.y, rect.width, rect.height)
        cairo_clip(context)
        cairo_translate(context, rect.x, rect.y)
        cairo_scale(context, rect.width / Double(columns), rect.height / Double(rows))
        cairo_set_source_surface(context, image, 0, 0)
        cairo_pattern_set_filter(cairo_get_source(context), CAIRO_FILTER_NEAREST)
        cairo_paint(context)
        cairo_restore(context)
    }

    // MARK: - Subplots

    func draw(_ item: PreparedAxes, in box: Layout.Box) {
        let plot = box.plot
        let px = pixels
        func xPixel(_ value: Double) -> Double { plot.x + item.x.fraction(of: value) * plot.width }
        func yPixel(_ value: Double) -> Double { plot.maxY - item.y.fraction(of: value) * plot.height }

        if let heatmap = item.axes.heatmap, let values = heatmap.valueRange {
            let span = values.upperBound - values.lowerBound
            let colors = heatmap.values.map { row in
                row.map { value in
                    value.isFinite ? heatmap.colormap.color(at: span > 0 ? (value - values.lowerBound) / span : 0.5) : Color.white
                }
            }
            let left = xPixel(heatmap.xRange.lowerBound), right = xPixel(heatmap.xRange.upperBound)
            let bottom = yPixel(heatmap.yRange.lowerBound), topEdge = yPixel(heatmap.yRange.upperBound)
            cairo_save(context)
            cairo_rectangle(context, plot.x, plot.y, plot.width, plot.height)
            cairo_clip(context)
            image(colors, in: Rect(x: left, y: topEdge, width: right - left, height: bottom - topEdge))
            cairo_restore(context)
        }

        if item.axes.grid && item.axes.heatmap == nil {
            let gridColor = Color(red: 0.69, green: 0.69, blue: 0.69, alpha: 0.3)
            for value in item.xTicks.major { line(xPixel(value), plot.y, xPixel(value), plot.maxY, width: px(Style.gridWidth), color: gridColor) }
            for value in item.yTicks.major { line(plot.x, yPixel(value), plot.maxX, yPixel(value), width: px(Style.gridWidth), color: gridColor) }
        }

        cairo_save(context)
        cairo_rectangle(context, plot.x, plot.y, plot.width, plot.height)
        cairo_clip(context)
        cairo_set_line_join(context, CAIRO_LINE_JOIN_ROUND)
        cairo_set_line_cap(context, CAIRO_LINE_CAP_BUTT)
        for (series, runs) in zip(item.axes.lines, item.runs) {
            set(series.color)
            cairo_set_line_width(context, px(series.width))
            let dash = (series.dash ?? []).map(px)
            cairo_set_dash(context, dash, Int32(dash.count), 0)
            for run in runs {
                for (i, point) in run.enumerated() {
                    if i == 0 { cairo_move_to(context, xPixel(point.0), yPixel(point.1)) } else { cairo_line_to(context, xPixel(point.0), yPixel(point.1)) }
                }
                if run.count == 1 { cairo_rel_line_to(context, 0.01, 0) }
                cairo_stroke(context)
            }
        }
        cairo_set_dash(context, nil, 0, 0)
        cairo_restore(context)

        rectangle(plot, stroke: .black, width: px(Style.spineWidth))
        drawTicks(item, plot: plot, xPixel: xPixel, yPixel: yPixel)

        if let title = item.axes.title {
            text(title, size: Style.titleSize, x: plot.x + plot.width / 2, y: plot.y - px(Style.titlePad), horizontal: 0.5, vertical: 1)
        }
        if let label = item.axes.xLabel {
            let y = plot.maxY + px(Style.majorTick + Style.tickPad) + fontHeight(Style.tickSize) + px(Style.labelPad)
            text(label, size: Style.labelSize, x: plot.x + plot.width / 2, y: y, horizontal: 0.5, vertical: 0)
        }
        if let label = item.axes.yLabel {
            let widest = item.yTicks.labels.map { width(of: $0, size: Style.tickSize) }.max() ?? 0
            let x = plot.x - px(Style.majorTick + Style.tickPad) - widest - px(Style.labelPad)
            text(label, size: Style.labelSize, x: x, y: plot.y + plot.height / 2, horizontal: 0.5, vertical: 1, rotation: -Double.pi / 2)
        }
        if let placement = item.axes.legend, item.axes.lines.contains(where: { $0.label != nil }) {
            drawLegend(item, plot: plot, placement: placement, xPixel: xPixel, yPixel: yPixel)
        }
        if let bar = box.colorbar, let colorbar = item.colorbar, let heatmap = item.axes.heatmap {
            let steps = 256
            let colors = (0..<steps).map { [heatmap.colormap.color(at: (Double($0) + 0.5) / Double(steps))] }
            image(colors, in: bar)
            rectangle(bar, stroke: .black, width: px(Style.spineWidth))
            for (value, label) in zip(colorbar.ticks.major, colorbar.ticks.labels) {
                let y = bar.maxY - colorbar.range.fraction(of: value) * bar.height
                line(bar.maxX, y, bar.maxX + px(Style.majorTick), y, width: px(Style.spineWidth), color: .black)
                text(label, size: Style.tickSize, x: bar.maxX + px(Style.majorTick + Style.tickPad), y: y, horizontal: 0, vertical: 0.5)
            }
        }
    }

    private func drawTicks(_ item: PreparedAxes, plot: Rect, xPixel: (Double) -> Double, yPixel: (Double) -> Double) {
        let px = pixels
        let epsilon = 1e-6
        for (value, label) in zip(item.xTicks.major, item.xTicks.labels) {
            let f = item.x.fraction(of: value)
            guard f >= -epsilon && f <= 1 + epsilon else { continue }
            let x = xPixel(value)
            line(x, plot.maxY, x, plot.maxY + px(Style.majorTick), width: px(Style.spineWidth), color: .black)
            text(label, size: Style.tickSize, x: x, y: plot.maxY + px(Style.majorTick + Style.tickPad), horizontal: 0.5, vertical: 0)
        }
        for (value, label) in zip(item.yTicks.major, item.yTicks.labels) {
            let f = item.y.fraction(of: value)
            guard f >= -epsilon && f <= 1 + epsilon else { continue }
            let y = yPixel(value)
            line(plot.x - px(Style.majorTick), y, plot.x, y, width: px(Style.spineWidth), color: .black)
            text(label, size: Style.tickSize, x: plot.x - px(Style.majorTick + Style.tickPad), y: y, horizontal: 1, vertical: 0.5)
        }
        for value in item.yTicks.minor {
            let y = yPixel(value)
            line(plot.x - px(Style.minorTick), y, plot.x, y, width: px(0.6), color: .black)
        }
    }

    private func drawLegend(_ item: PreparedAxes, plot: Rect, placement: LegendPlacement,
                            xPixel: (Double) -> Double, yPixel: (Double) -> Double) {
        let px = pixels
        let entries = item.axes.lines.filter { $0.label != nil }
        let rowHeight = fontHeight(Style.legendSize) * 1.1
        let sample = px(20), gap = px(8), inner = px(5)
        let textWidth = entries.map { width(of: $0.label!, size: Style.legendSize) }.max() ?? 0
        let size = (width: inner * 2 + sample + gap + textWidth, height: inner * 2 + rowHeight * Double(entries.count))
        let frame = Self.legendFrame(size: size, plot: plot, placement: placement, points: item.runs.joined().flatMap { run in
            run.map { (xPixel($0.0), yPixel($0.1)) }
        }, margin: px(5))
        rectangle(frame, fill: Color.white.withAlpha(0.8), stroke: .lightGray, width: px(0.8))
        for (i, entry) in entries.enumerated() {
            let y = frame.y + inner + rowHeight * (Double(i) + 0.5)
            set(entry.color)
            cairo_set_line_width(context, px(entry.width))
            let dash = (entry.dash ?? []).map(px)
            cairo_set_dash(context, dash, Int32(dash.count), 0)
            cairo_move_to(context, frame.x + inner, y)
            cairo_line_to(context, frame.x + inner + sample, y)
            cairo_stroke(context)
            cairo_set_dash(context, nil, 0, 0)
            text(entry.label!, size: Style.legendSize, x: frame.x + inner + sample + gap, y: y, horizontal: 0, vertical: 0.5)
        }
    }

    /// The legend's frame: a fixed corner, or for `.best` the candidate position covering
    /// the fewest data points (in matplotlib's order of preference on ties).
    static func legendFrame(size: (width: Double, height: Double), plot: Rect, placement: LegendPlacement,
                            points: [(Double, Double)], margin: Double) -> Rect {
        let left = plot.x + margin, right = plot.maxX - margin - size.width
        let top = plot.y + margin, bottom = plot.maxY - margin - size.height
        let centerX = plot.x + (plot.width - size.width) / 2, centerY = plot.y + (plot.height - size.height) / 2
        func rect(_ x: Double, _ y: Double) -> Rect { Rect(x: x, y: y, width: size.width, height: size.height) }
        switch placement {
        case .upperRight: return rect(right, top)
        case .upperLeft: return rect(left, top)
        case .lowerLeft: return rect(left, bottom)
        case .lowerRight: return rect(right, bottom)
        case .best:
            let candidates = [rect(right, top), rect(left, top), rect(left, bottom), rect(right, bottom),
                              rect(right, centerY), rect(left, centerY), rect(centerX, bottom), rect(centerX, top),
                              rect(centerX, centerY)]
            func covered(_ r: Rect) -> Int {
                points.reduce(0) { $0 + (($1.0 >= r.x && $1.0 <= r.maxX && $1.1 >= r.y && $1.1 <= r.maxY) ? 1 : 0) }
            }
            return candidates.min { covered($0) < covered($1) }!
        }
    }

    // MARK: - Output

    /// The surface's pixels as (red, green, blue), row by row (the image is opaque).
    func rgbPixels() -> [(UInt8, UInt8, UInt8)] {
        cairo_surface_flush(surface)
        let width = Int(cairo_image_surface_get_width(surface)), height = Int(cairo_image_surface_get_height(surface))
        let stride = Int(cairo_image_surface_get_stride(surface))
        let data = cairo_image_surface_get_data(surface)!
        var out: [(UInt8, UInt8, UInt8)] = []
        out.reserveCapacity(width * height)
        for y in 0..<height {
            for x in 0..<width {
                let pixel = (data + y * stride + 4 * x).withMemoryRebound(to: UInt32.self, capacity: 1) { $0.pointee }
                out.append((UInt8((pixel >> 16) & 0xFF), UInt8((pixel >> 8) & 0xFF), UInt8(pixel & 0xFF)))
            }
        }
        return out
    }

    func pngData() throws -> Data {
        cairo_surface_flush(surface)
        let sink = PNGSink()
        let status = cairo_surface_write_to_png_stream(surface, { closure, bytes, length in
            guard let closure, let bytes else { return CAIRO_STATUS_WRITE_ERROR }
            Unmanaged<PNGSink>.fromOpaque(closure).takeUnretainedValue().data.append(bytes, count: Int(length))
            return CAIRO_STATUS_SUCCESS
        }, Unmanaged.passUnretained(sink).toOpaque())
        guard status == CAIRO_STATUS_SUCCESS else { throw PlotError.rendering("PNG encoding failed (cairo status \(status.rawValue))") }
        return sink.data
    }
}

private final class PNGSink {
    var data = Data()
}
