import Foundation
import Literate

/// The page's files and the assembly of its bytes: the frame around the body, and a long body
/// in a temporary file rather than in memory.
extension PageWriter {
    /// The page's files, by name. The folder carries its own stylesheet and script, so that it
    /// reads the same when it is copied on its own.
    /// - Parameter neighbors: The tutorials before and after it on the index, for its links.
    public static func files(for run: TutorialRun, neighbors: PageNeighbors = .none) throws -> [String: Data] {
        try contents(for: run, neighbors: neighbors, spilling: false).mapValues { try $0.data() }
    }

    /// The page's files, by name, a long page's body in a temporary file (see ``SpilledBody``).
    /// - Parameters:
    ///   - outline: The outline of the run's document, when it is already made.
    ///   - spilling: Whether a body longer than `partLimit` bytes goes to a temporary file.
    static func contents(for run: TutorialRun, neighbors: PageNeighbors = .none, outline: HeadingOutline? = nil,
                         spilling: Bool = true, partLimit: Int = HTMLBuilder.partSize) throws -> [String: StagedContent] {
        // The parse and the run leave freed memory in small pieces, which the page's large
        // parts cannot reuse.
        FreedMemory.release()
        var writer = PageWriter(run: run, neighbors: neighbors, outline: outline ?? HeadingOutline(run.document, keepingText: false))
        var files: [String: StagedContent] = [
            "index.html": try writer.page(spilling: spilling, partLimit: partLimit), "style.css": .bytes(Data(Stylesheet.css.utf8)),
            PageScript.fileName: .bytes(Data(PageScript.javascript.utf8)), MathFont.fileName: .bytes(try MathFont.data()),
        ]
        for (name, figure) in run.figures { files[name + ".png"] = .bytes(figure.png) }
        return files
    }

    /// The page's title: front matter `title`, else the first level-1 heading, else the name.
    public static func title(of document: MarkdownDocument, fallback: String) -> String {
        if let title = document.metadata("title") { return title }
        for case .heading(1, let content, _) in document.blocks { return plainText(content) }
        return fallback
    }

    /// The page's bytes. The body (maybe hundreds of megabytes) is copied once, into the result,
    /// or, when `spilling` and longer than `partLimit`, written to a temporary file part by part.
    mutating func page(spilling: Bool = false, partLimit: Int = HTMLBuilder.partSize) throws -> StagedContent {
        let title = Self.title(of: run.document, fallback: run.tutorial)
        var body = HTMLBuilder()
        body.spillsParts = spilling
        body.partLimit = partLimit
        swap(&body, &html)
        let blocks = run.document.blocks.filter { if case .heading(1, _, _) = $0 { return false } else { return true } }
        try self.blocks(blocks.filter { if case .footnoteDefinition = $0 { return false } else { return true } })
        try footnotes(blocks.filter { if case .footnoteDefinition = $0 { return true } else { return false } })
        swap(&body, &html)

        var page = HTMLBuilder(), end = HTMLBuilder()
        opening(&page, title: title)
        closing(&end)
        if let spilled = try body.finishSpilling() {
            var head = Data(), tail = Data()
            page.move(into: &head)
            end.move(into: &tail)
            return .spilled(head: head, body: spilled, tail: tail)
        }
        var bytes = Data(capacity: page.byteCount + body.byteCount + end.byteCount)
        page.move(into: &bytes)
        body.move(into: &bytes)
        end.move(into: &bytes)
        return .bytes(bytes)
    }
}
