import Tensor
import XCTest

/// What the benchmark's peak is derived from, read independently of the code under test.
final class PeakThroughputTests: XCTestCase {
    func testLanesAndClockFollowTheCPUDescription() throws {
        #if os(Linux) && arch(x86_64)
        let text = try String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)
        let flags = text.split(separator: "\n").first { $0.hasPrefix("flags") }.map(String.init) ?? ""
        let expectedLanes = flags.contains(" avx512f") ? 16 : flags.contains(" avx2") && flags.contains(" fma") ? 8 : 4
        XCTAssertEqual(PeakThroughput.lanes, expectedLanes)
        let megahertz = text.split(separator: "\n").first { $0.hasPrefix("cpu MHz") }
            .flatMap { Double($0.split(separator: ":")[1].trimmingCharacters(in: .whitespaces)) }
        XCTAssertEqual(try XCTUnwrap(PeakThroughput.nominalClockGHz), try XCTUnwrap(megahertz) / 1000, accuracy: 1e-9)
        let nominal = try XCTUnwrap(PeakThroughput.nominalGFLOPs(cores: 2, fmaUnits: 2))
        XCTAssertEqual(nominal, 2 * 2 * Double(expectedLanes) * 2 * megahertz! / 1000, accuracy: 1e-9)
        #else
        throw XCTSkip("reads /proc/cpuinfo")
        #endif
    }

    func testTheFMALoopRunsAndReportsARate() {
        // Not a timing assertion: a loop that did no work (folded away) would report infinity or zero.
        let rate = PeakThroughput.measuredGFLOPs(threads: 1, seconds: 0.02)
        XCTAssertTrue(rate.isFinite)
        XCTAssertGreaterThan(rate, 0)
    }
}
