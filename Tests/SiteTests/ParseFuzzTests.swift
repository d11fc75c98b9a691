import Foundation
import Literate
import Site
import XCTest

/// A bounded, deterministic fuzz of parse → validate → run → page writing over mutated
/// tutorials: every input must give a page or an error naming `file:line`, never a crash, and
/// a failed render leaves the previous output as it was.
final class ParseFuzzTests: XCTestCase {
    /// SplitMix64: small, fast and the same on every platform, so a seed names one input.
    struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static let base = """
    ---
    title: Fuzz
    level: Beginner
    ---

    # Fuzz

    Some *prose* with $x^2$, \\(\\alpha_i\\) and a [link](other.md#part).

    > A quote with **bold** and `code`.
    >
    > - an item with $$\\frac{a}{b}$$

    | A | B |
    | --- | ---: |
    | $y$ | `value:n` |

    ```swift step=count
    page.print("<b>counted</b> \\(state)")
    try page.value("n", "3 < 4")
    ```

    ```output step=count
    ```

    ```mermaid
    graph TD
      A[start] --> B{done?}
    ```

    The end: `value:n`.

    """

    static let fragments: [String] = [
        "\u{E000}", "\u{E001}", "\u{E000}0\u{E001}", "\u{E000}99\u{E001}", "$", "$$", "\\(", "\\[", "```", "~~~", "`",
        "[x](javascript:alert(1))", "<JAVASCRIPT:x>", "![i](data:x)", "[r]: vbscript:x\n", "&#106;", "\r", "\r\n", "\n\n",
        "> ", "- ", "1. ", "    ", "*", "**", "_", "~~", "{", "}", "\\", "<div>", "|", "---\n", "\u{FEFF}", "é", "\0",
    ]

    /// One mutation of `bytes`.
    static func mutate(_ bytes: inout [UInt8], _ random: inout Generator) {
        let offset = bytes.isEmpty ? 0 : Int.random(in: 0...bytes.count, using: &random)
        func insert(_ text: String) { bytes.insert(contentsOf: Array(text.utf8), at: min(offset, bytes.count)) }
        switch Int.random(in: 0..<9, using: &random) {
        case 0:
            let depth = [Int.random(in: 90...110, using: &random), Int.random(in: 1_000...5_000, using: &random)].randomElement(using: &random)!
            switch Int.random(in: 0..<4, using: &random) {
            case 0: insert("\n" + String(repeating: "> ", count: depth) + "deep\n")
            case 1: insert("\n" + String(repeating: "*a ", count: depth) + "z" + String(repeating: " b*", count: depth) + "\n")
            case 2: insert(" $" + String(repeating: "{", count: depth) + "x" + String(repeating: "}", count: depth) + "$ ")
            default: insert("\n" + String(repeating: "- ", count: depth) + "x\n")
            }
        case 1:
            let count = Int.random(in: 1...8, using: &random)
            bytes.insert(contentsOf: (0..<count).map { _ in UInt8.random(in: 0...255, using: &random) }, at: offset)
        case 2:
            let ending: [UInt8] = Bool.random(using: &random) ? [13, 10] : [13]
            bytes = bytes.split(separator: 10, omittingEmptySubsequences: false).map(Array.init)
                .joined(separator: ending).map { $0 }
        case 3:
            if let fence = findLast(Array("```\n".utf8), in: bytes) { bytes.removeSubrange(fence..<(fence + 4)) }
        case 4:
            bytes.removeSubrange(offset..<bytes.count)
        default:
            insert(fragments.randomElement(using: &random)!)
        }
    }

    static func findLast(_ needle: [UInt8], in bytes: [UInt8]) -> Int? {
        guard bytes.count >= needle.count else { return nil }
        return stride(from: bytes.count - needle.count, through: 0, by: -1).first { bytes[$0..<($0 + needle.count)].elementsEqual(needle) }
    }

    func testMutatedTutorialsGiveAPageOrAnErrorAtALine() throws {
        let fixture = try SiteFixture(markdown: Self.base)
        defer { fixture.remove() }
        let path = fixture.markdown.path
        _ = try fixture.publisher.write([(try TutorialRunner(fixture.tutorial()).run(), fixture.tutorial())])
        var previous = try SiteFixture.tree(fixture.output)
        var pages = 0, errors = 0
        // FUZZ_SEEDS=100000 runs a longer fuzz (see the README); the suite's default takes a few seconds.
        let seeds = ProcessInfo.processInfo.environment["FUZZ_SEEDS"].flatMap { UInt64($0) }.map { max($0, 1_200) } ?? 1_200
        for seed in UInt64(1)...seeds {
            var random = Generator(state: seed)
            var bytes = Array(Self.base.utf8)
            for _ in 0..<Int.random(in: 1...3, using: &random) { Self.mutate(&bytes, &random) }
            try Data(bytes).write(to: fixture.markdown)
            let context = "seed \(seed): \(String(decoding: bytes.prefix(300), as: UTF8.self).debugDescription)"
            var runner = TutorialRunner(fixture.tutorial())
            runner.documentCheck = PageWriter.check
            do {
                if seed % 4 == 0 { try checkFixConverges(runner, fixture: fixture, context: context) }
                let run = try runner.run()
                _ = try fixture.publisher.write([(run, fixture.tutorial())])
                previous = try SiteFixture.tree(fixture.output)
                pages += 1
            } catch {
                errors += 1
                let first = "\(error)".prefix { $0 != "\n" }
                XCTAssertTrue(first.hasPrefix(path + ":"), "\(context)\nno file in: \(first)")
                let line = first.dropFirst(path.count + 1).prefix { $0 != ":" }
                XCTAssertTrue(Int(line).map { $0 >= 1 } ?? false, "\(context)\nno line in: \(first)")
                XCTAssertEqual(try SiteFixture.tree(fixture.output), previous, "\(context)\nthe output changed on an error")
            }
        }
        XCTAssertGreaterThan(pages, 200, "the mutations should leave many tutorials valid")
        XCTAssertGreaterThan(errors, 200, "the mutations should break many tutorials")
    }

    /// `--fix` on a drifted copy either refuses or converges.
    private func checkFixConverges(_ runner: TutorialRunner, fixture: SiteFixture, context: String) throws {
        let text = try Data(contentsOf: fixture.markdown)
        let drifted = String(decoding: text, as: UTF8.self).replacingOccurrences(of: "try page.value(\"n\", \"3 < 4\")", with: "stale()")
        try Data(drifted.utf8).write(to: fixture.markdown)
        guard (try? runner.fixSnippets()) != nil else { return try text.write(to: fixture.markdown) }
        let once = try Data(contentsOf: fixture.markdown)
        XCTAssertEqual(try runner.fixSnippets(), 0, "\(context)\na second --fix found more to fix")
        XCTAssertEqual(try Data(contentsOf: fixture.markdown), once, "\(context)\na second --fix changed the file")
    }
}
