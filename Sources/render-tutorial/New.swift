import ArgumentParser
import Foundation
import Tutorials

/// `render-tutorial new NAME`: creates a tutorial that renders at once (see ``TutorialScaffold``).
struct New: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Create a new tutorial: tutorials/NAME.md, its steps and state, and its registration.",
        discussion: """
        NAME is lower-case letters, digits and single hyphens, starting with a letter. Nothing is \
        written when any check fails, and no existing file is replaced (the registry is edited).
        """)

    @Argument(help: "The new tutorial's name, e.g. heat-equation.")
    var name: String

    @Option(help: ArgumentHelp("The package to add it to (default: the one holding the current folder).", valueName: "dir"))
    var packagePath: String?

    func run() throws {
        // The package is found from the current folder, not from where this binary was built,
        // so that a binary copied into another clone writes into that clone.
        let start = URL(fileURLWithPath: packagePath ?? FileManager.default.currentDirectoryPath)
        do {
            guard let root = TutorialScaffold.packageRoot(containing: start) else {
                throw ScaffoldError("no package with \(TutorialScaffold.registryPath) at or above \(start.path); "
                                    + "run this in the package or give --package-path")
            }
            let scaffold = try TutorialScaffold(name: name, packageRoot: root)
            for file in try scaffold.create() {
                print(file.replaces ? "Registered \(name) in \(file.path)" : "Created \(file.path)")
            }
            print("""

            The new Swift files are compiled into render-tutorial, so build before rendering:
              swift build -c release && .build/release/render-tutorial \(name)
            """)
        } catch {
            FileHandle.standardError.write(Data("render-tutorial new: error: \(Render.sentence(error))\n".utf8))
            throw ExitCode.failure
        }
    }
}
