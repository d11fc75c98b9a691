import Foundation
import XCTest

/// Every tutorial rendered once with `--quick` into a temporary folder, shared by the tests
/// of the pages' navigation (a quick render of all takes a few seconds).
enum RenderedSite {
    /// The output folder, or the error of the render.
    static let output: Result<URL, Error> = {
        let folder = SiteFixture.temporaryFolder()
        do {
            let result = try renderTutorial(["--all", "--quick", "--quiet", "--output", folder.path])
            guard result.status == 0 else { throw FixtureRenderFailure(message: result.error) }
            return .success(folder)
        } catch {
            return .failure(error)
        }
    }()

    /// The tutorials' names in the order of the index page.
    static func names() throws -> [String] {
        let index = try text("index.html")
        return matches(of: "<a class=\"name\" href=\"", in: index).map { String($0.prefix { $0 != "/" }) }
    }

    static func url(_ path: String) throws -> URL { try output.get().appendingPathComponent(path) }

    static func text(_ path: String) throws -> String { try String(contentsOf: try url(path), encoding: .utf8) }

    /// The text after each occurrence of `prefix` up to the next double quote.
    static func matches(of prefix: String, in text: String) -> [String] {
        var found: [String] = [], rest = text[...]
        while let start = rest.range(of: prefix) {
            rest = rest[start.upperBound...]
            guard let end = rest.firstIndex(of: "\"") else { break }
            found.append(String(rest[..<end]))
            rest = rest[end...]
        }
        return found
    }

    /// The part of a page between `<main id="content">` and `</main>`.
    static func main(of page: String) -> String {
        guard let start = page.range(of: "<main id=\"content\">"), let end = page.range(of: "</main>") else { return "" }
        return String(page[start.upperBound..<end.lowerBound])
    }
}

struct FixtureRenderFailure: Error, CustomStringConvertible {
    var message: String
    var description: String { "render-tutorial --all --quick failed: \(message)" }
}
