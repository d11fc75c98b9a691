import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A failed file-system operation, told as one sentence: what could not be done, to which
/// path, and why ("cannot create the folder /x/out: not a directory").
public struct FileSystemError: Error, CustomStringConvertible, Equatable {
    /// What was attempted, as a verb phrase ("create the folder").
    public var action: String
    public var path: String
    /// Why it failed, in lower case ("no space left on device").
    public var cause: String

    public init(_ action: String, _ path: String, cause: String) {
        self.action = action
        self.path = path
        self.cause = cause
    }

    /// The failure of a system call that set `errno` to `code`.
    public init(_ action: String, _ path: String, errno code: Int32) {
        self.init(action, path, cause: Self.sentenceCase(String(cString: strerror(code))))
    }

    /// `error` from Foundation (`NSCocoaErrorDomain`, `NSPOSIXErrorDomain`) as one sentence about `path`.
    public init(_ action: String, _ path: String, error: Error) {
        if let known = error as? FileSystemError {
            self = known
            return
        }
        let error = error as NSError
        if let code = Self.posixCode(of: error) {
            self.init(action, path, errno: code)
        } else {
            self.init(action, path, cause: Self.cocoaCause(error.code) ?? Self.sentenceCase(error.localizedDescription))
        }
    }

    public var description: String { "cannot \(action) \(path): \(cause)" }

    /// Runs `body`, turning any error it throws into a ``FileSystemError`` about `path`.
    public static func reporting<T>(_ action: String, _ path: String, _ body: () throws -> T) throws -> T {
        do { return try body() } catch { throw FileSystemError(action, path, error: error) }
    }

    // MARK: - Causes

    private static func posixCode(of error: NSError) -> Int32? {
        if error.domain == NSPOSIXErrorDomain { return Int32(error.code) }
        if let underlying = error.userInfo[NSUnderlyingErrorKey] as? NSError { return posixCode(of: underlying) }
        return nil
    }

    private static func cocoaCause(_ code: Int) -> String? {
        switch CocoaError.Code(rawValue: code) {
        case .fileNoSuchFile, .fileReadNoSuchFile: return "no such file or directory"
        case .fileReadNoPermission, .fileWriteNoPermission: return "permission denied"
        case .fileWriteOutOfSpace: return "no space left on device"
        case .fileWriteVolumeReadOnly: return "read-only file system"
        case .fileWriteFileExists: return "file exists"
        case .fileReadInvalidFileName, .fileWriteInvalidFileName: return "invalid file name"
        case .fileReadCorruptFile, .fileReadInapplicableStringEncoding: return "not readable as text"
        case .fileReadTooLarge: return "file too large"
        default: return nil
        }
    }

    private static func sentenceCase(_ text: String) -> String {
        let trimmed = text.trimmingCharacters(in: CharacterSet(charactersIn: ". \n"))
        guard let first = trimmed.first else { return "unknown error" }
        return first.lowercased() + trimmed.dropFirst()
    }
}
