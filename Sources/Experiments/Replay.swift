import Foundation

/// How far one trace is from another, at a few chosen steps.
public struct TraceComparison {
    /// One row of the comparison table.
    public struct Row {
        /// What is compared, e.g. "gradnorm[10].weights".
        public var quantity: String
        /// The largest relative deviation among its entries.
        public var relativeDeviation: Double
    }

    /// The rows, in table order.
    public var rows: [Row]

    /// Set when the two traces have different lengths (a replay with `--steps`): which steps
    /// were compared and what was left out.
    public var partial: String?

    /// The largest deviation of all.
    public var worst: Double { rows.map(\.relativeDeviation).max() ?? 0 }

    /// Compares `ours` with `theirs` at steps 0, 1, 10, 100, 500 and the last of each run.
    public init(ours: ExperimentTrace, theirs: ExperimentTrace) {
        func deviation(_ a: [Double], _ b: [Double]) -> Double {
            guard a.count == b.count else { return .infinity }
            return zip(a, b).map { Swift.abs($0 - $1) / Swift.max(Swift.abs($1), 1e-30) }.max() ?? 0
        }
        var rows: [Row] = [Row(quantity: "initial_losses", relativeDeviation: deviation(ours.initialLosses, theirs.initialLosses))]
        let common = min(ours.gradnorm.count, theirs.gradnorm.count)
        for step in Self.steps(count: common) {
            let a = ours.gradnorm[step], b = theirs.gradnorm[step]
            rows.append(Row(quantity: "gradnorm[\(step)].losses", relativeDeviation: deviation(a.losses, b.losses)))
            rows.append(Row(quantity: "gradnorm[\(step)].grad_norms", relativeDeviation: deviation(a.gradNorms, b.gradNorms)))
            rows.append(Row(quantity: "gradnorm[\(step)].weights", relativeDeviation: deviation(a.weights, b.weights)))
        }
        let fixedCommon = min(ours.fixed.count, theirs.fixed.count)
        for step in Self.steps(count: fixedCommon) {
            rows.append(Row(quantity: "fixed[\(step)].losses",
                            relativeDeviation: deviation(ours.fixed[step].losses, theirs.fixed[step].losses)))
        }
        if ours.gradnorm.count == theirs.gradnorm.count && ours.fixed.count == theirs.fixed.count {
            rows.append(Row(quantity: "final.weights", relativeDeviation: deviation(ours.final.weights, theirs.final.weights)))
            rows.append(Row(quantity: "final.l2_gradnorm", relativeDeviation: deviation([ours.final.l2GradNorm], [theirs.final.l2GradNorm])))
            rows.append(Row(quantity: "final.l2_fixed", relativeDeviation: deviation([ours.final.l2Fixed], [theirs.final.l2Fixed])))
        }
        self.rows = rows
        if ours.gradnorm.count != theirs.gradnorm.count || ours.fixed.count != theirs.fixed.count {
            partial = "Partial comparison: our run has \(ours.gradnorm.count) steps, the file's trace "
                + "\(theirs.gradnorm.count); steps 0–\(common - 1) compared, final errors and weights not compared."
        }
    }

    /// The steps compared: 0, 1, 10, 100, 500 and the last, where present.
    static func steps(count: Int) -> [Int] {
        guard count > 0 else { return [] }
        return Array(Set([0, 1, 10, 100, 500, count - 1].filter { $0 < count })).sorted()
    }

    /// The table as text.
    public func formatted() -> String {
        let width = max(28, (rows.map(\.quantity.count).max() ?? 0) + 2)
        var text = partial.map { $0 + "\n\n" } ?? ""
        text += "quantity".padding(toLength: width, withPad: " ", startingAt: 0) + "max relative deviation\n"
        text += String(repeating: "-", count: width + 22) + "\n"
        for row in rows {
            text += row.quantity.padding(toLength: width, withPad: " ", startingAt: 0)
                + String(format: "%.3e", row.relativeDeviation) + "\n"
        }
        return text
    }
}

extension ExperimentTrace {
    /// The trace as JSON with sorted keys (byte-identical for identical traces).
    public func jsonData() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return try encoder.encode(self)
    }
}
