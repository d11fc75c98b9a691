import Foundation
import Literate
import Site
import XCTest

/// A package root with two tutorials in folders of their own, an engine file, a page-writer
/// file and a registry, whose steps count how often they ran.
private final class CachedPackage {
    let root = SiteFixture.temporaryFolder()
    private(set) var runs = 0
    var registry: URL { root.appendingPathComponent("Sources/Tutorials/Registry.swift") }

    init() throws {
        for path in ["Sources/Tutorials/A/ASteps.swift", "Sources/Tutorials/B/BSteps.swift"] {
            try write(SiteFixture.stepSource, to: path)
        }
        try write("let registry = 1\n", to: "Sources/Tutorials/Registry.swift")
        try write("func kernel() {}\n", to: "Sources/Engine/Kernel.swift")
        try write("func page() {}\n", to: "Sources/Site/Writer.swift")
        try write("// swift-tools-version: 6.0\n", to: "Package.swift")
        try write(hostileMarkdown, to: "tutorials/a.md")
        try write(hostileMarkdown, to: "tutorials/b.md")
    }

    func write(_ text: String, to path: String) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    func tutorial(_ name: String) -> AnyTutorial {
        let folder = name.uppercased()
        let step = Step<Int>("count", values: ["n"], file: root.appendingPathComponent("Sources/Tutorials/\(folder)/\(folder)Steps.swift").path,
                             line: 2) { [unowned self] state, page in
            runs += 1
            page.print("<b>counted</b> \(state)")
            try page.value("n", "3 < 4")
        }
        return AnyTutorial(Tutorial(name: name, markdownPath: root.appendingPathComponent("tutorials/\(name).md").path,
                                    makeState: { _ in 0 }, steps: [step]))
    }

    var publisher: Publisher {
        var publisher = Publisher(tutorials: [tutorial("a"), tutorial("b")], packageRoot: root, output: root.appendingPathComponent("output"))
        publisher.registryFile = registry.path
        return publisher
    }

    var cacheFolder: URL { root.appendingPathComponent(".build/tutorial-cache") }

    /// A run of tutorial `name` through the cache, as `render-tutorial` makes it.
    func run(_ name: String, options: RunOptions = RunOptions(), reusing: Bool = true) throws -> TutorialRun {
        var runner = TutorialRunner(tutorial(name), options: options)
        runner.cache = StepResultCache(folder: cacheFolder, sources: try publisher.codeHashes(of: tutorial(name)))
        runner.reusesCachedResults = reusing
        return try runner.run()
    }

    deinit { try? FileManager.default.removeItem(at: root) }
}

final class StepResultCacheTests: XCTestCase {
    func testASecondRunReusesTheResultsAndGivesTheSamePage() throws {
        let package = try CachedPackage()
        let first = try package.run("a")
        let second = try package.run("a")
        XCTAssertEqual(package.runs, 1, "the second run should not run the step")
        XCTAssertFalse(first.reused)
        XCTAssertTrue(second.reused)
        XCTAssertEqual(second.steps["count"], first.steps["count"])
        XCTAssertEqual(second.values, first.values)
        let publisher = package.publisher
        XCTAssertEqual(try publisher.pageFiles(for: second, tutorial: package.tutorial("a")),
                       try publisher.pageFiles(for: first, tutorial: package.tutorial("a")))
    }

    func testAChangedStepInvalidatesItsCachedResult() throws {
        let package = try CachedPackage()
        _ = try package.run("a")
        try package.write(SiteFixture.stepSource + "// the step's file changed\n", to: "Sources/Tutorials/A/ASteps.swift")
        XCTAssertFalse(try package.run("a").reused)
        XCTAssertEqual(package.runs, 2)
        XCTAssertTrue(try package.run("a").reused)
        XCTAssertEqual(package.runs, 2)
    }

