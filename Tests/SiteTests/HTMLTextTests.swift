@testable import Site
import XCTest

/// Escaping and heading ids read bytes where the text allows it; they must give what a
/// character-by-character reading gives.
final class HTMLTextTests: XCTestCase {
    static let pieces = ["a", "Z", "0", "9", " ", "-", "&", "<", ">", "\"", "'", "é", "Σ", "²", "\r\n", "\u{0301}", "_", "🙂"]

    /// ``escapeHTML(_:)`` as it was first written, a scalar at a time.
    private func referenceEscape(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    func testEscapingIsThatOfTheScalarReading() {
        var generator = SplitMix(state: 7)
        for length in 0..<400 {
            let text = (0..<(length % 30)).map { _ in Self.pieces.randomElement(using: &generator)! }.joined()
            XCTAssertEqual(Array(escapeHTML(text).utf8), Array(referenceEscape(text).utf8), text.debugDescription)
        }
    }

    func testASCIISlugsAreThoseOfTheCharacterReading() {
        let ascii = Self.pieces.filter { $0.utf8.allSatisfy { $0 < 0x80 } }
        var generator = SplitMix(state: 7)
        for length in 0..<400 {
            let text = (0..<(length % 30)).map { _ in ascii.randomElement(using: &generator)! }.joined()
            XCTAssertEqual(Slugger.asciiSlug(text), Slugger.unicodeSlug(text), text.debugDescription)
        }
        XCTAssertEqual(Slugger.asciiSlug("GradNorm: Step 2 -- Weights"), "gradnorm-step-2-weights")
    }
}

/// A small deterministic generator, so that every run reads the same texts.
private struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
