import Site
import XCTest

/// The stylesheet's print and phone rules (the screenshots in the issue notes show them at work).
final class StylesheetTests: XCTestCase {
    private func block(after marker: String) throws -> String {
        let css = Stylesheet.css
        let start = try XCTUnwrap(css.range(of: marker), "no \(marker)").upperBound
        var depth = 0, end = start
        for index in css[start...].indices {
            if css[index] == "{" { depth += 1 }
            if css[index] == "}" { depth -= 1; if depth == 0 { end = index; break } }
        }
        return String(css[start..<end])
    }

    func testPrintDropsNavigationWrapsCodeAndKeepsTerminalOutputLegible() throws {
        let print = try block(after: "@media print")
        XCTAssertTrue(print.contains(".toc, .crumbs { display: none; }"))
        XCTAssertTrue(print.contains("white-space: pre-wrap"), "long code lines must wrap on paper")
        XCTAssertTrue(print.contains("--terminal-bg: #ffffff; --terminal-fg: #000000"), "terminal text dark on white")
        XCTAssertTrue(print.contains("break-after: avoid-page"), "headings stay with what follows")
    }

    func testPhonesGetAShortContentsListAndNoPageWideScrolling() throws {
        let phone = try block(after: "@media (max-width: 60rem)")
        XCTAssertTrue(phone.contains(".toc ol ol { display: none; }"))
        XCTAssertTrue(phone.contains("max-height: 40vh"))
        XCTAssertTrue(Stylesheet.css.contains("p code, li code, td code, .value { overflow-wrap: anywhere; }"))
        XCTAssertTrue(Stylesheet.css.contains("td.right, th.right { white-space: nowrap; }"))
    }
}
