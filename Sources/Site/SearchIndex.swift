import Foundation

/// `search-index.js` beside the index page: every rendered tutorial's title, summary and
/// sections (see ``HeadingOutline``), for the search of ``SearchScript``.
///
/// It is a script defining one global, not JSON, because browsers refuse `fetch` of local
/// files on file:// pages but load local scripts. It sits at the top of the output folder,
/// written with the index page on every render, rather than in each page folder: a copy in
/// each folder would go stale whenever another tutorial changes, while the index files are
/// rewritten (and checked by `--check`) every time.
public enum SearchIndex {
    public static let fileName = "search-index.js"

    /// The name of the global the script defines.
    public static let globalName = "renderTutorialSearchIndex"

    /// One page of the index.
    public struct Page: Codable, Equatable {
        public var name: String
        public var title: String
        public var summary: String
        public var sections: [Section]
    }

    /// One section of a page.
    public struct Section: Codable, Equatable {
        public var id: String
        public var level: Int
        public var title: String
        public var text: String
    }

    struct Contents: Codable, Equatable {
        var pages: [Page]
    }

    /// How many bytes of sections one page may put in the index: a very long tutorial is
    /// found by its first sections, and the index every page loads stays small.
    public static let pageBudget = 400_000

    /// The pages of `entries` that are rendered, in the order of the index.
    static func pages(_ entries: [IndexPage.Entry]) -> [Page] {
        entries.filter(\.rendered).map { entry in
            var used = 0
            let kept = entry.sections.prefix { section in
                used += section.id.utf8.count + section.title.utf8.count + section.text.utf8.count + 48  // 48: the JSON around them
                return used <= pageBudget
            }
            return Page(name: entry.name, title: entry.title, summary: entry.summary,
                        sections: kept.map { Section(id: $0.id, level: $0.level, title: $0.title, text: $0.text) })
        }
    }

    /// The script's bytes: the same entries always give the same bytes.
    static func script(_ entries: [IndexPage.Entry]) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Encoding strings, numbers and arrays of them cannot fail.
        let json = try! encoder.encode(Contents(pages: pages(entries)))
        return Data("window.\(globalName) = ".utf8) + json + Data(";\n".utf8)
    }

    /// The pages of a search index script, for tests and checks.
    public static func decode(_ script: Data) throws -> [Page] {
        let text = String(decoding: script, as: UTF8.self)
        let prefix = "window.\(globalName) = ", suffix = ";\n"
        guard text.hasPrefix(prefix), text.hasSuffix(suffix) else {
            throw PublishError("\(fileName): not a search index written by render-tutorial")
        }
        let json = text.dropFirst(prefix.count).dropLast(suffix.count)
        return try JSONDecoder().decode(Contents.self, from: Data(json.utf8)).pages
    }
}
