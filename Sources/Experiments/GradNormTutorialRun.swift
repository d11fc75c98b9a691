import Foundation
import GradNorm
import NeuralNet
import PINN
import Tensor

/// The GradNorm tutorial's experiment, told on a console in the format of the
/// reference tutorial's terminal output.
public struct GradNormTutorialRun {
    /// The experiment's settings.
    public let config: HeatExperimentConfig
    /// Steps between the progress lines of the training loops.
    public let reportEvery: Int

    /// Creates the run.
    public init(config: HeatExperimentConfig = .tutorial, reportEvery: Int = 100) {
        self.config = config
        self.reportEvery = reportEvery
    }

    static let rule = String(repeating: "=", count: 70)
    static let thinRule = String(repeating: "-", count: 50)

    /// Runs everything, writing the terminal output to `console`.
    public func run(on console: Console) throws -> HeatExperimentResult<Float> {
        let names = HeatLosses<Float>.names
        console.print(Self.rule)
        console.print("GradNorm Tutorial: Loss Balancing for PINNs (Swift engine)")
        console.print(Self.rule)
        console.print("Engine: Swift tensors with reverse-mode autodiff, Float32, CPU")
        console.print("Random streams: threefry2x32, seed \(config.seed)")
        console.print()

        console.print("Creating PINN model...")
        let experiment = try HeatExperiment<Float>(seededBy: config)
        let model = experiment.initialModel
        console.print("  Architecture: " + model.layerSizes.map { "[\($0)]" }.joined(separator: " -> "))
        console.print("  Parameters: \(Self.grouped(model.parameterCount))")
        console.print()

        console.print("Generating training data...")
        console.print("  Domain points: \(Self.shape(experiment.data.domain))")
        console.print("  Boundary points: \(Self.shape(experiment.data.boundary))")
        console.print("  Initial points: \(Self.shape(experiment.data.initial))")
        console.print()

        console.print("Setting up GradNorm balancer...")
        let balancer = try GradNormBalancer<Float>(numLosses: names.count, config: config.gradNorm)
        console.print("  GradNorm alpha: \(Self.number(config.alpha))")
        console.print("  Weight learning rate: \(Self.number(config.weightLearningRate))")
        console.print("  Initial weights: \(Self.numpyArray(balancer.weights.map(Double.init)))")
        console.print()

        console.print("Training PINN with GradNorm...")
        console.print(Self.thinRule)
        let initial = experiment.initialLosses()
        console.print("Initial losses: " + zip(names, initial).map { "\($0)=\(String(format: "%.4f", $1))" }.joined(separator: ", "))
        let (gradNormRun, gradNormRecords, finalBalancer) = try experiment.trainWithGradNorm { record in
            guard record.step % reportEvery == 0 else { return }
            console.print(Self.stepLine(record.step, total: record.totalLoss, losses: record.losses))
            console.print("           weights: " + Self.namedValues(names, record.weights, "%.3f"))
        }
        let finalWeights = finalBalancer.weights.map(Double.init)
        let finalTotal = zip(finalWeights, gradNormRun.finalLosses).reduce(0) { $0 + $1.0 * $1.1 }
        console.print(Self.stepLine(config.steps, total: finalTotal, losses: gradNormRun.finalLosses))
        console.print()

        console.print("Training PINN with fixed weights (baseline)...")
        console.print(Self.thinRule)
        let (fixedRun, fixedRecords) = try experiment.trainWithFixedWeights { record in
            guard record.step % reportEvery == 0 else { return }
            console.print(Self.stepLine(record.step, total: record.totalLoss, losses: record.losses))
        }
        console.print(Self.stepLine(config.steps, total: fixedRun.finalLosses.reduce(0, +), losses: fixedRun.finalLosses))
        console.print()

        let result = HeatExperimentResult(
            config: config, parameterCount: model.parameterCount, initialLosses: initial,
            gradNorm: gradNormRun, gradNormRecords: gradNormRecords, finalWeights: finalWeights,
            fixed: fixedRun, fixedRecords: fixedRecords)
        console.print("Evaluating solutions...")
        console.print("  GradNorm L2 error: \(String(format: "%.6e", gradNormRun.l2Error))")
        console.print("  Fixed weights L2 error: \(String(format: "%.6e", fixedRun.l2Error))")
        console.print("  Improvement: \(String(format: "%.1f", result.improvementPercent))%")
        console.print()
        summarize(result, on: console)
        return result
    }

