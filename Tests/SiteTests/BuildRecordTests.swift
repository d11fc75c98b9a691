import Foundation
import Literate
import Site
import XCTest

/// The step-result cache trusts a binary only with the sources it was built from.
final class BuildRecordTests: XCTestCase {
    private var root: URL!
    private var executable: URL { root.appendingPathComponent("bin/render-tutorial") }
    private var source: URL { root.appendingPathComponent("Sources/Steps.swift") }

    override func setUpWithError() throws {
        root = SiteFixture.temporaryFolder()
        for url in [executable, source] {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        }
        try Data("let step = 1\n".utf8).write(to: source)
        try setDate(of: source, 1_000)
        try Data("binary".utf8).write(to: executable)
        try setDate(of: executable, 2_000)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: root) }

    private func setDate(of url: URL, _ seconds: Double) throws {
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSince1970: seconds)], ofItemAtPath: url.path)
    }

    private func verdict() throws -> BuildRecord.Verdict {
        let hashes = ["Sources/Steps.swift": try SHA256.hex(fileAt: source)]
        return BuildRecord(cacheFolder: root.appendingPathComponent("cache"))
            .verdict(on: hashes, allSources: { hashes }, packageRoot: root, executable: executable.path)
    }

    func testAFirstRunOfAFreshBuildIsTrustedAndRecordsItsSources() throws {
        XCTAssertEqual(try verdict(), .built)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("cache/builds").path).count, 1)
    }

    func testASourceEditedAfterTheBuildIsNotTrusted() throws {
        XCTAssertEqual(try verdict(), .built)
        try Data("let step = 2\n".utf8).write(to: source)
        XCTAssertEqual(try verdict(), .changed("Sources/Steps.swift"))
    }

    func testATouchedButUnchangedSourceIsStillTheSameBuild() throws {
        XCTAssertEqual(try verdict(), .built)
        try setDate(of: source, 3_000)
        XCTAssertEqual(try verdict(), .built)
    }

    func testABinaryOlderThanItsSourcesWithoutARecordIsNotTrusted() throws {
        try setDate(of: source, 3_000)
        XCTAssertEqual(try verdict(), .newer("Sources/Steps.swift"))
        XCTAssertFalse(FileManager.default.fileExists(atPath: root.appendingPathComponent("cache/builds").path), "nothing is recorded")
    }

    func testARebuiltBinaryIsANewIdentity() throws {
        XCTAssertEqual(try verdict(), .built)
        try Data("let step = 2\n".utf8).write(to: source)
        try setDate(of: source, 2_500)
        try Data("rebuilt binary".utf8).write(to: executable)
        try setDate(of: executable, 4_000)
        XCTAssertEqual(try verdict(), .built)
    }
}
