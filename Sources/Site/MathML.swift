/// Converts the LaTeX of a formula into MathML at build time (no JavaScript on the page).
///
/// Covers what tutorials write: letters, numbers and operators; Greek letters and common
/// symbols; `^` and `_`; `{}` groups; `\frac`, `\sqrt`, accents (`\bar`, `\hat`, `\tilde`,
/// `\vec`, `\dot`, `\overline`); `\text`, `\mathrm`, `\mathbf`, `\mathcal`, `\mathbb`,
/// `\operatorname`; function names (`\log`, `\exp`, `\min` …); `\left … \right`;
/// spacing commands. Anything else is an error naming the command.
public enum MathML {
    /// A formula that cannot be converted.
    public struct ConversionError: Error, CustomStringConvertible {
        public var latex: String
        public var message: String
        public var description: String {
            let shown = latex.count <= 80 ? latex : latex.prefix(80) + "…"
            return "cannot convert the formula '\(shown)': \(message)"
        }
    }

    /// How deeply groups and commands may nest in a formula (the parser recurses).
    public static let maximumNesting = 100

    /// The `<math>` element for `latex`.
    public static func convert(_ latex: String, display: Bool) throws -> String {
        var parser = Parser(latex: latex)
        let body = try parser.parseSequence(until: nil)
        let inner = body.count == 1 ? body[0] : "<mrow>" + body.joined() + "</mrow>"
        let semantics = "<semantics>\(inner)<annotation encoding=\"application/x-tex\">\(escapeHTML(latex))</annotation></semantics>"
        return display ? "<math xmlns=\"http://www.w3.org/1998/Math/MathML\" display=\"block\">\(semantics)</math>"
                       : "<math xmlns=\"http://www.w3.org/1998/Math/MathML\">\(semantics)</math>"
    }

    static let identifiers: [String: String] = [
        "alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ", "epsilon": "ϵ", "varepsilon": "ε", "zeta": "ζ",
        "eta": "η", "theta": "θ", "vartheta": "ϑ", "iota": "ι", "kappa": "κ", "lambda": "λ", "mu": "μ", "nu": "ν",
        "xi": "ξ", "pi": "π", "rho": "ρ", "sigma": "σ", "tau": "τ", "upsilon": "υ", "phi": "ϕ", "varphi": "φ",
        "chi": "χ", "psi": "ψ", "omega": "ω", "Gamma": "Γ", "Delta": "Δ", "Theta": "Θ", "Lambda": "Λ", "Xi": "Ξ",
        "Pi": "Π", "Sigma": "Σ", "Phi": "Φ", "Psi": "Ψ", "Omega": "Ω", "ell": "ℓ", "infty": "∞", "partial": "∂",
        "nabla": "∇", "emptyset": "∅",
    ]

    static let operators: [String: String] = [
        "cdot": "⋅", "times": "×", "div": "÷", "pm": "±", "mp": "∓", "approx": "≈", "sim": "∼", "simeq": "≃",
        "equiv": "≡", "neq": "≠", "ne": "≠", "le": "≤", "leq": "≤", "ge": "≥", "geq": "≥", "ll": "≪", "gg": "≫",
        "propto": "∝", "in": "∈", "notin": "∉", "subset": "⊂", "subseteq": "⊆", "cup": "∪", "cap": "∩",
        "to": "→", "rightarrow": "→", "leftarrow": "←", "Rightarrow": "⇒", "Leftarrow": "⇐", "leftrightarrow": "↔",
        "mapsto": "↦", "gets": "←", "forall": "∀", "exists": "∃", "circ": "∘", "odot": "⊙", "otimes": "⊗",
        "oplus": "⊕", "ldots": "…", "cdots": "⋯", "dots": "…", "mid": "∣", "|": "‖", "lVert": "‖", "rVert": "‖",
        "Vert": "‖", "lvert": "|", "rvert": "|", "vert": "|", "{": "{", "}": "}", "langle": "⟨", "rangle": "⟩",
        "sum": "∑", "prod": "∏", "int": "∫", "oint": "∮", "setminus": "∖", "land": "∧", "lor": "∨", "neg": "¬",
        "top": "⊤", "perp": "⊥", "%": "%", "#": "#", "&": "&", "_": "_", "$": "$",
    ]

