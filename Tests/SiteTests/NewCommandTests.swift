import Foundation
import XCTest

/// `render-tutorial new NAME` beside the default subcommand (rendering), as a user runs it.
final class NewCommandTests: XCTestCase {
    /// A copy of the package's layout (`Package.swift`, `tutorials/`, `Sources/Tutorials/`).
    private func copyOfPackage() throws -> URL {
        let copy = SiteFixture.temporaryFolder(), manager = FileManager.default
        let package = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        try manager.createDirectory(at: copy.appendingPathComponent("Sources"), withIntermediateDirectories: true)
        for path in ["Package.swift", "tutorials", "Sources/Tutorials"] {
            try manager.copyItem(at: package.appendingPathComponent(path), to: copy.appendingPathComponent(path))
        }
        return copy
    }

    func testNewCreatesTheTutorialAndSaysWhatToRunNext() throws {
        let package = try copyOfPackage()
        defer { try? FileManager.default.removeItem(at: package) }
        let result = try renderTutorial(["new", "example", "--package-path", package.appendingPathComponent("tutorials").path])
        XCTAssertEqual(result.status, 0, result.error)
        XCTAssertEqual(result.output, """
            Created tutorials/example.md
            Created Sources/Tutorials/Example/ExampleTutorial.swift
            Created Sources/Tutorials/Example/ExampleState.swift
            Registered example in Sources/Tutorials/TutorialRegistry.swift

            The new Swift files are compiled into render-tutorial, so build before rendering:
              swift build -c release && .build/release/render-tutorial example

            """)
        for path in ["tutorials/example.md", "Sources/Tutorials/Example/ExampleTutorial.swift", "Sources/Tutorials/Example/ExampleState.swift"] {
            XCTAssertTrue(FileManager.default.fileExists(atPath: package.appendingPathComponent(path).path), path)
        }
        let again = try renderTutorial(["new", "example", "--package-path", package.path])
        XCTAssertEqual(again.status, 1)
        XCTAssertTrue(again.error.contains("already registers a tutorial 'example'"), again.error)
    }

    func testBadNamesFailAndTheDefaultSubcommandStillRenders() throws {
        let package = try copyOfPackage()
        defer { try? FileManager.default.removeItem(at: package) }
        let before = try SiteFixture.tree(package)
        for (name, message) in [("Example", "lower-case"), ("serve", "is a command of render-tutorial"), ("gradnorm", "already registers")] {
            let result = try renderTutorial(["new", name, "--package-path", package.path])
            XCTAssertEqual(result.status, 1, name)
            XCTAssertTrue(result.error.contains(message), result.error)
        }
        XCTAssertEqual(try SiteFixture.tree(package), before, "nothing written")
        XCTAssertEqual(try renderTutorial(["new"]).status, 64, "a name is required")
        let nowhere = try renderTutorial(["new", "example", "--package-path", SiteFixture.temporaryFolder().path])
        XCTAssertEqual(nowhere.status, 1)
        XCTAssertTrue(nowhere.error.contains("no package with Sources/Tutorials/TutorialRegistry.swift"), nowhere.error)
        // A first argument that is not a subcommand is still a tutorial's name.
        let unknown = try renderTutorial(["gradnrom"])
        XCTAssertEqual(unknown.status, 64)
        XCTAssertTrue(unknown.error.contains("unknown tutorial 'gradnrom'"), unknown.error)
        let list = try renderTutorial(["--list"])
        XCTAssertEqual(list.status, 0)
        XCTAssertTrue(list.output.contains("loss-balancers\t"), list.output)
        let help = try renderTutorial(["--help"])
        XCTAssertEqual(help.status, 0)
        XCTAssertTrue(help.output.contains("new") && help.output.contains("render (default)"), help.output)
    }
}
