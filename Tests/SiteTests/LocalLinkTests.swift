import Foundation
import XCTest

/// Every local link and picture of the rendered site reaches a file, and every `#` an element
/// with that id.
final class LocalLinkTests: XCTestCase {
    func testEveryLocalLinkOfTheSiteResolves() throws {
        let pages = ["index.html"] + (try RenderedSite.names()).map { $0 + "/index.html" }
        for page in pages {
            let html = try RenderedSite.text(page)
            let base = try RenderedSite.url(page).deletingLastPathComponent()
            let links = RenderedSite.matches(of: " href=\"", in: html) + RenderedSite.matches(of: " src=\"", in: html)
            XCTAssertGreaterThan(links.count, 2, page)
            for link in links where !link.contains("://") {
                let parts = link.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
                let target = parts[0].isEmpty ? try RenderedSite.url(page) : base.appendingPathComponent(parts[0]).standardizedFileURL
                XCTAssertTrue(FileManager.default.fileExists(atPath: target.path), "\(page): \(link)")
                if parts.count > 1, let text = try? String(contentsOf: target, encoding: .utf8) {
                    XCTAssertTrue(text.contains(" id=\"\(parts[1])\""), "\(page): \(link) has no target")
                }
            }
        }
    }
}
