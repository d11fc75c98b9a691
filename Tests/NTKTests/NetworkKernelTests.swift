import NTK
import NeuralNet
import Tensor
import XCTest

/// Opifex's empirical NTK and its spectral diagnostics on the 2→4→1 network at 5 points.
final class NetworkKernelTests: XCTestCase {
    static let kernel: [[Double]] = try! networkKernel(of: NTKReference.network("opifex"), at: NTKReference.points("opifex", "x"))
    static let diagnostics = try! SpectralDiagnostics(kernel: kernel)

    func testKernelMatchesOpifex() {
        assertRelativelyClose(Self.kernel.flatMap { $0 }, NTKReference.matrix("opifex", "ntk").flatMap { $0 }, 1e-5, "Opifex NTK")
        assertEntriesClose(Self.kernel, NTKReference.matrix("opifex", "ntk"), 1e-6, "Opifex NTK")
        let perPoint = NTKReference.matrix("opifex", "diagnostics_module_compute_ntk_(1/m)").flatMap { $0 }
        assertRelativelyClose(Self.kernel.flatMap { $0 }.map { $0 / 5 }, perPoint, 1e-5, "Opifex NTK / m")
    }

    func testSpectrumAndDiagnosticsMatchOpifex() {
        let d = Self.diagnostics
        assertSpectraClose(d.eigenvalues, NTKReference.vector("opifex", "eigenvalues_desc"), 1e-6, "Opifex NTK eigenvalues")
        assertRelativelyClose(d.eigenvalues, NTKReference.vector("opifex", "eigenvalues_desc"), 1e-4, "Opifex NTK eigenvalues (relative)")
        assertRelativelyClose([d.conditionNumber], [NTKReference.scalar("opifex", "diagnostics", "condition_number")], 1e-4, "condition number")
        // λ_min = 0.0034 beside λ_max = 14.2 is fixed by float32 kernels only to ~1e-4 relative (Weyl), so are
        // κ and log κ (absolutely: d log κ = dκ/κ).
        XCTAssertEqual(d.logConditionNumber, NTKReference.scalar("opifex", "detect_spectral_bias_log_ratio"), accuracy: 1e-4, "log κ")
        assertRelativelyClose([d.effectiveRank], [NTKReference.scalar("opifex", "diagnostics", "effective_rank")], 1e-5, "effective rank")
        assertRelativelyClose([d.spectralBiasIndicator], [NTKReference.scalar("opifex", "diagnostics", "spectral_bias_indicator")],
                              1e-5, "spectral bias indicator")
        assertRelativelyClose(d.modeConvergenceRates(learningRate: 0.01),
                              NTKReference.vector("opifex", "diagnostics", "mode_convergence_rates_lr0.01"), 1e-5, "mode convergence rates")
        assertRelativelyClose([d.effectiveDimension(regularization: 1e-4)], [NTKReference.scalar("opifex", "effective_dimension_gamma1e-4")],
                              1e-5, "effective dimension")
    }

    func testModeCoefficientsMatchOpifexUpToEigenvectorSigns() {
        let residual = NTKReference.vector("opifex", "training_diagnostics", "residuals")
        let d = Self.diagnostics
        assertRelativelyClose(d.modeCoefficients(of: residual).map { Swift.abs($0) },
                              NTKReference.vector("opifex", "training_diagnostics", "initial_coeffs").map { Swift.abs($0) },
                              1e-4, "|mode coefficients|")
        let predicted = d.predictedCoefficients(of: residual, learningRate: 0.01, steps: 100).map { Swift.abs($0) }
        let theirs = NTKReference.vector("opifex", "training_diagnostics", "predict_errors_at_100").map { Swift.abs($0) }
        for (a, b) in zip(predicted, theirs) { XCTAssertEqual(a, b, accuracy: 1e-5 * 0.4, "predicted coefficient after 100 steps") }
    }

    func testEigenDecompositionReconstructsTheKernel() throws {
        let d = Self.diagnostics.decomposition
        for i in 0..<5 {
            for j in 0..<5 {
                let rebuilt = (0..<5).reduce(0.0) { $0 + d.eigenvalues[$1] * d.eigenvectors[$1][i] * d.eigenvectors[$1][j] }
                XCTAssertEqual(rebuilt, Self.kernel[i][j], accuracy: 1e-12)
                let dot = (0..<5).reduce(0.0) { $0 + d.eigenvectors[i][$1] * d.eigenvectors[j][$1] }
                XCTAssertEqual(dot, i == j ? 1 : 0, accuracy: 1e-12)
            }
        }
    }

    func testTwoOutputKernelIsTheSumOfPerOutputKernels() throws {
        // A second output with the negated last layer: its kernel block equals the first's,
        // so the two-output kernel is exactly twice the one-output kernel.
        var network = NTKReference.network("opifex")
        let last = network.layers[1]
        network.layers[1] = Linear(kernel: Tensor(shape: [4, 2], scalars: last.kernel.scalars.flatMap { [$0, -$0] }),
                                   bias: Tensor([0, 0]))
        let twoOutputs = try networkKernel(of: network, at: NTKReference.points("opifex", "x"))
        for (a, b) in zip(twoOutputs.joined(), Self.kernel.joined()) { XCTAssertEqual(a, 2 * b, accuracy: 1e-5 * Swift.abs(b)) }
    }

    func testBadInputIsAnError() {
        XCTAssertThrowsError(try SymmetricEigendecomposition([[1, 2], [0, 1]])) { error in
            XCTAssertEqual(error as? NTKError, .notSymmetric(rows: 2, columns: 2, largestAsymmetry: 2))
        }
        XCTAssertThrowsError(try SymmetricEigendecomposition([])) { error in
            XCTAssertEqual(error as? NTKError, .empty(what: "the matrix"))
        }
        XCTAssertThrowsError(try kernelMatrix([[Float(1), 2]], [[Float(1)]])) { error in
            XCTAssertEqual(error as? NTKError, .mismatchedParameterCounts(expected: 2, actual: 1))
        }
    }
}
