import ArgumentParser
import FlyingFox
import Foundation
import Tutorials

/// `render-tutorial serve [NAME…]`: a live preview. Renders, serves the output folder on
/// 127.0.0.1, and on every saved change renders again (a changed Swift file is rebuilt first)
/// while the open page reloads itself.
struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Serve the pages on 127.0.0.1, render again on every change, and reload the open page.",
        discussion: """
        Watches tutorials/*.md, Sources/ and Package.swift. A prose edit re-renders from the \
        step-result cache; a Swift edit runs 'swift build -c release --product render-tutorial' \
        first. A failed build or render shows its error in the browser; the pages on disk stay \
        as the last good render left them.
        """)

    @Argument(help: "Tutorials to render (default: all).")
    var names: [String] = []

    @Option(help: "The port on 127.0.0.1 (0: any free port).")
    var port: UInt16 = 8000

    @Option(help: "Where to write the pages.")
    var output = "output"

    @Option(help: ArgumentHelp("The tutorials' folder.", valueName: "dir"))
    var tutorials: String?

    @Option(help: ArgumentHelp("Where the step-result cache is kept.", valueName: "dir"))
    var cache: String?

    @Flag(help: "Smoke runs with few training steps (the pages say so).")
    var quick = false

    var folder: URL { tutorials.map { URL(fileURLWithPath: $0) } ?? TutorialRegistry.tutorialsFolder }

    func validate() throws {
        let known = TutorialRegistry.all(in: folder).map(\.name)
        for name in names where !known.contains(name) {
            throw ValidationError("unknown tutorial '\(name)'; available: \(known.joined(separator: ", "))")
        }
    }

    /// The arguments of the `render` run that makes the pages.
    var renderArguments: [String] {
        ["render"] + (names.isEmpty ? ["--all"] : names) + ["--output", output, "--quiet"]
            + (tutorials.map { ["--tutorials", $0] } ?? []) + (cache.map { ["--cache", $0] } ?? []) + (quick ? ["--quick"] : [])
    }

    func run() throws {
        // Saved now: after a rebuild the file at this path is the new binary, which renders.
        guard let executable = Bundle.main.executablePath else { throw ValidationError("cannot find the render-tutorial binary") }
        let state = PreviewState()
        let packageRoot = TutorialRegistry.packageRoot
        var watcher = SourceWatcher(tutorialsFolder: folder.standardizedFileURL, packageRoot: packageRoot)
        state.finished(failure: Self.runProcess(executable, renderArguments, in: nil))

        let server = HTTPServer(address: try .inet(ip4: "127.0.0.1", port: port), logger: .disabled,
                                handler: PreviewHandler(output: URL(fileURLWithPath: output).standardizedFileURL, state: state))
        let started = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var listening: (port: UInt16?, error: Error?) = (nil, nil)
        Task {
            let running = Task { try await server.run() }
            do {
                try await server.waitUntilListening()
                if case .ip4(_, let port)? = await server.listeningAddress { listening.port = port }
            } catch { listening.error = error }
            started.signal()
            do { try await running.value } catch {
                FileHandle.standardError.write(Data("render-tutorial serve: the server stopped: \(error)\n".utf8))
                Foundation.exit(1)
            }
        }
        started.wait()
        guard let bound = listening.port else {
            throw ValidationError("cannot listen on 127.0.0.1:\(port): \(listening.error.map { "\($0)" } ?? "no address")")
        }
        let page = names.count == 1 ? "\(names[0])/index.html" : "index.html"
        print("Serving \(output) at http://127.0.0.1:\(bound)/\(page) (Ctrl-C stops)")
        fflush(stdout)

        while true {
            Thread.sleep(forTimeInterval: 0.1)
            var changes = watcher.changes()
            guard !changes.isEmpty else { continue }
            // Editors save in several writes; wait until the files are still.
            while true {
                Thread.sleep(forTimeInterval: 0.05)
                let more = watcher.changes()
                if more.isEmpty { break }
                changes.tutorials += more.tutorials
                changes.code += more.code
            }
            let what = (changes.code + changes.tutorials).map { $0.replacingOccurrences(of: packageRoot.path + "/", with: "") }
            print("Changed: \(Set(what).sorted().joined(separator: ", "))")
            fflush(stdout)
            if !changes.code.isEmpty {
                print("Building (swift build -c release --product render-tutorial)…")
                fflush(stdout)
                if let failure = Self.runProcess("/usr/bin/env", ["swift", "build", "-c", "release", "--product", "render-tutorial"],
                                                 in: packageRoot) {
                    state.finished(failure: "swift build failed:\n" + failure)
                    continue
                }
            }
            state.finished(failure: Self.runProcess(executable, renderArguments, in: nil))
        }
    }

    /// Runs `arguments` and waits; its standard output goes to ours, its standard error is
    /// echoed and, when it fails, returned.
    static func runProcess(_ executable: String, _ arguments: [String], in folder: URL?) -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let folder { process.currentDirectoryURL = folder }
        let errors = Pipe()
        process.standardError = errors
        do { try process.run() } catch { return "cannot run \(executable): \(error)" }
        let text = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        FileHandle.standardError.write(Data(text.utf8))
        fflush(stdout)
        return process.terminationStatus == 0 ? nil : (text.isEmpty ? "\(executable) exited with status \(process.terminationStatus)" : text)
    }
}
