import Foundation

/// Says where and why an experiment file is wrong when `JSONDecoder` only reports
/// "not valid JSON": a syntax error with its line and column, or a number that an
/// integer key cannot hold.
enum JSONDiagnosis {
    /// The reason `bytes` could not be decoded, in one phrase.
    static func describe(_ bytes: Data) -> String {
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: bytes, options: [.fragmentsAllowed])
        } catch {
            return syntaxError(error, in: bytes)
        }
        if let (key, value) = firstNonInteger(in: object) {
            return "'\(key)': expected an integer, found \(value)"
        }
        return "a value does not fit the type its key needs"
    }

    /// Line and column (both from 1) of the byte at `offset`.
    static func position(ofByte offset: Int, in bytes: Data) -> (line: Int, column: Int) {
        var line = 1, column = 1
        for byte in bytes.prefix(max(0, offset)) {
            if byte == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {  // count characters, not UTF-8 continuation bytes
                column += 1
            }
        }
        return (line, column)
    }

    private static func syntaxError(_ error: Error, in bytes: Data) -> String {
        let detail = ((error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String) ?? ""
        let offset: Int?
        if let range = detail.range(of: #"character (\d+)"#, options: .regularExpression) {
            offset = Int(detail[range].dropFirst("character ".count))
        } else if detail.localizedCaseInsensitiveContains("end of file") || bytes.isEmpty {
            offset = bytes.count
        } else {
            offset = nil
        }
        guard let offset else { return "not valid JSON" + (detail.isEmpty ? "" : " (\(detail))") }
        let (line, column) = position(ofByte: offset, in: bytes)
        let what = offset >= bytes.count ? "the file ends before the JSON does" : "not valid JSON here"
        return "line \(line), column \(column): \(what)"
    }

    /// The first key of the schema that must hold an integer but holds another number.
    private static func firstNonInteger(in object: Any) -> (key: String, value: String)? {
        guard let root = object as? [String: Any] else { return nil }
        var candidates: [(String, Any?)] = []
        if let config = root["config"] as? [String: Any] {
            for key in ["seed", "steps", "ncol", "nbc", "nic"] { candidates.append(("config.\(key)", config[key])) }
            for (index, width) in ((config["hidden"] as? [Any]) ?? []).enumerated() {
                candidates.append(("config.hidden[\(index)]", width))
            }
        }
        for run in ["gradnorm", "fixed"] {
            for (index, record) in ((root[run] as? [Any]) ?? []).enumerated() {
                candidates.append(("\(run)[\(index)].step", (record as? [String: Any])?["step"]))
            }
        }
        for case let (key, number as NSNumber) in candidates {
            let value = number.doubleValue
            if value != value.rounded() || Swift.abs(value) >= 0x1p63 { return (key, "\(number)") }
        }
        return nil
    }
}
