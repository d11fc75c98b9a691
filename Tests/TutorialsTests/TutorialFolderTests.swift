import Foundation
import Site
import Tutorials
import XCTest

/// A tutorial's folder under `Sources/Tutorials` holds code only that tutorial uses: its page's
/// fingerprint and its step-result cache key leave the other tutorials' folders out, which is
/// sound only while no tutorial uses a name declared in another's folder.
final class TutorialFolderTests: XCTestCase {
    private let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Sources")

    /// The Swift files under `folder` (relative to `Sources`), with their text.
    private func files(under folder: String) throws -> [(path: String, text: String)] {
        let url = sources.appendingPathComponent(folder)
        let walker = FileManager.default.enumerator(at: url, includingPropertiesForKeys: nil)!
        return try walker.compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" }.map {
            ($0.path, try String(contentsOf: $0, encoding: .utf8))
        }
    }

    /// What `text` declares: types anywhere, top-level functions and constants, and the members
    /// of its extensions by extended type.
    private func declarations(_ text: String) -> (types: Set<String>, topLevel: Set<String>, extensions: [String: Set<String>]) {
        let typePattern = try! NSRegularExpression(pattern: "\\b(?:struct|enum|class|protocol|typealias|actor)\\s+([A-Za-z_][A-Za-z0-9_]*)")
        let declaration = try! NSRegularExpression(pattern: "^(?:[a-z@]+ )*(?:func|var|let|case)\\s+([A-Za-z_][A-Za-z0-9_]*)")
        func firstName(_ pattern: NSRegularExpression, _ line: String) -> String? {
            pattern.firstMatch(in: line, range: NSRange(line.startIndex..., in: line)).flatMap { Range($0.range(at: 1), in: line) }
                .map { String(line[$0]) }
        }
        let types = Set(typePattern.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap {
            Range($0.range(at: 1), in: text).map { String(text[$0]) }
        })
        var topLevel: Set<String> = [], extensions: [String: Set<String>] = [:], extended: String?
        for line in text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if line.hasPrefix("extension ") || line.hasPrefix("public extension ") {
                extended = line.split(separator: " ").first { $0 != "public" && $0 != "extension" }
                    .map { String($0.prefix { $0.isLetter || $0.isNumber || $0 == "_" }) }
                continue
            }
            if line.hasPrefix("}") { extended = nil; continue }
            if !line.hasPrefix(" "), let name = firstName(declaration, line) { topLevel.insert(name) }
            if let type = extended, line.hasPrefix("    "), !line.hasPrefix("     "), let name = firstName(declaration, String(line.dropFirst(4))) {
                extensions[type, default: []].insert(name)
            }
        }
        return (types, topLevel, extensions)
    }

    /// Names `files` declare for other files: their types, top-level names, and the members they
    /// add to types declared elsewhere (the members of their own types are reached through those types).
    private func exportedNames(_ files: [(path: String, text: String)]) -> Set<String> {
        let parts = files.map { declarations($0.text) }
        let types = parts.reduce(into: Set<String>()) { $0.formUnion($1.types) }
        var names = types
        for part in parts {
            names.formUnion(part.topLevel)
            for (type, members) in part.extensions where !types.contains(type) { names.formUnion(members) }
        }
        return names
    }

    /// Every name `text` declares in any position (to tell a use of a name from a new local one).
    private func anyDeclaredNames(_ text: String) -> Set<String> {
        let pattern = try! NSRegularExpression(pattern: "\\b(?:struct|enum|class|protocol|typealias|actor|func|var|let|case)\\s+([A-Za-z_][A-Za-z0-9_]*)")
        return Set(pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap {
            Range($0.range(at: 1), in: text).map { String(text[$0]) }
        })
    }

    /// The identifiers `text` uses outside string literals and comments.
    private func usedWords(_ text: String) -> Set<String> {
        let noise = try! NSRegularExpression(pattern: "\"(?:[^\"\\\\\\n]|\\\\.)*\"|//[^\\n]*")
        let code = noise.stringByReplacingMatches(in: text, range: NSRange(text.startIndex..., in: text), withTemplate: " ")
        return Set(code.split { !($0.isLetter || $0.isNumber || $0 == "_") }.map(String.init))
    }

    func testNoTutorialUsesANameDeclaredOnlyInAnotherTutorialsFolder() throws {
        let publisher = Publisher(tutorials: TutorialRegistry.all(), packageRoot: TutorialRegistry.packageRoot, output: URL(fileURLWithPath: "/nonexistent"))
        let folders = TutorialRegistry.all().compactMap(publisher.ownFolder(of:))
        XCTAssertEqual(folders.count, TutorialRegistry.all().count, "every tutorial has a folder of its own")
        let byFolder = try Dictionary(uniqueKeysWithValues: folders.map { ($0, try files(under: String($0.dropFirst("Sources/".count)))) })
        let everywhereElse = try files(under: "").filter { file in !folders.contains { file.path.contains("/" + $0 + "/") } }
        let declaredElsewhere = exportedNames(everywhereElse)
        for (folder, own) in byFolder {
            let onlyHere = exportedNames(own).subtracting(declaredElsewhere)
            XCTAssertFalse(onlyHere.isEmpty, "\(folder) declares names of its own")
            for (otherFolder, otherFiles) in byFolder where otherFolder != folder {
                for file in otherFiles {
                    let used = onlyHere.intersection(usedWords(file.text)).subtracting(anyDeclaredNames(file.text))
                    XCTAssertTrue(used.isEmpty, "\(file.path) uses \(used.sorted()) declared in \(folder): move them to an engine module or to Sources/Tutorials")
                }
            }
        }
    }
}
