import Foundation

/// What a tutorial's steps produced, kept so that a later render of the same steps, from the
/// same code, options and build, reuses it instead of running them (Quarto's *freeze*,
/// MyST-NB's cache).
///
/// The unit is a whole run: the steps share one state, so a step can only be re-run after
/// every step before it, and any change to a step's code re-runs the tutorial.
public struct CachedRun: Codable, Equatable, Sendable {
    /// Bumped whenever the stored form or what the key covers changes; older entries are misses.
    public static let currentFormat = 1

    public var format: Int
    public var tutorial: String
    /// The hex SHA-256 of ``CacheKey/text``.
    public var key: String
    /// The key's text (what the entry was made from), to tell why a later run missed it.
    public var keyText: String
    /// The steps in the order they ran.
    public var steps: [StepResult]
    public var values: [String: String]
    public var figures: [String: FigureOutput]
    public var tables: [String: ResultTable]
    /// Wall-clock seconds of the run that made the entry.
    public var seconds: Double

    public init(tutorial: String, key: CacheKey, steps: [StepResult], values: [String: String],
                figures: [String: FigureOutput], tables: [String: ResultTable], seconds: Double) {
        self.format = Self.currentFormat
        self.tutorial = tutorial
        self.key = key.hex
        self.keyText = key.text
        self.steps = steps
        self.values = values
        self.figures = figures
        self.tables = tables
        self.seconds = seconds
    }
}

/// Everything that can change what a tutorial's steps produce: which steps run in which order,
/// the run options, the source files the steps are compiled from and link against, and the
/// build (configuration, toolchain and system libraries, CPU). The prose is not part of it.
public struct CacheKey: Equatable, Sendable {
    public var tutorial: String
    /// The tags of the steps the tutorial's snippets run, in order.
    public var plan: [String]
    public var options: RunOptions
    /// SHA-256 of each source file, by path from the package root.
    public var sources: [String: String]
    /// See ``BuildIdentity/current()``.
    public var build: [String: String]

    public init(tutorial: String, plan: [String], options: RunOptions, sources: [String: String], build: [String: String]) {
        self.tutorial = tutorial
        self.plan = plan
        self.options = options
        self.sources = sources
        self.build = build
    }

    /// The canonical text the key is the hash of: one line per ingredient, in a fixed order.
    public var text: String {
        var lines = ["format \(CachedRun.currentFormat)", "tutorial \(tutorial)", "quick \(options.quick)",
                     "plan " + plan.joined(separator: " ")]
        lines += build.sorted { $0.key < $1.key }.map { "build \($0.key) \($0.value)" }
        lines += sources.sorted { $0.key < $1.key }.map { "source \($0.key) \($0.value)" }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The key as hex SHA-256.
    public var hex: String { SHA256.hex(Data(text.utf8)) }
}

/// Where a run finds and leaves the results of its steps (see ``TutorialRunner/cache``).
public protocol StepResultStore {
    /// The results stored for this run's key, or why there is none usable.
    func lookup(_ key: CacheKey) -> CacheLookup
    /// Keeps a finished run's results under its key.
    func store(_ entry: CachedRun) throws
    /// The key of a run of `tutorial` with `plan` and `options` (adds the sources and the build).
    func key(tutorial: String, plan: [String], options: RunOptions) -> CacheKey
}

/// What a cache lookup found.
public enum CacheLookup: Equatable {
    case hit(CachedRun)
    case miss
    /// An entry was there but unusable (it has been removed); the reason.
    case damaged(String)
}
