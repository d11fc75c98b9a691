@testable import Literate
import Foundation
import XCTest

/// A piece that ``VerbatimScreen`` proves plain skips the parser's first cmark pass; that pass
/// must then have found no code or HTML line and the sentinel starting the last block. Both
/// are checked on seeded random texts made of the pieces that matter to cmark's blocks, and
/// whole parses with and without the screen must give the same blocks.
final class VerbatimScreenTests: XCTestCase {
    /// Line starts and fragments: list markers, quotes, indentation, backticks, tildes and `<`
    /// short of what may make code or HTML, formulas across lines, tables, footnotes.
    static let nearMisses = ["- ", "* ", "+ ", "1. ", "2) ", "10. ", "> ", ">", "# ", "## ", "---", "***", "===", "-", "*", "1",
                             "   ", "  ", " ", "``", "~~", "` ", "<", "< ", "<3", "a<b", "$x$", "$$", "\\(", "\\)", "\\[", "\\]",
                             "| a | b |", "|---|---|", "[x](y)", "[^1]", "**", "_", "word", "more words", "é", "\\", "\n", "\n", "\n",
                             "\n\n", "\n\n", "[ ] ", "[x] "]
    /// What may make code or HTML.
    static let verbatimMakers = ["    ", "\t", "```", "~~~", "<a>", "</p>", "<!--", "-->", "<?", "<div>\n\n</div>"]
    let tokens: (open: Character, close: Character) = ("\u{E000}", "\u{E001}")

    /// Mostly near misses; now and then something that may make code or HTML.
    private func randomText(_ generator: inout some RandomNumberGenerator, fragments: Int) -> String {
        (0..<fragments).map { _ in
            (Int.random(in: 0..<40, using: &generator) == 0 ? Self.verbatimMakers : Self.nearMisses).randomElement(using: &generator)!
        }.joined()
    }

    /// A random text, then an empty line and a sentinel line beginning at column 0.
    private func randomPiece(_ generator: inout some RandomNumberGenerator) -> (text: String, sentinelLine: Int) {
        var body = randomText(&generator, fragments: Int.random(in: 1...40, using: &generator))
        if !body.hasSuffix("\n") { body += "\n" }
        var sentinel = randomText(&generator, fragments: Int.random(in: 1...4, using: &generator))
            .replacingOccurrences(of: "\n", with: " ")
        while let first = sentinel.first, first == " " || first == "\t" { sentinel.removeFirst() }
        if sentinel.isEmpty { sentinel = "word" }
        let text = body + "\n" + sentinel + "\n"
        return (text, text.split(separator: "\n", omittingEmptySubsequences: false).count - 1)
    }

    func testAPieceProvedPlainHasNoVerbatimLineAndItsSentinelInPlace() throws {
        var generator = SeededGenerator(seed: 31)
        var proved = 0, provedWithSentinel = 0
        for _ in 0..<6000 {
            let (text, sentinelLine) = randomPiece(&generator)
            for line in [sentinelLine, nil] as [Int?] where VerbatimScreen.provesPlainPiece(text, sentinelLine: line) {
                proved += 1
                if line != nil { provedWithSentinel += 1 }
                let found = try MarkdownParser.verbatimLines(of: text, path: "t.md", sentinelLine: line)
                XCTAssertEqual(found, [], "text \(text.debugDescription), sentinel line \(line.map(String.init) ?? "none")")
            }
        }
        // The screen must also say yes often enough for the test to mean something.
        XCTAssertGreaterThan(provedWithSentinel, 300)
        XCTAssertGreaterThan(proved, 1000)
    }

    func testTheScreenRefusesWhatMayHoldCodeOrHTML() {
        for text in ["a\n    code\n", "a\tb\n", "```\nx\n```\n", "~~~\n", "<div>\n", "</p>\n", "<!-- c -->\n", "<?php\n", "- a\n\n     code\n"] {
            XCTAssertFalse(VerbatimScreen.provesPlainPiece(text, sentinelLine: nil), text.debugDescription)
        }
        XCTAssertFalse(VerbatimScreen.provesPlainPiece("- a\n\n- b\n", sentinelLine: 3))
        XCTAssertFalse(VerbatimScreen.provesPlainPiece("1. a\n\n2. b\n", sentinelLine: 3))
        XCTAssertTrue(VerbatimScreen.provesPlainPiece("- a\n\nText $x < 3$ and `code`.\n", sentinelLine: 3))
    }

    func testParsesWithAndWithoutTheScreenGiveTheSameBlocks() throws {
        var generator = SeededGenerator(seed: 32)
        for round in 0..<400 {
            var text = ""
            for _ in 0..<Int.random(in: 5...30, using: &generator) { text += randomPiece(&generator).text }
            for size in [32, 200, nil] as [Int?] {
                let screened = Result { try MarkdownParser.parse(text, path: "t.md", pieceSize: size, screening: true) }
                let reference = Result { try MarkdownParser.parse(text, path: "t.md", pieceSize: size, screening: false) }
                switch (screened, reference) {
                case (.success(let new), .success(let old)):
                    XCTAssertEqual(new.blocks, old.blocks, "round \(round), piece size \(size.map(String.init) ?? "whole")")
                case (.failure(let new), .failure(let old)):
                    XCTAssertEqual("\(new)", "\(old)", "round \(round)")
                default:
                    XCTFail("round \(round): \(screened) but \(reference) for \(text.debugDescription)")
                }
            }
        }
    }

    func testTheLargeTutorialsProsePiecesSkipTheFirstParse() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let tutorial = try String(contentsOf: root.appendingPathComponent("tutorials/gradnorm.md"), encoding: .utf8)
        let prose = tutorial.components(separatedBy: "## Troubleshooting")[1]
        let body = String(repeating: "## Troubleshooting" + prose + "\n", count: 20)
        let segments = DocumentSegments(body, pieceSize: 512)
        var pieces = 0, plain = 0
        try segments.forEachPiece { piece in
            pieces += 1
            let text = MarkdownParser.substring(of: body, piece.bytes)
            if VerbatimScreen.provesPlainPiece(text, sentinelLine: piece.sentinelLine) { plain += 1 }
            return true
        }
        XCTAssertGreaterThan(pieces, 4)
        XCTAssertGreaterThanOrEqual(plain, pieces - 1, "only a piece with code may need the first parse")
    }
}
