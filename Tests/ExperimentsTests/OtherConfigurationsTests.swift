import Experiments
import Foundation
import XCTest

/// The engine against JAX on configurations other than the tutorial's, exported by
/// `scripts/export-jax-experiment.py` (other seeds, sizes, α, learning rates, domains),
/// with the same tolerances as the reference test.
final class OtherConfigurationsTests: XCTestCase {
    private func load(_ name: String) throws -> ExperimentFile {
        let url = try XCTUnwrap(Bundle.module.url(forResource: name, withExtension: "json", subdirectory: "Fixtures"))
        return try ExperimentFile.load(path: url.path)
    }

    private func relative(_ a: [Double], _ b: [Double]) -> Double {
        zip(a, b).map { Swift.abs($0 - $1) / Swift.abs($1) }.max() ?? .infinity
    }

    /// Checks one exported experiment; `fixedSteps` limits the fixed run's checked steps.
    private func check(_ name: String, fixedUpTo fixedSteps: Int? = nil, file: StaticString = #filePath, line: UInt = #line) throws {
        let exported = try load(name)
        let reference = try XCTUnwrap(exported.trace)
        // Seeded data and parameters are those of the file (JAX-compatible random streams).
        let seeded = exported.config.sampleData(Double.self), given = exported.heatData(Double.self)
        XCTAssertLessThan(relativeMax(seeded.domain.scalars, given.domain.scalars), 1e-7, "\(name) data", file: file, line: line)
        let ours = try HeatExperiment<Float>(seededBy: exported.config).run().trace(source: "test")
        let last = exported.config.steps - 1
        XCTAssertLessThan(relative(ours.gradnorm[0].losses, reference.gradnorm[0].losses), 1e-4, "\(name) step-0 losses", file: file, line: line)
        XCTAssertLessThan(relative(ours.gradnorm[0].gradNorms, reference.gradnorm[0].gradNorms), 1e-4, "\(name) step-0 norms", file: file, line: line)
        for step in 0..<10 {
            XCTAssertLessThan(relative(ours.gradnorm[step].weights, reference.gradnorm[step].weights), 1e-4, "\(name) weights \(step)", file: file, line: line)
        }
        for step in [100, last] {
            XCTAssertLessThan(relative(ours.gradnorm[step].losses, reference.gradnorm[step].losses), 1e-3, "\(name) GradNorm losses \(step)", file: file, line: line)
        }
        for step in [100, fixedSteps ?? last] {
            XCTAssertLessThan(relative(ours.fixed[step].losses, reference.fixed[step].losses), 1e-3, "\(name) fixed losses \(step)", file: file, line: line)
        }
        XCTAssertLessThan(relative(ours.final.weights, reference.final.weights), 1e-3, "\(name) final weights", file: file, line: line)
        XCTAssertLessThan(relative([ours.final.l2GradNorm], [reference.final.l2GradNorm]), 1e-3, "\(name) GradNorm L2", file: file, line: line)
        if fixedSteps == nil {
            XCTAssertLessThan(relative([ours.final.l2Fixed], [reference.final.l2Fixed]), 1e-3, "\(name) fixed L2", file: file, line: line)
        }
    }

    private func relativeMax(_ a: [Double], _ b: [Double]) -> Double {
        zip(a, b).map { Swift.abs($0 - $1) }.max() ?? .infinity
    }

    func testSeed7SmallerNetworkAlpha1() throws {
        try check("heat-seed7-16x16-alpha1")
    }

    func testSeed2024OtherDomainAlphaHalf() throws {
        try check("heat-seed2024-24x3-alpha0.5")
    }

    func testSeed0Alpha2() throws {
        // JAX's own fixed-weight run turns oscillatory after step ~840 (Adam at the edge of
        // stability); there, last-bit differences grow exponentially, and JAX run without jit
        // departs from JAX with jit in the same way (5.8 % at step 900, 20 % at step 999, fixed L2
        // 1.906e-2 vs 1.840e-2; see scripts/export-jax-experiment.py with JAX_DISABLE_JIT=1). The fixed run is
        // therefore checked up to step 800 (and its final error not at all); the GradNorm run in full.
        try check("heat-seed0-alpha2", fixedUpTo: 800)
    }
}
