@testable import Literate
import Foundation
import XCTest

/// SHA-256 against the FIPS 180-4 examples, at block edges, and on data that does not start
/// at offset 0 (a slice, read unaligned).
final class SHA256Tests: XCTestCase {
    func testFIPSExamples() {
        XCTAssertEqual(SHA256.hex(Data()), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        XCTAssertEqual(SHA256.hex(Data("abc".utf8)), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        XCTAssertEqual(SHA256.hex(Data("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)),
                       "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        XCTAssertEqual(SHA256.hex(Data(repeating: UInt8(ascii: "a"), count: 1_000_000)),
                       "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    func testASliceHashesLikeItsBytes() {
        let bytes = Data("xabc".utf8)
        XCTAssertEqual(SHA256.hex(bytes.dropFirst()), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        let long = Data((0..<1000).map { UInt8($0 % 251) })
        for length in [55, 56, 63, 64, 65, 119, 128] {
            XCTAssertEqual(SHA256.hex(long.dropFirst(3).prefix(length)), SHA256.hex(Data(long.dropFirst(3).prefix(length))))
        }
    }

    func testAFileHashesLikeItsBytes() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("sha256-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: url) }
        let bytes = Data((0..<(3 << 20) + 77).map { UInt8(truncatingIfNeeded: $0 &* 31) })
        try bytes.write(to: url)
        XCTAssertEqual(try SHA256.hex(fileAt: url), SHA256.hex(bytes))
        try Data().write(to: url)
        XCTAssertEqual(try SHA256.hex(fileAt: url), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }

    func testDataAddedInPiecesHashesLikeItWhole() {
        let bytes = Data((0..<5000).map { UInt8(truncatingIfNeeded: $0 &* 7) })
        for cuts in [[1, 63, 64, 65], [100, 28, 3], [4999], [0, 0, 64]] {
            var digest = SHA256.Digest()
            var start = 0
            for length in cuts + [bytes.count] where start < bytes.count {
                let end = min(start + length, bytes.count)
                digest.add(bytes[start..<end])
                start = end
            }
            XCTAssertEqual(digest.hex(), SHA256.hex(bytes), "\(cuts)")
        }
    }

    /// The CPU's SHA instructions (where it has them) give the Swift code's digest for every
    /// length around the block edges and for seeded random data added in random pieces.
    func testTheHardwareDigestIsTheSwiftOne() {
        var generator = SeededGenerator(seed: 41)
        for length in Array(0...300) + [4096, 65536 + 17, 1 << 20] {
            let bytes = Data((0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) })
            var hardware = SHA256.Digest(hardware: true), software = SHA256.Digest(hardware: false)
            var start = 0
            while start < bytes.count {
                let end = min(bytes.count, start + Int.random(in: 1...200, using: &generator))
                hardware.add(bytes[start..<end])
                software.add(bytes[start..<end])
                start = end
            }
            XCTAssertEqual(hardware.hex(), software.hex(), "length \(length)")
        }
        var software = SHA256.Digest(hardware: false)
        software.add(Data("abc".utf8))
        XCTAssertEqual(software.hex(), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }
}
