import Foundation

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
    /// Earlier parts of a long text (see ``finishPart()``), in order.
    private var parts: [String] = []

    /// The length of the text so far, in UTF-8 bytes.
    var byteCount: Int { parts.reduce(html.utf8.count) { $0 + $1.utf8.count } }

    /// Sets the text so far aside once it exceeds a megabyte, so that a long page grows in
    /// parts instead of by reallocating (and briefly doubling) one huge string.
    mutating func finishPart() {
        guard html.utf8.count > 1 << 20 else { return }
        parts.append(html)
        html = ""
    }

    /// Appends the whole text to `data`, giving up each part's memory as soon as it is copied.
    mutating func move(into data: inout Data) {
        parts.append(html)
        html = ""
        parts.reverse()
        while let part = parts.popLast() { data.append(contentsOf: part.utf8) }
    }

    mutating func raw(_ markup: String) { html += markup }

    mutating func text(_ text: String) { appendEscaped(text) }

    mutating func element(_ name: String, _ attributes: [(String, String)] = [], _ content: (inout HTMLBuilder) throws -> Void) rethrows {
        open(name, attributes)
        try content(&self)
        html += "</\(name)>"
    }

    mutating func element(_ name: String, _ attributes: [(String, String)] = [], text: String) {
        open(name, attributes)
        appendEscaped(text)
        html += "</\(name)>"
    }

    mutating func open(_ name: String, _ attributes: [(String, String)] = []) {
        html += "<\(name)"
        for (key, value) in attributes { html += " \(key)=\"\(escapeHTML(value))\"" }
        html += ">"
    }

    mutating func newline() { html += "\n" }

    /// Appends ``escapeHTML(_:)`` of `text`, without building it first when nothing needs escaping.
    mutating func appendEscaped(_ text: String) {
        let needsEscaping = text.utf8.contains { byte in
            byte == UInt8(ascii: "&") || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "\"")
                || byte == UInt8(ascii: "'")
        }
        html += needsEscaping ? escapeHTML(text) : text
    }
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
