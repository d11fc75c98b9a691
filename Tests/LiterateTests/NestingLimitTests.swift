import Literate
import XCTest

/// Input nested too deeply is an error naming its line, never a stack overflow.
final class NestingLimitTests: XCTestCase {
    private let limit = MarkdownDocument.maximumNesting

    func testAHundredThousandBlockQuotesAreAnError() {
        assertParseError("# Deep\n\n" + nestedQuotes(100_000), line: 3, contains: "nesting deeper than \(limit) levels")
    }

    func testDeepEmphasisIsAnError() {
        assertParseError("text\n\n" + nestedEmphasis(40_000), line: 3, contains: "nesting deeper than \(limit) levels")
    }

    func testDeepListsAreAnError() {
        assertParseError(String(repeating: "- ", count: limit + 1) + "x\n", line: 1, contains: "nesting deeper than \(limit) levels")
    }

    func testNestingUpToTheLimitIsFine() throws {
        XCTAssertNoThrow(try MarkdownParser.parse(nestedQuotes(limit), path: "t.md"))
        XCTAssertNoThrow(try MarkdownParser.parse(nestedEmphasis(limit), path: "t.md"))
        assertParseError(nestedQuotes(limit + 1), line: 1, contains: "nesting deeper than")
        assertParseError(nestedEmphasis(limit + 1), line: 1, contains: "nesting deeper than")
    }
}
