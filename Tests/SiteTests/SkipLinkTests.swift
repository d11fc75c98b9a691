import Foundation
import XCTest

/// The first thing a keyboard reaches on a page is a link past the header and contents.
final class SkipLinkTests: XCTestCase {
    func testTheFirstLinkOfEveryPageSkipsToItsContent() throws {
        for name in try RenderedSite.names() {
            let page = try RenderedSite.text(name + "/index.html")
            let body = try XCTUnwrap(page.range(of: "<body>\n"), name)
            XCTAssertTrue(page[body.upperBound...].hasPrefix("<a class=\"skip-link\" href=\"#content\">Skip to content</a>"), name)
            XCTAssertEqual(page.components(separatedBy: "<main id=\"content\">").count, 2, "\(name): the skip link's target")
        }
    }
}
