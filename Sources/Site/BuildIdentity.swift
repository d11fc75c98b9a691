import Foundation
import Literate

/// What, besides the source files, decides the bits a build computes: the build configuration,
/// the platform, the compiler, the shared libraries the process runs with (the Swift runtime
/// and Foundation of the toolchain, Cairo, libm…) and the CPU's vector features.
///
/// Part of every step-result cache key, so that an entry made by another build, toolchain or
/// machine is never reused.
public enum BuildIdentity {
    /// The identity of the running process, by ingredient, taken at its first use: the libraries
    /// mapped later (a library some step opens on demand) would otherwise make the key of a
    /// tutorial depend on what ran before it in the same process.
    public static func current() -> [String: String] { atFirstUse }

    private static let atFirstUse: [String: String] = {
        var identity = ["configuration": configuration, "platform": platform, "compiler": compiler]
        identity["libraries"] = loadedLibraries().joined(separator: "; ")
        identity["cpu"] = cpuFeatures()
        identity["fonts"] = SHA256.hex(Data(fontFiles().joined(separator: "\n").utf8))
        return identity
    }()

    static var configuration: String {
        #if DEBUG
        "debug"
        #else
        "release"
        #endif
    }

    static var platform: String {
        #if os(Linux)
        let system = "linux"
        #elseif os(macOS)
        let system = "macos"
        #else
        let system = "other"
        #endif
        #if arch(x86_64)
        return system + "-x86_64"
        #elseif arch(arm64)
        return system + "-arm64"
        #else
        return system + "-other"
        #endif
    }

    static var compiler: String {
        #if compiler(>=6.5)
        "6.5 or later"
        #elseif compiler(>=6.4)
        "6.4"
        #elseif compiler(>=6.3)
        "6.3"
        #else
        "before 6.3"
        #endif
    }

    /// Each shared library mapped into the process, as `path size modification-time`; where the
    /// maps cannot be read, the executable itself (so that any rebuild is a new identity).
    static func loadedLibraries() -> [String] {
        var paths: Set<String> = []
        // Read to the end: /proc files report no size, and a single read may stop early.
        if let data = FileHandle(forReadingAtPath: "/proc/self/maps")?.readDataToEndOfFile(),
           let maps = String(data: data, encoding: .utf8) {
            for line in maps.split(separator: "\n") {
                guard let slash = line.firstIndex(of: "/") else { continue }
                let path = String(line[slash...])
                if path.hasSuffix(".so") || path.contains(".so.") { paths.insert(path) }
            }
        }
        if paths.isEmpty, let executable = Bundle.main.executablePath { paths.insert(executable) }
        return paths.sorted().map { path in
            let attributes = try? FileManager.default.attributesOfItem(atPath: path)
            let size = (attributes?[.size] as? NSNumber)?.int64Value ?? -1
            let modified = (attributes?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? -1
            return "\(path) \(size) \(modified)"
        }
    }

    /// Every font file and fontconfig setting, as `path size modification-time`: the figures'
    /// text is drawn in whichever font fontconfig picks for the plots' family.
    static func fontFiles() -> [String] {
        let home = FileManager.default.homeDirectoryForCurrentUser.path
        let folders = ["/etc/fonts", "/usr/share/fonts", "/usr/local/share/fonts", home + "/.fonts", home + "/.local/share/fonts"]
        var lines: [String] = []
        for folder in folders {
            guard let walker = FileManager.default.enumerator(at: URL(fileURLWithPath: folder),
                                                              includingPropertiesForKeys: [.fileSizeKey, .contentModificationDateKey]) else { continue }
            for case let url as URL in walker {
                guard let values = try? url.resourceValues(forKeys: [.fileSizeKey, .contentModificationDateKey]),
                      let size = values.fileSize else { continue }
                lines.append("\(url.path) \(size) \(values.contentModificationDate?.timeIntervalSince1970 ?? -1)")
            }
        }
        return lines.sorted()
    }

    /// The vector features the kernels choose between at run time.
    static func cpuFeatures() -> String {
        guard let data = FileHandle(forReadingAtPath: "/proc/cpuinfo")?.readDataToEndOfFile(),
              let info = String(data: data, encoding: .utf8),
              let flags = info.split(separator: "\n").first(where: { $0.hasPrefix("flags") }) else { return "unknown" }
        let present = Set(flags.split(separator: " ").map(String.init))
        return ["avx2", "fma", "avx512f"].filter(present.contains).joined(separator: ",")
    }
}
