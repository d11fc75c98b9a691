import Foundation
import Literate
import Site
import XCTest

/// The search index beside the index page: a script (readable from file://) holding every
/// rendered page's headings, with the ids the pages give them.
final class SearchIndexTests: XCTestCase {
    func testTheIndexHoldsEveryHeadingOfEveryPageWithItsId() throws {
        let names = try RenderedSite.names()
        let pages = try SearchIndex.decode(try Data(contentsOf: try RenderedSite.url(SearchIndex.fileName)))
        XCTAssertEqual(pages.map(\.name), names, "every page, in the order of the index")
        for page in pages {
            let main = RenderedSite.main(of: try RenderedSite.text(page.name + "/index.html"))
            var headings: [String] = []
            for level in 2...6 { headings += RenderedSite.matches(of: "<h\(level) id=\"", in: main) }
            XCTAssertEqual(Set(page.sections.map(\.id)), Set(headings), "\(page.name): the index has exactly the page's headings")
            XCTAssertEqual(page.sections.count, headings.count)
            for section in page.sections {
                XCTAssertTrue(main.contains("<h\(section.level) id=\"\(section.id)\">"), "\(page.name)#\(section.id)")
                XCTAssertLessThanOrEqual(section.text.count, HeadingOutline.textLimit)
            }
            XCTAssertTrue(page.sections.contains { !$0.text.isEmpty }, "\(page.name): sections carry their words")
            XCTAssertFalse(page.title.isEmpty)
        }
        XCTAssertTrue(try RenderedSite.text(SearchIndex.fileName).hasPrefix("window.\(SearchIndex.globalName) = {"))
    }

    func testTheIndexIsWrittenAndCheckedWithTheIndexPage() throws {
        let fixture = try SiteFixture(markdown: hostileMarkdown)
        defer { fixture.remove() }
        try fixture.render()
        let url = fixture.output.appendingPathComponent(SearchIndex.fileName)
        let pages = try SearchIndex.decode(try Data(contentsOf: url))
        XCTAssertEqual(pages.map(\.name), ["page"])
        XCTAssertEqual(pages.first?.title, "Escaping <script>alert(1)</script>", "JSON, not HTML: the script sets text, never markup")
        XCTAssertEqual(try fixture.publisher.staleness(), [])
        try Data("window.renderTutorialSearchIndex = {\"pages\":[]};\n".utf8).write(to: url)
        XCTAssertEqual(try fixture.publisher.staleness(), ["\(url.path): out of date"])
        try fixture.render()
        XCTAssertEqual(try fixture.publisher.staleness(), [])
    }

    func testATutorialNotRenderedIsNotSearched() throws {
        let fixture = try SiteFixture(markdown: hostileMarkdown)
        defer { fixture.remove() }
        let files = try fixture.publisher.indexFiles(rendered: [])
        XCTAssertEqual(try SearchIndex.decode(files[SearchIndex.fileName]!), [])
    }

    func testASearchIndexWithoutAnIndexPageIsNotReplaced() throws {
        let fixture = try SiteFixture(markdown: hostileMarkdown)
        defer { fixture.remove() }
        try FileManager.default.createDirectory(at: fixture.output, withIntermediateDirectories: true)
        try Data("someone else's".utf8).write(to: fixture.output.appendingPathComponent(SearchIndex.fileName))
        XCTAssertThrowsError(try fixture.render()) {
            XCTAssertTrue("\($0)".contains("search-index.js: a search index not made by render-tutorial"), "\($0)")
        }
    }
}
