import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The few system calls the publisher writes with, each failing with a ``FileSystemError``.
enum FileOperations {
    /// What is at a path, without following a symbolic link there.
    enum Kind: Equatable { case file, folder, other }

    /// What is at `url`, or nil when nothing is.
    static func kind(of url: URL) throws -> Kind? {
        var status = stat()
        guard lstat(url.path, &status) == 0 else {
            if errno == ENOENT || errno == ENOTDIR { return nil }
            throw FileSystemError("look at", url.path, errno: errno)
        }
        switch status.st_mode & S_IFMT {
        case S_IFREG: return .file
        case S_IFDIR: return .folder
        default: return .other
        }
    }

    static func makeFolder(_ url: URL) throws {
        guard mkdir(url.path, 0o755) == 0 else { throw FileSystemError("create the folder", url.path, errno: errno) }
    }

    /// Writes `data` to a file that must not exist yet, and flushes it to the disk so that a
    /// rename after this never exposes a file whose bytes are not all there.
    static func writeNewFile(_ url: URL, _ data: Data) throws {
        try writeNewFile(url, content: .bytes(data))
    }

    /// Writes `content` to a file that must not exist yet, part by part, and flushes it to the disk.
    static func writeNewFile(_ url: URL, content: StagedContent) throws {
        let descriptor = open(url.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw FileSystemError("create", url.path, errno: errno) }
        var failure: Int32 = 0
        do {
            try content.forEachPart { (bytes: UnsafeRawBufferPointer) in
                var offset = 0
                while offset < bytes.count, failure == 0 {
                    let written = write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
                    if written < 0 {
                        if errno == EINTR { continue }
                        failure = errno
                        return
                    }
                    offset += written
                }
            }
        } catch {
            close(descriptor)
            throw error
        }
        if failure == 0 && fsync(descriptor) != 0 { failure = errno }
        if close(descriptor) != 0 && failure == 0 { failure = errno }
        if failure != 0 { throw FileSystemError("write", url.path, errno: failure) }
    }

    static func rename(_ source: URL, to target: URL) throws {
        guard Foundation.rename(source.path, target.path) == 0 else {
            throw FileSystemError("rename \(source.path) to", target.path, errno: errno)
        }
    }

    /// Swaps what is at the two paths in one step, so that neither is ever missing.
    /// - Returns: false when the file system cannot do that (the caller then renames twice).
    static func exchange(_ first: URL, _ second: URL) throws -> Bool {
        #if os(Linux)
        guard let renameat2 = linuxRenameAt2 else { return false }
        let result = renameat2(AT_FDCWD, first.path, AT_FDCWD, second.path, 2 /* RENAME_EXCHANGE */)
        #elseif canImport(Darwin)
        let result = renamex_np(first.path, second.path, UInt32(RENAME_SWAP))
        #else
        let result: Int32 = -1; errno = ENOSYS
        #endif
        if result == 0 { return true }
        if errno == ENOSYS || errno == EINVAL || errno == ENOTSUP { return false }
        throw FileSystemError("exchange \(first.path) with", second.path, errno: errno)
    }

    /// Removes `url` and everything under it; nothing there is not an error.
    static func removeTree(_ url: URL) throws {
        guard try kind(of: url) != nil else { return }
        try FileSystemError.reporting("remove", url.path) { try FileManager.default.removeItem(at: url) }
    }

    /// Removes the folder `url` if it is empty.
    static func removeFolderIfEmpty(_ url: URL) {
        _ = rmdir(url.path)
    }

    #if os(Linux)
    private typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32

    // Glibc's module map does not export renameat2 (a GNU extension), so it is looked up at run time.
    private static let linuxRenameAt2: RenameAt2? = {
        guard let symbol = dlsym(dlopen(nil, RTLD_NOW), "renameat2") else { return nil }
        return unsafeBitCast(symbol, to: RenameAt2.self)
    }()
    #endif
}
