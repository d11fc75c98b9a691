import Foundation
import Literate
import Site
@testable import Tutorials
import XCTest

/// `render-tutorial new NAME` as a library call, on a temporary copy of the package's layout.
final class ScaffoldTests: XCTestCase {
    var root: URL!

    override func setUpWithError() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("scaffold-\(UUID())")
        let manager = FileManager.default
        try manager.createDirectory(at: root.appendingPathComponent("Sources"), withIntermediateDirectories: true)
        let package = TutorialRegistry.packageRoot
        for path in ["Package.swift", "tutorials", "Sources/Tutorials"] {
            try manager.copyItem(at: package.appendingPathComponent(path), to: root.appendingPathComponent(path))
        }
    }

    override func tearDown() { try? FileManager.default.removeItem(at: root) }

    var registry: URL { root.appendingPathComponent(TutorialScaffold.registryPath) }

    /// Every file and folder under the copy, with the files' bytes.
    func tree() throws -> [String: Data?] {
        var entries: [String: Data?] = [:]
        let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey])!
        for case let url as URL in walker {
            let regular = try url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile == true
            entries[String(url.path.dropFirst(root.path.count))] = regular ? try Data(contentsOf: url) : nil
        }
        return entries
    }

    func testCreatesTheFilesAndRegistersTheTutorial() throws {
        let before = try String(contentsOf: registry, encoding: .utf8)
        let files = try TutorialScaffold(name: "heat-equation", packageRoot: root).create()
        XCTAssertEqual(files.map(\.path), ["tutorials/heat-equation.md", "Sources/Tutorials/HeatEquation/HeatEquationTutorial.swift",
                                           "Sources/Tutorials/HeatEquation/HeatEquationState.swift", TutorialScaffold.registryPath])
        let templates = ScaffoldTemplates(try TutorialName("heat-equation"))
        for file in files {
            XCTAssertEqual(try String(contentsOf: root.appendingPathComponent(file.path), encoding: .utf8), file.contents, file.path)
        }
        XCTAssertEqual(files[0].contents, templates.markdown)
        XCTAssertTrue(templates.tutorialSource.contains("public enum HeatEquationTutorial {"))
        XCTAssertTrue(templates.tutorialSource.contains("Tutorial(name: \"heat-equation\", markdownPath: markdownPath, makeState: HeatEquationState.init"))
        XCTAssertTrue(templates.stateSource.contains("public struct HeatEquationState {"))

        let after = try String(contentsOf: registry, encoding: .utf8)
        let line = "            AnyTutorial(HeatEquationTutorial.definition(markdownPath: folder.appendingPathComponent(\"heat-equation.md\").path)),"
        var lines = after.components(separatedBy: "\n")
        let index = try XCTUnwrap(lines.firstIndex(of: line))
        XCTAssertTrue(lines[index - 1].contains("\"loss-balancers.md\""), "appended after the last registration")
        XCTAssertEqual(lines[index + 1].trimmingCharacters(in: .whitespaces), "]")
        lines.remove(at: index)
        XCTAssertEqual(lines.joined(separator: "\n"), before, "nothing else in the registry changes")
        XCTAssertEqual(FileManager.default.subpaths(atPath: root.appendingPathComponent("Sources/Tutorials/HeatEquation").path)?.sorted(),
                       ["HeatEquationState.swift", "HeatEquationTutorial.swift"], "no temporary file is left")
        XCTAssertThrowsError(try TutorialScaffold(name: "heat-equation", packageRoot: root).create(), "a second time")
    }

    /// The generated page parses, its front matter is accepted, and its snippet equals the
    /// generated step's closure body, so that the first render passes the drift check.
    func testGeneratedMarkdownMatchesTheGeneratedStep() throws {
        let files = try TutorialScaffold(name: "example", packageRoot: root).create()
        let markdown = root.appendingPathComponent(files[0].path).path, swift = root.appendingPathComponent(files[1].path).path
        let document = try MarkdownParser.parse(fileAt: markdown)
        XCTAssertEqual(document.frontMatter.map(\.key), ["title", "level", "prerequisites", "format", "summary"])
        XCTAssertEqual(document.metadata("title"), "Example")
        try PageWriter.check(document)

        let registration = try XCTUnwrap(files[1].contents.components(separatedBy: "\n").firstIndex { $0.contains("Step(\"multiply\"") }) + 1
        let step = Step<Int>("multiply", values: ["sum"], file: swift, line: registration) { _, _ in }
        let tutorial = AnyTutorial(Tutorial(name: "example", markdownPath: markdown, makeState: { _ in 0 }, steps: [step]))
        let runner = TutorialRunner(tutorial)
        let (plan, warnings) = try runner.validate(document)
        XCTAssertEqual(plan.map(\.tag), ["multiply"])
        XCTAssertEqual(warnings, [])
        XCTAssertEqual(try runner.drifts(in: document, plan: plan).map(\.description), [])
        let body = try StepSource.body(at: SourceLocation(file: swift, line: registration)).lines
        XCTAssertEqual(body, ScaffoldTemplates(try TutorialName("example")).stepBody)
        XCTAssertTrue(document.codeBlocks.contains { $0.info == "output step=multiply" })
        XCTAssertEqual(Placeholders.all(in: document).map(\.kind), [.value("sum")])
    }

    func testNameValidation() throws {
        for bad in ["", "Example", "ex_ample", "ex ample", "1st", "-a", "a-", "a--b", "über", "new", "serve", "help", "render"] {
            XCTAssertThrowsError(try TutorialName(bad), bad) { XCTAssertTrue($0 is ScaffoldError, "\(bad): \($0)") }
        }
        XCTAssertEqual(try TutorialName("heat-2d").typeName, "Heat2d")
        XCTAssertEqual(try TutorialName("heat-2d").title, "Heat 2d")
        XCTAssertTrue("\(try error { _ = try TutorialName("new") })".contains("is a command of render-tutorial"))
        XCTAssertTrue("\(try error { _ = try TutorialName("Heat") })".contains("lower-case"))
    }

    func testExistingTutorialsAndTypesAreRefusedAndNothingIsWritten() throws {
        let before = try tree()
        XCTAssertTrue("\(try error { try TutorialScaffold(name: "gradnorm", packageRoot: root).create() })"
            .contains("already registers a tutorial 'gradnorm'"))
        // A clash of Swift types (GradNormMethod/CombinationState.swift) would break the build.
        XCTAssertTrue("\(try error { try TutorialScaffold(name: "combination", packageRoot: root).create() })"
            .contains("already declares a type 'CombinationState'"))
        try FileManager.default.removeItem(at: root.appendingPathComponent("tutorials/loss-balancers.md"))
        let registered = try tree()
        XCTAssertTrue("\(try error { try TutorialScaffold(name: "loss-balancers", packageRoot: root).create() })"
            .contains("already registers a tutorial 'loss-balancers'"))
        XCTAssertEqual(try tree(), registered)
        XCTAssertEqual(before.count, registered.count + 1)
    }

    func testRefusesToOverwriteAnyFile() throws {
        let folder = root.appendingPathComponent("Sources/Tutorials/Example")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data("// mine\n".utf8).write(to: folder.appendingPathComponent("ExampleState.swift"))
        let withFolder = try tree()
        XCTAssertTrue("\(try error { try TutorialScaffold(name: "example", packageRoot: root).create() })"
            .contains("Sources/Tutorials/Example already exists"))
        XCTAssertEqual(try tree(), withFolder)
        try FileManager.default.removeItem(at: folder)
        try Data("mine\n".utf8).write(to: root.appendingPathComponent("tutorials/example.md"))
        let withPage = try tree()
        XCTAssertTrue("\(try error { try TutorialScaffold(name: "example", packageRoot: root).create() })"
            .contains("tutorials/example.md already exists"))
        XCTAssertEqual(try tree(), withPage)
    }

    func testRegistryOfAnotherShapeIsAnErrorNamingItAndNothingIsWritten() throws {
        let original = try String(contentsOf: registry, encoding: .utf8)
        let shapes = [
            original.replacingOccurrences(of: "static func all(in", with: "static func every(in"),
            original.replacingOccurrences(of: "-> [AnyTutorial] {\n        [", with: "-> [AnyTutorial] {\n        return ["),
            original.replacingOccurrences(of: "\"loss-balancers.md\").path)),", with: "\"loss-balancers.md\").path))"),
            original.replacingOccurrences(of: "        ]\n    }", with: "        ].sorted { $0.name < $1.name }\n    }"),
        ]
        for shape in shapes {
            XCTAssertNotEqual(shape, original)
            try Data(shape.utf8).write(to: registry)
            let before = try tree()
            let message = "\(try error { try TutorialScaffold(name: "example", packageRoot: root).create() })"
            XCTAssertTrue(message.hasPrefix("Sources/Tutorials/TutorialRegistry.swift: "), message)
            XCTAssertTrue(message.contains("by hand"), message)
            XCTAssertEqual(try tree(), before, message)
        }
    }

    /// A write that fails at any point leaves the package as it was, temporary files included.
    func testFailedWriteAtAnyPointLeavesNothing() throws {
        let before = try tree()
        for move in 0..<4 {
            var scaffold = try TutorialScaffold(name: "example", packageRoot: root)
            scaffold.failingMove = move
            XCTAssertThrowsError(try scaffold.create(), "move \(move)")
            XCTAssertEqual(try tree(), before, "move \(move)")
        }
    }

    func testPackageRootIsFoundFromAnyFolderInside() throws {
        let inside = root.appendingPathComponent("Sources/Tutorials/LossBalancers")
        XCTAssertEqual(TutorialScaffold.packageRoot(containing: inside)?.path, root.standardizedFileURL.path)
        XCTAssertNil(TutorialScaffold.packageRoot(containing: FileManager.default.temporaryDirectory))
    }

    /// The error `body` throws.
    func error(_ body: () throws -> Void) throws -> Error {
        do { try body() } catch { return error }
        throw ScaffoldError("expected an error")
    }
}
