import Literate
import Tutorials
import XCTest

final class LossBalancersTutorialTests: XCTestCase {
    var tutorial: AnyTutorial { TutorialRegistry.named("loss-balancers")! }

    func testTutorialValidatesWithoutDriftOrUnusedSteps() throws {
        let runner = TutorialRunner(tutorial)
        let document = try MarkdownParser.parse(fileAt: tutorial.markdownPath)
        let (plan, warnings) = try runner.validate(document)
        XCTAssertEqual(warnings, [])
        XCTAssertEqual(Set(plan.map(\.tag)), Set(tutorial.steps.map(\.tag)))
        XCTAssertEqual(try runner.drifts(in: document, plan: plan).map(\.description), [])
    }

    func testEveryBalancerRunsOnEveryProblemAndTheVerdictsFollowTheNumbers() throws {
        let run = try TutorialRunner(tutorial, options: RunOptions(quick: true)).run()
        let results = try XCTUnwrap(run.tables["results"])
        let problems = ["Heat", "Helmholtz", "Laplace"]
        let balancers = try XCTUnwrap(run.tables["balancers"]).rows.map { $0[0] }
        XCTAssertGreaterThanOrEqual(balancers.count, 8)
        XCTAssertEqual(results.rows.count, balancers.count * problems.count)
        for problem in problems {
            let rows = results.rows.filter { $0[0] == problem }
            XCTAssertEqual(rows.map { $0[1] }, balancers, "every balancer once on \(problem)")
            let errors = rows.map { Double($0[3])! }
            XCTAssertGreaterThan(Set(errors).count, 1, "the balancers give different errors on \(problem)")
            // The winner named in the prose has the lowest error in the table, and rank 1.
            let key = problem.lowercased()
            let winner = try XCTUnwrap(run.values["\(key).winner"])
            let winnerRow = try XCTUnwrap(rows.first { $0[1] == winner })
            XCTAssertEqual(Double(winnerRow[3])!, errors.min()!, "(rounded errors may tie)")
            XCTAssertEqual(winnerRow[5], "1")
            XCTAssertEqual(Set(rows.map { $0[5] }), Set((1...rows.count).map(String.init)), "ranks are a permutation")
            XCTAssertTrue(run.values["\(key).verdict"]!.hasPrefix(winner == "Fixed weights" ? "fixed weights won" : "\(winner) won"))
            // The errors relative to fixed weights' are the table's own quotients.
            let fixed = Double(rows[0][3])!
            for row in rows { XCTAssertEqual(Double(row[4].dropLast())!, Double(row[3])! / fixed, accuracy: 0.01 * Double(row[3])! / fixed + 0.006) }
        }

        // The seed sweep: fixed weights and two balancers, three seeds each, seed 0 from the main table.
        let sweep = try XCTUnwrap(run.tables["sweep"])
        XCTAssertEqual(sweep.header, ["Balancer", "Seed 0", "Seed 1", "Seed 2", "Mean", "Largest / smallest"])
        XCTAssertEqual(sweep.rows.count, 3)
        XCTAssertEqual(sweep.rows[0][0], "Fixed weights")
        for row in sweep.rows {
            let seed0 = results.rows.first { $0[0] == "Helmholtz" && $0[1] == row[0] }!
            XCTAssertEqual(row[1], seed0[3])
        }
        let separated = run.values["sweep.against-runner-up"]!
        XCTAssertTrue(separated.hasPrefix("larger than") || separated.hasPrefix("not larger than"))

        // The NTK of the Helmholtz losses at three networks, and the three figures.
        XCTAssertEqual(run.steps["ntk-spectra"]?.lines.count, 3)
        XCTAssertEqual(Set(run.figures.keys), ["weights", "errors", "ntk-spectra"])

        // Timings reach the terminal only: nothing measured is on the page.
        let cells = run.tables.values.flatMap { $0.rows.joined() } + Array(run.values.values)
        XCTAssertFalse(cells.contains { $0.hasSuffix(" ms") || $0.contains("ms per step") })
    }
}
