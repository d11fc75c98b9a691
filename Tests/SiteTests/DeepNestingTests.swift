import Foundation
import Literate
import Site
import XCTest

/// Formulas and documents nested too deeply are errors, never a stack overflow.
final class DeepNestingTests: XCTestCase {
    private func assertTooDeep(_ latex: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertThrowsError(try MathML.convert(latex, display: false), file: file, line: line) {
            XCTAssertTrue("\($0)".hasSuffix("nesting deeper than \(MathML.maximumNesting) levels"), "\($0)", file: file, line: line)
            XCTAssertLessThan("\($0)".count, 200, "the message shows only the start of a long formula", file: file, line: line)
        }
    }

    func testDeeplyNestedBracesAreAnError() {
        assertTooDeep(String(repeating: "{", count: 30_000) + "x" + String(repeating: "}", count: 30_000))
        assertTooDeep(String(repeating: "x^{", count: 30_000) + "2" + String(repeating: "}", count: 30_000))
    }

    func testLongChainsOfCommandsAreAnError() {
        assertTooDeep(String(repeating: "\\sqrt", count: 30_000) + " x")
        assertTooDeep(String(repeating: "\\hat", count: 30_000) + " x")
        assertTooDeep(String(repeating: "\\left(", count: 30_000) + "x" + String(repeating: "\\right)", count: 30_000))
    }

    func testOrdinaryNestingIsFine() throws {
        XCTAssertNoThrow(try MathML.convert(String(repeating: "{", count: 40) + "x" + String(repeating: "}", count: 40), display: true))
        XCTAssertNoThrow(try MathML.convert("\\frac{\\sqrt{\\hat{x}^{2}}}{\\left(1 + \\frac{a}{b}\\right)}", display: true))
    }

    func testThePageWriterRefusesADocumentNestedTooDeeply() throws {
        let fixture = try SiteFixture(markdown: "text\n")
        defer { fixture.remove() }
        var run = try TutorialRunner(fixture.tutorial()).run()
        var inline = Inline.text("x")
        for _ in 0..<5_000 { inline = .emphasis([inline]) }
        run.document.blocks = [.paragraph([.text("a")], line: 1), .paragraph([inline], line: 3)]
        XCTAssertThrowsError(try PageWriter.files(for: run)) {
            XCTAssertEqual("\($0)", "\(fixture.markdown.path):3: \(MarkdownDocument.nestingMessage)")
        }
        var quote = Block.paragraph([.text("x")], line: 7)
        for _ in 0..<5_000 { quote = .blockQuote([quote]) }
        run.document.blocks = [.paragraph([.text("a")], line: 5), quote]
        XCTAssertThrowsError(try PageWriter.files(for: run)) {
            XCTAssertEqual("\($0)", "\(fixture.markdown.path):5: \(MarkdownDocument.nestingMessage)")
        }
    }
}

/// Mermaid charts too large to lay out are an error, not a stack overflow or an endless layout.
final class LargeFlowchartTests: XCTestCase {
    func testAChainOfAHundredThousandNodesIsAnError() {
        let chain = (0..<100_000).map { "n\($0)" }.joined(separator: " --> ")
        XCTAssertThrowsError(try Flowchart("graph TD\n" + chain + "\n").svg(title: "t")) {
            XCTAssertEqual("\($0)", "more than \(Flowchart.maximumNodes) nodes; split the diagram")
            XCTAssertEqual(($0 as? Flowchart.ParseError)?.line, 2)
        }
    }

    func testManyEdgesBetweenFewNodesAreAnError() {
        let edges = String(repeating: "  a --> b\n", count: Flowchart.maximumEdges + 1)
        XCTAssertThrowsError(try Flowchart("graph LR\n" + edges)) {
            XCTAssertEqual(($0 as? Flowchart.ParseError)?.line, Flowchart.maximumEdges + 2)
        }
        XCTAssertNoThrow(try Flowchart("graph LR\n" + String(repeating: "  a --> b\n", count: Flowchart.maximumEdges)).svg(title: "t"))
    }
}
