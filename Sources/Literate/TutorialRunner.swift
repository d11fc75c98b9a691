import Foundation

/// Several problems found at once (all validation errors are reported together).
public struct ValidationErrors: Error, CustomStringConvertible {
    public var errors: [Error]
    public init(errors: [Error]) { self.errors = errors }
    public var description: String { errors.map { "\($0)" }.joined(separator: "\n") }
}

/// A step threw while the tutorial ran.
public struct StepError: Error, CustomStringConvertible {
    public var tutorial: String
    public var tag: String
    /// Where the step's snippet is (`tutorial.md:line`).
    public var snippet: SourceLocation?
    public var step: SourceLocation
    public var underlying: Error

    public var description: String {
        let place = snippet.map { "\($0.file):\($0.line)" } ?? "(no snippet)"
        return "\(place): step '\(tag)' (\(step)) failed: \(underlying)"
    }
}

/// The finished run of one tutorial: the parsed document and everything its steps produced.
public struct TutorialRun {
    public var tutorial: String
    public var document: MarkdownDocument
    public var options: RunOptions
    public var steps: [String: StepResult]
    public var values: [String: String]
    public var figures: [String: FigureOutput]
    public var tables: [String: ResultTable]
    /// Wall-clock seconds of all steps together.
    public var seconds: Double
    /// The process's peak resident memory after the run, in bytes.
    public var peakMemoryBytes: Int
    public var warnings: [String]
    /// Whether the results came from the step-result cache (then ``seconds`` is the time of
    /// the run that filled the entry).
    public var reused = false
}

/// Loads a tutorial, validates it against its registered steps, checks for drift, runs it.
public struct TutorialRunner {
    public let tutorial: AnyTutorial
    public var options: RunOptions
    public weak var observer: RunObserver?
    /// More checks of the parsed document that must pass before any step runs (the page
    /// writer's: formulas, figures, diagrams), so that a page that cannot be written fails
    /// before the run, not after it.
    public var documentCheck: ((MarkdownDocument) throws -> Void)?
    /// Where results of earlier runs are found and this run's are kept; `nil` runs every step
    /// and keeps nothing.
    public var cache: StepResultStore?
    /// Whether a result found in ``cache`` may be used; false runs the steps and replaces the entry.
    public var reusesCachedResults = true

    public init(_ tutorial: AnyTutorial, options: RunOptions = RunOptions(), observer: RunObserver? = nil) {
        self.tutorial = tutorial
        self.options = options
        self.observer = observer
    }

    /// The tutorial's snippets with their roles, after checking every tag; throws all problems at once.
    public func validate(_ document: MarkdownDocument) throws -> (plan: [(tag: String, code: CodeBlock)], warnings: [String]) {
        let path = document.path
        var errors: [Error] = []
        var plan: [(tag: String, code: CodeBlock)] = []
        var shownAt: [String: Int] = [:]
        var outputs: [(tag: String, line: Int)] = []
        for code in document.codeBlocks {
            do {
                switch try code.role(in: path) {
                case .step(let tag):
                    guard let step = tutorial.step(tag) else {
                        let known = tutorial.steps.map(\.tag).joined(separator: ", ")
                        throw SourceError(path: path, line: code.line, "unknown step '\(tag)'; tutorial '\(tutorial.name)' registers: \(known)")
                    }
                    if let first = shownAt[tag] {
                        throw SourceError(path: path, line: code.line, "step '\(tag)' appears twice (first at line \(first))")
                    }
                    for need in step.needs where shownAt[need] == nil {
                        throw SourceError(path: path, line: code.line,
                                          "step '\(tag)' needs step '\(need)' to run before it (\(step.location))")
                    }
                    shownAt[tag] = code.line
                    plan.append((tag, code))
                case .output(let tag):
                    outputs.append((tag, code.line))
                case .illustration, .plain, .table:
                    break
                }
            } catch {
                errors.append(error)
            }
        }
        for (tag, line) in outputs where shownAt[tag] == nil {
            let reason = tutorial.step(tag) == nil ? "unknown step '\(tag)'" : "step '\(tag)' has no snippet in this tutorial"
            errors.append(SourceError(path: path, line: line, "output block for \(reason)"))
        }
        errors += Placeholders.undeclared(in: document, plan: plan.map(\.tag), steps: tutorial.steps)
        if !errors.isEmpty { throw ValidationErrors(errors: errors) }
        let warnings = tutorial.steps.filter { shownAt[$0.tag] == nil }.map {
            "\(path): step '\($0.tag)' (\($0.location)) is registered but the tutorial does not use it"
        }
        return (plan, warnings)
    }

    /// Every snippet whose text differs from its step's code.
    public func drifts(in document: MarkdownDocument, plan: [(tag: String, code: CodeBlock)]) throws -> [Drift] {
        try plan.compactMap { tag, code in try DriftCheck.drift(of: code, in: document.path, step: tutorial.step(tag)!) }
    }

