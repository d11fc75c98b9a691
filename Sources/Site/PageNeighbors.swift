/// The tutorials before and after a page in the order of the index, for its previous and next
/// links: plain links, so that they work without script.
public struct PageNeighbors: Equatable, Sendable {
    /// A tutorial a page links to.
    public struct Neighbor: Equatable, Sendable {
        public var name: String
        public var title: String

        public init(name: String, title: String) {
            self.name = name
            self.title = title
        }

        /// Its page, from a page folder beside it.
        var link: String { "../\(name)/index.html" }
    }

    public var previous: Neighbor?
    public var next: Neighbor?

    public init(previous: Neighbor? = nil, next: Neighbor? = nil) {
        self.previous = previous
        self.next = next
    }

    /// A page alone, with no neighbours.
    public static let none = PageNeighbors()

    /// The links, or nothing for a page alone.
    func write(into page: inout HTMLBuilder) {
        guard previous != nil || next != nil else { return }
        page.raw("<nav class=\"pager\" aria-label=\"Previous and next tutorials\">\n")
        for (neighbor, relation, direction) in [(previous, "prev", "Previous"), (next, "next", "Next")] {
            guard let neighbor else { continue }
            page.open("a", [("class", "pager-" + relation), ("rel", relation), ("href", neighbor.link)])
            page.element("span", [("class", "pager-direction")], text: direction)
            page.element("span", [("class", "pager-title")], text: neighbor.title)
            page.raw("</a>\n")
        }
        page.raw("</nav>\n")
    }
}
