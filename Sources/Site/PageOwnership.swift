import Foundation

/// Recognises what in an output folder render-tutorial made, so that a render replaces
/// nothing else: a page folder by its manifest (and only the files the manifest lists), the
/// index by its opening lines.
enum PageOwnership {
    private static let advice = "nothing was written: move it away or choose another output folder"

    /// Throws unless `folder` is absent or a page of `tutorial` that holds only the files of its manifest.
    static func checkPageFolder(_ folder: URL, tutorial: String) throws {
        guard let kind = try FileOperations.kind(of: folder) else { return }
        guard kind == .folder else {
            throw PublishError("\(folder.path): \(kind == .file ? "a file" : "not a plain folder"), not a page folder made by render-tutorial; \(advice)")
        }
        let manifestURL = folder.appendingPathComponent(PageManifest.fileName)
        guard let data = FileManager.default.contents(atPath: manifestURL.path),
              let manifest = try? JSONDecoder().decode(PageManifest.self, from: data), manifest.tutorial == tutorial else {
            throw PublishError("\(folder.path): a folder not made by render-tutorial (it has no \(PageManifest.fileName) of tutorial '\(tutorial)'); \(advice)")
        }
        let files = Set(manifest.files.keys).union([PageManifest.fileName])
        let folders = Set(files.flatMap { path -> [String] in
            let components = path.split(separator: "/")
            return (1..<max(components.count, 1)).map { components[..<$0].joined(separator: "/") }
        })
        for (path, kind) in try contents(of: folder) where !(kind == .file ? files : folders).contains(path) || kind == .other {
            throw PublishError("\(folder.appendingPathComponent(path).path): not made by render-tutorial (not listed in \(manifestURL.path)); nothing was written: move it out of \(folder.path) first")
        }
    }

    /// Throws unless the index files in `output` are absent or were written by render-tutorial.
    static func checkIndexFiles(in output: URL) throws {
        let index = output.appendingPathComponent("index.html")
        let indexKind = try FileOperations.kind(of: index)
        switch indexKind {
        case nil: break
        case .file?:
            let heads = [IndexPage.head] + IndexPage.formerHeads, length = heads.map(\.utf8.count).max() ?? 0
            let start = try FileSystemError.reporting("read", index.path) { try FileHandle(forReadingFrom: index).readData(ofLength: length) }
            guard heads.contains(where: { start.starts(with: Data($0.utf8)) }) else { throw PublishError("\(index.path): an index page not made by render-tutorial; \(advice)") }
        case let kind?:
            throw PublishError("\(index.path): \(kind == .folder ? "a folder" : "not a plain file"), not the index page render-tutorial writes; \(advice)")
        }
        // The other index files are recognised by the index page beside them.
        for name in IndexPage.fileNames where name != "index.html" {
            let file = output.appendingPathComponent(name)
            switch try FileOperations.kind(of: file) {
            case nil: break
            case .file? where indexKind == .file: break
            case .file?: throw PublishError("\(file.path): \(description(of: name)) not made by render-tutorial (there is no index page beside it); \(advice)")
            case _?: throw PublishError("\(file.path): not a plain file, not the \(description(of: name).dropFirst(2)) render-tutorial writes; \(advice)")
            }
        }
    }

    private static func description(of indexFile: String) -> String {
        switch indexFile {
        case "style.css": return "a stylesheet"
        case PageScript.fileName: return "a script"
        default: return "a search index"
        }
    }

    /// Everything under `folder` by relative path, without following symbolic links.
    private static func contents(of folder: URL, prefix: String = "") throws -> [(String, FileOperations.Kind)] {
        let names = try FileSystemError.reporting("list", folder.path) { try FileManager.default.contentsOfDirectory(atPath: folder.path) }
        var entries: [(String, FileOperations.Kind)] = []
        for name in names.sorted() {
            let url = folder.appendingPathComponent(name), path = prefix + name
            let kind = try FileOperations.kind(of: url) ?? .other
            entries.append((path, kind))
            if kind == .folder { entries += try contents(of: url, prefix: path + "/") }
        }
        return entries
    }
}
