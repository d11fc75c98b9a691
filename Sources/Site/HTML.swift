/// Escapes text for HTML content and attribute values.
public func escapeHTML(_ text: String) -> String {
    var result = ""
    result.reserveCapacity(text.utf8.count)
    for scalar in text.unicodeScalars {
        switch scalar {
        case "&": result += "&amp;"
        case "<": result += "&lt;"
        case ">": result += "&gt;"
        case "\"": result += "&quot;"
        case "'": result += "&#39;"
        default: result.unicodeScalars.append(scalar)
        }
    }
    return result
}

/// Builds HTML text; every piece of text passes through ``escapeHTML(_:)`` unless it is
/// markup this module generated itself.
struct HTMLBuilder {
    private(set) var html = ""

    mutating func raw(_ markup: String) { html += markup }

    mutating func text(_ text: String) { html += escapeHTML(text) }

    mutating func element(_ name: String, _ attributes: [(String, String)] = [], _ content: (inout HTMLBuilder) throws -> Void) rethrows {
        open(name, attributes)
        try content(&self)
        html += "</\(name)>"
    }

    mutating func element(_ name: String, _ attributes: [(String, String)] = [], text: String) {
        open(name, attributes)
        html += escapeHTML(text)
        html += "</\(name)>"
    }

    mutating func open(_ name: String, _ attributes: [(String, String)] = []) {
        html += "<\(name)"
        for (key, value) in attributes { html += " \(key)=\"\(escapeHTML(value))\"" }
        html += ">"
    }

    mutating func newline() { html += "\n" }
}

/// A heading's id: lower-case words joined by hyphens, made unique within the page.
struct Slugger {
    private var used: [String: Int] = [:]

    mutating func slug(_ text: String) -> String {
        var slug = ""
        var pendingHyphen = false
        for c in text.lowercased() {
            if c.isLetter || c.isNumber {
                if pendingHyphen && !slug.isEmpty { slug.append("-") }
                slug.append(c)
                pendingHyphen = false
            } else {
                pendingHyphen = true
            }
        }
        if slug.isEmpty { slug = "section" }
        let count = used[slug, default: 0]
        used[slug] = count + 1
        return count == 0 ? slug : "\(slug)-\(count + 1)"
    }
}
