@testable import Literate
import Foundation
import XCTest

/// A long document is parsed in pieces (``DocumentSegments``); the blocks, lines included,
/// must be those of one parse of the whole text.
final class PieceParsingTests: XCTestCase {
    /// Constructs whose blocks run over empty lines and lines that look like a place to cut.
    static let awkward = """
        ## A section

        Prose with $x^2$ and `code`, then a list:

        - one

        - two with $$\\sum_i w_i$$
          continued

        # not a cut: the list above is loose and this heading closes it

        ```python
        a = 1

        # a comment that looks like a heading

        b = 2
        ```

        <!-- an HTML comment

        # inside the comment
        -->

            indented code

        Text
        after indented code.

        > quote

        > another quote

        | A | B |
        | --- | --- |
        | $a$ | `value:v` |

        Setext heading
        --------------

        """

    func testPiecesGiveTheBlocksOfOneParse() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        var text = ""
        for name in ["gradnorm.md", "gradnorm-method.md"] {
            let tutorial = try String(contentsOf: root.appendingPathComponent("tutorials").appendingPathComponent(name), encoding: .utf8)
            text += tutorial.replacingOccurrences(of: "---\n", with: "***\n") + "\n"
        }
        for _ in 0..<4 { text += Self.awkward + text.prefix(3000) + "\n\n" }
        text += "```\nan unclosed fence\n\n# still code\n"
        for size in [512, 2048, 65536] {
            let whole = try MarkdownParser.parse(text, path: "t.md", pieceSize: nil)
            let pieces = try MarkdownParser.parse(text, path: "t.md", pieceSize: size)
            XCTAssertEqual(pieces.blocks.count, whole.blocks.count, "piece size \(size)")
            XCTAssertEqual(pieces.blocks, whole.blocks, "piece size \(size)")
        }
    }

    func testReferenceDefinitionsKeepTheTextWhole() {
        let text = String(repeating: "para [link][r]\n\n", count: 200) + "[r]: https://example.com\n"
        XCTAssertEqual(DocumentSegments(text, pieceSize: 64).candidates.count, 0)
        XCTAssertGreaterThan(DocumentSegments(text.replacingOccurrences(of: "]:", with: "] "), pieceSize: 64).candidates.count, 100)
    }
}
