import Foundation

/// How data values map onto an axis.
public enum AxisScale: Equatable, Sendable {
    case linear
    case log
}

/// The visible interval of an axis and its scale.
public struct AxisRange: Equatable, Sendable {
    /// The data value at the start of the axis (left or bottom).
    public var lower: Double
    /// The data value at the end of the axis.
    public var upper: Double
    /// Linear or logarithmic.
    public var scale: AxisScale

    /// Creates a range; a log range must be positive.
    public init(lower: Double, upper: Double, scale: AxisScale = .linear) {
        self.lower = lower
        self.upper = upper
        self.scale = scale
    }

    /// Where `value` falls along the axis: 0 at `lower`, 1 at `upper`.
    public func fraction(of value: Double) -> Double {
        switch scale {
        case .linear: return (value - lower) / (upper - lower)
        case .log: return (log10(value) - log10(lower)) / (log10(upper) - log10(lower))
        }
    }

    /// The data value at `fraction` along the axis.
    public func value(at fraction: Double) -> Double {
        switch scale {
        case .linear: return lower + fraction * (upper - lower)
        case .log: return pow(10, log10(lower) + fraction * (log10(upper) - log10(lower)))
        }
    }

    /// Whether `value` can be shown on this scale at all.
    public func accepts(_ value: Double) -> Bool {
        value.isFinite && (scale == .linear || value > 0)
    }

    /// The range covering `values` with matplotlib's 5 % margins (in log space on a log axis).
    /// A constant series gets a range around its value.
    /// - Throws: ``PlotError/noData(_:)`` if no value can be shown on this scale.
    public static func autoscaled(_ values: [Double], scale: AxisScale, margin: Double = 0.05, what: String) throws -> AxisRange {
        let usable = values.filter { $0.isFinite && (scale == .linear || $0 > 0) }
        guard let low = usable.min(), let high = usable.max() else {
            throw PlotError.noData(scale == .log && values.contains { $0.isFinite }
                ? "\(what): no positive values for a logarithmic axis" : "\(what): no finite values")
        }
        switch scale {
        case .linear:
            if high - low <= 1e-12 * Swift.max(Swift.abs(low), Swift.abs(high)) {
                let half = low == 0 ? 0.05 : 0.05 * Swift.abs(low)
                return AxisRange(lower: low - half, upper: high + half)
            }
            let pad = (high - low) * margin
            return AxisRange(lower: low - pad, upper: high + pad)
        case .log:
            var a = log10(low), b = log10(high)
            if b - a < 1e-12 { a -= 0.5; b += 0.5 }
            let pad = (b - a) * margin
            return AxisRange(lower: pow(10, a - pad), upper: pow(10, b + pad), scale: .log)
        }
    }
}
