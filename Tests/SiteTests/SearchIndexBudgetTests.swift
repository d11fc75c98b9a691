import Foundation
import Literate
import Site
import XCTest

/// A very long tutorial puts only its first sections in the search index, and the outline's
/// prose is the Markdown's words with white space collapsed.
final class SearchIndexBudgetTests: XCTestCase {
    func testALongPageKeepsItsFirstSectionsWithinTheBudget() throws {
        let sections = (0..<20_000).map { i in
            HeadingOutline.Section(level: 2, id: "section-\(i)", title: "Section \(i)", text: String(repeating: "word ", count: 20))
        }
        let short = [HeadingOutline.Section(level: 2, id: "one", title: "One", text: "Some prose.")]
        let files = IndexPage.files([
            IndexPage.Entry(name: "long", title: "Long", summary: "", rendered: true, sections: sections),
            IndexPage.Entry(name: "short", title: "Short", summary: "", rendered: true, sections: short),
        ])
        let script = try XCTUnwrap(files[SearchIndex.fileName])
        XCTAssertLessThan(script.count, SearchIndex.pageBudget + 10_000)
        let pages = try SearchIndex.decode(script)
        let kept = pages[0].sections
        XCTAssertGreaterThan(kept.count, 1000, "the budget holds many ordinary sections")
        XCTAssertLessThan(kept.count, sections.count)
        XCTAssertEqual(kept.map(\.id), sections.prefix(kept.count).map(\.id), "the first sections, in order")
        XCTAssertEqual(pages[1].sections.map(\.id), ["one"], "another page keeps its own budget")
    }

    func testProseCollapsesWhiteSpaceOfEveryKind() {
        XCTAssertEqual(HeadingOutline.collapsingWhitespace("  a\t\tb\r\nc \u{2003} d\u{85}e  "), "a b c d e")
        XCTAssertEqual(HeadingOutline.collapsingWhitespace(" \n "), "")
        XCTAssertEqual(HeadingOutline.collapsingWhitespace("é ü"), "é ü")
    }
}