    static let largeOperators: Set<String> = ["sum", "prod", "int", "oint"]
    static let functions: Set<String> = ["log", "ln", "exp", "sin", "cos", "tan", "tanh", "sinh", "cosh", "min", "max",
                                         "arg", "lim", "sup", "inf", "det", "dim", "argmin", "argmax", "sgn"]
    static let limitFunctions: Set<String> = ["min", "max", "lim", "sup", "inf", "argmin", "argmax"]
    static let spaces: [String: String] = [",": "0.167em", ":": "0.222em", ";": "0.278em", "!": "-0.167em",
                                           "quad": "1em", "qquad": "2em", " ": "0.25em"]
    static let accents: [String: String] = ["bar": "¯", "overline": "¯", "hat": "^", "widehat": "^", "tilde": "~",
                                            "widetilde": "~", "vec": "→", "dot": "˙", "ddot": "¨"]
    static let variants: [String: String] = ["mathbf": "bold", "boldsymbol": "bold-italic", "mathcal": "script",
                                             "mathbb": "double-struck", "mathrm": "normal", "mathit": "italic",
                                             "mathsf": "sans-serif", "mathtt": "monospace"]

    struct Parser {
        let latex: String
        let chars: [Character]
        var index = 0
        /// Set by an operator name such as `\log`: TeX puts a thin space after it (before an
        /// ordinary atom, not before a parenthesis).
        var afterFunctionName = false
        var depth = 0

        init(latex: String) {
            self.latex = latex
            chars = Array(latex)
        }

        func fail(_ message: String) -> ConversionError { ConversionError(latex: latex, message: message) }

        /// Counts one level of nesting for the duration of `body`.
        mutating func nested<T>(_ body: (inout Parser) throws -> T) throws -> T {
            guard depth < MathML.maximumNesting else { throw fail("nesting deeper than \(MathML.maximumNesting) levels") }
            depth += 1
            defer { depth -= 1 }
            return try body(&self)
        }

        mutating func skipSpaces() {
            while index < chars.count, chars[index].isWhitespace { index += 1 }
        }

        /// Nodes up to `terminator` (`}` or `\right`), which is consumed.
        mutating func parseSequence(until terminator: String?) throws -> [String] {
            var nodes: [String] = []
            while true {
                skipSpaces()
                if index >= chars.count {
                    if let terminator { throw fail("missing '\(terminator)'") }
                    return nodes
                }
                if chars[index] == "}" {
                    guard terminator == "}" else { throw fail("unexpected '}'") }
                    index += 1
                    return nodes
                }
                if terminator == "\\right", lookingAt("\\right") { return nodes }
                if chars[index] == "^" || chars[index] == "_" {
                    guard let base = nodes.popLast() else { throw fail("'\(chars[index])' without a base") }
                    nodes.append(try scripts(on: base, limits: false))
                    continue
                }
                afterFunctionName = false
                var (node, limits) = try parseAtom()
                let function = afterFunctionName
                skipSpaces()
                if index < chars.count, chars[index] == "^" || chars[index] == "_" {
                    node = try scripts(on: node, limits: limits)
                }
                nodes.append(node)
                if function, index < chars.count, !"([{|".contains(chars[index]), !lookingAt("\\left") {
                    nodes.append("<mspace width=\"0.1667em\"></mspace>")
                }
            }
        }

        func lookingAt(_ text: String) -> Bool {
            let needle = Array(text)
            guard index + needle.count <= chars.count, Array(chars[index..<(index + needle.count)]) == needle else { return false }
            let after = index + needle.count
            return after >= chars.count || !chars[after].isLetter
        }

