import Foundation
import Literate

extension Publisher {
    /// The tutorials before and after `tutorial` in the order of the index, named by their titles.
    /// - Parameter parsed: Documents already parsed in this render, by tutorial name.
    public func neighbors(of tutorial: AnyTutorial, parsed: [String: MarkdownDocument] = [:]) throws -> PageNeighbors {
        guard let position = indexOrder.firstIndex(where: { $0.name == tutorial.name }) else { return .none }
        func neighbor(_ other: AnyTutorial) throws -> PageNeighbors.Neighbor {
            guard let document = try parsed[other.name] ?? (FileManager.default.fileExists(atPath: other.markdownPath)
                ? MarkdownParser.parse(fileAt: other.markdownPath) : nil) else {
                return PageNeighbors.Neighbor(name: other.name, title: other.name)
            }
            return PageNeighbors.Neighbor(name: other.name, title: PageWriter.title(of: document, fallback: other.name))
        }
        return PageNeighbors(previous: position > indexOrder.startIndex ? try neighbor(indexOrder[position - 1]) : nil,
                             next: position + 1 < indexOrder.endIndex ? try neighbor(indexOrder[position + 1]) : nil)
    }

    /// The Markdown files of the neighbours of `tutorial` that exist: a page shows their titles,
    /// so they are inputs of the page (a changed title makes it stale).
    func neighborMarkdown(of tutorial: AnyTutorial) -> [URL] {
        guard let position = indexOrder.firstIndex(where: { $0.name == tutorial.name }) else { return [] }
        return [position - 1, position + 1].filter(indexOrder.indices.contains).map { indexOrder[$0].markdownPath }
            .filter { FileManager.default.fileExists(atPath: $0) }.map { URL(fileURLWithPath: $0) }
    }
}
