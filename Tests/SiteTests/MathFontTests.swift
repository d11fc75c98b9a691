import Foundation
import Literate
import Site
import XCTest

/// Every page folder carries the maths font its stylesheet names first, allowed by the policy.
final class MathFontTests: XCTestCase {
    func testThePageFolderCarriesAWOFF2MathsFontThatTheStylesheetNamesFirst() throws {
        let font = try MathFont.data()
        XCTAssertEqual(Array(font.prefix(4)), Array("wOF2".utf8), "a WOFF2 file")
        XCTAssertGreaterThan(font.count, 100_000, "the whole font, not a stub")

        let fixture = try SiteFixture(markdown: "# Title\n\nA formula \\(\\bar{G} = \\left|x\\right|\\).\n")
        defer { fixture.remove() }
        let run = try TutorialRunner(fixture.tutorial()).run()
        let files = try PageWriter.files(for: run)
        XCTAssertEqual(files[MathFont.fileName], font)
        let css = String(decoding: try XCTUnwrap(files["style.css"]), as: UTF8.self)
        XCTAssertTrue(css.contains("@font-face { font-family: \"Page Math\"; src: url(\"\(MathFont.fileName)\") format(\"woff2\")"))
        XCTAssertTrue(css.contains("math { font-family: \"Page Math\","), "the shipped font comes first")
        let html = String(decoding: try XCTUnwrap(files["index.html"]), as: UTF8.self)
        XCTAssertTrue(html.contains("<math"))
        XCTAssertTrue(PageWriter.contentSecurityPolicy.contains("font-src 'self'"))
        XCTAssertTrue(html.contains(PageWriter.contentSecurityPolicy))
    }
}
