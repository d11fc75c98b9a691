/// The names a step declares it publishes: the `value:`, `figure:` and `table=` names its
/// body hands to ``StepOutput``.
///
/// Declaring them lets the whole tutorial be checked before anything runs: a placeholder
/// that no step of the tutorial publishes is an error at its line, not minutes later. The
/// declaration is held to the truth while the step runs: publishing an undeclared name, or
/// finishing without publishing a declared one, is an error naming the step.
public struct Publications: Sendable, Equatable {
    public var values: [String]
    public var figures: [String]
    public var tables: [String]

    public init(values: [String] = [], figures: [String] = [], tables: [String] = []) {
        self.values = values
        self.figures = figures
        self.tables = tables
    }

    /// The declared names of one kind (`value`, `figure` or `table`).
    func names(_ kind: String) -> [String] {
        switch kind {
        case "value": values
        case "figure": figures
        default: tables
        }
    }

    /// Every declared name with its kind, as `kind:name`.
    var keys: Set<String> {
        Set(values.map { "value:" + $0 } + figures.map { "figure:" + $0 } + tables.map { "table:" + $0 })
    }
}

extension Placeholders {
    /// Every placeholder of the document that no step of the plan declares, with its line,
    /// before anything runs.
    static func undeclared(in document: MarkdownDocument, plan: [String], steps: [StepInfo]) -> [Error] {
        let planned = Set(plan)
        let declared = steps.filter { planned.contains($0.tag) }.map(\.publishes)
        let elsewhere = steps.filter { !planned.contains($0.tag) }
        var errors: [Error] = []
        for (kind, line) in all(in: document) {
            let (word, name) = kind.parts
            guard !declared.contains(where: { $0.names(word).contains(name) }) else { continue }
            var message = "no step of this tutorial publishes the \(word) '\(name)'"
            if let owner = elsewhere.first(where: { $0.publishes.names(word).contains(name) }) {
                message += " (step '\(owner.tag)' does, but the tutorial has no snippet for it)"
            } else {
                let known = declared.flatMap { $0.names(word) }.sorted()
                if !known.isEmpty { message += "; the steps publish: " + known.joined(separator: ", ") }
            }
            errors.append(SourceError(path: document.path, line: line, message))
        }
        return errors
    }
}

extension Placeholders.Kind {
    /// The kind's word and the name.
    var parts: (String, String) {
        switch self {
        case .value(let name): ("value", name)
        case .figure(let name): ("figure", name)
        case .table(let name): ("table", name)
        }
    }
}
