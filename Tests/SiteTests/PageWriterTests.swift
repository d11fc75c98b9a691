import Foundation
import Literate
import Site
import XCTest

final class PageWriterTests: XCTestCase {
    private func page(_ markdown: String) throws -> String {
        let fixture = try SiteFixture(markdown: markdown)
        defer { fixture.remove() }
        let run = try TutorialRunner(fixture.tutorial()).run()
        return String(decoding: try PageWriter.files(for: run)["index.html"]!, as: UTF8.self)
    }

    func testTextInProseCodeTablesAndOutputIsEscaped() throws {
        let html = try page(hostileMarkdown)
        XCTAssertEqual(html.components(separatedBy: "<script").count, 2, "no script element but the page's own may reach the page")
        XCTAssertTrue(html.contains("<script src=\"page.js\" defer></script>"))
        XCTAssertFalse(html.contains("<div onclick"))
        XCTAssertFalse(html.contains("<b>counted"))
        XCTAssertTrue(html.contains("<title>Escaping &lt;script&gt;alert(1)&lt;/script&gt;</title>"))
        XCTAssertTrue(html.contains("Prose with &lt;script&gt;alert(&quot;prose&quot;)&lt;/script&gt; and a &amp; b."))
        XCTAssertTrue(html.contains("&lt;script&gt;alert(&#39;code&#39;)&lt;/script&gt;"))
        XCTAssertTrue(html.contains("<td>&lt;script&gt;alert(&quot;cell&quot;)&lt;/script&gt;</td>"))
        XCTAssertTrue(html.contains("<span class=\"value\">3 &lt; 4</span>"))
        XCTAssertTrue(html.contains("&lt;b&gt;counted&lt;/b&gt; 0"))
        XCTAssertTrue(html.contains("&lt;div onclick=&quot;x()&quot;&gt;raw block&lt;/div&gt;"))
    }

    func testPageMakesNoExternalRequests() throws {
        let html = try page(hostileMarkdown)
        for pattern in ["src=\"http", "href=\"http", "<link rel=\"stylesheet\" href=\"http", "@import", "<script src=\"http"] {
            XCTAssertFalse(html.contains(pattern), pattern)
        }
        XCTAssertTrue(html.contains("<link rel=\"stylesheet\" href=\"style.css\">"))
        let urls = Stylesheet.css.components(separatedBy: "url(").dropFirst().map { $0.prefix { $0 != ")" } }
        XCTAssertEqual(urls, ["\"\(MathFont.fileName)\""], "the stylesheet loads nothing but the page folder's maths font")
    }

    func testExternalImagesAreRefusedWithTheirLine() throws {
        XCTAssertThrowsError(try page(hostileMarkdown + "\n![logo](https://example.com/logo.png)\n")) {
            XCTAssertTrue("\($0)".contains("page.md:27: image 'https://example.com/logo.png'"), "\($0)")
        }
    }

    func testMetadataTableShowsTheFrontMatterAndNothingMachineDependent() throws {
        let html = try page("---\nlevel: Beginner\nformat: Test\n---\n\ntext\n")
        XCTAssertTrue(html.contains("<th>Level</th><th>Format</th></tr>"), html)
        XCTAssertTrue(html.contains("<td>Beginner</td><td>Test</td>"), html)
        XCTAssertFalse(html.contains("Runtime") || html.contains("under "), "measurements stay on the terminal")
        XCTAssertFalse(try page("text\n").contains("class=\"metadata\""), "no front matter, no table")
    }

    func testHeadingsGetUniqueIdsAndAContentsEntry() throws {
        let html = try page("## Setup\n\n### Setup\n\n## Setup\n")
        XCTAssertTrue(html.contains("<h2 id=\"setup\">Setup</h2>"))
        XCTAssertTrue(html.contains("<h3 id=\"setup-2\">Setup</h3>"))
        XCTAssertTrue(html.contains("<h2 id=\"setup-3\">Setup</h2>"))
        XCTAssertTrue(html.contains("<a href=\"#setup-2\">Setup</a>"))
    }

    func testLinksToOtherTutorialsPointAtTheirPages() {
        XCTAssertEqual(PageWriter.pageLink("gradnorm-method.md"), "../gradnorm-method/index.html")
        XCTAssertEqual(PageWriter.pageLink("other.md#alpha"), "../other/index.html#alpha")
        XCTAssertEqual(PageWriter.pageLink("https://example.com/a.md"), "https://example.com/a.md")
        XCTAssertEqual(PageWriter.pageLink("#local"), "#local")
    }

    func testQuickRunsSaySoOnThePage() throws {
        let fixture = try SiteFixture(markdown: "text\n")
        defer { fixture.remove() }
        let run = try TutorialRunner(fixture.tutorial(), options: RunOptions(quick: true)).run()
        let html = String(decoding: try PageWriter.files(for: run)["index.html"]!, as: UTF8.self)
        XCTAssertTrue(html.contains("class=\"quick-banner\""))
        XCTAssertTrue(html.contains("rendered with --quick"))
    }
}
