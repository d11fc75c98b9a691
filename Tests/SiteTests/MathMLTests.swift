import Literate
import Site
import Tutorials
import XCTest

final class MathMLTests: XCTestCase {
    func testStructures() throws {
        XCTAssertEqual(try MathML.convert("x_i^2", display: false),
                       "<math xmlns=\"http://www.w3.org/1998/Math/MathML\"><semantics><msubsup><mi>x</mi><mi>i</mi><mn>2</mn></msubsup><annotation encoding=\"application/x-tex\">x_i^2</annotation></semantics></math>")
        let fraction = try MathML.convert("\\frac{1}{n}\\sum_{j=1}^{n} \\|w_j\\|", display: true)
        XCTAssertTrue(fraction.contains("display=\"block\""))
        XCTAssertTrue(fraction.contains("<mfrac><mn>1</mn><mi>n</mi></mfrac>"))
        XCTAssertTrue(fraction.contains("<msubsup><mo largeop=\"true\">∑</mo><mrow><mi>j</mi><mo>=</mo><mn>1</mn></mrow><mi>n</mi></msubsup>"))
        XCTAssertTrue(try MathML.convert("\\text{Target: } a < b", display: false).contains("<mtext>Target:\u{A0}</mtext>"),
                      "a token element would drop the trailing space")
        XCTAssertTrue(try MathML.convert("a < b", display: false).contains("<mo>&lt;</mo>"))
        XCTAssertTrue(try MathML.convert("\\bar{G}", display: false).contains("<mover accent=\"true\"><mi>G</mi><mo stretchy=\"true\">¯</mo></mover>"))
        XCTAssertTrue(try MathML.convert("\\left| x \\right|", display: false).contains("<mrow><mo stretchy=\"true\">|</mo><mi>x</mi><mo stretchy=\"true\">|</mo></mrow>"))
        XCTAssertTrue(try MathML.convert("\\sqrt{2}", display: false).contains("<msqrt><mn>2</mn></msqrt>"))
        XCTAssertTrue(try MathML.convert("w_{\\min}", display: false).contains("<msub><mi>w</mi><mi mathvariant=\"normal\">min</mi></msub>"))
    }

    func testOperatorNamesGetATeXThinSpaceBeforeAnOrdinaryAtomOnly() throws {
        let space = "<mspace width=\"0.1667em\"></mspace>"
        XCTAssertTrue(try MathML.convert("\\log w_i", display: false).contains("<mi mathvariant=\"normal\">log</mi>\(space)<msub><mi>w</mi>"))
        XCTAssertTrue(try MathML.convert("\\log_2 x", display: false).contains("</msub>\(space)<mi>x</mi>"))
        XCTAssertFalse(try MathML.convert("\\exp(x)", display: false).contains(space), "no space before a parenthesis")
        XCTAssertFalse(try MathML.convert("\\min_i w_i", display: false).contains(space), "limit operators are spaced as operators")
    }

    func testUnknownCommandsAndBadGroupsAreErrors() {
        XCTAssertThrowsError(try MathML.convert("\\foo{x}", display: false)) {
            XCTAssertTrue("\($0)".contains("unknown command '\\foo'"), "\($0)")
        }
        XCTAssertThrowsError(try MathML.convert("{x", display: false))
        XCTAssertThrowsError(try MathML.convert("x}", display: false))
        XCTAssertThrowsError(try MathML.convert("x^1^2", display: false))
        XCTAssertThrowsError(try MathML.convert("\\left( x", display: false))
    }

    /// Every formula of every registered tutorial converts.
    func testEveryFormulaInTheTutorialsConverts() throws {
        var count = 0
        for tutorial in TutorialRegistry.all() {
            let document = try MarkdownParser.parse(fileAt: tutorial.markdownPath)
            var formulas: [(String, Bool)] = []
            func inlines(_ content: [Inline]) {
                for inline in content {
                    switch inline {
                    case .math(let latex, let display): formulas.append((latex, display))
                    case .emphasis(let inner), .strong(let inner), .strikethrough(let inner), .link(_, _, let inner): inlines(inner)
                    default: break
                    }
                }
            }
            func blocks(_ list: [Block]) {
                for block in list {
                    switch block {
                    case .heading(_, let content, _), .paragraph(let content, _): inlines(content)
                    case .displayMath(let latex, _): formulas.append((latex, true))
                    case .list(_, _, let items): items.forEach(blocks)
                    case .blockQuote(let inner): blocks(inner)
                    case .table(let table): (table.header + table.rows.flatMap { $0 }).forEach(inlines)
                    default: break
                    }
                }
            }
            blocks(document.blocks)
            XCTAssertGreaterThan(formulas.count, 5, tutorial.name)
            for (latex, display) in formulas {
                let math = try MathML.convert(latex, display: display)
                XCTAssertTrue(math.hasPrefix("<math"), latex)
                XCTAssertFalse(math.contains("merror"), latex)
            }
            count += formulas.count
        }
        XCTAssertGreaterThan(count, 10)
    }
}

