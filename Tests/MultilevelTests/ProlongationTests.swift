import Multilevel
import NeuralNet
import Random
import Tensor
import XCTest

final class ProlongationTests: XCTestCase {
    let reference = CascadeReference.shared

    /// The demos' networks: a two-level hierarchy with base widths [4, 4] (levels [2, 2] and
    /// [4, 4]) from `Rngs(seed)`; identified by their parameters and outputs (seed 1 for the
    /// restriction demo, seed 2 for the preservation demo).
    private func demoHierarchy(seed: Int64) throws -> NetworkHierarchy<Float> {
        try NetworkHierarchy<Float>(inputDimensions: 1, outputDimensions: 1, baseHiddenWidths: [4, 4], levelCount: 2,
                                    rngs: Rngs(seed: seed))
    }

    func testRestrictionTakesTheLeadingBlock() throws {
        let demo = reference.restrictDemo
        let hierarchy = try demoHierarchy(seed: 1)
        assertClose(hierarchy.levels[1].flattenedParameters, demo.fine.flattened, normwise: true, "restrict_demo.fine")
        let coarse = try hierarchy.levels[0].restricted(from: hierarchy.levels[1])
        assertClose(coarse.flattenedParameters, demo.coarseAfterRestrict.flattened, normwise: true,
                    "restrict_demo.coarse_after_restrict")
        // From the exported fine network the restriction is exact.
        XCTAssertEqual(try hierarchy.levels[0].restricted(from: demo.fine.network).flattenedParameters,
                       demo.coarseAfterRestrict.flattened)
        // Restricting into a copy of itself changes nothing.
        let fine = demo.fine.network
        XCTAssertEqual(try fine.restricted(from: fine).flattenedParameters, fine.flattenedParameters)
    }

    func testProlongationDoesNotPreserveTheFunction() throws {
        // The new units keep their random initialisation and feed the next layer, so the
        // output moves: from −0.088 to −0.70 at x = 1 in prolongate_preservation_demo.
        let demo = reference.prolongatePreservationDemo
        let hierarchy = try demoHierarchy(seed: 2)
        let coarse = hierarchy.levels[0]
        let fine = try hierarchy.levels[1].prolongated(from: coarse)
        let coarseOutput = coarse(reference.testPoints).scalars.map(Double.init)
        let fineOutput = fine(reference.testPoints).scalars.map(Double.init)
        assertClose([coarseOutput], [demo.coarseOut], "prolongate_preservation_demo.coarse_out")
        assertClose([fineOutput], [demo.fineOutAfterProlongate], "prolongate_preservation_demo.fine_out_after_prolongate")
        XCTAssertGreaterThan(zip(fineOutput, coarseOutput).map { Swift.abs($0 - $1) }.max()!, 0.6)
    }

    func testProlongationAfterRestrictionGivesTheFineNetworkBack() throws {
        let demo = reference.restrictDemo
        let fine = demo.fine.network, coarse = demo.coarseAfterRestrict.network
        XCTAssertEqual(try fine.prolongated(from: coarse).flattenedParameters, fine.flattenedParameters)
    }

    func testProlongationCopiesTheCoarseLayersAndKeepsTheRest() throws {
        // The hierarchy's level 0 → level 1 transfer at the start of training: the leading
        // blocks are level 0's initial parameters, everything else is level 1's initialisation.
        let coarse = reference.initParams[0].network, fine = reference.initParams[1].network
        let prolongated = try fine.prolongated(from: coarse)
        for (index, layer) in prolongated.layers.enumerated() {
            let coarseLayer = coarse.layers[index], fineLayer = fine.layers[index]
            for row in 0..<layer.inputDimensions {
                for column in 0..<layer.outputDimensions {
                    let inBlock = row < coarseLayer.inputDimensions && column < coarseLayer.outputDimensions
                    let expected = inBlock ? coarseLayer.kernel.scalars[row * coarseLayer.outputDimensions + column]
                                           : fineLayer.kernel.scalars[row * fineLayer.outputDimensions + column]
                    XCTAssertEqual(layer.kernel.scalars[row * layer.outputDimensions + column], expected)
                }
            }
            for column in 0..<layer.outputDimensions {
                let expected = column < coarseLayer.outputDimensions ? coarseLayer.bias.scalars[column]
                                                                     : fineLayer.bias.scalars[column]
                XCTAssertEqual(layer.bias.scalars[column], expected)
            }
        }
    }

    func testTrainedLevelsProlongateAsInTheReference() throws {
        // Level l's trained parameters into level l + 1's initialisation.
        for level in reference.levels.dropLast() {
            let next = try XCTUnwrap(level.nextLevelAfterProlongation)
            let coarse = level.paramsAtLevelEnd.network
            let fine = try reference.initParams[level.level + 1].network.prolongated(from: coarse)
            assertClose(fine.flattenedParameters, next.params.flattened, normwise: true,
                        "next_level_after_prolongation[\(level.level)].params")
            let coarseOutput = coarse(reference.testPoints).scalars.map(Double.init)
            let fineOutput = fine(reference.testPoints).scalars.map(Double.init)
            assertClose([coarseOutput], [level.outputAtTestX], "output_at_test_x[\(level.level)] (from the exported parameters)")
            assertClose([fineOutput], [next.outputAtTestX], "next_level_after_prolongation[\(level.level)].output_at_test_x")
            let change = zip(fineOutput, coarseOutput).map { Swift.abs($0 - $1) }.max()!
            assertClose([[change]], [[next.maxAbsOutputChangeVsCoarse]], tolerance: 1e-4,
                        "max_abs_output_change_vs_coarse[\(level.level)]")
        }
    }

    func testIncompatibleNetworksAreErrors() {
        let rngs = Rngs(seed: 5)
        let small = MLP<Float>(layerSizes: [1, 2, 2, 1], rngs: rngs), large = MLP<Float>(layerSizes: [1, 4, 4, 1], rngs: rngs)
        let shallow = MLP<Float>(layerSizes: [1, 4, 1], rngs: rngs), twoOutputs = MLP<Float>(layerSizes: [1, 4, 4, 2], rngs: rngs)
        func incompatible(_ body: () throws -> MLP<Float>) {
            XCTAssertThrowsError(try body()) { error in
                guard case MultilevelError.incompatibleNetworks = error else { return XCTFail("got \(error)") }
            }
        }
        incompatible { try large.prolongated(from: shallow) }
        incompatible { try twoOutputs.prolongated(from: small) }
        incompatible { try small.restricted(from: shallow) }
        incompatible { try large.restricted(from: small) }  // the "fine" network is narrower
    }
}
