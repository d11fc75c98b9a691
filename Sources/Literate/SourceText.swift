import Foundation

/// The text of a Markdown file as the parser reads it: valid UTF-8 without NUL bytes, a
/// leading byte-order mark dropped, and every line ending (CRLF, CR, LF) read as LF.
///
/// Lines are counted the same way everywhere (the parser, error messages, `--fix`), so a
/// CRLF or CR file gets the same line numbers as its LF twin.
public enum SourceText {
    /// The decoded text of the file at `path` (line endings as in the file).
    public static func read(fileAt path: String) throws -> String {
        guard let data = FileManager.default.contents(atPath: path) else {
            let reason = FileManager.default.fileExists(atPath: path) ? "cannot read the file" : "no such file"
            throw SourceError(path: path, line: 1, reason)
        }
        return try decode(data, path: path)
    }

    /// Decodes UTF-8 bytes, or names the line of the first invalid sequence.
    public static func decode(_ data: Data, path: String) throws -> String {
        if let text = String(validatingUTF8Bytes: data) { return text }
        var iterator = data.makeIterator()
        var decoder = UTF8()
        var offset = 0
        loop: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): offset += UTF8.width(scalar)
            case .emptyInput: break loop
            case .error: break loop
            }
        }
        let line = lineNumber(ofByteOffset: offset, in: data)
        throw SourceError(path: path, line: line, "the file is not valid UTF-8 (byte \(offset + 1) is not part of a UTF-8 character)")
    }

    /// `text` with CRLF and CR turned into LF and a leading byte-order mark dropped; throws at
    /// the line of a NUL character (cmark would silently replace it).
    public static func normalized(_ text: String, path: String) throws -> String {
        // Most files need no change; finding that out on the bytes avoids a scalar-by-scalar copy.
        let needsChange = text.unicodeScalars.first == "\u{FEFF}"
            || text.utf8.contains { $0 == UInt8(ascii: "\r") || $0 == 0 }
        if !needsChange { return text }
        var scalars = String.UnicodeScalarView()
        scalars.reserveCapacity(text.utf8.count)
        var line = 1
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            if scalars.isEmpty && line == 1 && scalar == "\u{FEFF}" { continue }
            switch scalar {
            case "\r":
                scalars.append("\n")
                line += 1
                previousWasCR = true
                continue
            case "\n":
                if previousWasCR { previousWasCR = false; continue }
                line += 1
            case "\0":
                throw SourceError(path: path, line: line, "the file contains a NUL character")
            default: break
            }
            previousWasCR = false
            scalars.append(scalar)
        }
        return String(scalars)
    }

    /// The lines of `text`, each with its own line ending ("" for a last line without one).
    public static func lines(_ text: String) -> [(content: Substring, ending: Substring)] {
        var result: [(content: Substring, ending: Substring)] = []
        let scalars = text.unicodeScalars
        var start = scalars.startIndex, index = start
        while index < scalars.endIndex {
            let scalar = scalars[index]
            if scalar == "\n" || scalar == "\r" {
                var end = scalars.index(after: index)
                if scalar == "\r", end < scalars.endIndex, scalars[end] == "\n" { end = scalars.index(after: end) }
                result.append((Substring(scalars[start..<index]), Substring(scalars[index..<end])))
                start = end
                index = end
            } else {
                index = scalars.index(after: index)
            }
        }
        result.append((Substring(scalars[start..<scalars.endIndex]), ""))
        return result
    }

    /// The 1-based line holding byte `offset`, counting CRLF, CR and LF as line endings.
    static func lineNumber(ofByteOffset offset: Int, in data: Data) -> Int {
        var line = 1
        var previous: UInt8 = 0
        for byte in data.prefix(offset) {
            if byte == UInt8(ascii: "\n") && previous != UInt8(ascii: "\r") || byte == UInt8(ascii: "\r") { line += 1 }
            previous = byte
        }
        return line
    }
}

private extension String {
    /// The string of `data` when it is entirely valid UTF-8.
    init?(validatingUTF8Bytes data: Data) {
        // `String(decoding:)` repairs invalid input with U+FFFD, so it is valid only when
        // re-encoding gives the same bytes.
        var decoded = String(decoding: data, as: UTF8.self)
        // Compared as buffers: iterating `Data` byte by byte is slow for a file of megabytes.
        let same = decoded.withUTF8 { text in
            data.withUnsafeBytes { bytes in text.count == bytes.count && (bytes.isEmpty || memcmp(text.baseAddress!, bytes.baseAddress!, bytes.count) == 0) }
        }
        guard same else { return nil }
        self = decoded
    }
}
