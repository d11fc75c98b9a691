import Foundation

/// The front page, `output/index.html`, listing every tutorial.
public enum IndexPage {
    /// One tutorial on the index.
    public struct Entry: Equatable {
        public var name: String
        public var title: String
        public var summary: String
        /// Whether its page exists in the output folder.
        public var rendered: Bool
        /// Its page's sections, for the search index.
        public var sections: [HeadingOutline.Section]

        public init(name: String, title: String, summary: String, rendered: Bool, sections: [HeadingOutline.Section] = []) {
            self.name = name
            self.title = title
            self.summary = summary
            self.rendered = rendered
            self.sections = sections
        }
    }

    /// The names of the index's files in the output folder.
    public static let fileNames = ["index.html", "style.css", PageScript.fileName, SearchIndex.fileName]

    /// How every index page this tool writes begins: a render replaces only an index that does.
    static let head = opening(policy: "default-src 'none'; style-src 'self'; script-src 'self'")

    /// How the index pages of earlier versions began (before the search), still recognised as made here.
    static let formerHeads = [opening(policy: "default-src 'none'; style-src 'self'")]

    private static func opening(policy: String) -> String {
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
            + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<meta name=\"color-scheme\" content=\"light dark\">\n"
            + "<meta http-equiv=\"Content-Security-Policy\" content=\"\(policy)\">\n"
            + "<title>Executed tutorials</title>"
    }

    /// The index's files: `index.html`, `style.css`, the script and the search index of the pages.
    public static func files(_ entries: [Entry]) -> [String: Data] {
        var page = HTMLBuilder()
        page.raw(head)
        page.raw("\n<link rel=\"stylesheet\" href=\"style.css\">\n<script src=\"\(PageScript.fileName)\" defer></script>\n</head>\n<body>\n")
        page.raw("<header class=\"page-header\">\n<h1>Executed tutorials</h1>\n<p>")
        page.text("Each page was produced by running its tutorial's Swift steps: the code shown is the code that ran, and every number, table and figure comes from that run.")
        page.raw("</p>")
        PageWriter.searchBox(&page, page: "", root: "")
        page.raw("\n</header>\n<div class=\"page-header\">\n<ul class=\"tutorial-list\">\n")
        for entry in entries {
            page.raw("<li>")
            if entry.rendered {
                page.element("a", [("class", "name"), ("href", "\(entry.name)/index.html")], text: entry.title)
            } else {
                page.element("span", [("class", "name")], text: entry.title)
            }
            page.raw("<div class=\"meta\">")
            page.text(entry.rendered ? "render-tutorial \(entry.name)" : "not rendered yet: run render-tutorial \(entry.name)")
            page.raw("</div>")
            if !entry.summary.isEmpty { page.element("p", text: entry.summary) }
            page.raw("</li>\n")
        }
        page.raw("</ul>\n</div>\n</body>\n</html>\n")
        return ["index.html": Data(page.html.utf8), "style.css": Data(Stylesheet.css.utf8),
                PageScript.fileName: Data(PageScript.javascript.utf8), SearchIndex.fileName: SearchIndex.script(entries)]
    }
}
