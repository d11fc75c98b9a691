/// Highlights source code into HTML spans (`kw`, `ty`, `fn`, `str`, `num`, `com`, `attr`).
public enum SyntaxHighlighter {
    static let swiftKeywords: Set<String> = [
        "let", "var", "func", "return", "if", "else", "guard", "for", "in", "while", "repeat", "switch", "case",
        "default", "break", "continue", "struct", "class", "enum", "protocol", "extension", "import", "try", "throw",
        "throws", "rethrows", "do", "catch", "where", "as", "is", "nil", "true", "false", "self", "Self", "init",
        "inout", "static", "public", "private", "fileprivate", "internal", "mutating", "some", "any", "defer",
        "async", "await", "typealias", "associatedtype", "final", "override", "lazy", "weak", "unowned",
    ]
    static let bashKeywords: Set<String> = ["if", "then", "else", "fi", "for", "do", "done", "while", "case", "esac",
                                            "export", "source", "cd", "sudo"]

    /// The highlighted HTML of `code` in `language` (unknown languages are escaped only).
    public static func highlight(_ code: String, language: String) -> String {
        switch language {
        case "swift": return swift(Array(code))
        case "bash", "sh", "shell", "console": return shell(Array(code))
        default: return escapeHTML(code)
        }
    }

    static func span(_ kind: String, _ text: String) -> String {
        "<span class=\"\(kind)\">\(escapeHTML(text))</span>"
    }

    static func swift(_ chars: [Character]) -> String {
        var out = ""
        var i = 0
        var plain = ""
        func flush() {
            out += escapeHTML(plain)
            plain = ""
        }
        while i < chars.count {
            let c = chars[i]
            if c == "/", i + 1 < chars.count, chars[i + 1] == "/" {
                var j = i
                while j < chars.count, chars[j] != "\n" { j += 1 }
                flush(); out += span("com", String(chars[i..<j])); i = j
            } else if c == "/", i + 1 < chars.count, chars[i + 1] == "*" {
                var j = i + 2
                while j + 1 < chars.count, !(chars[j] == "*" && chars[j + 1] == "/") { j += 1 }
                j = min(j + 2, chars.count)
                flush(); out += span("com", String(chars[i..<j])); i = j
            } else if c == "\"" {
                flush()
                i = string(chars, from: i, into: &out)
            } else if c.isNumber {
                var j = i
                while j < chars.count, chars[j].isHexDigit || chars[j] == "." || chars[j] == "_" || chars[j] == "x"
                        || ((chars[j] == "-" || chars[j] == "+") && (chars[j - 1] == "e" || chars[j - 1] == "E")) {
                    if chars[j] == ".", j + 1 < chars.count, !chars[j + 1].isNumber { break }
                    j += 1
                }
                flush(); out += span("num", String(chars[i..<j])); i = j
            } else if c.isLetter || c == "_" || c == "@" || c == "#" {
                var j = i + 1
                while j < chars.count, chars[j].isLetter || chars[j].isNumber || chars[j] == "_" { j += 1 }
                let word = String(chars[i..<j])
                let previous = plain.last ?? out.last
                flush()
                if c == "@" || c == "#" {
                    out += span("attr", word)
                } else if swiftKeywords.contains(word) && previous != "." {
                    out += span("kw", word)
                } else if word.first!.isUppercase {
                    out += span("ty", word)
                } else if j < chars.count, chars[j] == "(" {
                    out += span("fn", word)
                } else {
                    out += escapeHTML(word)
                }
                i = j
            } else {
                plain.append(c)
                i += 1
            }
        }
        flush()
        return out
    }

    /// A string literal with `\(…)` interpolations highlighted as code; returns the index after it.
    static func string(_ chars: [Character], from start: Int, into out: inout String) -> Int {
        let triple = start + 2 < chars.count && chars[start + 1] == "\"" && chars[start + 2] == "\""
        var i = start + (triple ? 3 : 1)
        var piece = String(repeating: "\"", count: triple ? 3 : 1)
        while i < chars.count {
            let c = chars[i]
            if c == "\\", i + 1 < chars.count, chars[i + 1] == "(" {
                out += span("str", piece); piece = ""
                var depth = 1, j = i + 2
                while j < chars.count, depth > 0 {
                    if chars[j] == "(" { depth += 1 } else if chars[j] == ")" { depth -= 1 }
                    j += 1
                }
                out += span("str", "\\(") + swift(Array(chars[(i + 2)..<max(i + 2, j - 1)])) + span("str", ")")
                i = j
                continue
            }
            if c == "\\", i + 1 < chars.count {
                piece.append(c); piece.append(chars[i + 1]); i += 2
                continue
            }
            piece.append(c)
            i += 1
            if c == "\"" {
                if !triple { break }
                if i + 1 < chars.count, chars[i] == "\"", chars[i + 1] == "\"" { piece += "\"\""; i += 2; break }
            }
            if c == "\n" && !triple { break }
        }
        out += span("str", piece)
        return i
    }

    static func shell(_ chars: [Character]) -> String {
        var out = ""
        var i = 0
        var atCommandStart = true
        while i < chars.count {
            let c = chars[i]
            if c == "#", i == 0 || chars[i - 1].isWhitespace {
                var j = i
                while j < chars.count, chars[j] != "\n" { j += 1 }
                out += span("com", String(chars[i..<j])); i = j
            } else if c == "\"" || c == "'" {
                var j = i + 1
                while j < chars.count, chars[j] != c { j += 1 }
                j = min(j + 1, chars.count)
                out += span("str", String(chars[i..<j])); i = j; atCommandStart = false
            } else if !c.isWhitespace && c != ";" && c != "|" && c != "&" {
                var j = i
                while j < chars.count, !chars[j].isWhitespace, !";|&".contains(chars[j]) { j += 1 }
                let word = String(chars[i..<j])
                if atCommandStart || bashKeywords.contains(word) { out += span(atCommandStart ? "fn" : "kw", word) }
                else if word.hasPrefix("-") { out += span("attr", word) }
                else { out += escapeHTML(word) }
                atCommandStart = bashKeywords.contains(word) && word != "export"
                i = j
            } else {
                if c == "\n" || c == ";" || c == "|" || c == "&" { atCommandStart = true }
                out += escapeHTML(String(c)); i += 1
            }
        }
        return out
    }
}
