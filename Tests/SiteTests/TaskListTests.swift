import Foundation
import Literate
import Site
import XCTest

/// Task list items (`- [x]`, `- [ ]`) keep their state and show a disabled check box.
final class TaskListTests: XCTestCase {
    private let step = "```swift step=count\npage.print(\"<b>counted</b> \\(state)\")\ntry page.value(\"n\", \"3 < 4\")\n```\n"

    func testItemsKeepTheirCheckedState() throws {
        let blocks = try MarkdownParser.parse("- [x] done\n- [ ] to do\n- plain\n", path: "t.md").blocks
        XCTAssertEqual(blocks, [.list(ordered: false, start: 0, items: [
            [.paragraph([.taskCheckbox(checked: true), .text(" "), .text("done")], line: 1)],
            [.paragraph([.taskCheckbox(checked: false), .text(" "), .text("to do")], line: 2)],
            [.paragraph([.text("plain")], line: 3)],
        ])])
        guard case .list(_, _, let items) = blocks[0] else { return XCTFail() }
        XCTAssertEqual(items.map(TaskList.isTask), [true, true, false])
    }

    func testPageShowsDisabledCheckBoxes() throws {
        let fixture = try SiteFixture(markdown: step + "\n1. [x] trained\n2. [ ] plotted\n")
        defer { fixture.remove() }
        let run = try TutorialRunner(fixture.tutorial()).run()
        let html = String(decoding: try PageWriter.files(for: run)["index.html"]!, as: UTF8.self)
        XCTAssertTrue(html.contains("<ol>\n<li class=\"task\"><input type=\"checkbox\" disabled checked> trained</li>\n"
            + "<li class=\"task\"><input type=\"checkbox\" disabled> plotted</li>\n</ol>"), html)
    }
}