        mutating func scripts(on base: String, limits: Bool) throws -> String {
            var sub: String?, sup: String?
            while index < chars.count, chars[index] == "^" || chars[index] == "_" {
                let isSup = chars[index] == "^"
                index += 1
                let argument = try parseArgument()
                if isSup {
                    guard sup == nil else { throw fail("double superscript") }
                    sup = argument
                } else {
                    guard sub == nil else { throw fail("double subscript") }
                    sub = argument
                }
                skipSpaces()
            }
            switch (sub, sup) {
            case let (sub?, sup?): return limits ? "<munderover>\(base)\(sub)\(sup)</munderover>" : "<msubsup>\(base)\(sub)\(sup)</msubsup>"
            case let (sub?, nil): return limits ? "<munder>\(base)\(sub)</munder>" : "<msub>\(base)\(sub)</msub>"
            case let (nil, sup?): return limits ? "<mover>\(base)\(sup)</mover>" : "<msup>\(base)\(sup)</msup>"
            default: return base
            }
        }

        /// One argument: a group `{…}` as an `<mrow>` or a single atom.
        mutating func parseArgument() throws -> String {
            skipSpaces()
            guard index < chars.count else { throw fail("missing argument at the end") }
            if chars[index] == "{" {
                index += 1
                let nodes = try nested { try $0.parseSequence(until: "}") }
                return nodes.count == 1 ? nodes[0] : "<mrow>\(nodes.joined())</mrow>"
            }
            return try parseAtom().node
        }

        /// The raw text of a `{…}` argument (for `\text`).
        mutating func rawGroup() throws -> String {
            skipSpaces()
            guard index < chars.count, chars[index] == "{" else { throw fail("expected '{'") }
            index += 1
            var depth = 1, text = ""
            while index < chars.count {
                let c = chars[index]
                index += 1
                if c == "{" { depth += 1 } else if c == "}" {
                    depth -= 1
                    if depth == 0 { return text }
                }
                text.append(c)
            }
            throw fail("missing '}'")
        }

        mutating func parseAtom() throws -> (node: String, limits: Bool) {
            try nested { try $0.parseAtomBody() }
        }

        private mutating func parseAtomBody() throws -> (node: String, limits: Bool) {
            let c = chars[index]
            if c == "{" {
                index += 1
                let nodes = try parseSequence(until: "}")
                return ("<mrow>\(nodes.joined())</mrow>", false)
            }
            if c == "\\" { return try parseCommand() }
            index += 1
            if c.isNumber || (c == "." && index < chars.count && chars[index].isNumber) {
                var number = String(c)
                while index < chars.count, chars[index].isNumber || (chars[index] == "." && index + 1 < chars.count && chars[index + 1].isNumber) {
                    number.append(chars[index])
                    index += 1
                }
                return ("<mn>\(number)</mn>", false)
            }
            if c.isLetter { return ("<mi>\(escapeHTML(String(c)))</mi>", false) }
            if c == "'" { return ("<mo>′</mo>", false) }
            if "+-=<>,;:!?()[]|/*.".contains(c) {
                let symbol = c == "-" ? "−" : c == "*" ? "∗" : String(c)
                let fence = "()[]|".contains(c) ? " stretchy=\"false\"" : ""
                return ("<mo\(fence)>\(escapeHTML(symbol))</mo>", false)
            }
            if c == "&" || c == "#" || c == "%" || c == "~" { throw fail("'\(c)' is not supported") }
            return ("<mo>\(escapeHTML(String(c)))</mo>", false)
        }

        mutating func commandName() throws -> String {
            index += 1
            guard index < chars.count else { throw fail("a lone '\\' at the end") }
            if !chars[index].isLetter {
                let name = String(chars[index])
                index += 1
                return name
            }
            var name = ""
            while index < chars.count, chars[index].isLetter { name.append(chars[index]); index += 1 }
            return name
        }

