import Foundation
import Literate
import XCTest

/// Shared by the hostile-input tests: assertions on errors that must name `file:line`.

/// Asserts that `body` throws an error whose message starts with `path:line: ` and contains `fragment`.
func assertSourceError<T>(_ body: @autoclosure () throws -> T, at path: String, line: Int, contains fragment: String,
                          file: StaticString = #filePath, line testLine: UInt = #line) {
    XCTAssertThrowsError(try body(), file: file, line: testLine) { error in
        let message = "\(error)"
        XCTAssertTrue(message.hasPrefix("\(path):\(line): "), "expected an error at \(path):\(line), got: \(message.prefix(300))",
                      file: file, line: testLine)
        XCTAssertTrue(message.contains(fragment), "expected '\(fragment)' in: \(message.prefix(300))", file: file, line: testLine)
    }
}

/// Asserts that parsing `markdown` as `t.md` fails at `line` with a message containing `fragment`.
func assertParseError(_ markdown: String, line: Int, contains fragment: String,
                      file: StaticString = #filePath, line testLine: UInt = #line) {
    assertSourceError(try MarkdownParser.parse(markdown, path: "t.md"), at: "t.md", line: line, contains: fragment,
                      file: file, line: testLine)
}

/// `depth` block quotes around `text`, on one line.
func nestedQuotes(_ depth: Int, around text: String = "x") -> String {
    String(repeating: "> ", count: depth) + text + "\n"
}

/// `depth` nested emphasis spans around `text`: `*a *a … text … b* b*`.
func nestedEmphasis(_ depth: Int, around text: String = "z") -> String {
    String(repeating: "*a ", count: depth) + text + String(repeating: " b*", count: depth) + "\n"
}
