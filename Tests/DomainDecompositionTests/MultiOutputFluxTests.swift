import DomainDecomposition
import Foundation
import NeuralNet
import Random
import Tensor
import XCTest

/// The interface losses of networks with two outputs (where Opifex's flux loss fails), against
/// a computation from plain network calls and central differences, in Float64.
final class MultiOutputFluxTests: XCTestCase {
    private let partition = try! BoxPartition(bounds: [0...1, 0...2], counts: [2, 2], interfacePoints: 4)

    private var model: XPINNModel<Double> {
        try! XPINNModel(partition: partition, hiddenWidths: [6, 5], outputDimensions: 2, rngs: Rngs(seed: 11))
    }

    private var problem: XPINNProblem<Double> {
        let points = partition.subdomains.map { box in
            Tensor<Double>(rows: [box.bounds.map { ($0.lowerBound + $0.upperBound) / 2 }])
        }
        return try! XPINNProblem(partition: partition, collocationPoints: points) { u, _ in u.xx + u.yy }
    }

    /// Network `index`'s outputs at one point.
    private func outputs(_ model: XPINNModel<Double>, _ index: Int, _ point: [Double]) -> [Double] {
        model.networks[index](Tensor(rows: [point])).scalars
    }

    /// `mean over interfaces of mean over points and outputs of (quantity_left − quantity_right)²`.
    private func independentLoss(_ model: XPINNModel<Double>, _ quantity: (Int, [Double], Interface) -> [Double]) -> Double {
        let perInterface = partition.interfaces.map { interface -> Double in
            let squares = interface.points.flatMap { point in
                zip(quantity(interface.leftSubdomain, point, interface), quantity(interface.rightSubdomain, point, interface))
                    .map { ($0 - $1) * ($0 - $1) }
            }
            return squares.reduce(0, +) / Double(squares.count)
        }
        return perInterface.reduce(0, +) / Double(perInterface.count)
    }

    /// `∂u/∂n` of every output by central differences along the normal.
    private func finiteDifferenceFlux(_ model: XPINNModel<Double>, _ index: Int, _ point: [Double], _ interface: Interface) -> [Double] {
        let h = 1e-5
        let forward = zip(point, interface.normal).map { $0 + h * $1 }, backward = zip(point, interface.normal).map { $0 - h * $1 }
        return zip(outputs(model, index, forward), outputs(model, index, backward)).map { ($0 - $1) / (2 * h) }
    }

    func testFluxAndContinuityOfTwoOutputsAgainstFiniteDifferences() {
        let model = self.model, problem = self.problem
        XCTAssertEqual(partition.interfaces.map(\.axis), [0, 0, 1, 1], "faces along both axes are exercised")
        let flux = problem.fluxLoss(of: model).scalar
        let expectedFlux = independentLoss(model) { finiteDifferenceFlux(model, $0, $1, $2) }
        XCTAssertGreaterThan(expectedFlux, 1e-3, "the networks differ, so the test can fail")
        XCTAssertEqual(flux, expectedFlux, accuracy: 1e-8 * expectedFlux)
        let continuity = problem.continuityLoss(of: model).scalar
        XCTAssertEqual(continuity, independentLoss(model) { index, point, _ in outputs(model, index, point) },
                       accuracy: 1e-14)
        XCTAssertEqual(problem.lossValues(of: model)[4...].map { $0 }, [continuity, flux])
    }

    func testInterfaceGradientsOfTwoOutputsAgainstFiniteDifferences() {
        let model = self.model, problem = self.problem, h = 1e-5
        for (index, interface) in partition.interfaces.enumerated() {
            let values = problem.interfaceValues(of: model, interface: index)
            XCTAssertEqual(values.valueLeft.shape, [4, 2])
            for (row, point) in interface.points.enumerated() {
                for direction in 0..<2 {
                    var forward = point, backward = point
                    forward[direction] += h
                    backward[direction] -= h
                    let difference = zip(outputs(model, interface.rightSubdomain, forward), outputs(model, interface.rightSubdomain, backward))
                        .map { ($0 - $1) / (2 * h) }
                    for output in 0..<2 {
                        XCTAssertEqual(values.gradientRight[direction][row, output], difference[output], accuracy: 1e-8)
                    }
                }
                let normal = finiteDifferenceFlux(model, interface.leftSubdomain, point, interface)
                for output in 0..<2 { XCTAssertEqual(values.fluxLeft[row, output], normal[output], accuracy: 1e-8) }
            }
        }
    }

    func testFluxLossGradientAgainstFiniteDifferences() {
        let model = self.model, problem = self.problem
        let gradient = valueAndGradient(of: model) { problem.fluxLoss(of: $0) }.gradient
        let numeric = GradientCheck.numericalParameterGradients(of: { problem.fluxLoss(of: $0) }, at: model)
        for p in model.parameters.indices {
            let error = GradientCheck.relativeError(gradient.tensors[p].scalars, numeric[p])
            XCTAssertLessThan(error, 1e-6, "parameter tensor \(p): relative error \(error)")
        }
    }
}
