import Foundation
import Literate

/// The pages a tutorial may link to and the section ids of each: every registered tutorial,
/// with the heading ids its page will have (see ``HeadingOutline``).
public struct LinkTargets: Sendable {
    /// Section ids by tutorial name; nil ids mean the page is registered but its sections are
    /// unknown (its Markdown is not in the tutorials folder, or does not parse, which its own
    /// render reports), so links into it are not judged.
    public var sectionsByPage: [String: Set<String>?]

    public init(sectionsByPage: [String: Set<String>?]) {
        self.sectionsByPage = sectionsByPage
    }

    /// The targets of already parsed documents, by tutorial name.
    public init(documents: [String: MarkdownDocument]) {
        sectionsByPage = documents.mapValues { Optional(Self.sectionIDs(of: $0)) }
    }

    /// The targets of `tutorials`. A registered tutorial whose Markdown is not in the folder
    /// is still a page (a tutorial may be rendered alone; the index lists the other by name),
    /// but its sections are unknown.
    public init(tutorials: [AnyTutorial]) {
        var sections: [String: Set<String>?] = [:]
        for tutorial in tutorials {
            let document = FileManager.default.fileExists(atPath: tutorial.markdownPath)
                ? try? MarkdownParser.parse(fileAt: tutorial.markdownPath) : nil
            sections[tutorial.name] = .some(document.map(Self.sectionIDs))
        }
        sectionsByPage = sections
    }

    /// The ids of the headings of `document`'s page.
    public static func sectionIDs(of document: MarkdownDocument) -> Set<String> {
        Set(HeadingOutline(document, keepingText: false).sections.map(\.id))
    }
}
