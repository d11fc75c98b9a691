import Foundation

/// Notices edits to the tutorials and the package's sources by comparing the size and
/// modification time of every file with the previous look (polling works the same on every
/// file system and platform, and a look at a few hundred files costs well under a millisecond).
struct SourceWatcher {
    /// What changed since the previous look.
    struct Changes: Equatable {
        /// Markdown files under the tutorials folder.
        var tutorials: [String] = []
        /// Anything the build compiles: files under `Sources/`, `Package.swift`.
        var code: [String] = []
        var isEmpty: Bool { tutorials.isEmpty && code.isEmpty }
    }

    let tutorialsFolder: URL
    let packageRoot: URL
    private var last: [String: String]

    init(tutorialsFolder: URL, packageRoot: URL) {
        self.tutorialsFolder = tutorialsFolder
        self.packageRoot = packageRoot
        last = [:]
        last = snapshot()
    }

    /// The files changed, added or removed since the previous call (or since the watcher was made).
    mutating func changes() -> Changes {
        let now = snapshot()
        var changes = Changes()
        for path in Set(now.keys).union(last.keys).sorted() where now[path] != last[path] {
            if path.hasPrefix(tutorialsFolder.path + "/") { changes.tutorials.append(path) } else { changes.code.append(path) }
        }
        last = now
        return changes
    }

    /// `path → "size modified"` of every watched file.
    private func snapshot() -> [String: String] {
        var files: [String: String] = [:]
        func look(at url: URL) {
            guard let values = try? url.resourceValues(forKeys: [.fileSizeKey, .contentModificationDateKey, .isRegularFileKey]),
                  values.isRegularFile == true else { return }
            files[url.path] = "\(values.fileSize ?? -1) \(values.contentModificationDate?.timeIntervalSince1970 ?? -1)"
        }
        let keys: [URLResourceKey] = [.fileSizeKey, .contentModificationDateKey, .isRegularFileKey]
        for folder in [tutorialsFolder, packageRoot.appendingPathComponent("Sources")] {
            guard let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: keys,
                                                              options: [.skipsHiddenFiles]) else { continue }
            for case let url as URL in walker where folder != tutorialsFolder || url.pathExtension == "md" { look(at: url) }
        }
        look(at: packageRoot.appendingPathComponent("Package.swift"))
        return files
    }
}