    private func summarize(_ result: HeatExperimentResult<Float>, on console: Console) {
        let names = HeatLosses<Float>.names
        console.print(Self.rule)
        console.print("RESULTS SUMMARY")
        console.print(Self.rule)
        console.print()
        console.print("Final Losses:")
        console.print("  GradNorm: " + Self.namedValues(names, result.gradNorm.finalLosses, "%.4e"))
        console.print("  Fixed:    " + Self.namedValues(names, result.fixed.finalLosses, "%.4e"))
        console.print()
        console.print("Final Weights (GradNorm):")
        console.print("  " + zip(names, result.finalWeights).map { "w_\($0)=\(String(format: "%.3f", $1))" }.joined(separator: ", "))
        console.print()
        console.print("Solution Quality:")
        console.print("  GradNorm L2 error: \(String(format: "%.6e", result.gradNorm.l2Error))")
        console.print("  Fixed L2 error:    \(String(format: "%.6e", result.fixed.l2Error))")
        console.print("  Improvement:       \(String(format: "%.1f", result.improvementPercent))%")
        console.print()
        console.print("Key Insights (from this run):")
        for (i, insight) in Self.insights(result).enumerated() { console.print("  \(i + 1). \(insight)") }
        console.print(Self.rule)
        console.print()
        console.print("param_count: \(result.parameterCount)")
        console.print("l2_error_gradnorm: \(result.gradNorm.l2Error)")
        console.print("l2_error_fixed: \(result.fixed.l2Error)")
        for (name, value) in zip(["pde", "bc", "ic"], result.gradNorm.finalLosses) {
            console.print("final_\(name)_loss: \(value)")
        }
    }

    /// Statements the run supports, worded from its numbers.
    static func insights(_ result: HeatExperimentResult<Float>) -> [String] {
        let names = HeatLosses<Float>.names
        let weights = result.finalWeights.map { String(format: "%.3f", $0) }.joined(separator: ", ")
        func spread(_ losses: [Double]) -> Double { losses.max()! / losses.min()! }
        let gradNormSpread = spread(result.gradNorm.finalLosses), fixedSpread = spread(result.fixed.finalLosses)
        let heaviest = names[result.finalWeights.firstIndex(of: result.finalWeights.max()!)!]
        var lines = [
            "GradNorm moved the weights from [1, 1, 1] to [\(weights)]; \(heaviest) ends with the largest weight",
            String(format: "Largest/smallest final loss: %.1fx with GradNorm, %.1fx with fixed weights", gradNormSpread, fixedSpread),
        ]
        let g = result.gradNorm.l2Error, f = result.fixed.l2Error
        if g < f {
            lines.append(String(format: "GradNorm reached the lower L2 error (%.2e vs %.2e, %.1f%% lower)", g, f, result.improvementPercent))
        } else {
            lines.append(String(format: "Fixed weights reached the lower L2 error (%.2e vs %.2e): GradNorm is %.1f%% worse here", f, g, -result.improvementPercent))
            lines.append("This heat problem is well conditioned; balancing helps most when the losses differ in scale")
        }
        return lines
    }

    // MARK: - Formatting

    static func stepLine(_ step: Int, total: Double, losses: [Double]) -> String {
        String(format: "  Step %4d: loss=%.6e, ", step, total) + namedValues(HeatLosses<Float>.names, losses, "%.4e")
    }

    static func namedValues(_ names: [String], _ values: [Double], _ format: String) -> String {
        zip(names, values).map { "\($0)=\(String(format: format, $1))" }.joined(separator: ", ")
    }

    static func shape(_ tensor: Tensor<Float>) -> String {
        "(" + tensor.shape.map(String.init).joined(separator: ", ") + ")"
    }

    static func grouped(_ value: Int) -> String {
        let digits = Array(String(value))
        var text = ""
        for (i, digit) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { text += "," }
            text.append(digit)
        }
        return text
    }

    static func number(_ value: Double) -> String {
        value == value.rounded() ? String(format: "%.1f", value) : "\(value)"
    }

    /// A float array as NumPy prints it: `[1. 1. 1.]` or `[0.946 1.042]`.
    static func numpyArray(_ values: [Double]) -> String {
        let items = values.map { $0 == $0.rounded() ? String(format: "%.0f.", $0) : String(format: "%.3f", $0) }
        return "[" + items.joined(separator: " ") + "]"
    }
}
