import NTK
import NeuralNet
import PINN
import Tensor
import XCTest

/// The per-loss NTK of a 1→5→1 PINN: u at the two boundary points, r = u_xx at four
/// residual points (the reference's operator; a forcing term drops out of the Jacobian).
final class LossKernelsTests: XCTestCase {
    static let kernels: LossKernels = try! LossKernels(model: NTKReference.network("per_loss_pinn_ntk"), quantities: [
        ("u", NTKReference.points("per_loss_pinn_ntk", "x_boundary"), { model, points in model(points) }),
        ("r", NTKReference.points("per_loss_pinn_ntk", "x_residual"), { model, points in
            model.derivatives(at: points, secondOrder: [0]).xx }),
    ])

    /// Our columns (kernel₀, bias₀, kernel₁, bias₁) in the reference's order (ravel_pytree's sorted
    /// keys: bias₀, kernel₀, bias₁, kernel₁).
    private func referenceOrder(_ row: [Double]) -> [Double] {
        Array(row[5..<10]) + Array(row[0..<5]) + [row[15]] + Array(row[10..<15])
    }

    func testJacobiansMatchTheReference() {
        for (index, name) in ["J_u", "J_r"].enumerated() {
            let theirs = NTKReference.matrix("per_loss_pinn_ntk", name)
            let ours = Self.kernels.jacobians[index].map(referenceOrder)
            XCTAssertEqual(ours.count, theirs.count)
            let scale = theirs.joined().map { Swift.abs($0) }.max()!
            var largest = 0.0
            for (a, b) in zip(ours.joined(), theirs.joined()) { largest = Swift.max(largest, Swift.abs(a - b)) }
            XCTAssertLessThan(largest, 1e-6 * scale, name)
            print("\(name): largest difference / largest entry \(largest / scale)")
        }
    }

    func testKernelBlocksMatchTheReference() throws {
        let k = Self.kernels
        for (name, block) in [("K_uu", try k.block(0, 0)), ("K_ur", try k.block(0, 1)), ("K_rr", try k.block(1, 1))] {
            assertEntriesClose(block, NTKReference.matrix("per_loss_pinn_ntk", name), 1e-6, name)
        }
    }

    func testSpectraTracesAndWeightsMatchTheReference() throws {
        let k = Self.kernels
        let spectra = [("eig_K_uu", try k.block(0, 0)), ("eig_K_rr", try k.block(1, 1)), ("eig_K_full", try k.full())]
        for (name, matrix) in spectra {
            let eigenvalues = try SpectralDiagnostics(kernel: matrix).eigenvalues
            assertSpectraClose(eigenvalues, NTKReference.vector("per_loss_pinn_ntk", name), 1e-6, name)
        }
        assertRelativelyClose(k.traces, [NTKReference.scalar("per_loss_pinn_ntk", "trace_K_uu"),
                                         NTKReference.scalar("per_loss_pinn_ntk", "trace_K_rr")], 1e-5, "traces")
        assertRelativelyClose([try SpectralDiagnostics(kernel: k.full()).trace], [NTKReference.scalar("per_loss_pinn_ntk", "trace_K")],
                              1e-5, "trace of K")
        assertRelativelyClose(k.traceRatioWeights, [NTKReference.scalar("per_loss_pinn_ntk", "wang2022_weights", "lambda_b = trK/tr(K_uu)"),
                                                    NTKReference.scalar("per_loss_pinn_ntk", "wang2022_weights", "lambda_r = trK/tr(K_rr)")],
                              1e-5, "Wang 2022 weights")
        // The reference's jaxpi weights are not exactly mean(m)/mᵢ of its own traces (any such pair has
        // Σ 1/wᵢ = 2; theirs give 2.00002), so they differ from ours by up to 1.4e-5 while the traces
        // agree within 1e-8.
        assertRelativelyClose(k.meanDiagonalWeights, [NTKReference.scalar("per_loss_pinn_ntk", "jaxpi_weights_mean_diag", "w_b"),
                                                      NTKReference.scalar("per_loss_pinn_ntk", "jaxpi_weights_mean_diag", "w_r")],
                              2e-5, "jaxpi NTK weights")
    }

    func testOutputKernelOnTheBoundaryIsKuu() throws {
        let network = try networkKernel(of: NTKReference.network("per_loss_pinn_ntk"), at: NTKReference.points("per_loss_pinn_ntk", "x_boundary"))
        XCTAssertEqual(network, try Self.kernels.block(0, 0))
    }
}
