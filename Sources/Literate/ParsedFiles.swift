import Foundation

/// The documents parsed from files in this process, so that a file read again unchanged is
/// not parsed again.
///
/// A render parses each tutorial more than once (for the link targets of every page, then for
/// its run, the neighbours' titles and the index), and a long tutorial's parse is most of its
/// render. An entry is used only when the file's text is exactly the text it was parsed from,
/// so an edited file is always parsed afresh; failed parses are not kept. Only the most
/// recently used files are kept (``capacity``), so a long-lived process does not grow.
final class ParsedFiles: @unchecked Sendable {
    // Unchecked: every access to `entries` holds `lock`; tests parse on several threads.

    /// The one memo of the process.
    static let shared = ParsedFiles()

    /// How many files are kept.
    static let capacity = 8

    private struct Entry {
        var path: String
        var text: String
        var document: MarkdownDocument
    }

    private let lock = NSLock()
    /// Most recently used last.
    private var entries: [Entry] = []

    /// The document parsed from the file at `path` when the file still holds exactly the text
    /// it was parsed from, or nil. The file is compared a megabyte at a time, so a long file is
    /// not read into memory a second time.
    func document(fileAt path: String) -> MarkdownDocument? {
        let kept = lock.withLock { entries.first { $0.path == path } }
        guard let kept, Self.file(at: path, holds: kept.text) else { return nil }
        lock.withLock {
            if let index = entries.firstIndex(where: { $0.path == path }) { entries.append(entries.remove(at: index)) }
        }
        return kept.document
    }

    /// Keeps `document`, parsed from `text` read at `path`, in place of any earlier parse of that path.
    func keep(_ document: MarkdownDocument, path: String, text: String) {
        lock.lock()
        defer { lock.unlock() }
        entries.removeAll { $0.path == path }
        entries.append(Entry(path: path, text: text, document: document))
        if entries.count > Self.capacity { entries.removeFirst(entries.count - Self.capacity) }
    }

    /// Forgets every document (for tests).
    func removeAll() {
        lock.lock()
        defer { lock.unlock() }
        entries = []
    }

    /// How many documents are kept (for tests).
    var count: Int {
        lock.lock()
        defer { lock.unlock() }
        return entries.count
    }

    /// Whether the file at `path` holds exactly the UTF-8 bytes of `text`; false when it cannot be read.
    static func file(at path: String, holds text: String) -> Bool {
        guard let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        var text = text
        return text.withUTF8 { expected in
            var offset = 0
            while true {
                // Nil (or empty) at the end of the file.
                let chunk: Data
                do { chunk = try handle.read(upToCount: 1 << 20) ?? Data() } catch { return false }
                if chunk.isEmpty { return offset == expected.count }
                guard chunk.count <= expected.count - offset else { return false }
                let same = chunk.withUnsafeBytes { memcmp($0.baseAddress!, expected.baseAddress! + offset, chunk.count) == 0 }
                guard same else { return false }
                offset += chunk.count
            }
        }
    }
}
