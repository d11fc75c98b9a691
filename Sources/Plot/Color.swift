/// An RGBA colour with components in [0, 1].
public struct Color: Equatable, Sendable {
    public var red: Double
    public var green: Double
    public var blue: Double
    public var alpha: Double

    /// Creates a colour from its components.
    public init(red: Double, green: Double, blue: Double, alpha: Double = 1) {
        self.red = red
        self.green = green
        self.blue = blue
        self.alpha = alpha
    }

    /// The same colour with another opacity.
    public func withAlpha(_ alpha: Double) -> Color { Color(red: red, green: green, blue: blue, alpha: alpha) }

    /// matplotlib's single-letter colours, as the reference figures use them.
    public static let blue = Color(red: 0, green: 0, blue: 1)
    public static let green = Color(red: 0, green: 0.5, blue: 0)
    public static let red = Color(red: 1, green: 0, blue: 0)
    public static let cyan = Color(red: 0, green: 0.75, blue: 0.75)
    public static let magenta = Color(red: 0.75, green: 0, blue: 0.75)
    public static let yellow = Color(red: 0.75, green: 0.75, blue: 0)
    public static let black = Color(red: 0, green: 0, blue: 0)
    public static let white = Color(red: 1, green: 1, blue: 1)
    /// matplotlib's default grid and legend-frame grey.
    public static let lightGray = Color(red: 0.8, green: 0.8, blue: 0.8)
}
