import Tensor
import XCTest

/// The matrix products against a plain Float64 triple loop, and every implementation this CPU
/// can run against the portable one, bit for bit (a page must not depend on the CPU it ran on).
final class MatrixKernelsTests: XCTestCase {
    // Sizes that hit every path: 64- and 32-column panels, 8-column chunks, single columns,
    // row tails of each register tile, one-column and one-row operands, k below and above 8.
    // AVX2: 6-row tiles and their tails, 60-row bands and their tails, 128-row blocks of aᵀ·b,
    // packed operands (256 columns and more) over several blocks.
    private let sizes: [(m: Int, k: Int, n: Int)] = [
        (1, 1, 1), (3, 2, 64), (7, 5, 32), (9, 64, 64), (130, 64, 64), (257, 33, 96), (5, 129, 128),
        (200, 64, 1), (200, 1, 64), (64, 31, 40), (11, 7, 97), (300, 128, 33), (2, 300, 65),
        (61, 13, 256), (125, 256, 48), (6, 6, 160), (391, 7, 32), (300, 20, 256),
    ]

    private func randomMatrix(_ count: Int, seed: UInt64) -> [Float] {
        var state = seed &* 6364136223846793005 &+ 1442695040888963407
        return (0..<count).map { _ in
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Float(Int64(bitPattern: state >> 11) % 2001) / 1000  // in [-2, 2]
        }
    }

    private func naive(_ a: [Float], _ b: [Float], rows m: Int, inner k: Int, columns n: Int,
                       aElement: (Int, Int) -> Int, bElement: (Int, Int) -> Int) -> [Double] {
        var c = [Double](repeating: 0, count: m * n)
        for i in 0..<m { for j in 0..<n { for p in 0..<k {
            c[i * n + j] += Double(a[aElement(i, p)]) * Double(b[bElement(p, j)])
        } } }
        return c
    }

    private func assertClose(_ got: [Float], _ expected: [Double], inner k: Int, _ label: String) {
        XCTAssertEqual(got.count, expected.count, label)
        // |a|, |b| ≤ 2: each term ≤ 4, so the Float sum is within k·4·2⁻²³·k of the exact one.
        let tolerance = Double(k * k) * 4 * Double(Float.ulpOfOne) + 1e-6
        let worst = zip(got, expected).map { abs(Double($0) - $1) }.max() ?? 0
        XCTAssertLessThanOrEqual(worst, tolerance, "\(label): off by \(worst)")
    }

    func testProductsAgreeWithAFloat64TripleLoop() {
        for (index, (m, k, n)) in sizes.enumerated() {
            let a = randomMatrix(m * k, seed: UInt64(index)), b = randomMatrix(k * n, seed: UInt64(100 + index))
            let upstream = randomMatrix(m * n, seed: UInt64(200 + index)), bRows = randomMatrix(n * k, seed: UInt64(300 + index))
            for kernel in MatrixKernels.available {
                let label = "\(kernel) \(m)×\(k)×\(n)"
                assertClose(kernel.multiply(a, b, m: m, k: k, n: n),
                            naive(a, b, rows: m, inner: k, columns: n, aElement: { $0 * k + $1 }, bElement: { $0 * n + $1 }),
                            inner: k, "a·b " + label)
                assertClose(kernel.multiplyTransposingLeft(a, upstream, m: m, k: k, n: n),
                            naive(a, upstream, rows: k, inner: m, columns: n, aElement: { $1 * k + $0 }, bElement: { $0 * n + $1 }),
                            inner: m, "aᵀ·b " + label)
                assertClose(kernel.multiplyTransposingRight(a, bRows, m: m, k: k, n: n),
                            naive(a, bRows, rows: m, inner: k, columns: n, aElement: { $0 * k + $1 }, bElement: { $1 * k + $0 }),
                            inner: k, "a·bᵀ " + label)
            }
        }
    }

    func testEveryAvailableKernelGivesThePortableBits() {
        XCTAssertTrue(MatrixKernels.available.contains(.portable))
        for (index, (m, k, n)) in sizes.enumerated() {
            let a = randomMatrix(m * k, seed: UInt64(400 + index)), b = randomMatrix(k * n, seed: UInt64(500 + index))
            let upstream = randomMatrix(m * n, seed: UInt64(600 + index))
            let portable = (MatrixKernels.portable.multiply(a, b, m: m, k: k, n: n),
                            MatrixKernels.portable.multiplyTransposingLeft(a, upstream, m: m, k: k, n: n))
            for kernel in MatrixKernels.available where kernel != .portable {
                XCTAssertEqual(kernel.multiply(a, b, m: m, k: k, n: n).map(\.bitPattern), portable.0.map(\.bitPattern),
                               "\(kernel) a·b \(m)×\(k)×\(n)")
                XCTAssertEqual(kernel.multiplyTransposingLeft(a, upstream, m: m, k: k, n: n).map(\.bitPattern),
                               portable.1.map(\.bitPattern), "\(kernel) aᵀ·b \(m)×\(k)×\(n)")
            }
        }
    }

    func testTheFastestAvailableKernelIsSelected() {
        XCTAssertEqual(MatrixKernels.selected, MatrixKernels.available.last)
        #if arch(x86_64)
        // This CPU's flags, read independently of the kernels' own CPUID check.
        let flags = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? ""
        XCTAssertEqual(MatrixKernels.avx512.isAvailable, flags.contains(" avx512f"))
        XCTAssertEqual(MatrixKernels.avx2.isAvailable, flags.contains(" avx2") && flags.contains(" fma"))
        #endif
    }
}
