/// The text of a new tutorial's files: its Markdown page, its steps and its state, in the
/// conventions of the existing tutorials (see `Sources/Tutorials/LossBalancers/`).
public struct ScaffoldTemplates: Sendable {
    public let name: TutorialName

    public init(_ name: TutorialName) { self.name = name }

    /// The tag of the example step.
    public static let stepTag = "multiply"
    /// The value the example step publishes, used in the page's prose.
    public static let valueName = "sum"

    var tutorialType: String { name.typeName + "Tutorial" }
    var stateType: String { name.typeName + "State" }

    /// The example step's body, as the page shows it and as the closure holds it (dedented).
    public var stepBody: [String] {
        [
            "// A 2 × 2 matrix times a column of ones, on the package's tensors.",
            "let matrix = Tensor<Double>(rows: [[1, 2], [3, 4]])",
            "let ones = Tensor<Double>(rows: [[1], [1]])",
            "let product = matrix.matmul(ones)",
            "page.print(\"matrix × ones = \\(product.scalars)\")",
            "state.sum = product.sum().scalars[0]",
            "try page.value(\"\(Self.valueName)\", Report.fixed(state.sum, 1))",
        ]
    }

    /// `tutorials/NAME.md`.
    public var markdown: String {
        """
        ---
        title: "\(name.title)"
        level: Beginner
        prerequisites: None
        format: Executed tutorial
        summary: A new tutorial with one example step; replace this summary with what the page shows.
        ---

        # \(name.title)

        This page was made by `render-tutorial new \(name.name)`. Its prose is `tutorials/\(name.name).md`;
        its steps are in `Sources/Tutorials/\(name.typeName)/\(tutorialType).swift`.

        ## A First Step

        The step below multiplies a small matrix by a column of ones, so each entry of the product is
        the sum of one row. The entries of the product add up to `value:\(Self.valueName)`, a number the
        step computed when the page was rendered.

        ```swift step=\(Self.stepTag)
        \(stepBody.joined(separator: "\n"))
        ```

        ```output step=\(Self.stepTag)
        ```

        ## Next Steps

        Edit this prose freely. To change what runs, edit the step in the Swift file, then run
        `render-tutorial \(name.name) --fix` to copy its new body into the snippet above.

        """
    }

    /// `Sources/Tutorials/TYPE/TYPETutorial.swift`.
    public var tutorialSource: String {
        let body = stepBody.map { $0.isEmpty ? "" : String(repeating: " ", count: 12) + $0 }.joined(separator: "\n")
        return """
        import Literate
        import Tensor

        /// The \(name.name) tutorial (`tutorials/\(name.name).md`). Each closure body below is a
        /// snippet of the page.
        public enum \(tutorialType) {
            public static func definition(markdownPath: String) -> Tutorial<\(stateType)> {
                Tutorial(name: "\(name.name)", markdownPath: markdownPath, makeState: \(stateType).init, steps: steps)
            }

            static let steps: [Step<\(stateType)>] = [
                Step("\(Self.stepTag)", values: ["\(Self.valueName)"]) { state, page in
        \(body)
                },
            ]
        }

        """
    }

    /// `Sources/Tutorials/TYPE/TYPEState.swift`.
    public var stateSource: String {
        """
        import Literate

        /// What the \(name.name) tutorial's steps share: a step stores here what later steps read.
        public struct \(stateType) {
            /// Whether this is a `--quick` smoke run (a step that trains should then take few steps).
            public let quick: Bool
            /// The sum of the entries of the product the `\(Self.stepTag)` step computed.
            var sum: Double = 0

            public init(options: RunOptions) { quick = options.quick }
        }

        """
    }

    /// The line that registers the tutorial in `TutorialRegistry.all(in:)` (without indentation).
    public var registration: String {
        "AnyTutorial(\(tutorialType).definition(markdownPath: folder.appendingPathComponent(\"\(name.name).md\").path)),"
    }
}
