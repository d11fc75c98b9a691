import Multilevel
import NeuralNet
import Random
import XCTest

final class NetworkHierarchyTests: XCTestCase {
    typealias Hierarchy = NetworkHierarchy<Float>
    let reference = CascadeReference.shared

    func testWidthsFollowTheCoarseningRule() throws {
        XCTAssertEqual(try Hierarchy.hiddenWidths(base: [4, 4], levelCount: 3, coarseningFactor: 0.5),
                       reference.hiddenWidths)
        // int() truncates and the width never drops below 1.
        XCTAssertEqual(try Hierarchy.hiddenWidths(base: [64, 10, 3], levelCount: 4, coarseningFactor: 0.3),
                       [[1, 1, 1], [5, 1, 1], [19, 3, 1], [64, 10, 3]])
        XCTAssertEqual(try Hierarchy.hiddenWidths(base: [7], levelCount: 1, coarseningFactor: 0.5), [[7]])
        XCTAssertEqual(try Hierarchy.hiddenWidths(base: [6, 2], levelCount: 2, coarseningFactor: 1), [[6, 2], [6, 2]])
    }

    func testEveryLevelIsInitialisedFromOneStreamInOrder() throws {
        let hierarchy = try NetworkHierarchy<Float>(inputDimensions: 1, outputDimensions: 1, baseHiddenWidths: [4, 4],
                                                    levelCount: 3, coarseningFactor: 0.5, rngs: Rngs(seed: 0))
        XCTAssertEqual(hierarchy.hiddenWidths, reference.hiddenWidths)
        XCTAssertEqual(hierarchy.levels.map(\.layerSizes), [[1, 1, 1, 1], [1, 2, 2, 1], [1, 4, 4, 1]])
        for (level, expected) in reference.initParams.enumerated() {
            assertClose(hierarchy.levels[level].flattenedParameters, expected.flattened, normwise: true, "init_params[\(level)]")
        }
        // The finest level is not what a fresh stream would give: its keys follow the coarser levels'.
        let alone = MLP<Float>(layerSizes: [1, 4, 4, 1], rngs: Rngs(seed: 0))
        XCTAssertNotEqual(alone.parameters[0].scalars, hierarchy.levels[2].parameters[0].scalars)
    }

    func testBadSettingsAreErrors() {
        func setting(_ name: String, _ build: () throws -> Any) {
            XCTAssertThrowsError(try build()) { error in
                guard case let MultilevelError.invalidSetting(field, _, _) = error else {
                    return XCTFail("expected invalidSetting, got \(error)")
                }
                XCTAssertEqual(field, name)
            }
        }
        setting("baseHiddenWidths") { try Hierarchy.hiddenWidths(base: [], levelCount: 3, coarseningFactor: 0.5) }
        setting("baseHiddenWidths") { try Hierarchy.hiddenWidths(base: [4, 0], levelCount: 3, coarseningFactor: 0.5) }
        setting("levelCount") { try Hierarchy.hiddenWidths(base: [4], levelCount: 0, coarseningFactor: 0.5) }
        for factor in [0, -0.5, 1.5, Double.nan] {
            setting("coarseningFactor") { try Hierarchy.hiddenWidths(base: [4], levelCount: 2, coarseningFactor: factor) }
        }
        setting("inputDimensions") {
            try Hierarchy(inputDimensions: 0, outputDimensions: 1, baseHiddenWidths: [4], levelCount: 2, rngs: Rngs(seed: 0))
        }
        setting("levelCount") {
            try Hierarchy(inputDimensions: 1, outputDimensions: 1, baseHiddenWidths: [4], levelCount: -1, rngs: Rngs(seed: 0))
        }
    }

    func testGivenLevelsMustBeNonEmptyAndExchangeable() {
        XCTAssertThrowsError(try NetworkHierarchy<Float>(levels: [])) { XCTAssertEqual($0 as? MultilevelError, .emptyHierarchy) }
        let rngs = Rngs(seed: 1)
        let shallow = MLP<Float>(layerSizes: [1, 2, 1], rngs: rngs), deep = MLP<Float>(layerSizes: [1, 4, 4, 1], rngs: rngs)
        let twoInputs = MLP<Float>(layerSizes: [2, 4, 1], rngs: rngs)
        for levels in [[shallow, deep], [shallow, twoInputs]] {
            XCTAssertThrowsError(try NetworkHierarchy(levels: levels)) { error in
                guard case MultilevelError.incompatibleNetworks = error else { return XCTFail("got \(error)") }
            }
        }
        XCTAssertNoThrow(try NetworkHierarchy(levels: [shallow, MLP<Float>(layerSizes: [1, 8, 1], rngs: rngs)]))
    }
}
