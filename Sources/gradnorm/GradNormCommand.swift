import ArgumentParser
import Experiments
import Foundation
import Tensor

@main
struct GradNormCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gradnorm",
        abstract: "Run and check GradNorm experiments with the Swift engine.",
        subcommands: [Replay.self])
}

/// `gradnorm replay FILE.json`: re-runs an exported experiment and compares traces.
struct Replay: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Re-run an experiment exported from JAX and report how far the two traces are apart.",
        discussion: """
        FILE is JSON in the schema of the reference export: 'config', 'data' and \
        'initial_params' are required; if the file also holds a trace ('initial_losses', \
        'gradnorm', 'fixed', 'final'), the relative deviations are printed.
        """)

    @Argument(help: "The exported experiment (JSON).")
    var file: String

    @Option(help: "Train for this many steps instead of the file's 'config.steps'.")
    var steps: Int?

    @Option(name: .customLong("trace-out"), help: "Write our own trace (same schema) to this file.")
    var traceOut: String?

    func validate() throws {
        if let steps, !(1...HeatExperimentConfig.maximumSteps).contains(steps) {
            throw ValidationError("--steps must be from 1 to \(HeatExperimentConfig.maximumSteps), got \(steps)")
        }
    }

    func run() throws {
        Allocator.keepLargeBuffersOnHeap()
        do {
            try replay()
        } catch {
            // Runtime failures (bad file, diverging training) are not usage errors: message only.
            FileHandle.standardError.write(Data("gradnorm replay: \(error)\n".utf8))
            throw ExitCode.failure
        }
    }

    private func replay() throws {
        let input = try ExperimentFile.load(path: file)
        var config = input.config
        if let steps { config.steps = steps }
        let experiment = try HeatExperiment<Float>(config: config, data: input.heatData(), initialModel: input.initialModel())
        let result = try experiment.run()
        let trace = result.trace(source: "swift gradnorm replay (Float32)")
        if let traceOut {
            let data = try trace.jsonData()
            let url = URL(fileURLWithPath: traceOut)
            do { try data.write(to: url, options: .atomic) } catch {
                throw ExperimentError.unreadable(path: traceOut, reason: "cannot write the trace (\(error.localizedDescription))")
            }
        }
        print(String(format: "Replayed %@: %d GradNorm steps in %.3f s, %d fixed steps in %.3f s",
                     file, config.steps, result.gradNorm.seconds, config.steps, result.fixed.seconds))
        print(String(format: "L2 error: GradNorm %.6e, fixed %.6e", result.gradNorm.l2Error, result.fixed.l2Error))
        if let reference = input.trace {
            print("")
            print(TraceComparison(ours: trace, theirs: reference).formatted(), terminator: "")
        } else {
            print("(the file has no trace to compare against)")
        }
    }
}
