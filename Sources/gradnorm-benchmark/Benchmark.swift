import ArgumentParser
import Experiments
import Foundation
import Tensor

/// Release-build timings of the engine on the tutorial's experiment.
@main
struct Benchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gradnorm-benchmark",
        abstract: "Time GradNorm and fixed-weight training steps on the tutorial's experiment (use a release build).")

    @Option(help: "Training steps per measured run.")
    var steps = 1000

    @Option(help: "Measured runs; the median is reported.")
    var repetitions = 5

    func validate() throws {
        guard steps >= 1 else { throw ValidationError("--steps must be at least 1") }
        guard repetitions >= 1 else { throw ValidationError("--repetitions must be at least 1") }
    }

    func run() throws {
        Allocator.keepLargeBuffersOnHeap()
        var config = HeatExperimentConfig.tutorial
        config.steps = steps
        let experiment = try HeatExperiment<Float>(seededBy: config)
        _ = try experiment.trainWithGradNorm(steps: 20)  // warm-up
        // Every matrix-product kernel this CPU runs, side by side (they give the same bits).
        var timings: [(kernel: MatrixKernels, gradNorm: [Double], fixed: [Double])] = []
        let fastest = MatrixKernels.selected
        for kernel in MatrixKernels.available {
            MatrixKernels.selected = kernel
            var gradNorm: [Double] = [], fixed: [Double] = []
            for _ in 0..<repetitions {
                gradNorm.append(try experiment.trainWithGradNorm().run.seconds)
                fixed.append(try experiment.trainWithFixedWeights().run.seconds)
            }
            timings.append((kernel, gradNorm, fixed))
        }
        MatrixKernels.selected = fastest
        func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }
        func perStep(_ values: [Double]) -> String {
            String(format: "%.3f ms (median of %d; min %.3f, max %.3f)", median(values) / Double(steps) * 1000,
                   values.count, values.min()! / Double(steps) * 1000, values.max()! / Double(steps) * 1000)
        }
        // Figures: both PNGs of the tutorial from one full run.
        let result = try experiment.run()
        var drawing: [Double] = []
        for _ in 0..<repetitions {
            let start = DispatchTime.now()
            _ = try GradNormFigures.trainingComparison(result).renderPNG()
            _ = try GradNormFigures.solution(result).renderPNG()
            drawing.append(Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9)
        }
        print("experiment: heat equation, MLP \(config.layerSizes), \(config.collocationPoints)/\(2 * config.boundaryPointsPerSide)/\(config.initialPoints) points, Float32, \(steps) steps")
        for timing in timings {
            print("GradNorm step, \(timing.kernel.rawValue) kernels: " + perStep(timing.gradNorm))
            print("fixed step,    \(timing.kernel.rawValue) kernels: " + perStep(timing.fixed))
        }
        print(String(format: "both figures:  %.1f ms (median of %d; min %.1f, max %.1f)", median(drawing) * 1000,
                     drawing.count, drawing.min()! * 1000, drawing.max()! * 1000))
        MatrixProductBenchmark.report()
        var usage = rusage()
        #if os(Linux)
        getrusage(RUSAGE_SELF.rawValue, &usage)
        #else
        getrusage(RUSAGE_SELF, &usage)
        #endif
        print(String(format: "peak RSS of this process: %.1f MB", Double(usage.ru_maxrss) / 1024))
    }
}
