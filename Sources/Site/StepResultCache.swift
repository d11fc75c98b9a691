import Foundation
import Literate

/// A folder of ``CachedRun`` entries, one JSON file per key under a folder per tutorial.
///
/// Entries are found by the hash of their whole key, so a stale entry is never looked up; an
/// entry that does not decode, or whose recorded key or tutorial differs from its name, is
/// removed and treated as missing. Writes go to a temporary name and are renamed into place.
public struct StepResultCache: StepResultStore, Sendable {
    public let folder: URL
    /// SHA-256 of the source files the tutorial's steps are built from (see ``Publisher/codeHashes(of:)``).
    public var sources: [String: String]
    /// See ``BuildIdentity/current()``.
    public var build: [String: String]
    /// How many entries a tutorial keeps (the newest); older ones are removed when one is stored.
    public var entriesPerTutorial = 6

    public init(folder: URL, sources: [String: String], build: [String: String] = BuildIdentity.current()) {
        self.folder = folder
        self.sources = sources
        self.build = build
    }

    /// The folder the package keeps its cache in: under `.build`, which is not committed.
    public static func defaultFolder(packageRoot: URL) -> URL {
        packageRoot.appendingPathComponent(".build").appendingPathComponent("tutorial-cache")
    }

    public func key(tutorial: String, plan: [String], options: RunOptions) -> CacheKey {
        CacheKey(tutorial: tutorial, plan: plan, options: options, sources: sources, build: build)
    }

    func url(for key: String, tutorial: String) -> URL {
        folder.appendingPathComponent(tutorial).appendingPathComponent(key + ".json")
    }

    /// The entry stored under `key`, if there is a usable one.
    public func lookup(_ key: CacheKey) -> CacheLookup {
        let hex = key.hex, url = url(for: hex, tutorial: key.tutorial)
        guard let data = FileManager.default.contents(atPath: url.path) else { return .miss }
        let entry: CachedRun
        do {
            entry = try JSONDecoder().decode(CachedRun.self, from: data)
        } catch {
            try? FileManager.default.removeItem(at: url)
            return .damaged("\(url.path): unreadable cache entry, removed (\(error))")
        }
        guard entry.format == CachedRun.currentFormat, entry.key == hex, entry.keyText == key.text, entry.tutorial == key.tutorial,
              entry.steps.map(\.tag) == key.plan else {
            try? FileManager.default.removeItem(at: url)
            return .damaged("\(url.path): cache entry does not match its name, removed")
        }
        // Reading refreshes the entry's age, so that pruning keeps the entries in use.
        try? FileManager.default.setAttributes([.modificationDate: Date()], ofItemAtPath: url.path)
        return .hit(entry)
    }

    /// Stores `entry` under its key and removes the tutorial's oldest entries beyond ``entriesPerTutorial``.
    public func store(_ entry: CachedRun) throws {
        let target = url(for: entry.key, tutorial: entry.tutorial)
        let directory = target.deletingLastPathComponent()
        try FileSystemError.reporting("create", directory.path) {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let data = try encoder.encode(entry)
        let temporary = directory.appendingPathComponent(".\(entry.key).json.new-\(getpid())")
        try FileSystemError.reporting("write", temporary.path) { try data.write(to: temporary) }
        guard rename(temporary.path, target.path) == 0 else {
            let code = errno
            try? FileManager.default.removeItem(at: temporary)
            throw FileSystemError("write", target.path, errno: code)
        }
        prune(directory)
    }

    private func prune(_ directory: URL) {
        let keys: [URLResourceKey] = [.contentModificationDateKey]
        guard let files = try? FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: keys) else { return }
        let entries = files.filter { $0.pathExtension == "json" && !$0.lastPathComponent.hasPrefix(".") }
            .map { (url: $0, date: (try? $0.resourceValues(forKeys: Set(keys)).contentModificationDate) ?? .distantPast) }
            .sorted { ($0.date, $0.url.lastPathComponent) > ($1.date, $1.url.lastPathComponent) }
        for old in entries.dropFirst(entriesPerTutorial) { try? FileManager.default.removeItem(at: old.url) }
    }
}
