import Foundation
import Literate

/// A small tutorial written into a temporary folder: Markdown plus a Swift file holding the
/// steps' source, so drift and line numbers can be checked against known text.
struct TestTutorial {
    let folder: URL
    let markdownURL: URL
    let sourceURL: URL

    static let source = """
    let steps = [
        Step("greet") { state, page in
            page.print("hello")
            state.count += 1
        },
        Step("publish", needs: ["greet"]) { state, page in
            try page.value("answer", "\\(state.count * 42)")
        },
    ]

    """

    /// Line of each registration in `source`.
    static let lines = ["greet": 2, "publish": 6]

    init(markdown: String) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("literate-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        markdownURL = folder.appendingPathComponent("test.md")
        sourceURL = folder.appendingPathComponent("Steps.swift")
        try Data(markdown.utf8).write(to: markdownURL)
        try Data(Self.source.utf8).write(to: sourceURL)
    }

    struct State { var count = 0 }

    /// The registered tutorial; `failing` makes `publish` throw.
    /// `measured` is reported by `greet` as a measurement. `declared` is what `publish`
    /// declares it publishes (it publishes `answer`).
    func tutorial(failing: Bool = false, extraStep: Bool = false, measured: String? = nil,
                  declared: [String] = ["answer"]) -> AnyTutorial {
        let file = sourceURL.path
        var steps: [Step<State>] = [
            Step("greet", file: file, line: Self.lines["greet"]!) { state, page in
                page.print("hello")
                if let measured { page.measured(measured) }
                state.count += 1
            },
            Step("publish", needs: ["greet"], values: declared, file: file, line: Self.lines["publish"]!) { state, page in
                if failing { throw TestFailure() }
                try page.value("answer", "\(state.count * 42)")
            },
        ]
        if extraStep { steps.append(Step("unused", file: file, line: 2) { _, _ in }) }
        return AnyTutorial(Tutorial(name: "test", markdownPath: markdownURL.path, makeState: { _ in State() }, steps: steps))
    }

    func remove() { try? FileManager.default.removeItem(at: folder) }
}

struct TestFailure: Error, CustomStringConvertible {
    var description: String { "the test step failed on purpose" }
}

/// A valid tutorial for `TestTutorial`.
let validMarkdown = """
---
title: A test
level: Beginner
---

# A test

```swift step=greet
page.print("hello")
state.count += 1
```

```output step=greet
```

```swift step=publish
try page.value("answer", "\\(state.count * 42)")
```

The answer is `value:answer`.

"""
