import ArgumentParser
import Experiments
import Foundation
import Tensor

@main
struct RenderTutorial: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render-tutorial",
        abstract: "Run an executed tutorial and show its output.",
        discussion: "At this stage the GradNorm tutorial's experiment runs and prints its terminal output.")

    /// The tutorials this build knows.
    static let tutorials = ["gradnorm": "GradNorm: automatic loss balancing for PINNs (heat equation)"]

    @Argument(help: "The tutorial to render (see --list).")
    var name: String?

    @Flag(help: "List the available tutorials.")
    var list = false

    @Flag(help: "A smoke run with few training steps (the output says so).")
    var quick = false

    @Option(help: "Where to write the rendered tutorials.")
    var output = "output"

    func validate() throws {
        if list { return }
        guard let name else { throw ValidationError("name a tutorial to render, or use --list") }
        guard Self.tutorials[name] != nil else {
            throw ValidationError("unknown tutorial '\(name)'; available: \(Self.tutorials.keys.sorted().joined(separator: ", "))")
        }
    }

    func run() throws {
        Allocator.keepLargeBuffersOnHeap()
        if list {
            for (name, title) in Self.tutorials.sorted(by: { $0.key < $1.key }) { print("\(name)\t\(title)") }
            return
        }
        var config = HeatExperimentConfig.tutorial
        if quick {
            config.steps = 50
            print("QUICK RUN: \(config.steps) training steps instead of \(HeatExperimentConfig.tutorial.steps); numbers are not the tutorial's.")
        }
        do {
            let console = Console(echo: true)
            let result = try GradNormTutorialRun(config: config, reportEvery: quick ? 10 : 100).run(on: console)
            let figures = [("training_comparison.png", GradNormFigures.trainingComparison(result)),
                           ("solution.png", GradNormFigures.solution(result))]
            var files: [String: Data] = [:]
            for (name, figure) in figures {
                let rendered = try figure.renderPNG()
                for warning in rendered.warnings { FileHandle.standardError.write(Data("warning: \(warning)\n".utf8)) }
                files[name] = rendered.data
            }
            let directory = URL(fileURLWithPath: output).appendingPathComponent("gradnorm")
            try OutputDirectory.replace(directory, with: files)
            print("\nGenerating visualizations...")
            for (name, _) in figures { print("  Saved: \(directory.appendingPathComponent(name).relativePath)") }
        } catch {
            FileHandle.standardError.write(Data("render-tutorial: gradnorm: \(error)\n".utf8))
            throw ExitCode.failure
        }
    }
}
