import Foundation
import Literate

/// Escapes text for HTML content and attribute values.
public func escapeHTML(_ text: String) -> String {
    var result = ""
    result.reserveCapacity(text.utf8.count)
    // The escaped characters are ASCII, so the text between them is copied a run at a time.
    let utf8 = text.utf8
    var runStart = utf8.startIndex
    for index in utf8.indices {
        let entity: String
        switch utf8[index] {
        case UInt8(ascii: "&"): entity = "&amp;"
        case UInt8(ascii: "<"): entity = "&lt;"
        case UInt8(ascii: ">"): entity = "&gt;"
        case UInt8(ascii: "\""): entity = "&quot;"
        case UInt8(ascii: "'"): entity = "&#39;"
        default: continue
        }
        result.append(contentsOf: text[runStart..<index])
        result += entity
        runStart = utf8.index(after: index)
    }
    result.append(contentsOf: text[runStart...])
    return result
}

/// Builds HTML text; every piece of text passes through ``escapeHTML(_:)`` unless it is
/// markup this module generated itself.
struct HTMLBuilder {
    private(set) var html = ""
    /// Earlier parts of a long text (see ``finishPart()``), in order.
    private var parts: [String] = []

    /// Whether finished parts go to a temporary file (made with the first one, see ``SpilledBody``)
    /// rather than stay in memory; where no such file can be made they stay in memory.
    var spillsParts = false
    /// The temporary file of the finished parts, once there is one.
    private(set) var spill: SpilledBody?
    /// How long the text grows before it is set aside as a part (``partSize``; tests make it short).
    var partLimit = Self.partSize

    /// The length of the text so far, in UTF-8 bytes.
    var byteCount: Int { parts.reduce(html.utf8.count + (spill?.byteCount ?? 0)) { $0 + $1.utf8.count } }

    /// Sets the text so far aside once it exceeds ``partLimit``, so that a long page grows in
    /// parts instead of by reallocating (and briefly doubling) one huge string.
    mutating func finishPart() {
        guard html.utf8.count > partLimit else { return }
        if spillsParts && spill == nil {
            spill = SpilledBody()
            spillsParts = spill != nil
        }
        if let spill {
            html.withUTF8 { spill.append($0) }
            html.removeAll(keepingCapacity: true)
            return
        }
        parts.append(html)
        html = ""
        html.reserveCapacity(partLimit + partLimit / 8)
    }

    /// The temporary file with the whole text, the unfinished part appended, or nil when no part
    /// was set aside in one (the text is then all in memory).
    mutating func finishSpilling() throws -> SpilledBody? {
        guard let spill else { return nil }
        html.withUTF8 { spill.append($0) }
        html = ""
        try spill.checkWritten()
        return spill
    }

    // Each part is freed, and its memory handed back (``FreedMemory``), as soon as it is
    // copied into the page's `Data`, so the page is counted about once, plus one part.
    static let partSize = 8 << 20

    /// Appends the whole text to `data`, giving up each part's memory as soon as it is copied.
    mutating func move(into data: inout Data) {
        parts.append(html)
        html = ""
        parts.reverse()
        while var part = parts.popLast() {
            part.withUTF8 { data.append($0) }
            part = ""
            FreedMemory.release()
        }
    }

    mutating func raw(_ markup: String) { html += markup }

    mutating func text(_ text: String) { appendEscaped(text) }

    mutating func element(_ name: String, _ attributes: [(String, String)] = [], _ content: (inout HTMLBuilder) throws -> Void) rethrows {
        open(name, attributes)
        try content(&self)
        close(name)
    }

    mutating func element(_ name: String, _ attributes: [(String, String)] = [], text: String) {
        open(name, attributes)
        appendEscaped(text)
        close(name)
    }

    // Appended piece by piece: string interpolation would build a new string each time.
    mutating func open(_ name: String, _ attributes: [(String, String)] = []) {
        html += "<"
        html += name
        for (key, value) in attributes {
            html += " "
            html += key
            html += "=\""
            appendEscaped(value)
            html += "\""
        }
        html += ">"
    }

    mutating func close(_ name: String) {
        html += "</"
        html += name
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
        var slug = text.utf8.allSatisfy { $0 < 0x80 } ? Self.asciiSlug(text) : Self.unicodeSlug(text)
        if slug.isEmpty { slug = "section" }
        let count = used[slug, default: 0]
        used[slug] = count + 1
        return count == 0 ? slug : "\(slug)-\(count + 1)"
    }

    /// The letters and numbers of `text`, lower-cased, runs of anything else made one hyphen.
    static func unicodeSlug(_ text: String) -> String {
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
        return slug
    }

    /// ``unicodeSlug(_:)`` of an ASCII text, read on its bytes: there only `A`–`Z`, `a`–`z` and `0`–`9`
    /// are letters or numbers, and lower-casing changes only `A`–`Z`.
    static func asciiSlug(_ text: String) -> String {
        var slug: [UInt8] = []
        var pendingHyphen = false
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                if pendingHyphen && !slug.isEmpty { slug.append(UInt8(ascii: "-")) }
                slug.append(byte | (byte <= UInt8(ascii: "Z") && byte >= UInt8(ascii: "A") ? 0x20 : 0))
                pendingHyphen = false
            default:
                pendingHyphen = true
            }
        }
        return String(decoding: slug, as: UTF8.self)
    }
}
