/// Cuts a long Markdown body into pieces that cmark can parse one at a time, so that only one
/// piece's tree is ever in memory (cmark's tree takes about 25 bytes per byte of input).
///
/// A piece ends before a line `L` that follows an empty line and begins at column 0. The piece
/// is parsed together with `L` (the sentinel) and is accepted only when `L` starts the last
/// top-level block, in both parses: then everything before `L` was closed by `L` exactly as in
/// one parse of the whole text (cmark reads blocks line by line without looking ahead), and the
/// next piece, starting at `L`, starts as that parse would at `L`. No formula or code span
/// crosses the empty line before `L`. Link reference definitions apply to the whole document,
/// so a text that may hold one (`]:`) is never cut.
struct DocumentSegments {
    /// A piece of the body.
    struct Piece {
        /// Its bytes in the body, the sentinel line included.
        var bytes: Range<Int>
        /// The body line (1-based) where the piece starts.
        var firstLine: Int
        /// The sentinel's line within the piece (1-based), or nil for the last piece.
        var sentinelLine: Int?
    }

    /// A line that may start a piece.
    struct Candidate {
        var offset: Int
        /// The offset after its newline.
        var end: Int
        var line: Int
        /// Whether it begins like a list item (`-`, `+`, `*`, a digit): a piece ending there always
        /// needs both cmark passes (see ``VerbatimScreen``), so another line is preferred.
        var mayStartListItem = false
    }

    /// How many candidates past the first one that fits a piece are looked at for one that
    /// does not begin like a list item.
    static let lookahead = 64

    /// How many bytes a piece holds at least (apart from the last).
    static let pieceSize = 1 << 20

    private(set) var candidates: [Candidate] = []
    let count: Int
    let pieceSize: Int

    /// Finds where `body` may be cut; `pieceSize` nil keeps it whole.
    init(_ body: String, pieceSize: Int? = Self.pieceSize) {
        var candidates: [Candidate] = []
        count = body.utf8.count
        self.pieceSize = pieceSize ?? count
        guard count > self.pieceSize else { return }
        body.utf8.withContiguousStorageIfAvailable { bytes in
            let newline = UInt8(ascii: "\n"), colon = UInt8(ascii: ":"), bracket = UInt8(ascii: "]")
            var line = 1, lineStart = 0, pending = false
            for index in 0..<bytes.count {
                let byte = bytes[index]
                if byte == colon, index > 0, bytes[index - 1] == bracket { candidates = []; return }
                guard byte == newline else { continue }
                if pending { candidates[candidates.count - 1].end = index + 1; pending = false }
                let previousLineEmpty = index == lineStart
                line += 1
                lineStart = index + 1
                guard previousLineEmpty, lineStart < bytes.count else { continue }
                let first = bytes[lineStart]
                if first != UInt8(ascii: " ") && first != UInt8(ascii: "\t") && first != newline {
                    candidates.append(Candidate(offset: lineStart, end: bytes.count, line: line,
                                                mayStartListItem: VerbatimScreen.mayStartListItem(first)))
                    pending = true
                }
            }
        }
        self.candidates = candidates
    }

    /// Hands each piece to `parse`, which returns false when the sentinel check fails; the
    /// piece is then tried again at least twice as long (so a failing text costs at most about
    /// twice one parse of it).
    func forEachPiece(_ parse: (Piece) throws -> Bool) throws {
        var start = 0, startLine = 1, index = 0, length = pieceSize
        while true {
            while index < candidates.count, candidates[index].offset < start + length { index += 1 }
            guard index < candidates.count else {
                _ = try parse(Piece(bytes: start..<count, firstLine: startLine, sentinelLine: nil))
                return
            }
            // Any candidate gives the same blocks; one that lets the piece skip a parse is cheaper.
            let preferred = candidates[index..<min(index + Self.lookahead, candidates.count)].firstIndex { !$0.mayStartListItem }
            let sentinel = candidates[preferred ?? index]
            if try parse(Piece(bytes: start..<sentinel.end, firstLine: startLine, sentinelLine: sentinel.line - startLine + 1)) {
                start = sentinel.offset
                startLine = sentinel.line
                length = pieceSize
            } else {
                length = 2 * (sentinel.end - start)
            }
        }
    }
}
