import DomainDecomposition
import Foundation
import NeuralNet
import PINN
import Tensor
import XCTest

/// The XPINN losses of both reference cases at the initial parameters, against Opifex.
final class XPINNLossTests: XCTestCase {
    func testResidualsAndLosses() {
        for reference in XPINNReference.shared.cases {
            let problem = reference.problem, model = reference.model
            XCTAssertEqual(problem.lossNames, reference.lossNames)
            for subdomain in 0..<2 {
                assertRelative(problem.residualValues(of: model, subdomain: subdomain).doubles, reference.residuals[subdomain],
                               "\(reference.name) residuals[\(subdomain)]")
            }
            assertRelative(problem.lossValues(of: model), reference.losses, "\(reference.name) losses")
            assertRelative([Double(problem.interfaceLoss(of: model).scalar)], [reference.computeInterfaceLoss],
                           "\(reference.name) compute_interface_loss")
            assertRelative([Double(problem.totalResidualLoss(of: model).scalar)], [reference.computeTotalResidual],
                           "\(reference.name) compute_total_residual")
        }
    }

    func testInterfaceValuesAndFluxes() {
        for reference in XPINNReference.shared.cases {
            let problem = reference.problem, model = reference.model
            for (index, theirs) in reference.interfaces.enumerated() {
                let ours = problem.interfaceValues(of: model, interface: index)
                let name = "\(reference.name) interface \(index)"
                assertRelative(ours.valueLeft.doubles, theirs.uLeft, "\(name) u_left")
                assertRelative(ours.valueRight.doubles, theirs.uRight, "\(name) u_right")
                // The reference's gradients are [points][directions]; ours are one [points, 1] per direction.
                let gradientLeft = (0..<theirs.points.count).flatMap { row in ours.gradientLeft.map { Double($0.scalars[row]) } }
                let gradientRight = (0..<theirs.points.count).flatMap { row in ours.gradientRight.map { Double($0.scalars[row]) } }
                assertRelative(gradientLeft, theirs.gradLeft.flatMap { $0 }, "\(name) grad_left")
                assertRelative(gradientRight, theirs.gradRight.flatMap { $0 }, "\(name) grad_right")
                assertRelative(ours.fluxLeft.doubles, theirs.fluxLeft, "\(name) flux_left")
                assertRelative(ours.fluxRight.doubles, theirs.fluxRight, "\(name) flux_right")
            }
        }
    }

    func testGradientNormsOverAllParametersAndPerNetwork() {
        for reference in XPINNReference.shared.cases {
            let problem = reference.problem, model = reference.model
            for parts in [1, 2] {
                let (_, gradients) = problem.valuesAndGradients(at: model, parts: parts)
                assertRelative(gradients.map { Double($0.norm) }, reference.gradNorms, "\(reference.name) grad_norms (\(parts) parts)")
                assertRelative(gradients.flatMap { model.gradientNormsPerNetwork($0).map(Double.init) },
                               reference.gradNormsPerNetwork.flatMap { $0 }, "\(reference.name) grad_norms_per_network (\(parts) parts)")
            }
        }
    }

    func testAdditionalLossesComeAfterFlux() throws {
        let reference = XPINNReference.oneDimensional
        var problem = reference.problem
        let boundary = Tensor<Float>(rows: [[0], [1]])
        problem.additionalLosses = [.meanSquare("boundary", at: boundary) { model, points in model(points) }]
        XCTAssertEqual(problem.lossNames, ["residual_0", "residual_1", "continuity", "flux", "boundary"])
        let model = reference.model
        let values = model(boundary).scalars
        XCTAssertEqual(problem.lossValues(of: model)[4], Double((values[0] * values[0] + values[1] * values[1]) / 2), accuracy: 1e-7)
    }

    func testTheProblemEvaluatesTheBlendedFieldOnItsDomain() throws {
        let reference = XPINNReference.oneDimensional
        let problem = try XPINNProblem(partition: reference.partition, collocationPoints: reference.problem.collocationPoints,
                                       exactSolution: { Foundation.sin(Double.pi * $0[0]) },
                                       residual: XPINNReference.Case.residual(dimensions: 1))
        XCTAssertEqual(problem.domainBounds, [0...1])
        let model = reference.model
        let evaluation = problem.evaluate(model, resolution: 5)
        assertRelative(evaluation.predicted, reference.modelCall, "evaluate on linspace(0, 1, 5)")
        XCTAssertEqual(try XCTUnwrap(evaluation.rmsError), 1.0601, accuracy: 1e-4)
    }

    func testOneBoxHasZeroInterfaceLosses() throws {
        let partition = try BoxPartition(bounds: [0...1], counts: [1])
        let model = try XPINNModel<Float>(partition: partition, hiddenWidths: [3], rngs: .init(seed: 0))
        let problem = try XPINNProblem(partition: partition, collocationPoints: [Tensor(rows: [[0.5]])],
                                       residual: XPINNReference.Case.residual(dimensions: 1))
        XCTAssertEqual(problem.lossNames, ["residual_0", "continuity", "flux"])
        XCTAssertEqual(Array(problem.lossValues(of: model)[1...]), [0, 0])
    }

    func testBadCollocationPointsAreErrors() throws {
        let reference = XPINNReference.twoDimensional
        let partition = reference.partition, residual = XPINNReference.Case.residual(dimensions: 2)
        let left = Tensor<Float>(rows: [[0.1, 0.2], [0.5, 1.0]]), right = Tensor<Float>(rows: [[0.6, 0.2]])
        XCTAssertNoThrow(try XPINNProblem(partition: partition, collocationPoints: [left, right], residual: residual),
                         "points on the closed box's faces belong to it")
        func error(_ points: [Tensor<Float>], secondOrder: [Int]? = nil) -> DomainDecompositionError? {
            do {
                _ = try XPINNProblem(partition: partition, collocationPoints: points, secondOrder: secondOrder, residual: residual)
                return nil
            } catch { return error as? DomainDecompositionError }
        }
        XCTAssertEqual(error([left, Tensor(rows: [[0.6, 0.2], [0.4, 0.5]])]),
                       .pointOutsideSubdomain(subdomain: 1, index: 1, point: [Double(Float(0.4)), 0.5]))
        XCTAssertEqual(error([left]), .dimensionMismatch(what: "collocation batches per subdomain", expected: 2, actual: 1))
        XCTAssertEqual(error([left, Tensor(rows: [[0.6]])]),
                       .dimensionMismatch(what: "coordinates of collocation points of subdomain 1", expected: 2, actual: 1))
        XCTAssertEqual(error([left, right], secondOrder: [2]),
                       .invalidSetting(name: "secondOrder", value: "[2]", requirement: "directions in 0..<2"))
        var problem = try XPINNProblem(partition: partition, collocationPoints: [left, right], residual: residual)
        XCTAssertThrowsError(try problem.setCollocationPoints([right, left]))
        XCTAssertEqual(problem.collocationPoints[0].scalars, left.scalars, "a rejected replacement leaves the points as they were")
    }
}
