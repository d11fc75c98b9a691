import DomainDecomposition
import NeuralNet
import Random
import Tensor
import XCTest

/// The networks' initial parameters, the membership weights and the blended prediction.
final class BlendedPredictionTests: XCTestCase {
    func testNetworksStartFromOpifexParameters() {
        for reference in XPINNReference.shared.cases {
            let model = reference.model
            XCTAssertEqual(model.networks.count, reference.params.count)
            for (network, layers) in zip(model.networks, reference.params) {
                XCTAssertEqual(network.layers.count, layers.count)
                for (ours, theirs) in zip(network.layers, layers) {
                    XCTAssertEqual(ours.kernel.shape, [theirs.kernel.count, theirs.kernel[0].count])
                    // Our float32 truncated normal (Giles' erfinv, as XLA) lands within 2 ulp of JAX's draws.
                    assertRelative(ours.kernel.doubles, theirs.kernel.flatMap { $0 }, "\(reference.name) kernel", tolerance: 1e-6)
                    XCTAssertEqual(ours.bias.doubles, theirs.bias, "\(reference.name) bias")
                }
            }
            // The flat parameter list is network 0's tensors, then network 1's.
            XCTAssertEqual(model.parameters.count, 8)
            XCTAssertEqual(model.parameterRange(ofNetwork: 1), 4..<8)
            XCTAssertEqual(model.parameters[4].scalars, model.networks[1].layers[0].kernel.scalars)
        }
    }

    func testMembershipWeightsAndModelCall() {
        for reference in XPINNReference.shared.cases {
            let model = reference.model
            let points = Tensor<Float>(rows: reference.evalPoints.map { $0.map(Float.init) })
            assertRelative(model.membershipWeights(at: points).flatMap { $0.map(Double.init) },
                           reference.membershipWeights.flatMap { $0 }, "\(reference.name) membership_weights", tolerance: 0)
            assertRelative(model(points).doubles, reference.modelCall, "\(reference.name) model_call")
        }
    }

    func testSettingParametersRoundTrips() {
        var model = XPINNReference.twoDimensional.model
        let doubled = model.parameters.map { $0 * 2 }
        model.parameters = doubled
        XCTAssertEqual(model.parameters.map(\.scalars), doubled.map(\.scalars))
        XCTAssertEqual(model.networks[1].layers[1].kernel.scalars, doubled[6].scalars)
    }

    func testPointsOutsideEveryBoxAreZeroAndAnErrorWhenValidated() {
        let model = XPINNReference.oneDimensional.model
        let points = Tensor<Float>(rows: [[0.25], [1.5], [-0.1]])
        XCTAssertEqual(model.membershipWeights(at: points)[1], [0, 0])
        let values = model(points).scalars
        XCTAssertEqual(values[1], 0)
        XCTAssertEqual(values[2], 0)
        XCTAssertThrowsError(try model.validate(points)) { error in
            XCTAssertEqual(error as? DomainDecompositionError, .pointOutsideDomain(index: 1, point: [1.5]))
        }
        XCTAssertThrowsError(try model.prediction(at: Tensor<Float>(rows: [[0.5, 0.5]]))) { error in
            XCTAssertEqual(error as? DomainDecompositionError,
                           .dimensionMismatch(what: "point coordinates", expected: 1, actual: 2))
        }
        XCTAssertEqual(try model.prediction(at: Tensor<Float>(rows: [[0.25], [0.5]])).scalars,
                       model(Tensor<Float>(rows: [[0.25], [0.5]])).scalars)
    }

    func testSeveralOutputsBlendColumnByColumn() throws {
        let partition = try BoxPartition(bounds: [0...1], counts: [2])
        let model = try XPINNModel<Double>(partition: partition, hiddenWidths: [5], outputDimensions: 2, rngs: Rngs(seed: 3))
        let points = Tensor<Double>(rows: [[0.2], [0.5], [0.9]])
        let left = model.networks[0](points).scalars, right = model.networks[1](points).scalars
        let blended = model(points)
        XCTAssertEqual(blended.shape, [3, 2])
        // In Float64 the 1e-8 of the normalisation shows: one box gives 1/(1 + 1e-8), a face 1/(2 + 1e-8) each.
        let inside = 1 / (1 + 1e-8), onFace = 1 / (2 + 1e-8)
        for column in 0..<2 {
            XCTAssertEqual(blended.scalars[column], inside * left[column], accuracy: 1e-15)
            XCTAssertEqual(blended.scalars[2 + column], onFace * left[2 + column] + onFace * right[2 + column], accuracy: 1e-15)
            XCTAssertEqual(blended.scalars[4 + column], inside * right[4 + column], accuracy: 1e-15)
        }
        XCTAssertNotEqual(left[2], right[2], "the two networks differ, so the blend is tested")
    }

    func testBadModelsAreErrors() throws {
        let partition = try BoxPartition(bounds: [0...1, 0...1], counts: [2, 1])
        XCTAssertThrowsError(try XPINNModel<Float>(partition: partition, hiddenWidths: [4, 0], rngs: Rngs(seed: 0))) { error in
            XCTAssertEqual(error as? DomainDecompositionError,
                           .invalidSetting(name: "hiddenWidths[1]", value: "0", requirement: "an integer ≥ 1"))
        }
        XCTAssertThrowsError(try XPINNModel<Float>(partition: partition, hiddenWidths: [4], outputDimensions: 0, rngs: Rngs(seed: 0)))
        let rngs = Rngs(seed: 0)
        let plane = MLP<Float>(layerSizes: [2, 3, 1], rngs: rngs), line = MLP<Float>(layerSizes: [1, 3, 1], rngs: rngs)
        let twoOutputs = MLP<Float>(layerSizes: [2, 3, 2], rngs: rngs)
        XCTAssertThrowsError(try XPINNModel(partition: partition, networks: [plane])) { error in
            XCTAssertEqual(error as? DomainDecompositionError,
                           .dimensionMismatch(what: "networks per subdomain", expected: 2, actual: 1))
        }
        XCTAssertThrowsError(try XPINNModel(partition: partition, networks: [plane, line])) { error in
            XCTAssertEqual(error as? DomainDecompositionError, .dimensionMismatch(what: "network inputs", expected: 2, actual: 1))
        }
        XCTAssertThrowsError(try XPINNModel(partition: partition, networks: [plane, twoOutputs])) { error in
            XCTAssertEqual(error as? DomainDecompositionError, .dimensionMismatch(what: "network outputs", expected: 1, actual: 2))
        }
    }
}
