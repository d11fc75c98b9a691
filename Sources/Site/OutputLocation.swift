import Foundation

/// Where pages may be written: neither in a tutorials folder nor around one, since a render
/// replaces folders in the output folder and the Markdown must survive it.
enum OutputLocation {
    /// Throws when `output` is, is inside, or contains one of `tutorialsFolders` (symbolic links resolved).
    static func check(output: URL, tutorialsFolders: [URL]) throws {
        let resolvedOutput = resolved(output)
        for folder in Set(tutorialsFolders.map(resolved)) {
            if folder == resolvedOutput {
                throw PublishError("the output folder \(output.path) is the tutorials folder; pages would be written among the Markdown files: choose another output folder")
            }
            if resolvedOutput.starts(with: folder) {
                throw PublishError("the output folder \(output.path) is inside the tutorials folder \(path(folder)); choose an output folder outside it")
            }
            if folder.starts(with: resolvedOutput) {
                throw PublishError("the tutorials folder \(path(folder)) is inside the output folder \(output.path), whose folders a render replaces; choose an output folder that does not contain it")
            }
        }
    }

    /// The path's components with `.` and `..` removed and the longest existing part's symbolic links resolved.
    private static func resolved(_ url: URL) -> [String] {
        var existing = url.standardizedFileURL
        var rest: [String] = []
        while !FileManager.default.fileExists(atPath: existing.path), existing.path != "/" {
            rest.insert(existing.lastPathComponent, at: 0)
            existing = existing.deletingLastPathComponent()
        }
        return existing.resolvingSymlinksInPath().pathComponents + rest
    }

    private static func path(_ components: [String]) -> String {
        "/" + components.filter { $0 != "/" }.joined(separator: "/")
    }
}
