import Foundation
import Literate

extension Publisher {
    /// Problems that make the output folder stale for `tutorials`: not rendered, rendered with
    /// --quick, inputs changed since, files edited by hand, an out-of-date index, leftovers of
    /// an interrupted render.
    public func staleness() throws -> [String] {
        var problems: [String] = []
        let relativeOutput = output.path
        for tutorial in tutorials {
            let folder = output.appendingPathComponent(tutorial.name)
            let manifestURL = folder.appendingPathComponent(PageManifest.fileName)
            guard let data = FileManager.default.contents(atPath: manifestURL.path) else {
                problems.append("\(relativeOutput)/\(tutorial.name): not rendered (no \(PageManifest.fileName))")
                continue
            }
            let manifest: PageManifest
            do {
                manifest = try JSONDecoder().decode(PageManifest.self, from: data)
            } catch {
                problems.append("\(manifestURL.path): unreadable manifest (\(error))")
                continue
            }
            if manifest.quick { problems.append("\(relativeOutput)/\(tutorial.name): rendered with --quick") }
            let current = try inputHashes(of: tutorial)
            for path in Set(current.keys).union(manifest.inputs.keys).sorted() where current[path] != manifest.inputs[path] {
                let change = manifest.inputs[path] == nil ? "added" : current[path] == nil ? "removed" : "changed"
                problems.append("\(relativeOutput)/\(tutorial.name): \(path) \(change) since the page was rendered")
            }
            let present = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            for name in Set(present).union(manifest.files.keys).sorted() where name != PageManifest.fileName {
                let url = folder.appendingPathComponent(name)
                guard let expected = manifest.files[name] else {
                    problems.append("\(url.path): not part of the rendered page"); continue
                }
                guard let bytes = FileManager.default.contents(atPath: url.path) else {
                    problems.append("\(url.path): missing"); continue
                }
                if SHA256.hex(bytes) != expected { problems.append("\(url.path): edited since it was rendered") }
            }
        }
        for (name, data) in try indexFiles(rendered: renderedNames()).sorted(by: { $0.key < $1.key }) {
            let url = output.appendingPathComponent(name)
            if FileManager.default.contents(atPath: url.path) != data { problems.append("\(url.path): out of date") }
        }
        problems += try Leftover.find(in: output, names: outputNames).map(\.description)
        return problems
    }
}
