import Foundation
import NeuralNet
import Random
import Tensor

/// Networks of the same depth and growing width, coarsest first, as Opifex's
/// `create_network_hierarchy` builds them.
///
/// Level `l` of `L` has hidden widths `max(Int(d · f^(L−l−1)), 1)` for each width `d` of the
/// finest level and coarsening factor `f`; the finest level (`l = L − 1`) has exactly the base
/// widths. All levels are initialised up front, in order, from one ``Rngs`` stream, so each
/// level's keys follow the previous level's.
///
/// ```swift
/// let hierarchy = try NetworkHierarchy<Float>(inputDimensions: 1, outputDimensions: 1,
///                                             baseHiddenWidths: [4, 4], levelCount: 3, rngs: Rngs(seed: 0))
/// hierarchy.hiddenWidths  // [[1, 1], [2, 2], [4, 4]]
/// ```
public struct NetworkHierarchy<Scalar: TensorScalar> {
    /// The networks, coarsest first.
    public var levels: [MLP<Scalar>]

    /// The hidden widths of every level, coarsest first.
    public var hiddenWidths: [[Int]] { levels.map { Array($0.layerSizes.dropFirst().dropLast()) } }

    /// The number of levels.
    public var count: Int { levels.count }

    /// A hierarchy of given networks, coarsest first.
    /// - Throws: ``MultilevelError/emptyHierarchy`` for no networks;
    ///   ``MultilevelError/incompatibleNetworks(reason:)`` when they differ in depth or in
    ///   input or output size.
    public init(levels: [MLP<Scalar>]) throws {
        guard let first = levels.first else { throw MultilevelError.emptyHierarchy }
        for (index, network) in levels.enumerated() {
            guard network.layers.count == first.layers.count else {
                throw MultilevelError.incompatibleNetworks(
                    reason: "level \(index) has \(network.layers.count) layers, level 0 has \(first.layers.count)")
            }
            guard network.layerSizes.first == first.layerSizes.first, network.layerSizes.last == first.layerSizes.last else {
                throw MultilevelError.incompatibleNetworks(
                    reason: "level \(index) maps \(network.layerSizes.first!) → \(network.layerSizes.last!) values, "
                        + "level 0 maps \(first.layerSizes.first!) → \(first.layerSizes.last!)")
            }
        }
        self.levels = levels
    }

    /// Builds every level from `rngs`, coarsest first, each like Flax NNX's `nnx.Linear` layers.
    /// - Parameters:
    ///   - inputDimensions: The number of inputs of every network.
    ///   - outputDimensions: The number of outputs of every network.
    ///   - baseHiddenWidths: The hidden widths of the finest level.
    ///   - levelCount: The number of levels (≥ 1).
    ///   - coarseningFactor: The factor between the widths of consecutive levels, in (0, 1].
    ///   - rngs: The one stream every level draws from, in order.
    /// - Throws: ``MultilevelError/invalidSetting(name:value:requirement:)`` for a bad setting.
    public init(inputDimensions: Int, outputDimensions: Int, baseHiddenWidths: [Int], levelCount: Int,
                coarseningFactor: Double = 0.5, rngs: Rngs) throws {
        for (name, value) in [("inputDimensions", inputDimensions), ("outputDimensions", outputDimensions)] where value < 1 {
            throw MultilevelError.invalidSetting(name: name, value: "\(value)", requirement: "an integer ≥ 1")
        }
        let widths = try Self.hiddenWidths(base: baseHiddenWidths, levelCount: levelCount,
                                           coarseningFactor: coarseningFactor)
        try self.init(levels: widths.map { hidden in
            MLP(layerSizes: [inputDimensions] + hidden + [outputDimensions], rngs: rngs)
        })
    }

    /// The hidden widths of each level, coarsest first: `max(Int(d · f^(L−l−1)), 1)`.
    /// - Throws: ``MultilevelError/invalidSetting(name:value:requirement:)`` for no base widths,
    ///   a width < 1, `levelCount < 1`, or a factor outside (0, 1].
    public static func hiddenWidths(base: [Int], levelCount: Int, coarseningFactor: Double) throws -> [[Int]] {
        guard !base.isEmpty else {
            throw MultilevelError.invalidSetting(name: "baseHiddenWidths", value: "[]", requirement: "at least one width")
        }
        guard base.allSatisfy({ $0 >= 1 }) else {
            throw MultilevelError.invalidSetting(name: "baseHiddenWidths", value: "\(base)", requirement: "widths ≥ 1")
        }
        guard levelCount >= 1 else {
            throw MultilevelError.invalidSetting(name: "levelCount", value: "\(levelCount)", requirement: "an integer ≥ 1")
        }
        guard coarseningFactor > 0, coarseningFactor <= 1 else {
            throw MultilevelError.invalidSetting(name: "coarseningFactor", value: "\(coarseningFactor)",
                                                 requirement: "a number in (0, 1]")
        }
        return (0..<levelCount).map { level in
            let factor = Foundation.pow(coarseningFactor, Double(levelCount - level - 1))
            // Python's int() truncates towards zero, as Int(_:) does.
            return base.map { Swift.max(Int(Double($0) * factor), 1) }
        }
    }
}
