import Foundation
import Literate

/// The record written beside each page: what it was made from and what it contains, so that
/// `--check` can tell a stale or hand-edited `output/` without re-running (re-running on
/// another machine may change the last bits of numbers, so the check compares inputs).
public struct PageManifest: Codable, Equatable {
    public var tutorial: String
    public var quick: Bool
    /// SHA-256 of every input, by path from the package root: the tutorial's Markdown,
    /// `Package.swift` and every Swift file under `Sources/`.
    public var inputs: [String: String]
    /// SHA-256 of every file of the page except this manifest.
    public var files: [String: String]

    public static let fileName = "manifest.json"

    public func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return try encoder.encode(self) + Data("\n".utf8)
    }
}

/// Renders tutorials into an output folder and checks a committed one: load → validate →
/// run → bind → write, every page written to a temporary folder and moved into place.
public struct Publisher {
    public let tutorials: [AnyTutorial]
    public let packageRoot: URL
    public let output: URL

    public init(tutorials: [AnyTutorial], packageRoot: URL, output: URL) {
        self.tutorials = tutorials
        self.packageRoot = packageRoot
        self.output = output
    }

    /// SHA-256 of each input of `tutorial`, keyed by its path from the package root.
    public func inputHashes(of tutorial: AnyTutorial) throws -> [String: String] {
        var hashes: [String: String] = [:]
        func add(_ url: URL) throws {
            let path = url.standardizedFileURL.path, root = packageRoot.standardizedFileURL.path + "/"
            let relative = path.hasPrefix(root) ? String(path.dropFirst(root.count)) : path
            hashes[relative] = SHA256.hex(try Data(contentsOf: url))
        }
        try add(URL(fileURLWithPath: tutorial.markdownPath))
        try add(packageRoot.appendingPathComponent("Package.swift"))
        let sources = packageRoot.appendingPathComponent("Sources")
        guard let walker = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil) else {
            throw PublishError("cannot list \(sources.path)")
        }
        for case let url as URL in walker where url.pathExtension == "swift" { try add(url) }
        return hashes
    }

    /// The page's files plus its manifest.
    public func pageFiles(for run: TutorialRun, tutorial: AnyTutorial) throws -> [String: Data] {
        var files = try PageWriter.files(for: run)
        let manifest = PageManifest(tutorial: run.tutorial, quick: run.options.quick, inputs: try inputHashes(of: tutorial),
                                    files: files.mapValues(SHA256.hex))
        files[PageManifest.fileName] = try manifest.encoded()
        return files
    }

    /// The index page's files, listing every tutorial (`rendered` says which have a page).
    public func indexFiles(rendered: Set<String>) throws -> [String: Data] {
        let entries = try tutorials.map { tutorial -> IndexPage.Entry in
            let document = try MarkdownParser.parse(fileAt: tutorial.markdownPath)
            return IndexPage.Entry(name: tutorial.name, title: PageWriter.title(of: document, fallback: tutorial.name),
                                   summary: document.metadata("summary") ?? "", rendered: rendered.contains(tutorial.name))
        }
        return IndexPage.files(entries)
    }

    /// Names of the tutorials with a page in the output folder.
    public func renderedNames() -> Set<String> {
        Set(tutorials.map(\.name).filter {
            FileManager.default.fileExists(atPath: output.appendingPathComponent($0).appendingPathComponent("index.html").path)
        })
    }

    /// Writes the pages of finished runs and the index; each folder and file is replaced atomically.
    public func write(_ runs: [(run: TutorialRun, tutorial: AnyTutorial)]) throws -> [URL] {
        // Everything is generated before the first file is replaced.
        let pages = try runs.map { (name: $0.tutorial.name, files: try pageFiles(for: $0.run, tutorial: $0.tutorial)) }
        let index = try indexFiles(rendered: renderedNames().union(runs.map(\.tutorial.name)))
        var written: [URL] = []
        for page in pages {
            let folder = output.appendingPathComponent(page.name)
            try OutputDirectory.replace(folder, with: page.files)
            written.append(folder.appendingPathComponent("index.html"))
        }
        for (name, data) in index.sorted(by: { $0.key < $1.key }) {
            try OutputDirectory.writeFile(output.appendingPathComponent(name), data)
        }
        written.append(output.appendingPathComponent("index.html"))
        return written
    }

    /// Problems that make the output folder stale for `tutorials`: not rendered, rendered with
    /// --quick, inputs changed since, files edited by hand, an out-of-date index.
    public func staleness() throws -> [String] {
        var problems: [String] = []
        let relativeOutput = output.path
        for tutorial in tutorials {
            let folder = output.appendingPathComponent(tutorial.name)
            let manifestURL = folder.appendingPathComponent(PageManifest.fileName)
            guard let data = FileManager.default.contents(atPath: manifestURL.path) else {
                problems.append("\(relativeOutput)/\(tutorial.name): not rendered (no \(PageManifest.fileName))")
                continue
            }
            let manifest: PageManifest
            do {
                manifest = try JSONDecoder().decode(PageManifest.self, from: data)
            } catch {
                problems.append("\(manifestURL.path): unreadable manifest (\(error))")
                continue
            }
            if manifest.quick { problems.append("\(relativeOutput)/\(tutorial.name): rendered with --quick") }
            let current = try inputHashes(of: tutorial)
            for path in Set(current.keys).union(manifest.inputs.keys).sorted() where current[path] != manifest.inputs[path] {
                let change = manifest.inputs[path] == nil ? "added" : current[path] == nil ? "removed" : "changed"
                problems.append("\(relativeOutput)/\(tutorial.name): \(path) \(change) since the page was rendered")
            }
            let present = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            for name in Set(present).union(manifest.files.keys).sorted() where name != PageManifest.fileName {
                let url = folder.appendingPathComponent(name)
                guard let expected = manifest.files[name] else {
                    problems.append("\(url.path): not part of the rendered page"); continue
                }
                guard let bytes = FileManager.default.contents(atPath: url.path) else {
                    problems.append("\(url.path): missing"); continue
                }
                if SHA256.hex(bytes) != expected { problems.append("\(url.path): edited since it was rendered") }
            }
        }
        for (name, data) in try indexFiles(rendered: renderedNames()).sorted(by: { $0.key < $1.key }) {
            let url = output.appendingPathComponent(name)
            if FileManager.default.contents(atPath: url.path) != data { problems.append("\(url.path): out of date") }
        }
        return problems
    }
}

/// A failure to write or check the output folder.
public struct PublishError: Error, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
