import Foundation
import Literate
import XCTest

/// `--fix` rewrites drifted snippets wherever they sit, keeps the file's line endings, and
/// converges: a second run changes nothing.
final class SnippetFixTests: XCTestCase {
    private let greet = ["page.print(\"hello\")", "state.count += 1"]
    private let publish = "try page.value(\"answer\", \"\\(state.count * 42)\")"

    /// Fixes `markdown` twice; returns the text after the first fix and checks the second changes nothing.
    private func fixTwice(_ markdown: String, file: StaticString = #filePath, line: UInt = #line) throws -> String {
        let fixture = try TestTutorial(markdown: markdown)
        defer { fixture.remove() }
        let runner = TutorialRunner(fixture.tutorial())
        XCTAssertGreaterThan(try runner.fixSnippets(), 0, file: file, line: line)
        let once = try String(decoding: Data(contentsOf: fixture.markdownURL), as: UTF8.self)
        XCTAssertEqual(try runner.fixSnippets(), 0, "a second --fix finds nothing to fix", file: file, line: line)
        XCTAssertEqual(try String(decoding: Data(contentsOf: fixture.markdownURL), as: UTF8.self), once, file: file, line: line)
        XCTAssertNoThrow(try runner.run(), file: file, line: line)
        return once
    }

    private func tutorial(greetLines: [String], ending: String = "\n") -> String {
        var lines = ["# Fix", ""]
        lines += ["```swift step=greet"] + greetLines + ["```"]
        lines += ["", "```swift step=publish", publish, "```", "", "The answer is `value:answer`.", ""]
        return lines.joined(separator: ending)
    }

    func testFixKeepsCRLFLineEndings() throws {
        let fixed = try fixTwice(tutorial(greetLines: ["page.print(\"bye\")"], ending: "\r\n"))
        XCTAssertEqual(fixed, tutorial(greetLines: greet, ending: "\r\n"))
    }

    func testFixKeepsCRLineEndings() throws {
        let fixed = try fixTwice(tutorial(greetLines: ["page.print(\"bye\")"], ending: "\r"))
        XCTAssertEqual(fixed, tutorial(greetLines: greet, ending: "\r"))
    }

    func testFixInsideABlockQuoteStaysInTheQuote() throws {
        let quoted = "# Fix\n\n> Quoted:\n>\n> ```swift step=greet\n> old()\n> ```\n\n```swift step=publish\n\(publish)\n```\n\n`value:answer`\n"
        let fixed = try fixTwice(quoted)
        XCTAssertEqual(fixed, quoted.replacingOccurrences(of: "> old()\n", with: greet.map { "> " + $0 + "\n" }.joined()))
    }

    func testFixInsideAListItemKeepsItsIndentation() throws {
        let listed = "# Fix\n\n1. First:\n\n   ```swift step=greet\n   old()\n   ```\n2. ```swift step=publish\n   \(publish)\n   ```\n\n`value:answer`\n"
        let fixed = try fixTwice(listed.replacingOccurrences(of: "   \(publish)", with: "   stale()"))
        XCTAssertEqual(fixed, listed.replacingOccurrences(of: "   old()\n", with: greet.map { "   " + $0 + "\n" }.joined()))
    }

    func testFixClosesAFenceLeftOpenAtTheEndOfTheFile() throws {
        let greetBlock = "```swift step=greet\n" + greet.joined(separator: "\n") + "\n```\n"
        let start = "# Fix\n\n" + greetBlock + "\nThe answer is `value:answer`.\n\n```swift step=publish\nold()\n"
        let expected = start.replacingOccurrences(of: "old()\n", with: publish + "\n```\n")
        XCTAssertEqual(try fixTwice(start), expected)
        XCTAssertEqual(try fixTwice(start + "\n\n"), expected + "\n\n")
        XCTAssertEqual(try fixTwice(String(start.dropLast())), expected)
        XCTAssertEqual(try fixTwice(start.replacingOccurrences(of: "old()\n", with: "")), expected)
    }

    func testFixClosesAFenceLeftOpenAtTheEndOfItsQuote() throws {
        let start = "# Fix\n\n> ```swift step=greet\n> old()\n\n```swift step=publish\n\(publish)\n```\n\n`value:answer`\n"
        XCTAssertEqual(try fixTwice(start), start.replacingOccurrences(of: "> old()\n", with: greet.map { "> " + $0 + "\n" }.joined() + "> ```\n"))
    }
}
