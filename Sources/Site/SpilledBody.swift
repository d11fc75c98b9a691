import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The body of a long page while the rest of the render is made: an unnamed temporary file,
/// written a part at a time as the page writer finishes each part (see ``HTMLBuilder``).
///
/// The page of a tutorial of tens of megabytes is hundreds of megabytes of HTML, which held in
/// memory until the output folder is written would be most of the render's memory. The file is
/// removed from its folder as soon as it is made, so nothing is left behind however the
/// process ends; ``StagedContent`` copies it into the page's staging file.
final class SpilledBody {
    private let descriptor: Int32
    /// Where the file was made, for messages.
    let path: String
    /// How many bytes are written.
    private(set) var byteCount = 0
    /// The first write that failed; the page cannot be completed after it.
    private var failure: FileSystemError?

    /// An empty file in the temporary folder, or nil when none can be made there (the page is
    /// then kept in memory).
    init?(folder: URL = FileManager.default.temporaryDirectory) {
        var template = Array(folder.appendingPathComponent("render-tutorial-page-XXXXXX").path.utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else { return nil }
        let path = String(cString: template)
        // Unnamed at once: the open descriptor keeps the bytes until it is closed.
        guard unlink(path) == 0 else {
            close(descriptor)
            return nil
        }
        self.descriptor = descriptor
        self.path = path
    }

    deinit { close(descriptor) }

    /// Appends `bytes`; a failure is reported by ``checkWritten()``.
    func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard failure == nil, let base = bytes.baseAddress else { return }
        var offset = 0
        while offset < bytes.count {
            let written = write(descriptor, base + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                failure = FileSystemError("write a temporary copy of the page to", path, errno: errno)
                return
            }
            offset += written
        }
        byteCount += bytes.count
    }

    /// Throws the error of a failed ``append(_:)``.
    func checkWritten() throws {
        if let failure { throw failure }
    }

    /// Hands the file's bytes to `body` in order, a megabyte at a time.
    func forEachChunk(_ body: (UnsafeRawBufferPointer) throws -> Void) throws {
        try checkWritten()
        let chunkSize = 1 << 20
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: chunkSize, alignment: 16)
        defer { buffer.deallocate() }
        var offset = 0
        while offset < byteCount {
            let count = pread(descriptor, buffer.baseAddress!, min(chunkSize, byteCount - offset), off_t(offset))
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else {
                throw FileSystemError("read the temporary copy of the page in", path,
                                      cause: count < 0 ? String(cString: strerror(errno)) : "the file is shorter than written")
            }
            try body(UnsafeRawBufferPointer(rebasing: buffer[..<count]))
            offset += count
        }
    }
}
