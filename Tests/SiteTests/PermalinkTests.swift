import Foundation
import Literate
import Site
import XCTest

/// Every heading of a page's body has an id and a permalink beside it, as plain HTML.
final class PermalinkTests: XCTestCase {
    func testEveryHeadingOfEveryPageHasAnIdAndAPermalinkToIt() throws {
        for name in try RenderedSite.names() {
            let page = try RenderedSite.text(name + "/index.html"), main = RenderedSite.main(of: page)
            var ids: [String] = []
            for level in 2...6 {
                XCTAssertFalse(main.contains("<h\(level)>"), "\(name): an h\(level) without an id")
                for id in RenderedSite.matches(of: "<h\(level) id=\"", in: main) {
                    ids.append(id)
                    XCTAssertTrue(main.contains("</h\(level)><a class=\"permalink\" href=\"#\(id)\"><span aria-hidden=\"true\">#</span><span class=\"visually-hidden\">"),
                                  "\(name): heading #\(id) has no permalink beside it")
                }
            }
            XCTAssertGreaterThanOrEqual(ids.count, 8, "\(name): the headings were found")
            XCTAssertEqual(Set(ids).count, ids.count, "\(name): heading ids are unique")
            for target in RenderedSite.matches(of: "<nav class=\"toc\"", in: page).isEmpty ? [] : contentsTargets(page) {
                XCTAssertTrue(ids.contains(target), "\(name): the contents link #\(target) has no heading")
            }
        }
    }

    private func contentsTargets(_ page: String) -> [String] {
        guard let start = page.range(of: "<nav class=\"toc\""), let end = page.range(of: "</nav>", range: start.upperBound..<page.endIndex) else { return [] }
        return RenderedSite.matches(of: "href=\"#", in: String(page[start.upperBound..<end.lowerBound]))
    }

    func testTheOutlineNumbersHeadingsAsThePageDoes() throws {
        let markdown = "# Title\n\nIntro.\n\n## Same\n\nText *one* with $x^2$.\n\n> ## Same\n>\n> Quoted.\n\n- ## In a list\n\n  Item.\n\n### Same\n"
        let fixture = try SiteFixture(markdown: markdown + "\n```swift step=count\npage.print(\"<b>counted</b> \\(state)\")\ntry page.value(\"n\", \"3 < 4\")\n```\n")
        defer { fixture.remove() }
        let run = try TutorialRunner(fixture.tutorial()).run()
        let html = String(decoding: try PageWriter.files(for: run)["index.html"]!, as: UTF8.self)
        let outline = HeadingOutline(run.document).sections
        XCTAssertEqual(outline.map(\.id), ["same", "same-2", "in-a-list", "same-3"])
        XCTAssertEqual(outline.first?.text, "Text one with … .", "a formula is not searched as LaTeX")
        for section in outline {
            XCTAssertTrue(html.contains("<h\(section.level) id=\"\(section.id)\">"), section.id)
            XCTAssertTrue(html.contains("<a class=\"permalink\" href=\"#\(section.id)\">"), section.id)
        }
    }
}
