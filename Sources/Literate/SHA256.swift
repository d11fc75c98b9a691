import CSHA256
import Foundation

/// SHA-256 (FIPS 180-4), for fingerprints of a page's inputs and files.
public enum SHA256 {
    /// Whether the CPU has SHA instructions, which digests then use (see ``Digest/init(hardware:)``).
    static let hardwareAvailable = sha256_hardware_available() != 0

    static let k: [UInt32] = [
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
        0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
        0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
        0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
        0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
        0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
        0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
    ]

    /// The digest of `data` as 64 lower-case hex digits.
    public static func hex(_ data: Data) -> String {
        var digest = Digest()
        digest.add(data)
        return digest.hex()
    }

    /// The digest of the file at `url`, read a megabyte at a time (an input may be large).
    public static func hex(fileAt url: URL) throws -> String {
        let handle = try FileHandle(forReadingFrom: url)
        defer { try? handle.close() }
        var digest = Digest()
        while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty { digest.add(chunk) }
        return digest.hex()
    }

    /// A digest being computed: the state, the bytes of an unfinished block, the length.
    public struct Digest {
        private var h: [UInt32] = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]
        private var w = [UInt32](repeating: 0, count: 64)
        private var pending: [UInt8] = []
        private var length: UInt64 = 0

        private let usesHardware: Bool

        /// A digest of no bytes yet.
        public init() {
            usesHardware = SHA256.hardwareAvailable
        }

        /// A digest of no bytes yet that uses the CPU's SHA instructions only when `hardware` and
        /// available (false: the Swift code, as tests compare).
        init(hardware: Bool) {
            usesHardware = hardware && SHA256.hardwareAvailable
        }

        /// Adds `data`; its whole blocks are read where they are, only the rest is copied.
        public mutating func add(_ data: Data) {
            data.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) in add(bytes) }
        }

        /// Adds the bytes of `buffer`.
        public mutating func add(_ buffer: UnsafeRawBufferPointer) {
            length += UInt64(buffer.count)
            add(bytes: buffer)
        }

        private mutating func add(bytes: UnsafeRawBufferPointer) {
            var start = 0
            if !pending.isEmpty {
                start = min(64 - pending.count, bytes.count)
                pending += bytes[0..<start]
                guard pending.count == 64 else { return }
                let block = pending
                pending = []
                block.withUnsafeBytes { compressBlocks($0) }
            }
            let whole = (bytes.count - start) / 64 * 64
            compressBlocks(UnsafeRawBufferPointer(rebasing: bytes[start..<(start + whole)]))
            pending += bytes[(start + whole)...]
        }

        /// The hex digest, after the padding and the length in bits.
        public mutating func hex() -> String {
            var tail = pending
            tail.append(0x80)
            while tail.count % 64 != 56 { tail.append(0) }
            let bitLength = length * 8
            for shift in stride(from: 56, through: 0, by: -8) { tail.append(UInt8((bitLength >> UInt64(shift)) & 0xff)) }
            pending = []
            tail.withUnsafeBytes { compressBlocks($0) }
            return h.map { String(format: "%08x", $0) }.joined()
        }

        // The inner loop works on buffers: no bounds checks or reference counting per word.
        private mutating func compressBlocks(_ bytes: UnsafeRawBufferPointer) {
            guard !bytes.isEmpty else { return }
            if usesHardware {
                h.withUnsafeMutableBufferPointer { h in
                    sha256_hardware_blocks(h.baseAddress!, bytes.assumingMemoryBound(to: UInt8.self).baseAddress!, bytes.count / 64)
                }
                return
            }
            compressBlocksInSwift(bytes)
        }

        /// The Swift compression, used where the CPU has no SHA instructions (and by tests, as the reference).
        private mutating func compressBlocksInSwift(_ bytes: UnsafeRawBufferPointer) {
            h.withUnsafeMutableBufferPointer { h in
                w.withUnsafeMutableBufferPointer { w in
                    SHA256.k.withUnsafeBufferPointer { k in
                        for chunk in stride(from: 0, to: bytes.count, by: 64) {
                            SHA256.compress(UnsafeRawBufferPointer(rebasing: bytes[chunk..<(chunk + 64)]), h, w, k)
                        }
                    }
                }
            }
        }
    }

    /// Mixes one 64-byte block into the state `h`; `w` is scratch space for the schedule, `k`
    /// the round constants.
    fileprivate static func compress(_ block: UnsafeRawBufferPointer, _ h: UnsafeMutableBufferPointer<UInt32>,
                                     _ w: UnsafeMutableBufferPointer<UInt32>, _ k: UnsafeBufferPointer<UInt32>) {
        for i in 0..<16 { w[i] = UInt32(bigEndian: block.loadUnaligned(fromByteOffset: 4 * i, as: UInt32.self)) }
        for i in 16..<64 {
            let s0 = rotr(w[i - 15], 7) ^ rotr(w[i - 15], 18) ^ (w[i - 15] >> 3)
            let s1 = rotr(w[i - 2], 17) ^ rotr(w[i - 2], 19) ^ (w[i - 2] >> 10)
            w[i] = w[i - 16] &+ s0 &+ w[i - 7] &+ s1
        }
        var a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], hh = h[7]
        for i in 0..<64 {
            let s1 = rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)
            let choice = (e & f) ^ (~e & g)
            let t1 = hh &+ s1 &+ choice &+ k[i] &+ w[i]
            let s0 = rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)
            let majority = (a & b) ^ (a & c) ^ (b & c)
            let t2 = s0 &+ majority
            hh = g; g = f; f = e; e = d &+ t1; d = c; c = b; b = a; a = t1 &+ t2
        }
        h[0] &+= a; h[1] &+= b; h[2] &+= c; h[3] &+= d; h[4] &+= e; h[5] &+= f; h[6] &+= g; h[7] &+= hh
    }

    private static func rotr(_ x: UInt32, _ n: UInt32) -> UInt32 { (x >> n) | (x << (32 - n)) }
}
