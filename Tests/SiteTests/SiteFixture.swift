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

    func tutorial(failing: Bool = false) -> AnyTutorial {
        let step = Step<Int>("count", file: source.path, line: 2) { state, page in
            if failing { throw FixtureFailure() }
            page.print("<b>counted</b> \(state)")
            try page.value("n", "3 < 4")
        }
        return AnyTutorial(Tutorial(name: "page", markdownPath: markdown.path, makeState: { _ in 0 }, steps: [step]))
    }

    var publisher: Publisher { Publisher(tutorials: [tutorial()], packageRoot: root, output: output) }

    func remove() { try? FileManager.default.removeItem(at: root) }

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
