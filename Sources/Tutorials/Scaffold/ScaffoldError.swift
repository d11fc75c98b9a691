/// Why ``TutorialScaffold`` refused to create a tutorial; nothing was written.
public struct ScaffoldError: Error, CustomStringConvertible, Equatable {
    public var message: String

    public init(_ message: String) { self.message = message }

    public var description: String { message }
}
