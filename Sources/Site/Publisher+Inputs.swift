import Foundation
import Literate

extension Publisher {
    /// The folders under `Sources/` of code that a tutorial's steps cannot link against: the
    /// page writer and the executables (the `Tutorials` target does not depend on them;
    /// `CacheSourcesTests` checks that no engine or tutorial file imports them).
    public static let pageOnlySources = ["Sources/Site", "Sources/render-tutorial", "Sources/gradnorm", "Sources/gradnorm-benchmark"]

    /// SHA-256 of each input of `tutorial`'s page, keyed by its path from the package root: its
    /// Markdown, its neighbours' Markdown, `Package.swift` and every file under `Sources/`
    /// except the other tutorials' own folders and the registry (see ``registryFile``).
    public func inputHashes(of tutorial: AnyTutorial) throws -> [String: String] {
        var hashes = try sourceHashes(of: tutorial)
        for markdown in [URL(fileURLWithPath: tutorial.markdownPath)] + neighborMarkdown(of: tutorial) {
            hashes[relativePath(markdown)] = try hash(markdown)
        }
        return hashes
    }

    /// SHA-256 of each file the steps of `tutorial` are built from, for the key of its cached
    /// results: its page inputs without the Markdown and without ``pageOnlySources``, plus
    /// `Package.resolved` (the versions of the packages it links), when there is one.
    public func codeHashes(of tutorial: AnyTutorial) throws -> [String: String] {
        var hashes = try sourceHashes(of: tutorial).filter { path, _ in
            !Self.pageOnlySources.contains { path.hasPrefix($0 + "/") }
        }
        let resolved = packageRoot.appendingPathComponent("Package.resolved")
        if FileManager.default.fileExists(atPath: resolved.path) { hashes["Package.resolved"] = try hash(resolved) }
        return hashes
    }

    /// The folder of `tutorial`'s own code: the folder of the file registering its steps, when that
    /// is a folder of its own under `Sources/Tutorials` (code there is used by that tutorial only;
    /// `TutorialFolderTests` checks it).
    public func ownFolder(of tutorial: AnyTutorial) -> String? {
        guard let file = tutorial.steps.first?.location.file else { return nil }
        let folder = relativePath(URL(fileURLWithPath: file).deletingLastPathComponent())
        let parts = folder.split(separator: "/")
        return parts.count == 3 && parts[0] == "Sources" && parts[1] == "Tutorials" ? folder : nil
    }

    /// SHA-256 of `Package.swift`, `Package.resolved` and every file under `Sources/`: what a
    /// build is made from (see ``BuildRecord``).
    public func allCodeHashes() throws -> [String: String] {
        var hashes = try sourceHashes(excluding: [], registry: nil)
        let resolved = packageRoot.appendingPathComponent("Package.resolved")
        if FileManager.default.fileExists(atPath: resolved.path) { hashes["Package.resolved"] = try hash(resolved) }
        return hashes
    }

    /// `Package.swift` and the files under `Sources/` that `tutorial` depends on.
    private func sourceHashes(of tutorial: AnyTutorial) throws -> [String: String] {
        let own = ownFolder(of: tutorial)
        let others = Set(indexOrder.compactMap(ownFolder(of:))).subtracting(own.map { [$0] } ?? [])
        return try sourceHashes(excluding: others, registry: registryFile.map { relativePath(URL(fileURLWithPath: $0)) })
    }

    /// `Package.swift` and the files under `Sources/` except the folders `others` and the file `registry`.
    private func sourceHashes(excluding others: Set<String>, registry: String?) throws -> [String: String] {
        var hashes: [String: String] = [:]
        hashes["Package.swift"] = try hash(packageRoot.appendingPathComponent("Package.swift"))
        let sources = packageRoot.appendingPathComponent("Sources")
        var failure: FileSystemError?
        guard let walker = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: [.isDirectoryKey], errorHandler: { url, error in
            failure = FileSystemError("list", url.path, error: error)
            return false
        }) else { throw FileSystemError("list", sources.path, cause: "cannot be read") }
        // Every file: Swift, the C kernels and their headers, module maps and resources such as the maths font.
        // (A link that leads nowhere is listed too, so that reading it reports it.)
        for case let url as URL in walker {
            let path = relativePath(url)
            if others.contains(path) { walker.skipDescendants(); continue }
            guard (try? url.resourceValues(forKeys: [.isDirectoryKey]))?.isDirectory != true, path != registry else { continue }
            hashes[path] = try hash(url)
        }
        if let failure { throw failure }
        return hashes
    }

    private func relativePath(_ url: URL) -> String {
        let path = url.standardizedFileURL.path, root = packageRoot.standardizedFileURL.path + "/"
        return path.hasPrefix(root) ? String(path.dropFirst(root.count)) : path
    }

    private func hash(_ url: URL) throws -> String {
        try FileSystemError.reporting("read", url.path) { try SHA256.hex(fileAt: url) }
    }
}
