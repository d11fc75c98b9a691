import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// SIGINT and SIGTERM for a process that writes an output folder. Outside a protected region
/// they end the process at once, as by default (nothing is half-written then); inside one they
/// are only recorded, so that the writer can finish or undo its change before the process ends.
public enum Interruption {
    // A signal handler may only touch plain memory: [protecting, pending signal], allocated once.
    private static let state: UnsafeMutablePointer<Int32> = {
        let state = UnsafeMutablePointer<Int32>.allocate(capacity: 2)
        state.initialize(repeating: 0, count: 2)
        return state
    }()

    private static let handler: @convention(c) (Int32) -> Void = { signalNumber in
        let state = Interruption.state
        if state[0] == 0 {
            // Blocked while this handler runs, so the default action follows its return.
            _ = signal(signalNumber, SIG_DFL)
            _ = raise(signalNumber)
        } else {
            state[1] = signalNumber
        }
    }

    /// Installs the handlers for SIGINT and SIGTERM.
    public static func install() {
        _ = state
        _ = signal(SIGINT, handler)
        _ = signal(SIGTERM, handler)
    }

    /// The signal that arrived inside the protected region, if one did.
    public static var pendingSignal: Int32? { state[1] == 0 ? nil : state[1] }

    /// Runs `body` with SIGINT and SIGTERM only recorded (see ``pendingSignal``).
    public static func protecting<T>(_ body: () throws -> T) rethrows -> T {
        state[0] = 1
        defer { state[0] = 0 }
        return try body()
    }

    /// Ends the process as the pending signal would have (the shell sees "killed by SIGINT").
    public static func endByPendingSignal() -> Never {
        let signalNumber = pendingSignal ?? SIGTERM
        _ = signal(signalNumber, SIG_DFL)
        _ = raise(signalNumber)
        exit(128 + signalNumber)
    }
}

/// Rendering stopped because of SIGINT or SIGTERM; the output folder is as it was.
public struct Interrupted: Error, CustomStringConvertible {
    public var signal: Int32
    public var description: String {
        "interrupted by \(signal == SIGINT ? "SIGINT" : signal == SIGTERM ? "SIGTERM" : "signal \(signal)"); the output folder was left as it was"
    }
}
