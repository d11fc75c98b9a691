import Foundation

/// A tick label: plain text, or a base with a superscript exponent (`10` and `−3` for 10⁻³).
public struct TickLabel: Equatable, Sendable {
    /// The main text.
    public var text: String
    /// An exponent drawn raised and smaller, if any.
    public var superscript: String?

    /// Creates a label.
    public init(text: String, superscript: String? = nil) {
        self.text = text
        self.superscript = superscript
    }

    /// The label as one string with Unicode superscripts (for tests and alt text).
    public var plain: String {
        guard let superscript else { return text }
        let map: [Character: Character] = ["0": "⁰", "1": "¹", "2": "²", "3": "³", "4": "⁴", "5": "⁵",
                                           "6": "⁶", "7": "⁷", "8": "⁸", "9": "⁹", "−": "⁻"]
        return text + String(superscript.map { map[$0] ?? $0 })
    }
}

/// Tick positions and labels of an axis.
public struct Ticks: Equatable, Sendable {
    /// Labelled tick positions (data values) inside the range.
    public var major: [Double]
    /// Their labels.
    public var labels: [TickLabel]
    /// Unlabelled tick positions.
    public var minor: [Double]

    /// "Nice" linear ticks: steps of 1, 2, 2.5 or 5 times a power of ten, at most `maxCount` ticks.
    public static func linear(_ range: AxisRange, maxCount: Int = 8) -> Ticks {
        let low = Swift.min(range.lower, range.upper), high = Swift.max(range.lower, range.upper)
        let span = high - low
        guard span > 0, span.isFinite else { return Ticks(major: [low], labels: [label(low, step: 1)], minor: []) }
        let raw = span / Double(Swift.max(1, maxCount - 1))
        let exponent = floor(log10(raw))
        let mantissa = [1, 2, 2.5, 5, 10].first { $0 * pow(10, exponent) >= raw * (1 - 1e-9) } ?? 10
        let step = scaled(mantissa, exponent)
        let first = ceil(low / step - 1e-9), last = floor(high / step + 1e-9)
        let major = stride(from: first, through: last, by: 1).map { index -> Double in
            let value = scaled(index * mantissa, exponent)
            return Swift.abs(value) < step * 1e-9 ? 0 : value
        }
        return Ticks(major: major, labels: major.map { label($0, step: step) }, minor: [])
    }

    /// Logarithmic ticks: every decade labelled 10ⁿ, minor ticks at 2–9 × 10ⁿ. Ranges
    /// showing fewer than two decades also get their minor ticks labelled.
    public static func log(_ range: AxisRange) -> Ticks {
        let low = Swift.min(range.lower, range.upper), high = Swift.max(range.lower, range.upper)
        let a = Int(floor(log10(low) + 1e-9)), b = Int(ceil(log10(high) - 1e-9))
        var major: [Double] = [], labels: [TickLabel] = [], minor: [Double] = []
        for exponent in a...Swift.max(a, b) {
            let decade = pow(10, Double(exponent))
            if decade >= low * (1 - 1e-9) && decade <= high * (1 + 1e-9) {
                major.append(decade)
                labels.append(TickLabel(text: "10", superscript: exponent < 0 ? "−\(-exponent)" : "\(exponent)"))
            }
            for k in 2...9 {
                let value = scaled(Double(k), Double(exponent))
                if value >= low && value <= high { minor.append(value) }
            }
        }
        if major.count < 2 {
            // Too few decades to read the axis: label the minor ticks as plain numbers.
            let all = (major + minor).sorted()
            return Ticks(major: all, labels: all.map { TickLabel(text: plainNumber($0)) }, minor: [])
        }
        return Ticks(major: major, labels: labels, minor: minor)
    }

    /// `value · 10^exponent`, dividing by an exact power of ten for negative exponents so
    /// that 3 × 0.2 comes out as 0.6.
    static func scaled(_ value: Double, _ exponent: Double) -> Double {
        exponent < 0 ? value / pow(10, -exponent) : value * pow(10, exponent)
    }

    /// A linear tick label with just enough decimals for `step`.
    static func label(_ value: Double, step: Double) -> TickLabel {
        let decimals = Swift.max(0, Int(ceil(-log10(step) - 1e-9)) + (step / pow(10, floor(log10(step))) == 2.5 ? 1 : 0))
        var text = String(format: "%.\(decimals)f", value)
        if text.hasPrefix("-") {
            text = text.allSatisfy { "-0.".contains($0) } ? String(text.dropFirst()) : "−" + text.dropFirst()
        }
        return TickLabel(text: text)
    }

    static func plainNumber(_ value: Double) -> String {
        let text = String(format: "%g", value)
        return text.hasPrefix("-") ? "−" + text.dropFirst() : text
    }
}
