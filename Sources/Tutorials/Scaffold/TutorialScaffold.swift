import Foundation

/// Creates a new tutorial in a package, all or nothing: its Markdown page with front matter and
/// one example step, the step's Swift file and state, and its line in `TutorialRegistry.all(in:)`.
///
/// Every check runs before anything is written: the name (``TutorialName``), that no file,
/// folder or type of the new tutorial exists yet, and that the registry has the shape
/// ``RegistryEdit`` expects. Then each file is written beside its target under a temporary
/// name and moved into place; new files never replace an existing one, and the registry is
/// replaced last. A failure on the way removes whatever this call had put in place.
public struct TutorialScaffold {
    /// One file the scaffold writes.
    public struct File: Equatable, Sendable {
        /// The path from the package root, e.g. `tutorials/example.md`.
        public var path: String
        public var contents: String
        /// Whether the file exists already and is replaced (the registry), rather than created.
        public var replaces: Bool
    }

    public let name: TutorialName
    public let packageRoot: URL
    /// For tests: the move into place that fails (0 is the first), as a write error would.
    var failingMove: Int?

    /// The registry's path from the package root.
    public static let registryPath = "Sources/Tutorials/TutorialRegistry.swift"

    /// - Parameters:
    ///   - name: The new tutorial's name (checked by ``TutorialName``).
    ///   - packageRoot: The folder holding `Package.swift`, `tutorials/` and `Sources/Tutorials/`.
    public init(name: String, packageRoot: URL) throws {
        self.name = try TutorialName(name)
        self.packageRoot = packageRoot
    }

    /// The nearest folder from `folder` upwards that holds `Package.swift` and the tutorial registry.
    public static func packageRoot(containing folder: URL) -> URL? {
        var candidate = folder.standardizedFileURL
        while true {
            let manager = FileManager.default
            if manager.fileExists(atPath: candidate.appendingPathComponent("Package.swift").path),
               manager.fileExists(atPath: candidate.appendingPathComponent(registryPath).path) {
                return candidate
            }
            let parent = candidate.deletingLastPathComponent()
            if parent.path == candidate.path { return nil }
            candidate = parent
        }
    }

    /// The folder of the new tutorial's Swift files, from the package root.
    public var sourceFolder: String { "Sources/Tutorials/\(name.typeName)" }

    /// The files `create()` would write, in the order it moves them into place, after every check.
    public func plan() throws -> [File] {
        let templates = ScaffoldTemplates(name)
        let manager = FileManager.default
        let registry = packageRoot.appendingPathComponent(Self.registryPath)
        guard let data = manager.contents(atPath: registry.path), let registryText = String(data: data, encoding: .utf8) else {
            throw ScaffoldError("\(packageRoot.path) is not this project's package: cannot read \(Self.registryPath)")
        }
        guard isFolder(packageRoot.appendingPathComponent("tutorials")) else {
            throw ScaffoldError("\(packageRoot.path) has no tutorials/ folder")
        }
        // The registry first: a registered tutorial is named as such, whichever of its files exist.
        let edited = try RegistryEdit.adding(templates.registration, for: name.name, to: registryText, path: Self.registryPath)
        let markdownPath = "tutorials/\(name.name).md"
        for path in [markdownPath, sourceFolder] where manager.fileExists(atPath: packageRoot.appendingPathComponent(path).path) {
            throw ScaffoldError("\(path) already exists; choose another name (nothing was written)")
        }
        for type in [templates.tutorialType, templates.stateType] {
            if let file = try declaration(of: type) {
                throw ScaffoldError("\(file) already declares a type '\(type)'; choose another name (nothing was written)")
            }
        }
        return [
            File(path: markdownPath, contents: templates.markdown, replaces: false),
            File(path: "\(sourceFolder)/\(templates.tutorialType).swift", contents: templates.tutorialSource, replaces: false),
            File(path: "\(sourceFolder)/\(templates.stateType).swift", contents: templates.stateSource, replaces: false),
            File(path: Self.registryPath, contents: edited, replaces: true),
        ]
    }

    /// Checks, then writes the tutorial's files and registers it; returns the files written.
    /// Throws, having written nothing, when a check or a write fails.
    @discardableResult
    public func create() throws -> [File] {
        let files = try plan()
        let manager = FileManager.default
        let folder = packageRoot.appendingPathComponent(sourceFolder)
        try manager.createDirectory(at: folder, withIntermediateDirectories: false)
        var temporaries: [URL] = []
        var placed: [URL] = []
        do {
            for file in files {
                let target = packageRoot.appendingPathComponent(file.path)
                let temporary = target.deletingLastPathComponent()
                    .appendingPathComponent(".\(target.lastPathComponent).new-\(ProcessInfo.processInfo.processIdentifier)")
                temporaries.append(temporary)
                try Data(file.contents.utf8).write(to: temporary, options: .withoutOverwriting)
            }
            for (index, (file, temporary)) in zip(files, temporaries).enumerated() {
                let target = packageRoot.appendingPathComponent(file.path)
                if failingMove == index { throw ScaffoldError("\(file.path): simulated write failure") }
                // link() refuses an existing target, so a file made meanwhile is never replaced.
                let moved = file.replaces ? rename(temporary.path, target.path) : link(temporary.path, target.path)
                guard moved == 0 else {
                    throw ScaffoldError("cannot write \(file.path): \(String(cString: strerror(errno))) (nothing was written)")
                }
                if !file.replaces { placed.append(target) }
            }
        } catch {
            for url in temporaries + placed { try? manager.removeItem(at: url) }
            try? manager.removeItem(at: folder)
            throw error
        }
        for temporary in temporaries { try? manager.removeItem(at: temporary) }
        return files
    }

    /// The file under `Sources/Tutorials/` that declares a type called `type`, if any.
    func declaration(of type: String) throws -> String? {
        let sources = packageRoot.appendingPathComponent("Sources/Tutorials")
        let pattern = try NSRegularExpression(pattern: "\\b(struct|enum|class|actor|protocol|typealias)\\s+\(type)\\b")
        guard let walker = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil) else { return nil }
        for case let url as URL in walker where url.pathExtension == "swift" {
            guard let text = try? String(contentsOf: url, encoding: .utf8) else { continue }
            if pattern.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil {
                return String(url.path.dropFirst(packageRoot.standardizedFileURL.path.count + 1))
            }
        }
        return nil
    }

    func isFolder(_ url: URL) -> Bool {
        var folder: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.path, isDirectory: &folder) && folder.boolValue
    }
}
