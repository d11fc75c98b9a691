import Foundation
import Literate
import Site

/// A throw-away package root with a tutorial, a step source and an output folder.
struct SiteFixture {
    let root: URL
    var markdown: URL { root.appendingPathComponent("tutorials/page.md") }
    var source: URL { root.appendingPathComponent("Sources/Steps/Steps.swift") }
    var output: URL { root.appendingPathComponent("output") }

    static let stepSource = """
    let steps = [
        Step("count") { state, page in
            page.print("<b>counted</b> \\(state)")
            try page.value("n", "3 < 4")
        },
    ]

    """

    init(markdown text: String) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("site-\(UUID())")
        let manager = FileManager.default
        try manager.createDirectory(at: markdown.deletingLastPathComponent(), withIntermediateDirectories: true)
        try manager.createDirectory(at: source.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: markdown)
        try Data(Self.stepSource.utf8).write(to: source)
        try Data("// swift-tools-version: 6.0\n".utf8).write(to: root.appendingPathComponent("Package.swift"))
    }

    func tutorial(_ name: String = "page", failing: Bool = false, markdownPath: String? = nil) -> AnyTutorial {
        let step = Step<Int>("count", values: ["n"], file: source.path, line: 2) { state, page in
            if failing { throw FixtureFailure() }
            page.print("<b>counted</b> \(state)")
            try page.value("n", "3 < 4")
        }
        return AnyTutorial(Tutorial(name: name, markdownPath: markdownPath ?? markdown.path, makeState: { _ in 0 }, steps: [step]))
    }

    var publisher: Publisher { Publisher(tutorials: [tutorial()], packageRoot: root, output: output) }

    func remove() { try? FileManager.default.removeItem(at: root) }

    /// Renders the fixture's tutorial into its output folder.
    func render(_ publisher: Publisher? = nil) throws {
        _ = try (publisher ?? self.publisher).write([(try TutorialRunner(tutorial()).run(), tutorial())])
    }

    /// The names in `folder` that start with a dot: what an interrupted or failed render leaves behind.
    static func strays(in folder: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasPrefix(".") }.sorted()
    }

    /// The number of no running process, for the names of leftovers of a render that was killed.
    static func deadProcessID() -> Int32 {
        var pid: Int32 = 4_000_000
        while kill(pid, 0) == 0 || errno != ESRCH { pid -= 1 }
        return pid
    }

    /// A new, not yet created, folder under the system's temporary folder.
    static func temporaryFolder() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("render-\(UUID())")
    }

    /// Every file under `folder`, by relative path.
    static func tree(_ folder: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey])!
        for case let url as URL in walker where (try url.resourceValues(forKeys: [.isRegularFileKey])).isRegularFile == true {
            files[String(url.path.dropFirst(folder.path.count))] = try Data(contentsOf: url)
        }
        return files
    }
}

// MARK: - The command line

/// How a run of the `render-tutorial` binary ended.
struct CommandResult {
    var status: Int32
    /// Whether `status` is the number of the signal that ended the process.
    var killed: Bool
    var output: String
    var error: String
}

/// Runs the `render-tutorial` binary built beside the tests.
func renderTutorial(_ arguments: [String], environment: [String: String] = [:]) throws -> CommandResult {
    let bundle = Bundle(for: RenderCommandTests.self).bundleURL
    let candidates = [bundle.appendingPathComponent("render-tutorial"),
                      bundle.deletingLastPathComponent().appendingPathComponent("render-tutorial")]
    let process = Process()
    process.executableURL = candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[0]
    process.arguments = arguments
    process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let output = out.fileHandleForReading.readDataToEndOfFile()
    let error = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return CommandResult(status: process.terminationStatus, killed: process.terminationReason == .uncaughtSignal,
                         output: String(decoding: output, as: UTF8.self), error: String(decoding: error, as: UTF8.self))
}

/// A copy of the package's `tutorials/` folder in a new temporary folder (`only`: just these files).
func copyOfTutorials(only: [String]? = nil) throws -> URL {
    let copy = SiteFixture.temporaryFolder()
    try FileManager.default.createDirectory(at: copy, withIntermediateDirectories: true)
    let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("tutorials")
    for name in try FileManager.default.contentsOfDirectory(atPath: source.path) where only?.contains(name) ?? true {
        try FileManager.default.copyItem(at: source.appendingPathComponent(name), to: copy.appendingPathComponent(name))
    }
    return copy
}

struct FixtureFailure: Error, CustomStringConvertible {
    var description: String { "fixture step failed" }
}

let hostileMarkdown = """
---
title: Escaping <script>alert(1)</script>
---

# Escaping

Prose with <script>alert("prose")</script> and a & b.

```swift illustration
let html = "<script>alert('code')</script>"
```

| Cell | Value |
| --- | --- |
| <script>alert("cell")</script> | `value:n` |

```swift step=count
page.print("<b>counted</b> \\(state)")
try page.value("n", "3 < 4")
```

```output step=count
```

<div onclick="x()">raw block</div>

"""
