import Foundation
import Literate
import Site
import XCTest

/// The page's one script: a file in its folder, listed in its manifest, the only script the
/// content security policy allows, and not needed to read the page.
final class PageScriptTests: XCTestCase {
    func testEveryPageLoadsItsOwnScriptListedInItsManifest() throws {
        for name in try RenderedSite.names() {
            let page = try RenderedSite.text(name + "/index.html")
            XCTAssertEqual(RenderedSite.matches(of: "<script src=\"", in: page), [PageScript.fileName], "\(name): one script, from the folder")
            XCTAssertEqual(page.components(separatedBy: "<script").count, 2, "\(name): no inline script")
            let script = try Data(contentsOf: try RenderedSite.url(name + "/" + PageScript.fileName))
            XCTAssertEqual(script, Data(PageScript.javascript.utf8))
            let manifest = try JSONDecoder().decode(PageManifest.self, from: try Data(contentsOf: try RenderedSite.url(name + "/manifest.json")))
            XCTAssertEqual(manifest.files[PageScript.fileName], SHA256.hex(script), "\(name): the manifest lists the script")
        }
    }

    func testThePolicyAllowsExactlyTheFolderScripts() throws {
        XCTAssertEqual(PageWriter.contentSecurityPolicy, "default-src 'none'; img-src 'self'; style-src 'self'; script-src 'self'; font-src 'self'")
        for name in try RenderedSite.names() {
            let page = try RenderedSite.text(name + "/index.html")
            let policies = RenderedSite.matches(of: "<meta http-equiv=\"Content-Security-Policy\" content=\"", in: page)
            XCTAssertEqual(policies, [PageWriter.contentSecurityPolicy], name)
            for forbidden in ["unsafe-inline", "unsafe-eval", " onclick=", " onload=", " style=\"", "javascript:"] {
                XCTAssertFalse(page.contains(forbidden), "\(name): \(forbidden)")
            }
        }
    }

    // The script builds elements with the DOM (never from HTML text, which would need escaping)
    // and loads nothing but the search index beside the page folders.
    func testTheScriptBuildsNoHTMLFromTextAndLoadsOnlyTheSearchIndex() {
        let script = PageScript.javascript
        for forbidden in ["innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "fetch(", "XMLHttpRequest", "http:", "https:", ".style."] {
            XCTAssertFalse(script.contains(forbidden), forbidden)
        }
        XCTAssertEqual(script.components(separatedBy: "script.src = ").count, 2)
        XCTAssertTrue(script.contains("script.src = root + \"\(SearchIndex.fileName)\";"))
    }

    func testAPageReadsWithoutScript() throws {
        for name in try RenderedSite.names() {
            let page = try RenderedSite.text(name + "/index.html")
            // What only the script can work is hidden until it runs: the copy buttons and the search box.
            XCTAssertTrue(page.contains("<div class=\"search\" role=\"search\" data-page=\"\(name)\" data-root=\"../\" hidden=\"\">"), name)
            for needed in ["<a class=\"skip-link\" href=\"#content\">", "<a class=\"permalink\" href=\"#", "<a class=\"zoom\" href=\""] {
                XCTAssertTrue(page.contains(needed), "\(name): \(needed)")
            }
        }
    }
}