    /// Rewrites drifted snippets of the tutorial's Markdown from the step sources; returns how many changed.
    ///
    /// The rewritten text is parsed and checked again before it is written: a rewrite that
    /// would not leave every snippet equal to its step (so that a second `--fix` would change
    /// the file again) is refused, and the file is left as it was.
    @discardableResult
    public func fixSnippets() throws -> Int {
        let path = tutorial.markdownPath
        let document = try MarkdownParser.parse(fileAt: path)
        let (plan, _) = try validate(document)
        let drifted = try drifts(in: document, plan: plan)
        guard !drifted.isEmpty else { return 0 }
        let fixes = plan.filter { entry in drifted.contains { $0.tag == entry.tag } }.map { ($0.code, tutorial.step($0.tag)!) }
        let fixed = try DriftCheck.fixed(markdown: try SourceText.read(fileAt: path), path: path, fixes: fixes)
        let rewritten = try MarkdownParser.parse(fixed, path: path)
        let (newPlan, _) = try validate(rewritten)
        if let left = try drifts(in: rewritten, plan: newPlan).first {
            throw SourceError(path: path, line: left.markdown.line,
                              "--fix cannot rewrite the snippet step=\(left.tag) so that it matches its step; edit it by hand")
        }
        try Data(fixed.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        return drifted.count
    }

    /// Parses, validates, checks drift, runs every step in the tutorial's order and checks that
    /// every placeholder was filled.
    public func run() throws -> TutorialRun {
        let document = try MarkdownParser.parse(fileAt: tutorial.markdownPath)
        let (plan, warnings) = try validate(document)
        let drifted = try drifts(in: document, plan: plan)
        if !drifted.isEmpty { throw ValidationErrors(errors: drifted) }
        try documentCheck?(document)
        for warning in warnings { observer?.warning(warning) }
        let key = cache?.key(tutorial: tutorial.name, plan: plan.map(\.tag), options: options)
        if let cache, let key, reusesCachedResults {
            switch cache.lookup(key) {
            case .hit(let entry): return try reusing(entry, document: document, warnings: warnings)
            case .damaged(let reason): observer?.warning(reason)
            case .miss: break
            }
        }

        let sink = OutputSink(observer: observer, steps: tutorial.steps)
        var results: [String: StepResult] = [:]
        var current: (output: StepOutput, started: DispatchTime)?
        func finishCurrent() throws {
            guard let (output, started) = current else { return }
            do { try sink.checkDeclarations(of: output.tag) } catch { throw StepFailure(tag: output.tag, error: error) }
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
            results[output.tag] = StepResult(tag: output.tag, lines: output.lines, seconds: seconds)
            observer?.stepFinished(output.tag, seconds: seconds)
            current = nil
        }
        observer?.tutorialStarted(tutorial.name, steps: plan.count)
        let start = DispatchTime.now()
        var index = 0
        do {
            try tutorial.execute(plan.map(\.tag), options) { tag in
                try finishCurrent()
                index += 1
                self.observer?.stepStarted(tag, index: index, count: plan.count)
                let output = StepOutput(tag: tag, quick: self.options.quick, sink: sink)
                current = (output, DispatchTime.now())
                return output
            }
            try finishCurrent()
        } catch let failure as StepFailure {
            let code = plan.first { $0.tag == failure.tag }?.code
            throw StepError(tutorial: tutorial.name, tag: failure.tag,
                            snippet: code.map { SourceLocation(file: document.path, line: $0.line) },
                            step: tutorial.step(failure.tag)!.location, underlying: failure.error)
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
        let run = TutorialRun(tutorial: tutorial.name, document: document, options: options, steps: results,
                              values: sink.values, figures: sink.figures, tables: sink.tables, seconds: seconds,
                              peakMemoryBytes: PeakMemory.bytes(), warnings: warnings)
        try Placeholders.check(run)
        if let cache, let key {
            let entry = CachedRun(tutorial: tutorial.name, key: key, steps: plan.compactMap { results[$0.tag] },
                                  values: run.values, figures: run.figures, tables: run.tables, seconds: seconds)
            do { try cache.store(entry) } catch { observer?.warning("the step results were not cached: \(error)") }
        }
        return run
    }

    /// The run made of a cache entry's results, checked like a fresh one.
    private func reusing(_ entry: CachedRun, document: MarkdownDocument, warnings: [String]) throws -> TutorialRun {
        observer?.reused(tutorial.name, entry: entry)
        var run = TutorialRun(tutorial: tutorial.name, document: document, options: options,
                              steps: Dictionary(entry.steps.map { ($0.tag, $0) }, uniquingKeysWith: { first, _ in first }),
                              values: entry.values, figures: entry.figures, tables: entry.tables, seconds: entry.seconds,
                              peakMemoryBytes: PeakMemory.bytes(), warnings: warnings)
        run.reused = true
        try Placeholders.check(run)
        return run
    }
}

/// The process's peak resident set size.
public enum PeakMemory {
    public static func bytes() -> Int {
        var usage = rusage()
        #if os(Linux)
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Int(usage.ru_maxrss) * 1024
        #else
        getrusage(RUSAGE_SELF, &usage)
        return Int(usage.ru_maxrss)
        #endif
    }
}
