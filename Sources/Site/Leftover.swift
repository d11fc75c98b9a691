import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Something an interrupted render left in the output folder, recognised by its name:
/// `.NAME.new-PID` (a page or index file being written, or the old one after the swap),
/// `.NAME.old-PID` (the old one set aside) or `.NAME.staging-PID` (earlier versions), where
/// NAME is a tutorial or an index file and PID the process that wrote it.
struct Leftover: CustomStringConvertible {
    enum Role { case staged, setAside }

    var url: URL
    /// The page folder or index file it is a copy of.
    var target: URL
    var role: Role
    var processID: Int32
    /// Whether the process that wrote it still runs (a render in progress, not to be touched).
    var isAlive: Bool

    var description: String {
        if isAlive { return "\(url.path): being written by render-tutorial (process \(processID))" }
        if role == .setAside, (try? FileOperations.kind(of: target)) == nil {
            return "\(url.path): the previous \(target.lastPathComponent), set aside by an interrupted render; the next render puts it back at \(target.path)"
        }
        return "\(url.path): left by an interrupted render; the next render removes it"
    }

    /// The leftovers in `output` of renders of `names` (tutorials and index files), set-aside
    /// copies first so that one can be put back before the others are removed.
    static func find(in output: URL, names: Set<String>) throws -> [Leftover] {
        guard try FileOperations.kind(of: output) != nil else { return [] }
        let entries = try FileSystemError.reporting("list", output.path) {
            try FileManager.default.contentsOfDirectory(atPath: output.path)
        }
        return entries.sorted().compactMap { parse($0, in: output, names: names) }
            .sorted { ($0.role == .setAside ? 0 : 1) < ($1.role == .setAside ? 0 : 1) }
    }

    private static func parse(_ entry: String, in output: URL, names: Set<String>) -> Leftover? {
        guard entry.hasPrefix("."), let dash = entry.lastIndex(of: "-"),
              let processID = Int32(entry[entry.index(after: dash)...]), processID > 0,
              let dot = entry[..<dash].lastIndex(of: "."), dot > entry.startIndex else { return nil }
        let name = String(entry[entry.index(after: entry.startIndex)..<dot])
        let role: Role
        switch entry[entry.index(after: dot)..<dash] {
        case "new", "staging": role = .staged
        case "old": role = .setAside
        default: return nil
        }
        guard names.contains(name) else { return nil }
        let alive = processID != getpid() && (kill(processID, 0) == 0 || errno == EPERM)
        return Leftover(url: output.appendingPathComponent(entry), target: output.appendingPathComponent(name),
                        role: role, processID: processID, isAlive: alive)
    }
}
