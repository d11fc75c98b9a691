import Foundation
import XCTest

/// A figure opens full size: its image links to its PNG, which is in the page folder.
final class FigureZoomTests: XCTestCase {
    func testEveryFigureLinksToItsFullSizePicture() throws {
        for name in try RenderedSite.names() {
            let main = RenderedSite.main(of: try RenderedSite.text(name + "/index.html"))
            let figures = RenderedSite.matches(of: "<figure><a class=\"zoom\" href=\"", in: main)
            XCTAssertEqual(figures.count, main.components(separatedBy: "<figure>").count - 1, "\(name): every figure is a link")
            for png in figures {
                XCTAssertTrue(main.contains("<a class=\"zoom\" href=\"\(png)\"><img src=\"\(png)\""), "\(name): \(png) links to itself")
                XCTAssertTrue(FileManager.default.fileExists(atPath: try RenderedSite.url(name + "/" + png).path), "\(name): \(png)")
            }
        }
        XCTAssertFalse(try RenderedSite.names().isEmpty)
    }
}
