import Experiments
import Foundation
import XCTest

/// The Swift engine, started from the reference's own data and initial parameters,
/// against the JAX reference trace (Float32 on both sides).
final class ReferenceAgreementTests: XCTestCase {
    static let reference: ExperimentFile = {
        let url = Bundle.module.url(forResource: "gradnorm-heat-seed42", withExtension: "json", subdirectory: "Fixtures")!
        return try! ExperimentFile.load(path: url.path)
    }()

    static let result: (trace: ExperimentTrace, reference: ExperimentTrace) = {
        let file = reference
        let experiment = try! HeatExperiment<Float>(config: file.config, data: file.heatData(), initialModel: file.initialModel())
        let trace = try! experiment.run().trace(source: "test")
        return (trace, file.trace!)
    }()

    private func assertRelative(_ ours: [Double], _ theirs: [Double], _ tolerance: Double, _ what: String,
                                file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(ours.count, theirs.count, what, file: file, line: line)
        for (a, b) in zip(ours, theirs) {
            let deviation = Swift.abs(a - b) / Swift.abs(b)
            XCTAssertLessThan(deviation, tolerance, "\(what): ours \(a), reference \(b)", file: file, line: line)
        }
    }

    func testStepZeroLossesAndGradientNorms() {
        let (ours, reference) = Self.result
        assertRelative(ours.initialLosses, reference.initialLosses, 1e-4, "initial losses")
        assertRelative(ours.gradnorm[0].losses, reference.gradnorm[0].losses, 1e-4, "step 0 losses")
        assertRelative(ours.gradnorm[0].gradNorms, reference.gradnorm[0].gradNorms, 1e-4, "step 0 gradient norms")
    }

    func testWeightsOfTheFirstTenSteps() {
        let (ours, reference) = Self.result
        for step in 0..<10 {
            assertRelative(ours.gradnorm[step].weights, reference.gradnorm[step].weights, 1e-4, "weights after step \(step)")
        }
    }

    func testLossesAtSteps100And999() {
        let (ours, reference) = Self.result
        for step in [100, 999] {
            assertRelative(ours.gradnorm[step].losses, reference.gradnorm[step].losses, 1e-3, "GradNorm losses at step \(step)")
            assertRelative(ours.fixed[step].losses, reference.fixed[step].losses, 1e-3, "fixed losses at step \(step)")
        }
    }

    func testFinalWeightsAndErrors() {
        let (ours, reference) = Self.result
        assertRelative(ours.final.weights, reference.final.weights, 1e-3, "final weights")
        assertRelative([ours.final.l2GradNorm], [reference.final.l2GradNorm], 1e-3, "GradNorm L2 error")
        assertRelative([ours.final.l2Fixed], [reference.final.l2Fixed], 1e-3, "fixed L2 error")
        XCTAssertEqual(ours.final.l2GradNorm, 3.412e-2, accuracy: 3.412e-5)
        XCTAssertEqual(ours.final.l2Fixed, 2.029e-2, accuracy: 2.029e-5)
    }

    func testComparisonTableCoversTheAdvertisedSteps() {
        let (ours, reference) = Self.result
        let table = TraceComparison(ours: ours, theirs: reference)
        let quantities = Set(table.rows.map(\.quantity))
        for step in [0, 1, 10, 100, 500, 999] {
            XCTAssertTrue(quantities.contains("gradnorm[\(step)].weights"), "missing step \(step)")
            XCTAssertTrue(quantities.contains("fixed[\(step)].losses"), "missing step \(step)")
        }
        XCTAssertTrue(quantities.contains("final.l2_fixed"))
        XCTAssertLessThan(table.worst, 1e-3)
    }

    func testTraceRoundTripsThroughJSON() throws {
        let (ours, _) = Self.result
        let data = try ours.jsonData()
        XCTAssertEqual(try JSONDecoder().decode(ExperimentTrace.self, from: data), ours)
        XCTAssertEqual(try ours.jsonData(), data, "encoding is deterministic")
        let keys = try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any]).keys
        XCTAssertTrue(Set(["config", "initial_losses", "gradnorm", "fixed", "final"]).isSubset(of: Set(keys)))
    }
}
