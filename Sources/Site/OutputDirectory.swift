import Foundation

/// Writes a folder of generated files so that readers never see it half-written.
public enum OutputDirectory {
    /// Replaces `directory` with exactly `files` (name → bytes): everything is written to a
    /// temporary sibling first, which then takes the old folder's place. On failure the old
    /// folder is left as it was.
    public static func replace(_ directory: URL, with files: [String: Data]) throws {
        let manager = FileManager.default
        let parent = directory.deletingLastPathComponent()
        try manager.createDirectory(at: parent, withIntermediateDirectories: true)
        let staging = parent.appendingPathComponent(".\(directory.lastPathComponent).staging-\(ProcessInfo.processInfo.processIdentifier)")
        try? manager.removeItem(at: staging)
        try manager.createDirectory(at: staging, withIntermediateDirectories: true)
        do {
            for (name, data) in files.sorted(by: { $0.key < $1.key }) {
                let url = staging.appendingPathComponent(name)
                try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try data.write(to: url)
            }
            // Swap by renames: the old folder steps aside, the new one moves in, the old one goes.
            if manager.fileExists(atPath: directory.path) {
                let retired = parent.appendingPathComponent(".\(directory.lastPathComponent).old-\(ProcessInfo.processInfo.processIdentifier)")
                try? manager.removeItem(at: retired)
                try manager.moveItem(at: directory, to: retired)
                do {
                    try manager.moveItem(at: staging, to: directory)
                } catch {
                    try? manager.moveItem(at: retired, to: directory)
                    throw error
                }
                try? manager.removeItem(at: retired)
            } else {
                try manager.moveItem(at: staging, to: directory)
            }
        } catch {
            try? manager.removeItem(at: staging)
            throw error
        }
    }

    /// Writes one file by writing a temporary sibling and renaming it over the old one.
    public static func writeFile(_ url: URL, _ data: Data) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url, options: .atomic)
    }
}
