import Foundation
import Literate

/// Which source files the running binary was compiled from, so that a cache key describes the
/// code that runs rather than the files on disk (which may have been edited since the build).
///
/// The first time a binary runs while no source file is newer than it, the hashes of the
/// sources are recorded under the binary's identity (path, size, modification time, inode) in
/// the cache folder. Later runs of the same binary compare the files on disk with that record:
/// equal content is the same code even when a checkout touched the file's date.
public struct BuildRecord {
    /// `builds/` under the cache folder.
    public let folder: URL

    public init(cacheFolder: URL) { folder = cacheFolder.appendingPathComponent("builds") }

    /// The verdict on `current` (SHA-256 of the sources on disk, by path from `packageRoot`).
    public enum Verdict: Equatable {
        /// The binary was built from exactly these files.
        case built
        /// The binary was built from other content of this file (or before it existed).
        case changed(String)
        /// Unknown: the binary has no record and this file is newer than it.
        case newer(String)
    }

    /// Whether the running binary was built from `current`; records the sources when it can tell.
    public func verdict(on current: [String: String], allSources: () throws -> [String: String], packageRoot: URL,
                        executable: String? = Bundle.main.executablePath) rethrows -> Verdict {
        guard let executable, let identity = Self.identity(of: executable) else { return .built }
        let record = folder.appendingPathComponent(SHA256.hex(Data(identity.utf8)) + ".json")
        if let data = FileManager.default.contents(atPath: record.path),
           let recorded = try? JSONDecoder().decode([String: String].self, from: data) {
            return current.keys.sorted().first { recorded[$0] != current[$0] }.map(Verdict.changed) ?? .built
        }
        let built = (try? FileManager.default.attributesOfItem(atPath: executable))?[.modificationDate] as? Date ?? .distantFuture
        if let newer = current.keys.sorted().first(where: { path in
            let modified = (try? FileManager.default.attributesOfItem(atPath: packageRoot.appendingPathComponent(path).path))?[.modificationDate] as? Date
            return modified.map { $0 > built } ?? false
        }) { return .newer(newer) }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        if let data = try? encoder.encode(try allSources()) {
            try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let temporary = folder.appendingPathComponent(".\(record.lastPathComponent).new-\(getpid())")
            if (try? data.write(to: temporary)) != nil, rename(temporary.path, record.path) != 0 { try? FileManager.default.removeItem(at: temporary) }
        }
        return .built
    }

    /// `path size modification-time inode` of a file: a rebuilt binary is a new identity.
    static func identity(of path: String) -> String? {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path) else { return nil }
        let size = (attributes[.size] as? NSNumber)?.int64Value ?? -1
        let modified = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? -1
        let inode = (attributes[.systemFileNumber] as? NSNumber)?.int64Value ?? -1
        return "\(path) \(size) \(modified) \(inode)"
    }
}
