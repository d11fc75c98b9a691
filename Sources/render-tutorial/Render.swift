import ArgumentParser
import Foundation
import Literate
import Site
import Tensor
import Tutorials

/// `render-tutorial [NAME…]`: runs tutorials and writes their pages (the default subcommand, so
/// that `render-tutorial gradnorm`, `--all`, `--check` and `--list` need no subcommand name).
struct Render: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Run executed tutorials and write their HTML pages (the default).",
        discussion: """
        Each tutorial is a Markdown file under tutorials/ whose Swift snippets are registered steps.
        Rendering checks every snippet against its step's source, runs the steps, and writes
        OUTPUT/NAME/index.html with its figures, plus OUTPUT/index.html listing the tutorials.
        """)

    @Argument(help: "Tutorials to render (see --list).")
    var names: [String] = []

    @Flag(help: "Render every tutorial.")
    var all = false

    @Flag(help: "List the tutorials and exit.")
    var list = false

    @Option(help: "Where to write the pages.")
    var output = "output"

    @Flag(help: "A smoke run with few training steps (the page says so).")
    var quick = false

    @Flag(help: "Check that the pages in --output are up to date with the tutorials and the sources; render nothing.")
    var check = false

    @Flag(help: "Rewrite drifted snippets in the tutorials from their steps' source, then render.")
    var fix = false

    @Flag(help: "Run every step even when the step-result cache holds its results (the new results replace them).")
    var noCache = false

    @Option(help: ArgumentHelp("Where the step-result cache is kept (default: .build/tutorial-cache in the package).", valueName: "dir"))
    var cache: String?

    @Flag(help: "Do not echo the steps' terminal output.")
    var quiet = false

    @Option(help: ArgumentHelp("The tutorials' folder.", valueName: "dir"))
    var tutorials: String?

    var folder: URL { tutorials.map { URL(fileURLWithPath: $0) } ?? TutorialRegistry.tutorialsFolder }

    func validate() throws {
        if list { return }
        let known = TutorialRegistry.all(in: folder).map(\.name)
        for name in names where !known.contains(name) {
            throw ValidationError("unknown tutorial '\(name)'; available: \(known.joined(separator: ", "))")
        }
        if all && !names.isEmpty { throw ValidationError("give tutorial names or --all, not both") }
        if !check && !all && names.isEmpty { throw ValidationError("name a tutorial to render (available: \(known.joined(separator: ", "))), or use --all or --list") }
        if check && (quick || fix || noCache || cache != nil) {
            throw ValidationError("--check renders nothing; it cannot be combined with --quick, --fix, --cache or --no-cache")
        }
    }

    func selected() -> [AnyTutorial] {
        let registered = TutorialRegistry.all(in: folder)
        return all || names.isEmpty ? registered : names.compactMap { name in registered.first { $0.name == name } }
    }

    func run() throws {
        if list {
            for tutorial in TutorialRegistry.all(in: folder) {
                let title = (try? MarkdownParser.parse(fileAt: tutorial.markdownPath)).map { PageWriter.title(of: $0, fallback: tutorial.name) } ?? ""
                print("\(tutorial.name)\t\(title)")
            }
            return
        }
        do {
            if check { try runCheck() } else { try render() }
        } catch let error as ExitCode {
            throw error
        } catch let error as Interrupted {
            FileHandle.standardError.write(Data("render-tutorial: \(error)\n".utf8))
            Interruption.endByPendingSignal()
        } catch {
            FileHandle.standardError.write(Data("render-tutorial: error: \(Self.sentence(error))\n".utf8))
            throw ExitCode.failure
        }
    }

    /// `error` as one line; Foundation's file errors (`NSCocoaErrorDomain` dumps) as a sentence naming the path.
    static func sentence(_ error: Error) -> String {
        let nsError = error as NSError
        guard nsError.domain == NSCocoaErrorDomain || nsError.domain == NSPOSIXErrorDomain else { return "\(error)" }
        let path = nsError.userInfo[NSFilePathErrorKey] as? String ?? (nsError.userInfo[NSURLErrorKey] as? URL)?.path ?? "a file"
        return FileSystemError("use", path, error: error).description
    }

    /// The test hook of ``WriteFault``, from the environment.
    func writeFault() throws -> WriteFault? {
        guard let text = ProcessInfo.processInfo.environment[WriteFault.environmentVariable] else { return nil }
        guard let fault = WriteFault(text) else {
            throw ValidationError("\(WriteFault.environmentVariable)=\(text): expected fail@N, crash@N or interrupt@N")
        }
        return fault
    }

    func render() throws {
        Allocator.keepLargeBuffersOnHeap()
        Interruption.install()
        var publisher = Publisher(tutorials: TutorialRegistry.all(in: folder), packageRoot: TutorialRegistry.packageRoot,
                                  output: URL(fileURLWithPath: output), fault: try writeFault())
        publisher.registryFile = TutorialRegistry.sourceFile
        let cacheFolder = cache.map { URL(fileURLWithPath: $0) } ?? StepResultCache.defaultFolder(packageRoot: TutorialRegistry.packageRoot)
        let progress = TerminalProgress(echo: !quiet)
        var runs: [(run: TutorialRun, tutorial: AnyTutorial)] = []
        let targets = LinkTargets(tutorials: publisher.indexOrder)
        for tutorial in selected() {
            var runner = TutorialRunner(tutorial, options: RunOptions(quick: quick), observer: progress)
            runner.documentCheck = { try PageWriter.check($0, targets: targets) }
            let sources = try publisher.codeHashes(of: tutorial)
            switch try BuildRecord(cacheFolder: cacheFolder).verdict(on: sources, allSources: publisher.allCodeHashes,
                                                                     packageRoot: TutorialRegistry.packageRoot) {
            case .built:
                runner.cache = StepResultCache(folder: cacheFolder, sources: sources)
                runner.reusesCachedResults = !noCache
            case .changed(let path), .newer(let path):
                // The key hashes the files on disk, but the steps run as this binary was compiled.
                progress.warning("\(path) changed since render-tutorial was built, so the steps that run may not be the ones on disk; "
                                 + "the step-result cache is not used (build with swift build -c release)")
            }
            if fix {
                let fixed = try runner.fixSnippets()
                if fixed > 0 { FileHandle.standardError.write(Data("fixed \(fixed) snippet(s) in \(tutorial.markdownPath)\n".utf8)) }
            }
            if quick { print("QUICK RUN (\(tutorial.name)): few training steps; the numbers are not the tutorial's.") }
            runs.append((try runner.run(), tutorial))
        }
        let written = try publisher.write(runs)
        for (run, _) in runs {
            let steps = run.steps.count == 1 ? "1 step" : "\(run.steps.count) steps"
            if run.reused {
                print(String(format: "%@: %@ from the cache (they ran in %.2f s; --no-cache runs them again)",
                             run.tutorial, steps, run.seconds))
            } else {
                print(String(format: "%@: %@ in %.2f s, peak memory %.1f MB", run.tutorial, steps, run.seconds,
                             Double(run.peakMemoryBytes) / 1_048_576))
            }
        }
        for url in written { print("Wrote \(url.relativePath)") }
        if Interruption.pendingSignal != nil {
            FileHandle.standardError.write(Data("render-tutorial: interrupted after the pages were written\n".utf8))
            Interruption.endByPendingSignal()
        }
    }

    func runCheck() throws {
        var publisher = Publisher(tutorials: selected(), packageRoot: TutorialRegistry.packageRoot,
                                  output: URL(fileURLWithPath: output))
        publisher.indexOrder = TutorialRegistry.all(in: folder)
        publisher.registryFile = TutorialRegistry.sourceFile
        var problems: [String] = []
        let targets = LinkTargets(tutorials: publisher.indexOrder)
        for tutorial in selected() {
            let runner = TutorialRunner(tutorial)
            do {
                let document = try MarkdownParser.parse(fileAt: tutorial.markdownPath)
                let (plan, _) = try runner.validate(document)
                try PageWriter.check(document, targets: targets)
                problems += try runner.drifts(in: document, plan: plan).map(\.description)
            } catch {
                problems.append("\(error)")
            }
        }
        problems += try publisher.staleness()
        if problems.isEmpty {
            print("\(output): up to date (\(selected().map(\.name).joined(separator: ", ")))")
            return
        }
        FileHandle.standardError.write(Data(("render-tutorial: \(output) is stale:\n" + problems.map { "  " + $0 }.joined(separator: "\n")
            + "\nRun render-tutorial --all and commit \(output)/.\n").utf8))
        throw ExitCode.failure
    }
}