final class FlowchartTests: XCTestCase {
    let loop = """
    graph TD
        A[Compute the losses] --> B[Gradients]
        B --> C{Update?}
        C -->|yes| D(Weights)
        D --> A
    """

    func testParsesNodesEdgesAndFindsTheBackEdge() throws {
        let chart = try Flowchart(loop)
        XCTAssertEqual(chart.nodes.map(\.id), ["A", "B", "C", "D"])
        XCTAssertEqual(chart.nodes.map(\.shape), [.rectangle, .rectangle, .diamond, .rounded])
        XCTAssertEqual(chart.edges.map(\.label), ["", "", "yes", ""])
        XCTAssertEqual(chart.backEdges(), [3])
        let svg = chart.svg(title: "Loop")
        XCTAssertTrue(svg.hasPrefix("<svg class=\"flowchart\""))
        XCTAssertEqual(svg.components(separatedBy: "class=\"edge\"").count - 1, 4)
        XCTAssertEqual(svg.components(separatedBy: "class=\"node\"").count - 1, 4)
        XCTAssertTrue(svg.contains(">Compute the losses</text>"))
        XCTAssertTrue(svg.contains(">yes</text>"))
        let withoutNamespace = svg.replacingOccurrences(of: "xmlns=\"http://www.w3.org/2000/svg\"", with: "")
        XCTAssertFalse(withoutNamespace.contains("http"), "the SVG refers to nothing outside the page")
    }

    func testChainsAndLeftToRight() throws {
        let chart = try Flowchart("flowchart LR\n  a --> b --> c\n")
        XCTAssertTrue(chart.horizontal)
        XCTAssertEqual(chart.edges.count, 2)
    }

    func testErrorsNameTheLine() {
        XCTAssertThrowsError(try Flowchart("graph TD\n  A --> B\n  A ~~ B\n")) {
            XCTAssertEqual(($0 as? Flowchart.ParseError)?.line, 3)
        }
        XCTAssertThrowsError(try Flowchart("sequenceDiagram\n  A->>B: hi\n"))
        XCTAssertThrowsError(try Flowchart("graph TD\n  A[open --> B\n"))
    }

    func testLabelsAreEscaped() throws {
        let svg = try Flowchart("graph TD\n  A[\"<script>x</script>\"] --> B[a & b]\n").svg(title: "t")
        XCTAssertFalse(svg.contains("<script"))
        XCTAssertTrue(svg.contains("&lt;script&gt;x&lt;/script&gt;"))
        XCTAssertTrue(svg.contains("a &amp; b"))
    }
}

final class SyntaxHighlighterTests: XCTestCase {
    func testSwiftTokens() {
        let html = SyntaxHighlighter.highlight("let x: Float = 1.5e-3 // note <b>\nprint(\"a \\(x) <\")", language: "swift")
        XCTAssertTrue(html.contains("<span class=\"kw\">let</span>"))
        XCTAssertTrue(html.contains("<span class=\"ty\">Float</span>"))
        XCTAssertTrue(html.contains("<span class=\"num\">1.5e-3</span>"))
        XCTAssertTrue(html.contains("<span class=\"com\">// note &lt;b&gt;</span>"))
        XCTAssertTrue(html.contains("<span class=\"fn\">print</span>"))
        XCTAssertTrue(html.contains("<span class=\"str\">\\(</span>x<span class=\"str\">)</span><span class=\"str\"> &lt;&quot;</span>"))
    }

    func testShellAndUnknownLanguages() {
        XCTAssertTrue(SyntaxHighlighter.highlight("scripts/render-tutorial gradnorm --quick # go", language: "bash")
            .contains("<span class=\"attr\">--quick</span> <span class=\"com\"># go</span>"))
        XCTAssertEqual(SyntaxHighlighter.highlight("a < b", language: "text"), "a &lt; b")
    }
}
