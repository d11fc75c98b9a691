import Foundation
import Literate

/// Every tutorial this build knows, with the package's folders found from this file's path.
public enum TutorialRegistry {
    /// The package root (the folder holding `Package.swift`, `Sources/` and `tutorials/`).
    public static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// This file, which a page's inputs leave out (see `Publisher.registryFile`).
    public static let sourceFile = #filePath

    /// The tutorials' Markdown folder.
    public static var tutorialsFolder: URL { packageRoot.appendingPathComponent("tutorials") }

    /// All tutorials, by name, with their Markdown in `folder`.
    public static func all(in folder: URL = tutorialsFolder) -> [AnyTutorial] {
        [
            AnyTutorial(GradNormTutorial.definition(markdownPath: folder.appendingPathComponent("gradnorm.md").path)),
            AnyTutorial(GradNormMethodTutorial.definition(markdownPath: folder.appendingPathComponent("gradnorm-method.md").path)),
            AnyTutorial(LossBalancersTutorial.definition(markdownPath: folder.appendingPathComponent("loss-balancers.md").path)),
        ]
    }

    /// The tutorial called `name`, if there is one.
    public static func named(_ name: String, in folder: URL = tutorialsFolder) -> AnyTutorial? {
        all(in: folder).first { $0.name == name }
    }
}
