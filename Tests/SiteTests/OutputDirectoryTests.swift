import Site
import Foundation
import XCTest

final class OutputDirectoryTests: XCTestCase {
    func testReplacesAnExistingFolderWhole() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("out-\(UUID())")
        defer { try? FileManager.default.removeItem(at: root) }
        let folder = root.appendingPathComponent("page")
        try OutputDirectory.replace(folder, with: ["a.txt": Data("1".utf8), "old.txt": Data("x".utf8)])
        try OutputDirectory.replace(folder, with: ["a.txt": Data("2".utf8), "assets/b.txt": Data("3".utf8)])
        XCTAssertEqual(try String(contentsOf: folder.appendingPathComponent("a.txt"), encoding: .utf8), "2")
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("old.txt").path))
        XCTAssertTrue(FileManager.default.fileExists(atPath: folder.appendingPathComponent("assets/b.txt").path))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: root.path), ["page"])
    }

    func testAFailedWriteLeavesThePreviousFolder() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("out-\(UUID())")
        defer { try? FileManager.default.removeItem(at: root) }
        let folder = root.appendingPathComponent("page")
        try OutputDirectory.replace(folder, with: ["a.txt": Data("kept".utf8)])
        // A file name that cannot be created (a directory component that is a file) fails the write.
        XCTAssertThrowsError(try OutputDirectory.replace(folder, with: ["a.txt": Data("new".utf8), "a.txt/b": Data()]))
        XCTAssertEqual(try String(contentsOf: folder.appendingPathComponent("a.txt"), encoding: .utf8), "kept")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: root.path), ["page"])
    }
}