        mutating func parseCommand() throws -> (node: String, limits: Bool) {
            let name = try commandName()
            if let symbol = identifiers[name] {
                let upright = name.first!.isUppercase || ["infty", "partial", "nabla", "emptyset"].contains(name)
                return (upright ? "<mi mathvariant=\"normal\">\(symbol)</mi>" : "<mi>\(symbol)</mi>", false)
            }
            if let symbol = operators[name] {
                if MathML.largeOperators.contains(name) { return ("<mo largeop=\"true\">\(symbol)</mo>", false) }
                return ("<mo>\(escapeHTML(symbol))</mo>", false)
            }
            if let width = spaces[name] { return ("<mspace width=\"\(width)\"/>", false) }
            if MathML.functions.contains(name) {
                afterFunctionName = !MathML.limitFunctions.contains(name)
                return ("<mi mathvariant=\"normal\">\(name)</mi>", MathML.limitFunctions.contains(name))
            }
            if let accent = accents[name] {
                let argument = try parseArgument()
                return ("<mover accent=\"true\">\(argument)<mo stretchy=\"true\">\(accent)</mo></mover>", false)
            }
            if name == "mathrm" || name == "mathit" || name == "mathbf" {
                // MathML Core styles identifiers only: a plain word becomes one <mi>.
                let start = index
                let text = try rawGroup()
                if !text.isEmpty, text.allSatisfy({ $0.isLetter }) {
                    return ("<mi mathvariant=\"\(variants[name]!)\">\(escapeHTML(text))</mi>", false)
                }
                index = start
            }
            if let variant = variants[name] {
                let argument = try parseArgument()
                return ("<mstyle mathvariant=\"\(variant)\">\(argument)</mstyle>", false)
            }
            switch name {
            case "frac", "dfrac", "tfrac":
                let numerator = try parseArgument(), denominator = try parseArgument()
                return ("<mfrac>\(numerator)\(denominator)</mfrac>", false)
            case "sqrt":
                skipSpaces()
                if index < chars.count, chars[index] == "[" {
                    index += 1
                    var degree: [String] = []
                    while index < chars.count, chars[index] != "]" { degree.append(try parseAtom().node) }
                    guard index < chars.count else { throw fail("missing ']' in \\sqrt") }
                    index += 1
                    return ("<mroot>\(try parseArgument())<mrow>\(degree.joined())</mrow></mroot>", false)
                }
                return ("<msqrt>\(try parseArgument())</msqrt>", false)
            case "text", "textrm", "textit", "textbf", "mbox":
                // Token elements drop leading and trailing spaces; `\text{Target: }` keeps its own.
                let text = try rawGroup().replacingOccurrences(of: " ", with: "\u{A0}")
                return ("<mtext>\(escapeHTML(text))</mtext>", false)
            case "operatorname":
                let text = try rawGroup()
                return ("<mi mathvariant=\"normal\">\(escapeHTML(text))</mi>", false)
            case "left":
                let open = try delimiter()
                let body = try parseSequence(until: "\\right")
                guard lookingAt("\\right") else { throw fail("\\left without \\right") }
                index += "\\right".count
                let close = try delimiter()
                return ("<mrow>\(open)\(body.joined())\(close)</mrow>", false)
            case "right":
                throw fail("\\right without \\left")
            default:
                throw fail("unknown command '\\\(name)'")
            }
        }

        /// The delimiter after `\left` or `\right` (`.` for none).
        mutating func delimiter() throws -> String {
            skipSpaces()
            guard index < chars.count else { throw fail("missing delimiter") }
            if chars[index] == "." { index += 1; return "" }
            var symbol: String
            if chars[index] == "\\" {
                let name = try commandName()
                guard let found = operators[name] else { throw fail("unknown delimiter '\\\(name)'") }
                symbol = found
            } else {
                symbol = String(chars[index])
                index += 1
            }
            return "<mo stretchy=\"true\">\(escapeHTML(symbol))</mo>"
        }
    }
}
