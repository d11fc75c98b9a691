import Foundation

/// Where something is defined in a source file.
public struct SourceLocation: Sendable, Equatable, CustomStringConvertible {
    /// The absolute path (from `#filePath`).
    public var file: String
    /// The 1-based line.
    public var line: Int

    public init(file: String, line: Int) {
        self.file = file
        self.line = line
    }

    /// The path from the package root (`Sources/…`) when it lies under one.
    public var displayPath: String {
        if let range = file.range(of: "/Sources/", options: .backwards) {
            return "Sources/" + file[range.upperBound...]
        }
        return file
    }

    public var description: String { "\(displayPath):\(line)" }
}

/// One registered step of a tutorial: a tag, the steps it needs to have run before it,
/// and a body that works on the tutorial's typed state.
///
/// The body's code is what the page shows: the snippet tagged `step=TAG` must equal the
/// lines of the closure (see ``StepSource``). Write the registration as
/// `Step("tag") { state, page in` on one line and close it with `}` at the same indentation.
public struct Step<State> {
    public let tag: String
    public let needs: [String]
    /// The names the body publishes (checked against the tutorial before the run, and
    /// against the body while it runs).
    public let publishes: Publications
    public let location: SourceLocation
    let body: (inout State, StepOutput) throws -> Void

    /// Registers a step.
    /// - Parameters:
    ///   - tag: The name snippets use (`swift step=TAG`).
    ///   - needs: Steps that must run earlier in the tutorial (checked before anything runs).
    ///   - values: The `value:` names the body publishes.
    ///   - figures: The `figure:` names the body publishes.
    ///   - tables: The `table=` names the body publishes.
    ///   - body: The step's code; `page` receives its terminal output, values and figures.
    public init(_ tag: String, needs: [String] = [], values: [String] = [], figures: [String] = [], tables: [String] = [],
                file: String = #filePath, line: Int = #line, _ body: @escaping (inout State, StepOutput) throws -> Void) {
        self.tag = tag
        self.needs = needs
        self.publishes = Publications(values: values, figures: figures, tables: tables)
        self.location = SourceLocation(file: file, line: line)
        self.body = body
    }

    /// Registers a step whose publications are declared elsewhere (beside the code that publishes them).
    public init(_ tag: String, needs: [String] = [], publishes: Publications, file: String = #filePath, line: Int = #line,
                _ body: @escaping (inout State, StepOutput) throws -> Void) {
        self.init(tag, needs: needs, values: publishes.values, figures: publishes.figures, tables: publishes.tables,
                  file: file, line: line, body)
    }
}

/// Settings of one run of a tutorial.
public struct RunOptions: Sendable, Equatable {
    /// A smoke run with few training steps; the page says so.
    public var quick: Bool

    public init(quick: Bool = false) { self.quick = quick }
}

/// A tutorial: its Markdown file and its registered steps over one typed state.
public struct Tutorial<State> {
    public let name: String
    public let markdownPath: String
    public let makeState: (RunOptions) -> State
    public let steps: [Step<State>]

    /// - Parameters:
    ///   - name: The name on the command line and the output folder.
    ///   - markdownPath: The tutorial's Markdown file.
    ///   - makeState: The state the steps share, fresh for each run.
    ///   - steps: The registered steps.
    public init(name: String, markdownPath: String, makeState: @escaping (RunOptions) -> State, steps: [Step<State>]) {
        self.name = name
        self.markdownPath = markdownPath
        self.makeState = makeState
        self.steps = steps
    }
}

/// A registered step without its state type.
public struct StepInfo: Sendable {
    public var tag: String
    public var needs: [String]
    public var publishes: Publications
    public var location: SourceLocation
}

/// A tutorial without its state type, as the registry and the driver hold it.
public struct AnyTutorial {
    public let name: String
    public let markdownPath: String
    public let steps: [StepInfo]
    let execute: (_ plan: [String], _ options: RunOptions, _ started: (String) throws -> StepOutput) throws -> Void

    public init<State>(_ tutorial: Tutorial<State>) {
        name = tutorial.name
        markdownPath = tutorial.markdownPath
        steps = tutorial.steps.map { StepInfo(tag: $0.tag, needs: $0.needs, publishes: $0.publishes, location: $0.location) }
        let byTag = Dictionary(tutorial.steps.map { ($0.tag, $0) }, uniquingKeysWith: { first, _ in first })
        execute = { plan, options, started in
            var state = tutorial.makeState(options)
            for tag in plan {
                guard let step = byTag[tag] else { continue }
                let output = try started(tag)
                do {
                    try step.body(&state, output)
                } catch {
                    throw StepFailure(tag: tag, error: error)
                }
            }
        }
    }

    /// The registered step with this tag.
    public func step(_ tag: String) -> StepInfo? { steps.first { $0.tag == tag } }
}

/// A step threw.
struct StepFailure: Error {
    var tag: String
    var error: Error
}
