import Experiments
import Foundation
import XCTest

/// Seed 42 alone reproduces the reference's data, initial parameters and trace.
final class SeedTests: XCTestCase {
    func testSeed42ReproducesTheReferenceDataAndParameters() {
        let file = ReferenceAgreementTests.reference
        let config = HeatExperimentConfig.tutorial
        XCTAssertEqual(config, file.config)
        let ours = config.sampleData(Double.self)
        let theirs = file.heatData(Double.self)
        for (a, b) in [(ours.domain, theirs.domain), (ours.boundary, theirs.boundary),
                       (ours.initial, theirs.initial), (ours.initialValues, theirs.initialValues)] {
            XCTAssertEqual(a.shape, b.shape)
            for (x, y) in zip(a.scalars, b.scalars) { XCTAssertEqual(x, y, accuracy: 1e-7) }
        }
        let model = config.initialModel(Double.self)
        let reference = file.initialModel(Double.self)
        for (p, q) in zip(model.parameters, reference.parameters) {
            XCTAssertEqual(p.shape, q.shape)
            for (x, y) in zip(p.scalars, q.scalars) { XCTAssertEqual(x, y, accuracy: 1e-6) }
        }
    }

    func testSeededRunMeetsTheEngineTolerances() throws {
        let reference = ReferenceAgreementTests.reference.trace!
        let trace = try HeatExperiment<Float>(seededBy: .tutorial).run().trace(source: "seed")
        func relative(_ a: [Double], _ b: [Double]) -> Double {
            zip(a, b).map { Swift.abs($0 - $1) / Swift.abs($1) }.max()!
        }
        XCTAssertLessThan(relative(trace.gradnorm[0].losses, reference.gradnorm[0].losses), 1e-4)
        XCTAssertLessThan(relative(trace.gradnorm[0].gradNorms, reference.gradnorm[0].gradNorms), 1e-4)
        for step in 0..<10 { XCTAssertLessThan(relative(trace.gradnorm[step].weights, reference.gradnorm[step].weights), 1e-4) }
        for step in [100, 999] {
            XCTAssertLessThan(relative(trace.gradnorm[step].losses, reference.gradnorm[step].losses), 1e-3)
            XCTAssertLessThan(relative(trace.fixed[step].losses, reference.fixed[step].losses), 1e-3)
        }
        XCTAssertLessThan(relative(trace.final.weights, reference.final.weights), 1e-3)
        XCTAssertLessThan(relative([trace.final.l2GradNorm, trace.final.l2Fixed],
                                   [reference.final.l2GradNorm, reference.final.l2Fixed]), 1e-3)
    }

    func testOtherSeedsAndSizesRun() throws {
        var config = HeatExperimentConfig.tutorial
        config.seed = 7
        config.hiddenSizes = [16, 8]
        config.collocationPoints = 64
        config.boundaryPointsPerSide = 10
        config.initialPoints = 12
        config.steps = 20
        let experiment = try HeatExperiment<Float>(seededBy: config)
        XCTAssertEqual(experiment.initialModel.layerSizes, [2, 16, 8, 1])
        XCTAssertEqual(experiment.data.boundary.shape, [20, 2])
        let result = try experiment.run()
        XCTAssertEqual(result.gradNormRecords.count, 20)
        XCTAssertLessThan(result.gradNormRecords[19].totalLoss, result.gradNormRecords[0].totalLoss * 2)
        XCTAssertNotEqual(try HeatExperiment<Float>(seededBy: .tutorial).initialLosses(), experiment.initialLosses())
    }
}
