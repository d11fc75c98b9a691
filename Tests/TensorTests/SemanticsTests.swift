import Tensor
import XCTest

/// Slopes at kinks and values of the special functions, where JAX's choices matter.
final class SemanticsTests: XCTestCase {
    private func slope(_ x: Double, _ f: (Tensor<Double>) -> Tensor<Double>) -> Double {
        GradientCheck.tapeGradient(of: { f($0).sum() }, at: Tensor([x]))[0]
    }

    func testAbsoluteValueHasSlopePlusOneAtZero() {
        XCTAssertEqual(slope(0) { $0.abs() }, 1)
        XCTAssertEqual(slope(-2) { $0.abs() }, -1)
        XCTAssertEqual(slope(3) { $0.abs() }, 1)
    }

    func testClipSplitsTheSlopeAtABound() {
        let clip: (Tensor<Double>) -> Tensor<Double> = { $0.clipped(lower: 0.1, upper: 10) }
        XCTAssertEqual(slope(0.1, clip), 0.5)
        XCTAssertEqual(slope(10, clip), 0.5)
        XCTAssertEqual(slope(5, clip), 1)
        XCTAssertEqual(slope(0.01, clip), 0)
        XCTAssertEqual(slope(11, clip), 0)
        XCTAssertEqual(Tensor<Double>([0.05, 3, 20]).clipped(lower: 0.1, upper: 10).scalars, [0.1, 3, 10])
    }

    func testFloatTanhIsAccurateToAFewUlp() {
        var worst: Float = 0
        for i in -20000...20000 {
            let x = Float(i) * 0.0007
            let value = Tensor<Float>([x]).tanh().scalar
            let exact = Float(Foundation.tanh(Double(x)))
            worst = max(worst, Swift.abs(value - exact) / max(exact.ulp, Float.leastNormalMagnitude))
        }
        XCTAssertLessThanOrEqual(worst, 8, "rational tanh deviates by \(worst) ulp")
        XCTAssertEqual(Tensor<Float>([-50, 50]).tanh().scalars, [-1, 1])
    }

    func testBroadcastingRejectsMismatchedShapesOnlyWhereAmbiguous() {
        let matrix = Tensor<Double>(rows: [[1, 2], [3, 4]])
        XCTAssertEqual((matrix + Tensor([10, 20])).scalars, [11, 22, 13, 24])
        XCTAssertEqual((Tensor(2) * matrix).scalars, [2, 4, 6, 8])
        XCTAssertEqual(matrix.sumOverRows().scalars, [4, 6])
    }

    func testPairwiseSumIsAccurate() {
        let values = [Float](repeating: 0.1, count: 1_000_000)
        XCTAssertEqual(Tensor(values).sum().scalar, 100_000, accuracy: 1)
    }
}

import Foundation
