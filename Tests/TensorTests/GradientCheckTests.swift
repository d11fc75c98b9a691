import Tensor
import XCTest

/// Every primitive's pullback against central finite differences in Float64.
final class GradientCheckTests: XCTestCase {
    private var generator = SplitMix(seed: 7)

    private func random(_ shape: [Int], in range: ClosedRange<Double> = -1.5...1.5) -> Tensor<Double> {
        Tensor(shape: shape, scalars: (0..<shape.reduce(1, *)).map { _ in generator.next(in: range) })
    }

    /// Checks d(sum(f(x) ⊙ probe))/dx, so that non-scalar outputs are fully exercised.
    private func check(_ name: String, at x: Tensor<Double>, tolerance: Double = 1e-6,
                       _ f: @escaping (Tensor<Double>) -> Tensor<Double>,
                       file: StaticString = #filePath, line: UInt = #line) {
        let probe = random(f(x).shape)
        let scalarized: (Tensor<Double>) -> Tensor<Double> = { (f($0) * probe).sum() }
        let numeric = GradientCheck.numericalGradient(of: scalarized, at: x)
        let analytic = GradientCheck.tapeGradient(of: scalarized, at: x)
        let error = GradientCheck.relativeError(analytic, numeric)
        XCTAssertLessThan(error, tolerance, "\(name): relative error \(error)", file: file, line: line)
    }

    func testElementwiseArithmeticWithBroadcasting() {
        let a = random([4, 3]), b = random([4, 3]), row = random([3]), s = random([])
        let positive = random([4, 3], in: 0.5...2)
        check("a + b", at: a) { $0 + b }
        check("a - b", at: b) { a - $0 }
        check("a * b", at: a) { $0 * b }
        check("a / b (numerator)", at: a) { $0 / positive }
        check("a / b (denominator)", at: positive) { a / $0 }
        check("row broadcast (row side)", at: row) { a * $0 + $0 }
        check("row broadcast (matrix side)", at: a) { $0 - row }
        check("scalar broadcast (scalar side)", at: s) { a * $0 - $0 }
        check("scalar broadcast (tensor side)", at: a) { $0 / Tensor(2.5) }
        check("constant scalars", at: a) { -(2 * $0 + 1) / 3 }
    }

    func testUnaryFunctions() {
        let x = random([5, 2])
        let positive = random([5, 2], in: 0.2...3)
        check("tanh", at: x) { $0.tanh() }
        check("exp", at: x) { $0.exp() }
        check("squared", at: x) { $0.squared() }
        check("abs", at: x) { $0.abs() }
        check("pow", at: positive) { $0.pow(1.5) }
        check("squareRoot", at: positive) { $0.squareRoot() }
        check("clipped", at: x) { $0.clipped(lower: -0.9, upper: 0.8) }
    }

    func testReductions() {
        let x = random([6, 4])
        check("sum", at: x) { $0.sum() }
        check("mean", at: x) { $0.mean() }
        check("sumOverRows", at: x) { $0.sumOverRows() }
        check("norm", at: x) { $0.norm() }
    }

    func testMatmulBothSides() {
        // Sizes that exercise the 32-column panels, 8-column chunks and scalar tails.
        for (m, k, n) in [(3, 4, 2), (5, 3, 32), (7, 33, 41), (2, 2, 9)] {
            let a = random([m, k]), b = random([k, n])
            check("matmul left \(m)×\(k)·\(k)×\(n)", at: a) { $0.matmul(b) }
            check("matmul right \(m)×\(k)·\(k)×\(n)", at: b) { a.matmul($0) }
        }
    }

    func testMatmulMatchesNaiveProduct() {
        let a = random([9, 35]), b = random([35, 40])
        let product = a.matmul(b)
        for i in 0..<9 {
            for j in 0..<40 {
                let expected = (0..<35).reduce(0.0) { $0 + a[i, $1] * b[$1, j] }
                XCTAssertEqual(product[i, j], expected, accuracy: 1e-12)
            }
        }
    }

    func testRowOperations() {
        let x = random([6, 3]), bias = random([3]), other = random([2, 3])
        check("rows", at: x) { $0.rows(2..<5) }
        check("addingRowVector (matrix)", at: x) { $0.addingRowVector(bias, toRows: 1..<4) }
        check("addingRowVector (bias)", at: bias) { x.addingRowVector($0, toRows: 1..<4) }
        check("concatenatingRows", at: x) { Tensor.concatenatingRows([other, $0, $0]) }
        check("reshaped", at: x) { $0.reshaped([3, 6]).rows(0..<2) }
    }

    func testTaylorTanh() {
        // 3 points, 2 directions, second order along both: 5 blocks of 3 rows, width 4.
        let layout = TaylorLayout(blockRows: 3, firstOrder: 2, secondOrder: [0, 1])
        let z = random([layout.rowCount, 4])
        check("taylorTanh", at: z) { $0.taylorTanh(layout) }
    }

    func testTaylorTanhEqualsTheSameChainRuleBuiltFromPrimitives() {
        let layout = TaylorLayout(blockRows: 4, firstOrder: 2, secondOrder: [0])
        let z = random([layout.rowCount, 3])
        let fused = z.taylorTanh(layout)
        let value = z.rows(layout.valueRows).tanh()
        let s1 = 1 - value.squared()
        let s2 = -2 * value * s1
        let zx = z.rows(layout.firstOrderRows(0)), zt = z.rows(layout.firstOrderRows(1))
        let composed = Tensor.concatenatingRows([
            value, s1 * zx, s1 * zt, s1 * z.rows(layout.secondOrderRows(0)) + s2 * zx.squared(),
        ])
        XCTAssertLessThan(GradientCheck.relativeError(fused.scalars, composed.scalars), 1e-14)
    }

    func testSeveralBackwardPassesOnOneTape() {
        let tape = Tape<Double>()
        let x = tape.variable(Tensor([1, 2, 3]))
        let y = tape.variable(Tensor([4, 5, 6]))
        let first = (x * x).sum()
        let second = (x * y).sum()
        XCTAssertEqual(tape.gradients(of: first, withRespectTo: [x, y]).map(\.scalars), [[2, 4, 6], [0, 0, 0]])
        XCTAssertEqual(tape.gradients(of: second, withRespectTo: [x, y]).map(\.scalars), [[4, 5, 6], [1, 2, 3]])
    }
}

/// A small deterministic generator for test inputs.
struct SplitMix {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next(in range: ClosedRange<Double>) -> Double {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        z ^= z >> 31
        return range.lowerBound + (range.upperBound - range.lowerBound) * Double(z >> 11) / Double(1 << 53)
    }
}
