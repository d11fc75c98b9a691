import Foundation
import Literate
import Site
import XCTest

/// A render replaces only what render-tutorial made: a page folder with its manifest, its own index.
final class PageOwnershipTests: XCTestCase {
    func testAFolderWithoutAManifestIsAnErrorAndIsKept() throws {
        let fixture = try SiteFixture(markdown: hostileMarkdown)
        defer { fixture.remove() }
        let thesis = fixture.output.appendingPathComponent("page/src/thesis.tex")
        try FileManager.default.createDirectory(at: thesis.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data("my thesis".utf8).write(to: thesis)
        XCTAssertThrowsError(try fixture.render()) { error in
            XCTAssertTrue("\(error)".contains("\(fixture.output.path)/page: "), "\(error)")
            XCTAssertTrue("\(error)".contains("not made by render-tutorial"), "\(error)")
        }
        XCTAssertEqual(try SiteFixture.tree(fixture.output), ["/page/src/thesis.tex": Data("my thesis".utf8)])
        XCTAssertEqual(SiteFixture.strays(in: fixture.output), [])
    }

    func testAFileThatIsNotOnTheManifestIsAnErrorAndIsKept() throws {
        let fixture = try SiteFixture(markdown: hostileMarkdown)
        defer { fixture.remove() }
        try fixture.render()
        let notes = fixture.output.appendingPathComponent("page/notes.txt")
        try Data("mine".utf8).write(to: notes)
        let before = try SiteFixture.tree(fixture.output)
        XCTAssertThrowsError(try fixture.render()) { error in
            XCTAssertTrue("\(error)".contains("\(notes.path): "), "\(error)")
            XCTAssertTrue("\(error)".contains("not made by render-tutorial"), "\(error)")
        }
        XCTAssertEqual(try SiteFixture.tree(fixture.output), before)
    }

    func testAPageNameThatIsAFileIsAnErrorAndIsKept() throws {
        let fixture = try SiteFixture(markdown: hostileMarkdown)
        defer { fixture.remove() }
        try FileManager.default.createDirectory(at: fixture.output, withIntermediateDirectories: true)
        try Data("a file".utf8).write(to: fixture.output.appendingPathComponent("page"))
        XCTAssertThrowsError(try fixture.render()) { error in
            XCTAssertTrue("\(error)".contains("\(fixture.output.path)/page: "), "\(error)")
        }
        XCTAssertEqual(try SiteFixture.tree(fixture.output), ["/page": Data("a file".utf8)])
    }

    func testAnIndexPageOfSomeoneElseIsAnErrorAndNothingIsWritten() throws {
        let fixture = try SiteFixture(markdown: hostileMarkdown)
        defer { fixture.remove() }
        try FileManager.default.createDirectory(at: fixture.output, withIntermediateDirectories: true)
        let index = fixture.output.appendingPathComponent("index.html")
        try Data("<h1>My site</h1>".utf8).write(to: index)
        XCTAssertThrowsError(try fixture.render()) { error in
            XCTAssertTrue("\(error)".contains("\(index.path): "), "\(error)")
            XCTAssertTrue("\(error)".contains("not made by render-tutorial"), "\(error)")
        }
        XCTAssertEqual(try SiteFixture.tree(fixture.output), ["/index.html": Data("<h1>My site</h1>".utf8)])
    }

    func testARenderedPageIsReplacedEvenWhenAFileOfItWasEdited() throws {
        let fixture = try SiteFixture(markdown: hostileMarkdown)
        defer { fixture.remove() }
        try fixture.render()
        let first = try SiteFixture.tree(fixture.output)
        try Data("edited".utf8).write(to: fixture.output.appendingPathComponent("page/index.html"))
        try fixture.render()
        XCTAssertEqual(try SiteFixture.tree(fixture.output), first)
    }
}
