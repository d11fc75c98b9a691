import CTensorKernels
import Dispatch
import Foundation

/// The machine's single-precision peak, derived from its description and measured with a pure
/// fused-multiply-add loop, to say what fraction of it a computation reaches.
public enum PeakThroughput {
    /// The widest FMA vectors this CPU runs: 16 floats with AVX-512, 8 with AVX2, otherwise 4.
    public static var lanes: Int {
        MatrixKernels.avx512.isAvailable ? 16 : MatrixKernels.avx2.isAvailable ? 8 : 4
    }

    /// The nominal clock in GHz as `/proc/cpuinfo` reports it (`cpu MHz`; in a VM the host's
    /// base clock, not the boost clock the cores run at), or `nil` where it is not reported.
    public static var nominalClockGHz: Double? {
        guard let text = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8) else { return nil }
        for line in text.split(separator: "\n") where line.hasPrefix("cpu MHz") {
            if let value = line.split(separator: ":").last.flatMap({ Double($0.trimmingCharacters(in: .whitespaces)) }) {
                return value / 1000
            }
        }
        return nil
    }

    /// cores × FMA units × lanes × 2 FLOPs × clock, in GFLOP/s, at the nominal clock.
    /// - Parameter fmaUnits: FMA pipes per core (2 on AMD Zen 2–4 and on Intel server cores with two
    ///   AVX-512 units; neither CPUID nor `/proc/cpuinfo` says, so the caller states it).
    public static func nominalGFLOPs(cores: Int, fmaUnits: Int) -> Double? {
        nominalClockGHz.map { Double(cores * fmaUnits * lanes * 2) * $0 }
    }

    /// Measured: `threads` threads each running the FMA loop at once for about `seconds`; the
    /// best of three, in GFLOP/s summed over the threads.
    public static func measuredGFLOPs(threads: Int, seconds: Double = 0.3) -> Double {
        #if arch(x86_64)
        let lanes = Swift.max(8, Self.lanes)
        guard MatrixKernels.avx2.isAvailable || MatrixKernels.avx512.isAvailable else { return 0 }
        // Calibrate the iteration count on one thread, then time all threads together.
        var iterations = 1 << 20
        while true {
            let start = DispatchTime.now()
            _ = tensor_kernels_fma_loop(iterations, Int32(lanes))
            let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
            if elapsed > seconds / 4 { iterations = Int(Double(iterations) * seconds / elapsed); break }
            iterations *= 4
        }
        var best = 0.0
        for _ in 0..<3 {
            let start = DispatchTime.now()
            DispatchQueue.concurrentPerform(iterations: threads) { _ in _ = tensor_kernels_fma_loop(iterations, Int32(lanes)) }
            let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
            best = Swift.max(best, Double(threads * iterations * 24 * lanes) / elapsed / 1e9)
        }
        return best
        #else
        return 0
        #endif
    }
}