    func testEngineOptionsAndPlanAreInTheKeyButProseTheRegistryAndThePageWriterAreNot() throws {
        let package = try CachedPackage()
        _ = try package.run("a")
        try package.write(hostileMarkdown + "\nMore prose.\n", to: "tutorials/a.md")
        try package.write("let registry = 2\n", to: "Sources/Tutorials/Registry.swift")
        try package.write("func page() { print() }\n", to: "Sources/Site/Writer.swift")
        try package.write(SiteFixture.stepSource + "// another tutorial's step\n", to: "Sources/Tutorials/B/BSteps.swift")
        XCTAssertTrue(try package.run("a").reused, "prose, the registry, the page writer and another tutorial do not change a's results")
        XCTAssertFalse(try package.run("a", options: RunOptions(quick: true)).reused)
        try package.write("func kernel() { print() }\n", to: "Sources/Engine/Kernel.swift")
        XCTAssertFalse(try package.run("a").reused)
        XCTAssertEqual(package.runs, 3)

        let cache = StepResultCache(folder: package.cacheFolder, sources: try package.publisher.codeHashes(of: package.tutorial("a")))
        let key = cache.key(tutorial: "a", plan: ["count"], options: RunOptions())
        XCTAssertNotEqual(key.hex, cache.key(tutorial: "a", plan: [], options: RunOptions()).hex)
        var otherBuild = cache
        otherBuild.build["configuration"] = "debug"
        XCTAssertNotEqual(key.hex, otherBuild.key(tutorial: "a", plan: ["count"], options: RunOptions()).hex)
        XCTAssertEqual(otherBuild.lookup(otherBuild.key(tutorial: "a", plan: ["count"], options: RunOptions())), .miss)
    }

    func testNoCacheRunsTheStepsAndRefreshesTheEntry() throws {
        let package = try CachedPackage()
        _ = try package.run("a")
        XCTAssertFalse(try package.run("a", reusing: false).reused)
        XCTAssertEqual(package.runs, 2)
        XCTAssertTrue(try package.run("a").reused)
    }

    func testADamagedEntryIsRemovedAndTheStepsRunAgain() throws {
        let package = try CachedPackage()
        _ = try package.run("a")
        let folder = package.cacheFolder.appendingPathComponent("a")
        let entries = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        XCTAssertEqual(entries.count, 1)
        let entry = folder.appendingPathComponent(entries[0])
        try Data("{\"format\": 1, \"truncated".utf8).write(to: entry)
        let cache = StepResultCache(folder: package.cacheFolder, sources: try package.publisher.codeHashes(of: package.tutorial("a")))
        guard case .damaged(let reason) = cache.lookup(cache.key(tutorial: "a", plan: ["count"], options: RunOptions())) else {
            return XCTFail("a truncated entry should be reported as damaged")
        }
        XCTAssertTrue(reason.contains(entry.path), reason)
        XCTAssertFalse(FileManager.default.fileExists(atPath: entry.path))
        XCTAssertFalse(try package.run("a").reused)
        XCTAssertEqual(package.runs, 2)
    }

    func testAnEntryWhoseRecordedKeyDiffersFromItsNameIsNotUsed() throws {
        let package = try CachedPackage()
        let cache = StepResultCache(folder: package.cacheFolder, sources: try package.publisher.codeHashes(of: package.tutorial("a")))
        let key = cache.key(tutorial: "a", plan: ["count"], options: RunOptions())
        var other = key
        other.options = RunOptions(quick: true)
        var entry = CachedRun(tutorial: "a", key: other, steps: [], values: [:], figures: [:], tables: [:], seconds: 1)
        entry.key = key.hex
        try cache.store(entry)
        guard case .damaged = cache.lookup(key) else { return XCTFail("an entry made for another key must not be used") }
    }

    func testOnlyTheNewestEntriesOfATutorialAreKept() throws {
        let package = try CachedPackage()
        var cache = StepResultCache(folder: package.cacheFolder, sources: [:])
        cache.entriesPerTutorial = 2
        var keys: [CacheKey] = []
        for number in 0..<4 {
            let key = CacheKey(tutorial: "a", plan: ["step\(number)"], options: RunOptions(), sources: [:], build: [:])
            try cache.store(CachedRun(tutorial: "a", key: key, steps: [StepResult(tag: "step\(number)", lines: [], seconds: 0)],
                                      values: [:], figures: [:], tables: [:], seconds: 0))
            keys.append(key)
            // Modification times need to differ for the order to be the order of writing.
            let url = package.cacheFolder.appendingPathComponent("a/\(key.hex).json")
            try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSince1970: Double(1_000_000 + number))], ofItemAtPath: url.path)
        }
        try cache.store(CachedRun(tutorial: "a", key: keys[3], steps: [StepResult(tag: "step3", lines: [], seconds: 0)],
                                  values: [:], figures: [:], tables: [:], seconds: 0))
        let left = try FileManager.default.contentsOfDirectory(atPath: package.cacheFolder.appendingPathComponent("a").path).sorted()
        XCTAssertEqual(left, [keys[2].hex + ".json", keys[3].hex + ".json"].sorted())
    }
}
