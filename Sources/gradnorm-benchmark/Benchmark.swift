import ArgumentParser
import Experiments
import Foundation
import Tensor

/// Release-build timings of the engine on the heat experiment at the sizes of issue 15.
@main
struct Benchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gradnorm-benchmark",
        abstract: "Time GradNorm and fixed-weight training steps at several network sizes (use a release build).",
        discussion: """
        For each size: ms per GradNorm step and per fixed step with every matrix-product kernel this \
        CPU runs (they give the same bits), the step's FLOP count (2·m·k·n per product, from the \
        layer shapes), the fraction of the machine's FP32 peak, and the process's peak memory.
        """)

    @Option(help: "Sizes to run: tutorial, 64, 128, 256 (default: all).")
    var sizes: [BenchmarkSize] = BenchmarkSize.allCases

    @Option(help: "Training steps per measured run (default: 1000, 300, 100, 100 by size).")
    var steps: Int?

    @Option(help: "Measured runs; the median is reported.")
    var repetitions = 3

    @Flag(help: "Time only the fastest kernel, skip the figures and the product table.")
    var quick = false

    func validate() throws {
        if let steps, steps < 1 { throw ValidationError("--steps must be at least 1") }
        guard repetitions >= 1 else { throw ValidationError("--repetitions must be at least 1") }
    }

    func run() throws {
        Allocator.keepLargeBuffersOnHeap()
        let peak = MachinePeak.describe()
        print(peak.text)
        let fastest = MatrixKernels.selected
        for size in sizes {
            var config = size.config
            config.steps = steps ?? size.defaultSteps
            let experiment = try HeatExperiment<Float>(seededBy: config)
            _ = try experiment.trainWithGradNorm(steps: 5)  // warm-up
            let cost = StepCost(config)
            print("")
            print("\(size.label): MLP \(config.layerSizes.map(String.init).joined(separator: "→")), "
                  + "\(config.collocationPoints)/\(2 * config.boundaryPointsPerSide)/\(config.initialPoints) points, "
                  + "Float32, \(config.steps) steps, "
                  + String(format: "%.3f GFLOP per step (either kind)", cost.flops / 1e9))
            for kernel in quick ? [fastest] : MatrixKernels.available {
                MatrixKernels.selected = kernel
                var gradNorm: [Double] = [], fixed: [Double] = []
                for _ in 0..<repetitions {
                    gradNorm.append(try experiment.trainWithGradNorm().run.seconds / Double(config.steps))
                    fixed.append(try experiment.trainWithFixedWeights().run.seconds / Double(config.steps))
                }
                for (kind, seconds) in [("GradNorm step", gradNorm), ("fixed step   ", fixed)] {
                    let median = seconds.sorted()[seconds.count / 2]
                    let rate = cost.flops / median / 1e9
                    print("  \(kind) \(kernel.rawValue.padding(toLength: 8, withPad: " ", startingAt: 0))"
                          + String(format: "%9.3f ms (median of %d; min %.3f, max %.3f)  %6.1f GFLOP/s  %4.1f %% of peak",
                                   median * 1000, seconds.count, seconds.min()! * 1000, seconds.max()! * 1000,
                                   rate, 100 * rate / peak.gflops))
                }
            }
            MatrixKernels.selected = fastest
            print(String(format: "  peak RSS of the process so far: %.1f MB", MachinePeak.peakResidentMegabytes()))
        }
        guard !quick else { return }
        print("")
        try FigureBenchmark.report(repetitions: repetitions)
        MatrixProductBenchmark.report()
    }
}

/// The sizes of issue 15's table.
enum BenchmarkSize: String, CaseIterable, ExpressibleByArgument {
    case tutorial, width64 = "64", width128 = "128", width256 = "256"

    var label: String { self == .tutorial ? "tutorial" : "width \(rawValue)" }

    var config: HeatExperimentConfig {
        var config = HeatExperimentConfig.tutorial
        switch self {
        case .tutorial: break
        case .width64: (config.hiddenSizes, config.collocationPoints, config.boundaryPointsPerSide, config.initialPoints) = ([64, 64, 64], 2000, 200, 200)
        case .width128: (config.hiddenSizes, config.collocationPoints, config.boundaryPointsPerSide, config.initialPoints) = ([128, 128, 128], 8000, 800, 800)
        case .width256: (config.hiddenSizes, config.collocationPoints, config.boundaryPointsPerSide, config.initialPoints) = ([256, 256], 4000, 400, 400)
        }
        return config
    }

    var defaultSteps: Int { self == .tutorial ? 1000 : self == .width64 ? 300 : 100 }
}
