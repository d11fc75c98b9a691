import Foundation
import XCTest

/// Every code block and terminal output has a copy button, hidden until the script can copy.
final class CopyButtonTests: XCTestCase {
    func testEveryCodeBlockHasAHiddenCopyButton() throws {
        for name in try RenderedSite.names() {
            let main = RenderedSite.main(of: try RenderedSite.text(name + "/index.html"))
            let blocks = main.components(separatedBy: "<div class=\"snippet").count - 1 + main.components(separatedBy: "<div class=\"terminal\">").count - 1
            let buttons = main.components(separatedBy: "<button type=\"button\" class=\"copy\" hidden>Copy</button>").count - 1
            XCTAssertGreaterThan(blocks, 5, name)
            XCTAssertEqual(buttons, blocks, "\(name): one copy button per code block")
            XCTAssertEqual(main.components(separatedBy: "<pre").count - 1, buttons, "\(name): every <pre> can be copied")
            XCTAssertFalse(main.contains("<button>"), "\(name): every button says its type")
        }
    }
}
