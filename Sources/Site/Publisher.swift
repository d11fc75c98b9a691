import Foundation
import Literate

/// Renders tutorials into an output folder and checks a committed one: load → validate →
/// run → bind → write. A render replaces only the page folders and index files it made, and
/// replaces them all together (see ``write(_:)``).
public struct Publisher {
    public let tutorials: [AnyTutorial]
    /// Every tutorial of the index, in its order: whose neighbours a page links to and what the
    /// index lists. By default ``tutorials``; a check of some tutorials still sees them all.
    public var indexOrder: [AnyTutorial]
    public let packageRoot: URL
    public let output: URL
    /// A test hook that fails or kills the render at one of its write operations.
    public var fault: WriteFault?
    /// Whether to replace a page folder or index file by one atomic exchange where the file
    /// system can; false renames the old one aside first, as on file systems that cannot.
    public var swapsByExchange = true
    /// The Swift file that registers the tutorials, left out of every page's inputs: what it
    /// decides for a page (its Markdown file, its neighbours) is an input already, so adding a
    /// tutorial does not make the other pages stale (only the one whose neighbour it becomes).
    public var registryFile: String?

    public init(tutorials: [AnyTutorial], packageRoot: URL, output: URL, fault: WriteFault? = nil) {
        self.tutorials = tutorials
        self.indexOrder = tutorials
        self.packageRoot = packageRoot
        self.output = output
        self.fault = fault
    }

    /// The page's files plus its manifest.
    /// - Parameter parsed: Documents already parsed in this render, by tutorial name.
    public func pageFiles(for run: TutorialRun, tutorial: AnyTutorial, parsed: [String: MarkdownDocument] = [:]) throws -> [String: Data] {
        try pageContents(for: run, tutorial: tutorial, parsed: parsed, spilling: false).mapValues { try $0.data() }
    }

    /// ``pageFiles(for:tutorial:parsed:)`` with a long page's body in a temporary file (see ``SpilledBody``).
    /// - Parameter outline: The outline of the run's document, when it is already made.
    func pageContents(for run: TutorialRun, tutorial: AnyTutorial, parsed: [String: MarkdownDocument], outline: HeadingOutline? = nil,
                      spilling: Bool = true) throws -> [String: StagedContent] {
        var files = try PageWriter.contents(for: run, neighbors: try neighbors(of: tutorial, parsed: parsed), outline: outline,
                                            spilling: spilling)
        let manifest = PageManifest(tutorial: run.tutorial, quick: run.options.quick, inputs: try inputHashes(of: tutorial),
                                    files: try files.mapValues { try $0.sha256() })
        files[PageManifest.fileName] = .bytes(try manifest.encoded())
        return files
    }

    /// The index page's files, listing every tutorial (`rendered` says which have a page). A
    /// tutorial whose Markdown is not there is listed by its name.
    /// - Parameters:
    ///   - rendered: The tutorials that have a page.
    ///   - parsed: Documents already parsed in this render, by tutorial name (not parsed again).
    ///   - outlines: The outlines of some of those documents, by tutorial name (not made again).
    public func indexFiles(rendered: Set<String>, parsed: [String: MarkdownDocument] = [:],
                           outlines: [String: HeadingOutline] = [:]) throws -> [String: Data] {
        let entries = try indexOrder.map { tutorial -> IndexPage.Entry in
            guard parsed[tutorial.name] != nil || FileManager.default.fileExists(atPath: tutorial.markdownPath) else {
                return IndexPage.Entry(name: tutorial.name, title: tutorial.name, summary: "", rendered: rendered.contains(tutorial.name))
            }
            let document = try parsed[tutorial.name] ?? MarkdownParser.parse(fileAt: tutorial.markdownPath)
            return IndexPage.Entry(name: tutorial.name, title: PageWriter.title(of: document, fallback: tutorial.name),
                                   summary: document.metadata("summary") ?? "", rendered: rendered.contains(tutorial.name),
                                   sections: (outlines[tutorial.name] ?? HeadingOutline(document)).sections)
        }
        return IndexPage.files(entries)
    }

    /// Names of the tutorials with a page in the output folder.
    public func renderedNames() -> Set<String> {
        Set(indexOrder.map(\.name).filter {
            FileManager.default.fileExists(atPath: output.appendingPathComponent($0).appendingPathComponent("index.html").path)
        })
    }

    /// Writes the pages of finished runs and the index, as one change of the output folder.
    ///
    /// First the leftovers of interrupted renders are cleaned up (a page one of them set aside
    /// is put back); then each page folder to replace must be one this tool made, and so must
    /// the index; then everything new is written under temporary names and swapped in. On an
    /// error, or SIGINT/SIGTERM before the swaps (see ``Interruption``), the output folder is
    /// left as it was.
    /// - Returns: The pages and the index written.
    public func write(_ runs: [(run: TutorialRun, tutorial: AnyTutorial)]) throws -> [URL] {
        try OutputLocation.check(output: output, tutorialsFolders: tutorials.map {
            URL(fileURLWithPath: $0.markdownPath).deletingLastPathComponent()
        })
        // Everything is generated before the first file is written.
        let documents = Dictionary(runs.map { ($0.tutorial.name, $0.run.document) }, uniquingKeysWith: { first, _ in first })
        // One outline per document serves its page's heading ids and the search index.
        let outlines = documents.mapValues { HeadingOutline($0) }
        let pages = try runs.map {
            (name: $0.tutorial.name, files: try pageContents(for: $0.run, tutorial: $0.tutorial, parsed: documents,
                                                             outline: outlines[$0.tutorial.name]))
        }
        return try Interruption.protecting {
            let transaction = OutputTransaction(output: output, fault: fault, exchanges: swapsByExchange)
            do {
                try transaction.makeOutputFolder()
                try transaction.recover(try Leftover.find(in: output, names: outputNames))
                for page in pages { try PageOwnership.checkPageFolder(output.appendingPathComponent(page.name), tutorial: page.name) }
                try PageOwnership.checkIndexFiles(in: output)
                let index = try indexFiles(rendered: renderedNames().union(pages.map(\.name)), parsed: documents, outlines: outlines)
                for page in pages { try transaction.stageFolder(page.name, contents: page.files) }
                for (name, data) in index.sorted(by: { $0.key < $1.key }) { try transaction.stageFile(name, data) }
                try transaction.commit()
            } catch {
                transaction.rollback()
                throw error
            }
            transaction.finish()
            return pages.map { output.appendingPathComponent($0.name).appendingPathComponent("index.html") }
                + [output.appendingPathComponent("index.html")]
        }
    }

    /// The names in the output folder a render writes: one folder per tutorial, the index files.
    var outputNames: Set<String> { Set(tutorials.map(\.name) + IndexPage.fileNames) }
}

/// A failure to write or check the output folder.
public struct PublishError: Error, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
