import Foundation

/// Measured runtime and memory, shown as upper bounds on a 1-2-5 ladder ("under 2 s"):
/// precise enough to set expectations, coarse enough that two renders on one machine
/// print the same words (the page must be byte-identical between renders).
public enum Measurements {
    static func ceilingOnLadder(_ value: Double) -> Double {
        guard value > 0 else { return 1 }
        var decade = pow(10, floor(log10(value)))
        while true {
            for step in [1.0, 2.0, 5.0] where step * decade > value { return step * decade }
            decade *= 10
        }
    }

    /// `under 1 s`, `under 0.5 s`, `under 2 min`.
    public static func duration(_ seconds: Double) -> String {
        if seconds < 60 {
            let bound = ceilingOnLadder(max(seconds, 0.01))
            return "under " + (bound < 1 ? String(format: "%g", bound) : String(Int(bound))) + " s"
        }
        return "under \(Int(ceilingOnLadder(seconds / 60))) min"
    }

    /// `under 50 MB`, `under 1 GB`.
    public static func memory(_ bytes: Int) -> String {
        let megabytes = Double(bytes) / 1_048_576
        let bound = ceilingOnLadder(megabytes)
        return bound >= 1000 ? String(format: "under %g GB", bound / 1000) : "under \(Int(bound)) MB"
    }

    /// Time per item in milliseconds: `under 0.5 ms`.
    public static func milliseconds(_ seconds: Double) -> String {
        let bound = ceilingOnLadder(max(seconds * 1000, 0.001))
        return "under " + String(format: "%g", bound) + " ms"
    }
}
