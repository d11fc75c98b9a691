import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One render's change to an output folder. Everything new is written under temporary names
/// beside its target (`.NAME.new-PID`) and then swapped in, all targets one after the other, so
/// that at every moment each page folder and index file is either the old one or the new one;
/// a failure before or during the swaps puts every old one back.
final class OutputTransaction {
    private enum Swap {
        /// Nothing was at `target`: the staged item was renamed there.
        case movedIn(staging: URL, target: URL)
        /// The staged item and the old one traded places: `staging` holds the old one.
        case exchanged(staging: URL, target: URL)
        /// The old one was renamed to `aside` (when the file system cannot exchange).
        case setAside(target: URL, aside: URL)
    }

    let output: URL
    private let fault: WriteFault?
    private let exchanges: Bool
    private let processID = getpid()
    /// How many write operations were made (the count ``WriteFault`` refers to).
    private(set) var operations = 0
    private var madeFolders: [URL] = []
    private var staged: [(staging: URL, target: URL)] = []
    private var swaps: [Swap] = []

    /// - Parameter exchanges: Whether to swap by one exchange where the file system can (false: always rename twice).
    init(output: URL, fault: WriteFault? = nil, exchanges: Bool = true) {
        self.output = output.standardizedFileURL
        self.fault = fault
        self.exchanges = exchanges
    }

    static func stagingName(of name: String, processID: Int32) -> String { ".\(name).new-\(processID)" }
    static func asideName(of name: String, processID: Int32) -> String { ".\(name).old-\(processID)" }

    // MARK: - Preparing

