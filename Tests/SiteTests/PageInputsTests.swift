import Foundation
import Literate
import Site
import XCTest

/// What a page's fingerprint (`--check`) covers: only what the page depends on.
final class PageInputsTests: XCTestCase {
    /// Three tutorials in folders of their own under `Sources/Tutorials`, and a registry.
    private func package(_ names: [String] = ["a", "b", "c"]) throws -> (root: URL, tutorials: [AnyTutorial]) {
        let root = SiteFixture.temporaryFolder()
        try write("// swift-tools-version: 6.0\n", "Package.swift", in: root)
        try write("let registry = 1\n", "Sources/Tutorials/Registry.swift", in: root)
        try write("func shared() {}\n", "Sources/Tutorials/Shared.swift", in: root)
        return (root, try names.map { try addTutorial($0, in: root) })
    }

    private func write(_ text: String, _ path: String, in root: URL) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    /// A tutorial's Markdown and steps file, in its own folder.
    private func addTutorial(_ name: String, in root: URL) throws -> AnyTutorial {
        let steps = "Sources/Tutorials/\(name.uppercased())/Steps.swift"
        try write(SiteFixture.stepSource, steps, in: root)
        try write(hostileMarkdown, "tutorials/\(name).md", in: root)
        let step = Step<Int>("count", values: ["n"], file: root.appendingPathComponent(steps).path, line: 2) { _, page in
            try page.value("n", "3 < 4")
        }
        return AnyTutorial(Tutorial(name: name, markdownPath: root.appendingPathComponent("tutorials/\(name).md").path,
                                    makeState: { _ in 0 }, steps: [step]))
    }

    private func publisher(_ root: URL, _ tutorials: [AnyTutorial]) -> Publisher {
        var publisher = Publisher(tutorials: tutorials, packageRoot: root, output: root.appendingPathComponent("output"))
        publisher.registryFile = root.appendingPathComponent("Sources/Tutorials/Registry.swift").path
        return publisher
    }

    func testAPageLeavesOutTheOtherTutorialsFoldersAndTheRegistry() throws {
        let (root, tutorials) = try package()
        defer { try? FileManager.default.removeItem(at: root) }
        let inputs = try publisher(root, tutorials).inputHashes(of: tutorials[0])
        XCTAssertEqual(inputs.keys.sorted(), ["Package.swift", "Sources/Tutorials/A/Steps.swift", "Sources/Tutorials/Shared.swift",
                                              "tutorials/a.md", "tutorials/b.md"])
        XCTAssertEqual(publisher(root, tutorials).ownFolder(of: tutorials[1]), "Sources/Tutorials/B")
    }

    func testAddingATutorialChangesOnlyThePageWhoseNeighbourItBecomes() throws {
        let (root, firstTwo) = try package(["a", "b"])
        var tutorials = firstTwo
        defer { try? FileManager.default.removeItem(at: root) }
        let before = publisher(root, tutorials)
        let pagesBefore = try tutorials.map { try before.inputHashes(of: $0) }
        // The new tutorial's files and its line in the registry, as `render-tutorial new` makes them.
        tutorials.append(try addTutorial("c", in: root))
        try write("let registry = 2\n", "Sources/Tutorials/Registry.swift", in: root)
        let after = publisher(root, tutorials)
        XCTAssertEqual(try after.inputHashes(of: tutorials[0]), pagesBefore[0], "the first page does not change")
        let second = try after.inputHashes(of: tutorials[1])
        XCTAssertEqual(Set(second.keys).subtracting(pagesBefore[1].keys), ["tutorials/c.md"],
                       "the page before the new one shows its title as the next page")
    }

    func testTheCacheKeyLeavesOutProseAndThePageWriterButNotTheEngine() throws {
        let (root, tutorials) = try package()
        defer { try? FileManager.default.removeItem(at: root) }
        for (path, text) in [("Sources/Site/Writer.swift", "func page() {}\n"), ("Sources/render-tutorial/Main.swift", "main()\n"),
                             ("Sources/Engine/Kernel.swift", "func kernel() {}\n")] {
            try write(text, path, in: root)
        }
        let code = try publisher(root, tutorials).codeHashes(of: tutorials[0])
        XCTAssertEqual(code.keys.sorted(), ["Package.swift", "Sources/Engine/Kernel.swift", "Sources/Tutorials/A/Steps.swift",
                                            "Sources/Tutorials/Shared.swift"])
        let inputs = try publisher(root, tutorials).inputHashes(of: tutorials[0])
        XCTAssertNotNil(inputs["Sources/Site/Writer.swift"], "the page writer is an input of the page")
    }

    /// The cache key may leave out ``Publisher/pageOnlySources`` only while no code the steps are
    /// built from imports the page writer (executables cannot be imported).
    func testNoEngineOrTutorialFileImportsThePageWriter() throws {
        let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources")
        let walker = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)!
        var checked = 0
        for case let url as URL in walker where url.pathExtension == "swift" {
            let relative = "Sources/" + url.path.dropFirst(sources.path.count + 1)
            guard !Publisher.pageOnlySources.contains(where: { relative.hasPrefix($0 + "/") }) else { continue }
            let text = try String(contentsOf: url, encoding: .utf8)
            XCTAssertFalse(text.split(separator: "\n").contains { $0.hasPrefix("import Site") || $0.hasPrefix("@testable import Site") },
                           "\(relative) imports Site: then Site must not be left out of the step-result cache key")
            checked += 1
        }
        XCTAssertGreaterThan(checked, 50)
    }
}
