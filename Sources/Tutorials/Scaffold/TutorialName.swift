/// A valid name for a new tutorial, and the Swift names and title made from it.
///
/// A name is what `render-tutorial NAME` takes and the output folder is called: lower-case
/// letters and digits in words joined by single hyphens, starting with a letter
/// (`heat-2d`), so that it is also a file name and a Swift type name once capitalised.
public struct TutorialName: Equatable, Sendable {
    /// The name as given, e.g. `heat-equation`.
    public let name: String

    /// Names the command line takes as subcommands, so that no tutorial may be called so.
    public static let reserved: Set<String> = ["new", "serve", "render", "help"]

    /// Checks `name`; throws a ``ScaffoldError`` saying what is wrong with it.
    public init(_ name: String) throws {
        guard !name.isEmpty else { throw ScaffoldError("the tutorial needs a name, e.g. 'render-tutorial new heat-equation'") }
        let allowed = name.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
        guard allowed else {
            throw ScaffoldError("tutorial name '\(name)' may use only lower-case letters a-z, digits and hyphens")
        }
        guard let first = name.first, ("a"..."z").contains(first) else {
            throw ScaffoldError("tutorial name '\(name)' must start with a letter")
        }
        guard !name.hasSuffix("-"), !name.contains("--") else {
            throw ScaffoldError("tutorial name '\(name)' must be words joined by single hyphens")
        }
        guard !Self.reserved.contains(name) else {
            throw ScaffoldError("'\(name)' is a command of render-tutorial and cannot name a tutorial (reserved: "
                                + Self.reserved.sorted().joined(separator: ", ") + ")")
        }
        self.name = name
    }

    /// The hyphen-separated words.
    var words: [Substring] { name.split(separator: "-") }

    /// The Swift type-name prefix: `heat-equation` → `HeatEquation`.
    public var typeName: String { words.map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined() }

    /// A first title for the page: `heat-equation` → `Heat Equation`.
    public var title: String { words.map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(separator: " ") }
}
