import Experiments
import Literate
import Tutorials
import XCTest

final class GradNormTutorialTests: XCTestCase {
    var tutorial: AnyTutorial { TutorialRegistry.named("gradnorm")! }

    func testTutorialValidatesWithoutDriftOrUnusedSteps() throws {
        let runner = TutorialRunner(tutorial)
        let document = try MarkdownParser.parse(fileAt: tutorial.markdownPath)
        let (plan, warnings) = try runner.validate(document)
        XCTAssertEqual(warnings, [])
        XCTAssertEqual(plan.map(\.tag), tutorial.steps.map(\.tag))
        XCTAssertEqual(try runner.drifts(in: document, plan: plan).map(\.description), [])
    }

    /// The training loops written out in the tutorial's steps give exactly the engine's runs.
    func testStepsTrainExactlyLikeTheExperiment() throws {
        let run = try TutorialRunner(tutorial, options: RunOptions(quick: true)).run()
        var config = HeatExperimentConfig.tutorial
        config.steps = 50
        let experiment = try HeatExperiment<Float>(seededBy: config)
        let (gradNorm, gradNormRecords, balancer) = try experiment.trainWithGradNorm()
        let (fixed, _) = try experiment.trainWithFixedWeights()

        let lines = run.steps["train-gradnorm"]!.lines
        XCTAssertEqual(lines[2], "Initial losses: PDE=0.6119, BC=0.3028, IC=1.7057")
        XCTAssertEqual(lines.filter { $0.hasPrefix("  Step") }.count, 6, "steps 0, 10, …, 40 and the final line")
        XCTAssertTrue(lines.contains(String(format: "  Step   40: loss=%.6e, ", gradNormRecords[40].totalLoss)
            + zip(["PDE", "BC", "IC"], gradNormRecords[40].losses).map { "\($0)=\(String(format: "%.4e", $1))" }.joined(separator: ", ")))
        XCTAssertEqual(run.values["weight.pde"], String(format: "%.3f", Double(balancer.weights[0])))
        XCTAssertEqual(run.values["l2.gradnorm"], String(format: "%.2e", gradNorm.l2Error))
        XCTAssertEqual(run.values["l2.fixed"], String(format: "%.2e", fixed.l2Error))
        XCTAssertEqual(run.values["fixed.ic"], String(format: "%.2e", fixed.finalLosses[2]))
        XCTAssertEqual(run.values["steps"], "50")
        XCTAssertEqual(run.values["l2.better"], gradNorm.l2Error < fixed.l2Error ? "GradNorm" : "fixed weights")
        XCTAssertEqual(Set(run.figures.keys), ["training-comparison", "solution"])
        XCTAssertEqual(run.figures["solution"]?.width, 2250)
        XCTAssertEqual(run.figures["training-comparison"]?.height, 1500)
    }
}
