import Plot
import XCTest

final class RenderingTests: XCTestCase {
    private func lineFigure(_ series: [LineSeries], yScale: AxisScale = .linear) -> Figure {
        var figure = Figure(width: 4, height: 3, dpi: 100)
        var axes = Axes()
        axes.title = "Test"
        axes.xLabel = "x"
        axes.yLabel = "y"
        axes.yScale = yScale
        axes.legend = nil
        axes.grid = false
        for s in series { axes.plot(s) }
        figure[0, 0] = axes
        return figure
    }

    func testAKnownLineLandsOnTheExpectedPixels() throws {
        // A horizontal line at y = 0.25 and a vertical one at x = 0.75 on fixed [0, 1] limits.
        var figure = lineFigure([
            LineSeries(x: [0, 1], y: [0.25, 0.25], color: .red, width: 2),
            LineSeries(x: [0.75, 0.75], y: [0, 1], color: .blue, width: 2),
        ])
        figure[0, 0].xLimits = 0...1
        figure[0, 0].yLimits = 0...1
        let raster = try figure.renderRaster()
        XCTAssertEqual(raster.width, 400)
        XCTAssertEqual(raster.height, 300)
        let plot = raster.plotAreas[0]
        let row = Int((plot.y + 0.75 * plot.height).rounded(.down))
        let column = Int((plot.x + 0.25 * plot.width).rounded(.down))
        XCTAssertEqual(raster[column, row].0, 255)
        XCTAssertLessThan(raster[column, row].1, 60, "red line at y = 0.25")
        XCTAssertEqual(raster[column, row - 6].1, 255, "white a few pixels above the line")
        let blueColumn = Int((plot.x + 0.75 * plot.width).rounded(.down))
        let blueRow = Int((plot.y + 0.5 * plot.height).rounded(.down))
        XCTAssertEqual(raster[blueColumn, blueRow].2, 255)
        XCTAssertLessThan(raster[blueColumn, blueRow].0, 60, "blue line at x = 0.75")
        XCTAssertGreaterThan(plot.x, 20, "room for the y tick labels and label")
        XCTAssertLessThan(plot.y + plot.height, 290, "room for the x tick labels and label")
    }

    func testRendersAreByteIdentical() throws {
        let figure = lineFigure([LineSeries(x: [1, 2, 3], y: [1e-3, 1e-1, 1], color: .green, dash: LineSeries.dashed(width: 2), label: "a")],
                                yScale: .log)
        let first = try figure.renderPNG().data, second = try figure.renderPNG().data
        XCTAssertEqual(first, second)
        XCTAssertEqual(Array(first.prefix(8)), [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], "a PNG signature")
    }

    func testColorbarIsMonotone() throws {
        var figure = Figure(width: 4, height: 3, dpi: 100)
        var axes = Axes()
        axes.heatmap = Heatmap(values: [[0, 1], [2, 3]], xRange: 0...1, yRange: 0...1, colormap: .viridis)
        figure[0, 0] = axes
        let raster = try figure.renderRaster()
        let bar = try XCTUnwrap(raster.colorbars[0])
        let x = Int(bar.x + bar.width / 2)
        let table = Colormap.viridis.table
        func index(_ pixel: (UInt8, UInt8, UInt8)) -> Int {
            let rgb = (Double(pixel.0) / 255, Double(pixel.1) / 255, Double(pixel.2) / 255)
            return table.indices.min { a, b in
                distance(table[a], rgb) < distance(table[b], rgb)
            }!
        }
        var previous = -1
        for y in stride(from: Int(bar.y + bar.height) - 2, through: Int(bar.y) + 2, by: -3) {
            let i = index(raster[x, y])
            XCTAssertGreaterThanOrEqual(i, previous, "colour bar must increase upwards (row \(y))")
            previous = i
        }
        XCTAssertGreaterThan(previous, 240)
        // The heat map's bottom-left cell holds the smallest value (origin lower).
        let plot = raster.plotAreas[0]
        XCTAssertLessThan(index(raster[Int(plot.x + plot.width * 0.25), Int(plot.y + plot.height * 0.75)]), 5)
        XCTAssertGreaterThan(index(raster[Int(plot.x + plot.width * 0.75), Int(plot.y + plot.height * 0.25)]), 250)
    }

    private func distance(_ a: (Double, Double, Double), _ b: (Double, Double, Double)) -> Double {
        (a.0 - b.0) * (a.0 - b.0) + (a.1 - b.1) * (a.1 - b.1) + (a.2 - b.2) * (a.2 - b.2)
    }

    func testBadDataIsAnErrorOrASkippedWarning() throws {
        XCTAssertThrowsError(try lineFigure([LineSeries(x: [], y: [], color: .red, label: "empty")]).renderPNG()) {
            XCTAssertTrue("\($0)".contains("'empty' is empty"), "\($0)")
        }
        XCTAssertThrowsError(try lineFigure([LineSeries(x: [1, 2], y: [1], color: .red, label: "short")]).renderPNG()) {
            XCTAssertTrue("\($0)".contains("2 x values and 1 y values"), "\($0)")
        }
        XCTAssertThrowsError(try lineFigure([LineSeries(x: [1, 2], y: [0, -1], color: .red, label: "neg")], yScale: .log).renderPNG()) {
            XCTAssertTrue("\($0)".contains("no positive values"), "\($0)")
        }
        XCTAssertThrowsError(try lineFigure([LineSeries(x: [1, 2], y: [.nan, .infinity], color: .red)]).renderPNG())
        let skipped = try lineFigure([LineSeries(x: [1, 2, 3, 4], y: [1, 0, .nan, 10], color: .red, label: "mixed")], yScale: .log).renderPNG()
        XCTAssertEqual(skipped.warnings.count, 2, "\(skipped.warnings)")
        XCTAssertTrue(skipped.warnings.contains { $0.contains("1 non-positive") })
        XCTAssertTrue(skipped.warnings.contains { $0.contains("NaN or infinite") })
        let constant = try lineFigure([LineSeries(x: [0, 1, 2], y: [5, 5, 5], color: .red)]).renderRaster()
        XCTAssertGreaterThan(constant.plotAreas[0].height, 100)
        XCTAssertThrowsError(try Figure(width: 0, height: 3).renderPNG())
        var ragged = Figure(width: 3, height: 3)
        ragged[0, 0].heatmap = Heatmap(values: [[1, 2], [3]], xRange: 0...1, yRange: 0...1)
        XCTAssertThrowsError(try ragged.renderPNG())
    }

    func testBestLegendAvoidsTheData() throws {
        // Data crowd the upper right; "best" must not put the legend there.
        var figure = lineFigure([LineSeries(x: Array(stride(from: 0.0, through: 1, by: 0.01)),
                                            y: Array(stride(from: 0.0, through: 1, by: 0.01)).map { $0 * $0 }, color: .blue, label: "curve")])
        figure[0, 0].legend = .best
        let best = try figure.renderRaster()
        figure[0, 0].legend = .upperLeft
        let upperLeft = try figure.renderRaster()
        XCTAssertEqual(best.pixels.count, upperLeft.pixels.count)
        XCTAssertTrue(zip(best.pixels, upperLeft.pixels).allSatisfy { $0 == $1 }, "best = upper left for a convex rising curve")
    }
}