    /// Makes the output folder and any missing folder above it (undone by ``rollback()``).
    func makeOutputFolder() throws {
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: output.path, isDirectory: &isFolder) {
            guard isFolder.boolValue else { throw FileSystemError("write pages into", output.path, cause: "not a directory") }
            return
        }
        var missing: [URL] = []
        var folder = output
        while try FileOperations.kind(of: folder) == nil, folder.path != "/" {
            missing.append(folder)
            folder = folder.deletingLastPathComponent()
        }
        for folder in missing.reversed() {
            try perform { try FileOperations.makeFolder(folder) }
            madeFolders.append(folder)
        }
    }

    /// Puts back a page set aside by a killed render and removes the other leftovers of dead renders.
    func recover(_ leftovers: [Leftover]) throws {
        for leftover in leftovers where !leftover.isAlive {
            if leftover.role == .setAside, try FileOperations.kind(of: leftover.target) == nil {
                try perform { try FileOperations.rename(leftover.url, to: leftover.target) }
            } else {
                try perform { try FileOperations.removeTree(leftover.url) }
            }
        }
    }

    /// Writes `files` (relative path → bytes) into a new folder that will replace `OUT/name`.
    func stageFolder(_ name: String, files: [String: Data]) throws {
        try stageFolder(name, contents: files.mapValues { .bytes($0) })
    }

    /// Writes `contents` (relative path → what the file holds) into a new folder that will replace `OUT/name`.
    func stageFolder(_ name: String, contents files: [String: StagedContent]) throws {
        let staging = output.appendingPathComponent(Self.stagingName(of: name, processID: processID))
        try perform { try FileOperations.makeFolder(staging) }
        staged.append((staging, output.appendingPathComponent(name)))
        var folders: Set<String> = []
        for (path, content) in files.sorted(by: { $0.key < $1.key }) {
            let components = path.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
            guard !components.contains(where: { $0.isEmpty || $0 == "." || $0 == ".." }) else {
                throw PublishError("'\(path)': not a file name inside the page folder \(output.appendingPathComponent(name).path)")
            }
            for depth in 1..<max(components.count, 1) where folders.insert(components[..<depth].joined(separator: "/")).inserted {
                try perform { try FileOperations.makeFolder(staging.appendingPathComponent(components[..<depth].joined(separator: "/"))) }
            }
            try perform { try FileOperations.writeNewFile(staging.appendingPathComponent(path), content: content) }
        }
    }

    /// Writes a file that will replace `OUT/name`.
    func stageFile(_ name: String, _ data: Data) throws {
        let staging = output.appendingPathComponent(Self.stagingName(of: name, processID: processID))
        try perform { try FileOperations.writeNewFile(staging, data) }
        staged.append((staging, output.appendingPathComponent(name)))
    }

    // MARK: - Committing

    /// Swaps every staged item in; on a failure, swaps the old ones back and rethrows.
    /// Not interruptible: a signal that arrives meanwhile is acted on after ``finish()``.
    func commit() throws {
        do {
            for (staging, target) in staged { try swapIn(staging, target) }
        } catch {
            for swap in swaps.reversed() { try? undo(swap) }
            swaps = []
            throw error
        }
    }

    private func swapIn(_ staging: URL, _ target: URL) throws {
        guard let old = try FileOperations.kind(of: target) else {
            try perform(interruptible: false) { try FileOperations.rename(staging, to: target) }
            swaps.append(.movedIn(staging: staging, target: target))
            return
        }
        // An exchange would happily trade a file for a folder; a rename would not.
        guard old == (try FileOperations.kind(of: staging)) else {
            throw FileSystemError("replace", target.path, cause: old == .folder ? "it is a folder" : "it is not a folder")
        }
        var exchanged = false
        if exchanges { try perform(interruptible: false) { exchanged = try FileOperations.exchange(staging, target) } }
        if exchanged {
            swaps.append(.exchanged(staging: staging, target: target))
            return
        }
        let aside = output.appendingPathComponent(Self.asideName(of: target.lastPathComponent, processID: processID))
        try perform(interruptible: false) { try FileOperations.rename(target, to: aside) }
        swaps.append(.setAside(target: target, aside: aside))
        try perform(interruptible: false) { try FileOperations.rename(staging, to: target) }
        swaps.append(.movedIn(staging: staging, target: target))
    }

    private func undo(_ swap: Swap) throws {
        switch swap {
        case let .movedIn(staging, target):
            try perform(interruptible: false) { try FileOperations.rename(target, to: staging) }
        case let .exchanged(staging, target):
            try perform(interruptible: false) { _ = try FileOperations.exchange(staging, target) }
        case let .setAside(target, aside):
            try perform(interruptible: false) { try FileOperations.rename(aside, to: target) }
        }
    }

    /// After a commit: removes the old copies. A failure here leaves leftovers that the next
    /// render removes, not a wrong page, so it is not an error of the render.
    func finish() {
        for swap in swaps {
            switch swap {
            case .movedIn: break
            case let .exchanged(staging, _): try? perform(interruptible: false) { try FileOperations.removeTree(staging) }
            case let .setAside(_, aside): try? perform(interruptible: false) { try FileOperations.removeTree(aside) }
            }
        }
        swaps = []
        staged = []
    }

    /// After a failure before the commit, or of the commit: removes what was staged and the
    /// folders this render made.
    func rollback() {
        for (staging, _) in staged.reversed() { try? perform(interruptible: false) { try FileOperations.removeTree(staging) } }
        staged = []
        for folder in madeFolders.reversed() { try? perform(interruptible: false) { FileOperations.removeFolderIfEmpty(folder) } }
        madeFolders = []
    }

    // MARK: - Counting

    /// Runs one write operation: first acts on a pending SIGINT/SIGTERM (when `interruptible`),
    /// then on the injected ``WriteFault``, if any.
    private func perform(interruptible: Bool = true, _ body: () throws -> Void) throws {
        if interruptible, let signal = Interruption.pendingSignal { throw Interrupted(signal: signal) }
        operations += 1
        if let fault, fault.operation == operations, fault.kind == .fail {
            throw FileSystemError("complete write operation \(operations) in", output.path, cause: "input/output error (injected by \(WriteFault.environmentVariable))")
        }
        try body()
        if let fault, fault.operation == operations {
            switch fault.kind {
            case .fail: break
            case .crash: _ = raise(SIGKILL)
            case .interrupt: _ = raise(SIGINT)
            }
        }
    }
}
