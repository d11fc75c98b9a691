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

    func testTheIndexPageSearchesToo() throws {
        let index = try RenderedSite.text("index.html")
        XCTAssertTrue(index.contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'self'; script-src 'self'\">"))
        XCTAssertEqual(RenderedSite.matches(of: "<script src=\"", in: index), [PageScript.fileName])
        XCTAssertTrue(index.contains("<div class=\"search\" role=\"search\" data-page=\"\" data-root=\"\" hidden=\"\">"))
        XCTAssertEqual(try Data(contentsOf: try RenderedSite.url(PageScript.fileName)), Data(PageScript.javascript.utf8))
    }

    func testAnIndexPageOfTheVersionBeforeTheSearchIsStillReplaced() throws {
        let fixture = try SiteFixture(markdown: hostileMarkdown)
        defer { fixture.remove() }
        try FileManager.default.createDirectory(at: fixture.output, withIntermediateDirectories: true)
        let former = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
            + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<meta name=\"color-scheme\" content=\"light dark\">\n"
            + "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'self'\">\n"
            + "<title>Executed tutorials</title>\n<link rel=\"stylesheet\" href=\"style.css\">\n</head>\n<body>\n</body>\n</html>\n"
        try Data(former.utf8).write(to: fixture.output.appendingPathComponent("index.html"))
        try fixture.render()
        XCTAssertEqual(try fixture.publisher.staleness(), [])
    }
}
