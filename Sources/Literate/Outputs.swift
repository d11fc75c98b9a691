import Foundation

/// A table a step produced, as text cells.
public struct ResultTable: Sendable, Equatable, Codable {
    public var header: [String]
    public var rows: [[String]]
    /// Column alignment (defaults: first column left, the rest right).
    public var alignments: [ColumnAlignment]

    public init(header: [String], rows: [[String]], alignments: [ColumnAlignment]? = nil) {
        self.header = header
        self.rows = rows
        self.alignments = alignments ?? header.indices.map { $0 == 0 ? .left : .right }
    }
}

/// A PNG figure a step produced.
public struct FigureOutput: Sendable, Equatable, Codable {
    public var png: Data
    public var width: Int
    public var height: Int

    public init(png: Data, width: Int, height: Int) {
        self.png = png
        self.width = width
        self.height = height
    }
}

/// Everything one step produced: neutral values that only the HTML writer turns into HTML.
public struct StepResult: Sendable, Equatable, Codable {
    public var tag: String
    /// The lines the step printed.
    public var lines: [String]
    /// Wall-clock seconds the step took.
    public var seconds: Double

    public init(tag: String, lines: [String], seconds: Double) {
        self.tag = tag
        self.lines = lines
        self.seconds = seconds
    }
}

/// Receives what the run is doing, to show progress (see the command line's terminal display).
public protocol RunObserver: AnyObject {
    func tutorialStarted(_ name: String, steps: Int)
    func stepStarted(_ tag: String, index: Int, count: Int)
    func printed(_ line: String, by tag: String)
    func progress(_ tag: String, done: Int, total: Int, status: String)
    func stepFinished(_ tag: String, seconds: Double)
    func warning(_ message: String)
    /// A measurement (time, memory) of the step, for the terminal only.
    func measured(_ line: String, by tag: String)
    /// The tutorial's results were taken from the step-result cache instead of running its steps.
    func reused(_ name: String, entry: CachedRun)
}

extension RunObserver {
    /// Measurements are ignored unless the observer shows them.
    public func measured(_ line: String, by tag: String) {}
    /// A reuse is not shown unless the observer shows it.
    public func reused(_ name: String, entry: CachedRun) {}
}

/// Where a running step writes: its terminal output (captured line by line), the values,
/// figures and tables the page shows, and its progress.
public final class StepOutput {
    /// The step writing here.
    public let tag: String
    /// Whether this is a smoke run with few training steps.
    public let quick: Bool
    /// The lines printed so far.
    public private(set) var lines: [String] = []
    private unowned let sink: OutputSink

    init(tag: String, quick: Bool, sink: OutputSink) {
        self.tag = tag
        self.quick = quick
        self.sink = sink
    }

    /// Prints a line (or several separated by newlines) to the step's terminal output.
    public func print(_ text: String = "") {
        for line in text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            lines.append(line)
            sink.observer?.printed(line, by: tag)
        }
    }

    /// Publishes a value for `` `value:NAME` `` placeholders in the tutorial's prose and tables.
    public func value(_ name: String, _ text: String) throws {
        try sink.add(value: text, named: name, by: tag)
    }

    /// Publishes a figure for `![alt](figure:NAME)` placeholders.
    public func figure(_ name: String, _ figure: FigureOutput) throws {
        try sink.add(figure: figure, named: name, by: tag)
    }

    /// Publishes a table for `output table=NAME` blocks.
    public func table(_ name: String, _ table: ResultTable) throws {
        try sink.add(table: table, named: name, by: tag)
    }

    /// Reports a measurement such as a wall time, on the terminal only: a measurement is not
    /// page content, so that the same inputs give the same page on every machine.
    public func measured(_ line: String) {
        sink.observer?.measured(line, by: tag)
    }

    /// Reports progress of a long loop (shown on a terminal only).
    public func progress(_ done: Int, of total: Int, _ status: String = "") {
        sink.observer?.progress(tag, done: done, total: total, status: status)
    }
}

/// Collects the published outputs of one tutorial run.
final class OutputSink {
    weak var observer: RunObserver?
    var values: [String: String] = [:]
    var figures: [String: FigureOutput] = [:]
    var tables: [String: ResultTable] = [:]
    var producers: [String: String] = [:]
    /// What each step declares it publishes, by tag.
    let steps: [String: StepInfo]

    init(observer: RunObserver?, steps: [StepInfo]) {
        self.observer = observer
        self.steps = Dictionary(steps.map { ($0.tag, $0) }, uniquingKeysWith: { first, _ in first })
    }

    private func claim(_ kind: String, _ name: String, by tag: String) throws {
        guard isValidName(name) else {
            throw StepOutputError(message: "\(kind) name '\(name)' must be lower-case letters, digits, '-', '.' or '_'")
        }
        let key = kind + ":" + name
        if let step = steps[tag], !step.publishes.keys.contains(key) {
            throw StepOutputError(message: "step '\(tag)' publishes the \(kind) '\(name)' without declaring it; "
                                  + "add it to `\(kind)s:` of its registration (\(step.location))")
        }
        if let other = producers[key] {
            throw StepOutputError(message: "\(kind) '\(name)' was already published by step '\(other)'")
        }
        producers[key] = tag
    }

    /// Throws unless the step published everything it declares.
    func checkDeclarations(of tag: String) throws {
        guard let step = steps[tag] else { return }
        let missing = step.publishes.keys.filter { producers[$0] != tag }.sorted()
        guard missing.isEmpty else {
            throw StepOutputError(message: "step '\(tag)' declares but did not publish " + missing.joined(separator: ", ")
                                  + " (\(step.location))")
        }
    }

    func add(value: String, named name: String, by tag: String) throws {
        try claim("value", name, by: tag)
        values[name] = value
    }

    func add(figure: FigureOutput, named name: String, by tag: String) throws {
        try claim("figure", name, by: tag)
        figures[name] = figure
    }

    func add(table: ResultTable, named name: String, by tag: String) throws {
        try claim("table", name, by: tag)
        guard table.rows.allSatisfy({ $0.count == table.header.count }) else {
            throw StepOutputError(message: "table '\(name)' has rows whose length differs from its \(table.header.count) columns")
        }
        tables[name] = table
    }
}

/// A step published an output badly (a repeated or malformed name).
public struct StepOutputError: Error, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}
