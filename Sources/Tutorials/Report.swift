import Foundation
import Literate
import Plot
import Tensor

/// Number formats of the tutorials' terminal output (the reference's, where it has one).
public enum Report {
    /// `  Step  100: loss=1.835013e-01, PDE=3.2765e-02, BC=…`
    public static func stepLine(_ step: Int, total: Double, losses: [Double], names: [String]) -> String {
        String(format: "  Step %4d: loss=%.6e, ", step, total) + namedValues(names, losses, "%.4e")
    }

    /// `PDE=0.946, BC=1.042, IC=0.943` with a printf format per value.
    public static func namedValues(_ names: [String], _ values: [Double], _ format: String) -> String {
        zip(names, values).map { "\($0)=\(String(format: format, $1))" }.joined(separator: ", ")
    }

    /// A tensor's shape as NumPy prints it: `(500, 2)`.
    public static func shape<Scalar>(_ tensor: Tensor<Scalar>) -> String {
        "(" + tensor.shape.map(String.init).joined(separator: ", ") + ")"
    }

    /// An integer with thousands separators: `2,241`.
    public static func grouped(_ value: Int) -> String {
        let digits = Array(String(value))
        var text = ""
        for (i, digit) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { text += "," }
            text.append(digit)
        }
        return text
    }

    /// A float array as NumPy prints it: `[1. 1. 1.]` or `[0.946 1.042]`.
    public static func numpyArray<S: Sequence>(_ values: S) -> String where S.Element: BinaryFloatingPoint {
        let items = values.map(Double.init).map { $0 == $0.rounded() ? String(format: "%.0f.", $0) : String(format: "%.3f", $0) }
        return "[" + items.joined(separator: " ") + "]"
    }

    /// Scientific notation with `digits` decimals: `3.41e-02`.
    public static func sci(_ value: Double, _ digits: Int = 2) -> String {
        String(format: "%.\(digits)e", value)
    }

    /// A short decimal without trailing zeros: `0`, `0.5`, `1.5`.
    public static func alpha(_ value: Double) -> String {
        String(format: "%g", value)
    }

    /// Fixed notation with `digits` decimals.
    public static func fixed(_ value: Double, _ digits: Int = 3) -> String {
        String(format: "%.\(digits)f", value)
    }

    /// `text` padded with spaces to `width` characters (and one space more), for aligned columns.
    public static func padded(_ text: String, _ width: Int) -> String {
        text.padding(toLength: Swift.max(width, text.count), withPad: " ", startingAt: 0) + " "
    }
}

extension FigureOutput {
    /// Draws a figure to PNG; drawing warnings (skipped points) go to the step's output.
    public static func drawing(_ figure: Figure, warningsTo page: StepOutput) throws -> FigureOutput {
        let rendered = try figure.renderPNG()
        for warning in rendered.warnings { page.print("warning: \(warning)") }
        let size = figure.pixelSize
        return FigureOutput(png: rendered.data, width: size.width, height: size.height)
    }
}
