import Foundation
import Literate

/// What a file of a page holds until it is written: its bytes, or, for a long page, a small
/// head and end in memory around a body in a temporary file (see ``SpilledBody``). Both give
/// the same bytes, fingerprint and file.
enum StagedContent {
    case bytes(Data)
    case spilled(head: Data, body: SpilledBody, tail: Data)

    /// Hands the bytes to `body` in order, in parts.
    func forEachPart(_ body: (UnsafeRawBufferPointer) throws -> Void) throws {
        switch self {
        case .bytes(let data):
            try data.withUnsafeBytes { try body($0) }
        case .spilled(let head, let spilled, let tail):
            try head.withUnsafeBytes { try body($0) }
            try spilled.forEachChunk(body)
            try tail.withUnsafeBytes { try body($0) }
        }
    }

    /// The SHA-256 of the bytes, as 64 hex digits.
    func sha256() throws -> String {
        if case .bytes(let data) = self { return SHA256.hex(data) }
        var digest = SHA256.Digest()
        try forEachPart { digest.add($0) }
        return digest.hex()
    }

    /// All the bytes in memory.
    func data() throws -> Data {
        if case .bytes(let data) = self { return data }
        var data = Data()
        try forEachPart { data.append($0.assumingMemoryBound(to: UInt8.self)) }
        return data
    }
}
