import Foundation
import Tensor

/// The FP32 peak the benchmark's fractions refer to, and the process's peak memory.
struct MachinePeak {
    /// The peak used for the fractions, in GFLOP/s: cores × the measured one-core FMA rate, which
    /// includes the boost clock that the nominal figure leaves out and, unlike the all-cores
    /// measurement, does not drop when another process holds a core.
    let gflops: Double
    /// How it was found, for the report.
    let text: String

    /// Two FMA pipes per core: true of AMD Zen 2–4 and of Intel server cores with two AVX-512
    /// units; not reported by CPUID, so assumed (and stated in the report).
    static let fmaUnitsPerCore = 2

    static func describe() -> MachinePeak {
        let cores = ProcessInfo.processInfo.activeProcessorCount
        let lanes = PeakThroughput.lanes
        let measuredOne = PeakThroughput.measuredGFLOPs(threads: 1)
        let measuredAll = PeakThroughput.measuredGFLOPs(threads: cores)
        var text = "FP32 peak: \(cores) cores × \(fmaUnitsPerCore) FMA units (assumed) × \(lanes) lanes × 2 FLOPs × clock"
        if let clock = PeakThroughput.nominalClockGHz, let nominal = PeakThroughput.nominalGFLOPs(cores: cores, fmaUnits: fmaUnitsPerCore) {
            text += String(format: " = %.1f GFLOP/s at the nominal %.3f GHz of /proc/cpuinfo", nominal, clock)
        }
        text += String(format: "; measured with a pure FMA loop: %.1f GFLOP/s on one core, %.1f on %d", measuredOne, measuredAll, cores)
        let peak = measuredOne * Double(cores)
        text += String(format: " (≈ %.2f GHz effective); fractions below are of %d × %.1f = %.1f GFLOP/s",
                       measuredOne / Double(fmaUnitsPerCore * lanes * 2), cores, measuredOne, peak)
        return MachinePeak(gflops: peak, text: text)
    }

    /// The largest resident set of this process so far, in MB.
    static func peakResidentMegabytes() -> Double {
        var usage = rusage()
        #if os(Linux)
        getrusage(RUSAGE_SELF.rawValue, &usage)
        #else
        getrusage(RUSAGE_SELF, &usage)
        #endif
        return Double(usage.ru_maxrss) / 1024
    }
}
