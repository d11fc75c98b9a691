import Foundation
import Tensor

/// GFLOP/s of the three matrix products behind `matmul` (forward, and both sides of its
/// pullback) on the layer shapes of the pages' networks, for every kernel this CPU can run.
enum MatrixProductBenchmark {
    /// (rows of the Taylor stack, layer inputs, layer outputs): the heat tutorial's 32-wide layers on
    /// its 500 collocation points × 4 Taylor blocks, the Laplace example's 64-wide layers on 400 × 5,
    /// and a 128-wide layer on 8000 × 4 points.
    static let shapes = [(2000, 32, 32), (2000, 64, 64), (32000, 128, 128)]

    static func report() {
        print("matrix products, GFLOP/s (2·m·k·n per product; best of 5 runs of ≥ 0.2 s):")
        print("  shape m×k×n       kernel      a·b   aᵀ·b   a·bᵀ")
        for (m, k, n) in shapes {
            let a = values(m * k), b = values(k * n), upstream = values(m * n)
            for kernel in MatrixKernels.available {
                let flops = 2 * Double(m * k * n)
                let forward = rate(flops) { _ = kernel.multiply(a, b, m: m, k: k, n: n) }
                let weights = rate(flops) { _ = kernel.multiplyTransposingLeft(a, upstream, m: m, k: k, n: n) }
                let inputs = rate(flops) { _ = kernel.multiplyTransposingRight(upstream, b, m: m, k: n, n: k) }
                let label = "  " + "\(m)×\(k)×\(n)".padding(toLength: 18, withPad: " ", startingAt: 0)
                    + kernel.rawValue.padding(toLength: 9, withPad: " ", startingAt: 0)
                print(label + String(format: "%6.1f %6.1f %6.1f", forward, weights, inputs))
            }
        }
    }

    private static func values(_ count: Int) -> [Float] {
        (0..<count).map { Float(($0 * 7919) % 2001) / 1000 - 1 }
    }

    private static func rate(_ flops: Double, _ body: () -> Void) -> Double {
        body()
        var best = Double.infinity
        for _ in 0..<5 {
            let start = DispatchTime.now()
            var runs = 0
            var elapsed = 0.0
            repeat {
                body()
                runs += 1
                elapsed = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
            } while elapsed < 0.2
            best = min(best, elapsed / Double(runs))
        }
        return flops / best / 1e9
    }
}
