import GradNorm
import Literate
import Tutorials
import XCTest

final class GradNormMethodTutorialTests: XCTestCase {
    var tutorial: AnyTutorial { TutorialRegistry.named("gradnorm-method")! }

    func testTutorialValidatesWithoutDriftOrUnusedSteps() throws {
        let runner = TutorialRunner(tutorial)
        let document = try MarkdownParser.parse(fileAt: tutorial.markdownPath)
        let (plan, warnings) = try runner.validate(document)
        XCTAssertEqual(warnings, [])
        XCTAssertEqual(Set(plan.map(\.tag)), Set(tutorial.steps.map(\.tag)))
        XCTAssertEqual(try runner.drifts(in: document, plan: plan).map(\.description), [])
    }

    func testStepsAreWiredToTheirTablesFiguresAndValues() throws {
        let run = try TutorialRunner(tutorial, options: RunOptions(quick: true)).run()

        // The sweep trains once per α and reports one row each.
        let sweep = try XCTUnwrap(run.tables["alpha-sweep"])
        XCTAssertEqual(sweep.rows.map { $0[0] }, ["0", "0.5", "1", "1.5", "2"])
        XCTAssertEqual(sweep.header.count, 6, "no measured column: the page is the same on every machine")
        let cells = run.tables.values.flatMap { $0.rows.joined() } + Array(run.values.values)
        XCTAssertFalse(cells.contains { $0.hasPrefix("under ") || $0.hasSuffix(" ms") || $0.hasSuffix(" s") },
                       "a measured time on the page")
        XCTAssertEqual(run.steps["alpha-sweep"]?.lines.filter { $0.hasPrefix("α = ") }.count, 5)
        XCTAssertEqual(Set(sweep.rows.map { $0[4] }).count, 5, "each α gives its own L2 error")
        XCTAssertTrue(["0", "0.5", "1", "1.5", "2"].contains(run.values["sweep.best-alpha"]!))

        // The configuration table is generated from GradNormConfig.
        XCTAssertEqual(run.tables["config"]?.rows.map { $0[0] }, GradNormConfig.fieldDocumentation.map(\.name))
        XCTAssertEqual(run.tables["config"]?.rows.first?[1], "\(GradNormConfig().alpha)")

        // Update frequency: quick runs take 50 steps, so 50 and 5 weight updates.
        XCTAssertEqual(run.tables["update-frequency"]?.rows.map { Array($0[0...1]) }, [["1", "50"], ["10", "5"]])

        // The page's own example of inverse training rates.
        XCTAssertEqual(run.steps["inverse-rates"]?.lines, ["rates = [0.1364, 2.7273, 0.1364]", "mean  = 1.0000"])

        // Clamping reaches both bounds.
        let clamping = run.steps["weight-clamping"]!.lines
        XCTAssertTrue(clamping.last!.contains("0.100 (min)") && clamping.last!.contains("10.000 (max)"), "\(clamping)")

        XCTAssertTrue(run.steps["initial-losses"]!.lines[0].contains("have not been set"))
        XCTAssertEqual(run.steps["initial-losses"]!.lines[1], "After step 0:  PDE=0.6119, BC=0.3028, IC=1.7057")
        XCTAssertEqual(Set(run.figures.keys), ["alpha-weights", "weight-evolution", "laplace-training", "laplace-solution",
                                               "rad-points", "xpinn-solution", "xpinn-training", "cascade-training"])

        // Multilevel training: three levels, each with a new balancer and its own initial losses.
        let cascade = try XCTUnwrap(run.tables["cascade"])
        XCTAssertEqual(cascade.rows.map { Array($0[0...1]) }, [["0", "[8, 8]"], ["1", "[16, 16]"], ["2", "[32, 32]"]])
        XCTAssertEqual(run.steps["cascade-gradnorm"]?.lines.filter { $0.contains("initial losses (new balancer)") }.count, 3)
        // The coarsest level has no prolongation before it; the finer ones report how far it moved the output.
        XCTAssertEqual(cascade.rows[0].last, "–")
        XCTAssertTrue(cascade.rows.dropFirst().allSatisfy { Double($0.last!) != nil }, "\(cascade.rows)")

        // Adaptive sampling: three schedules from the same starts, three seeds each.
        let rad = try XCTUnwrap(run.tables["rad"])
        XCTAssertEqual(rad.rows.map { $0[0] }, ["uniform", "RAD (Wu et al.)", "RAD (Opifex)"])
        XCTAssertEqual(run.steps["rad-gradnorm"]?.lines.count, 9)
        XCTAssertTrue(["lower", "higher", "the same"].contains(run.values["rad.wu-word"]!))
        XCTAssertTrue(rad.rows.map { $0[0] }.contains(run.values["rad.best"]!))

        // Domain decomposition: five losses balanced, the blended solution evaluated.
        XCTAssertEqual(run.tables["xpinn"]?.rows.map { $0[0] }, ["residual_0", "residual_1", "continuity", "flux", "BC"])
        XCTAssertNotNil(Double(run.values["xpinn.l2"]!))
        XCTAssertEqual(run.steps["xpinn-gradnorm"]?.lines.first, "Losses balanced: residual_0, residual_1, continuity, flux, BC")
        XCTAssertEqual(run.values["laplace.steps"], "100")
        XCTAssertNotNil(Double(run.values["laplace.l2"]!))
    }
}
