import Plot
import XCTest

final class ScaleAndTickTests: XCTestCase {
    func testLinearAndLogMapping() {
        let linear = AxisRange(lower: -2, upper: 6)
        XCTAssertEqual(linear.fraction(of: -2), 0)
        XCTAssertEqual(linear.fraction(of: 2), 0.5)
        XCTAssertEqual(linear.value(at: 0.25), 0, accuracy: 1e-12)
        let log = AxisRange(lower: 1e-4, upper: 1e2, scale: .log)
        XCTAssertEqual(log.fraction(of: 1e-1), 0.5, accuracy: 1e-12)
        XCTAssertEqual(log.value(at: 1), 1e2, accuracy: 1e-9)
        XCTAssertFalse(log.accepts(0))
        XCTAssertFalse(linear.accepts(.nan))
    }

    func testAutoscaleMarginsAndConstantSeries() throws {
        let range = try AxisRange.autoscaled([0, 10], scale: .linear, what: "t")
        XCTAssertEqual(range.lower, -0.5)
        XCTAssertEqual(range.upper, 10.5)
        let constant = try AxisRange.autoscaled([3, 3, 3], scale: .linear, what: "t")
        XCTAssertLessThan(constant.lower, 3)
        XCTAssertGreaterThan(constant.upper, 3)
        let zero = try AxisRange.autoscaled([0, 0], scale: .linear, what: "t")
        XCTAssertLessThan(zero.lower, 0)
        XCTAssertGreaterThan(zero.upper, 0)
        let logConstant = try AxisRange.autoscaled([0.01, 0.01], scale: .log, what: "t")
        XCTAssertLessThan(logConstant.lower, 0.01)
        XCTAssertGreaterThan(logConstant.upper, 0.01)
        let skipping = try AxisRange.autoscaled([.nan, -1, 1, 100], scale: .log, what: "t")
        XCTAssertEqual(skipping.fraction(of: 10), 0.5, accuracy: 1e-12)
        XCTAssertThrowsError(try AxisRange.autoscaled([0, -1], scale: .log, what: "loss")) {
            XCTAssertTrue("\($0)".contains("no positive values"), "\($0)")
        }
        XCTAssertThrowsError(try AxisRange.autoscaled([.nan, .infinity], scale: .linear, what: "loss"))
    }

    func testNiceLinearTicks() {
        func ticks(_ a: Double, _ b: Double) -> [Double] { Ticks.linear(AxisRange(lower: a, upper: b)).major }
        XCTAssertEqual(ticks(-50, 1050), [0, 200, 400, 600, 800, 1000])
        XCTAssertEqual(Ticks.linear(AxisRange(lower: -50, upper: 1050)).labels.map(\.text), ["0", "200", "400", "600", "800", "1000"])
        XCTAssertEqual(ticks(0, 1), [0, 0.2, 0.4, 0.6, 0.8, 1.0].map { $0 }, "0…1 in steps of 0.2")
        XCTAssertEqual(Ticks.linear(AxisRange(lower: 0, upper: 0.5)).labels.map(\.text), ["0.0", "0.1", "0.2", "0.3", "0.4", "0.5"])
        XCTAssertEqual(Ticks.linear(AxisRange(lower: -3.2, upper: -0.9)).labels.map(\.text), ["−3.0", "−2.5", "−2.0", "−1.5", "−1.0"])
        let tiny = Ticks.linear(AxisRange(lower: 1e-9, upper: 5e-9))
        XCTAssertGreaterThanOrEqual(tiny.major.count, 3)
        XCTAssertTrue(tiny.major.allSatisfy { $0 >= 1e-9 && $0 <= 5e-9 })
        XCTAssertEqual(Set(tiny.labels.map(\.text)).count, tiny.labels.count, "tiny ticks get distinct labels")
        let huge = Ticks.linear(AxisRange(lower: 0, upper: 3e12))
        XCTAssertEqual(huge.major.first, 0)
        XCTAssertEqual(huge.major.last, 3e12)
        let single = Ticks.linear(AxisRange(lower: 2, upper: 2))
        XCTAssertEqual(single.major, [2])
        XCTAssertEqual(ticks(-1.05, 1.05), [-1, -0.5, 0, 0.5, 1])
        XCTAssertEqual(Ticks.linear(AxisRange(lower: -1e-17, upper: 1)).labels.first?.text, "0.0", "no negative zero")
    }

    func testLogTicksUseDecadesWithSuperscripts() {
        let ticks = Ticks.log(AxisRange(lower: 6e-5, upper: 3, scale: .log))
        XCTAssertEqual(ticks.major, [1e-4, 1e-3, 1e-2, 1e-1, 1])
        XCTAssertEqual(ticks.labels.map(\.plain), ["10⁻⁴", "10⁻³", "10⁻²", "10⁻¹", "10⁰"])
        XCTAssertEqual(ticks.labels[0], TickLabel(text: "10", superscript: "−4"))
        XCTAssertTrue(ticks.minor.contains(2e-4))
        XCTAssertTrue(ticks.minor.contains(3))
        XCTAssertFalse(ticks.minor.contains(4))
        let huge = Ticks.log(AxisRange(lower: 1, upper: 1e12, scale: .log))
        XCTAssertEqual(huge.labels.last?.plain, "10¹²")
        let narrow = Ticks.log(AxisRange(lower: 0.2, upper: 0.9, scale: .log))
        XCTAssertEqual(narrow.major, [0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9].map { $0 })
        XCTAssertEqual(narrow.labels.first?.text, "0.2", "without a decade in range, minor ticks are labelled")
    }

    func testColormapsMatchMatplotlib() {
        // matplotlib: viridis(0), viridis(0.5) (index 128), viridis(1).
        let viridis = Colormap.viridis
        XCTAssertEqual(viridis.table.count, 256)
        assert(viridis.color(at: 0), (0.267004, 0.004874, 0.329415))
        assert(viridis.color(at: 0.5), (0.127568, 0.566949, 0.550556))
        assert(viridis.color(at: 1), (0.993248, 0.906157, 0.143936))
        // hot: segment data sampled at linspace(0, 1, 256); index 128 is x = 128/255.
        let hot = Colormap.hot
        assert(hot.color(at: 0), (0.0416, 0, 0))
        assert(hot.color(at: 1), (1, 1, 1))
        let x = 128.0 / 255
        assert(hot.color(at: 0.5), (1, (x - 0.365079) / (0.746032 - 0.365079), 0))
        assert(hot.color(at: -3), (0.0416, 0, 0))
        assert(hot.color(at: .nan), (0.0416, 0, 0))
    }

    private func assert(_ color: Color, _ expected: (Double, Double, Double), file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(color.red, expected.0, accuracy: 1e-6, file: file, line: line)
        XCTAssertEqual(color.green, expected.1, accuracy: 1e-6, file: file, line: line)
        XCTAssertEqual(color.blue, expected.2, accuracy: 1e-6, file: file, line: line)
    }
}
