import Foundation

/// Mermaid flowcharts (`graph TD`/`LR`, `flowchart …`) drawn as inline SVG at build time.
///
/// Supported: nodes `A`, `A[text]`, `A(text)`, `A([text])`, `A((text))`, `A{text}`;
/// edges `-->`, `---`, `-.->`, `==>`, with `|label|`; chains `A --> B --> C`; `%%` comments.
/// Layout is layered: back edges (found depth first) are set aside, the rest are ranked by
/// longest path, and back edges are drawn as loops beside the layers.
public struct Flowchart {
    public enum Shape: Equatable { case rectangle, rounded, stadium, circle, diamond }
    public struct Node: Equatable { public var id: String; public var label: String; public var shape: Shape }
    public struct Edge: Equatable { public var from: String; public var to: String; public var label: String; public var dashed: Bool }

    public struct ParseError: Error, CustomStringConvertible {
        public var line: Int
        public var message: String
        public var description: String { message }
    }

    /// The most nodes and edges a chart may have: layout is quadratic in them and the
    /// back-edge search recurses along paths, so larger (hostile) charts are refused.
    public static let maximumNodes = 200, maximumEdges = 400

    public var horizontal: Bool
    public var nodes: [Node] = []
    public var edges: [Edge] = []

    /// Parses the diagram; `line` numbers in errors count from the first line of `source`.
    public init(_ source: String) throws {
        let lines = source.components(separatedBy: "\n")
        guard let headerIndex = lines.firstIndex(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty }) else {
            throw ParseError(line: 1, message: "empty diagram")
        }
        let header = lines[headerIndex].split(separator: " ").map(String.init)
        guard header.count == 2, ["graph", "flowchart"].contains(header[0]) else {
            throw ParseError(line: headerIndex + 1, message: "only 'graph TD' / 'flowchart LR' diagrams are supported, got '\(lines[headerIndex])'")
        }
        switch header[1] {
        case "TD", "TB": horizontal = false
        case "LR": horizontal = true
        default: throw ParseError(line: headerIndex + 1, message: "direction '\(header[1])' is not supported (TD, TB or LR)")
        }
        for (offset, raw) in lines.enumerated().dropFirst(headerIndex + 1) {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("%%") { continue }
            try parseStatement(line, number: offset + 1)
        }
    }

    private mutating func parseStatement(_ line: String, number: Int) throws {
        var scanner = Substring(line)
        var previous = try parseNode(&scanner, number: number)
        while true {
            scanner = scanner.drop { $0 == " " }
            if scanner.isEmpty { return }
            guard let (dashed, label) = parseArrow(&scanner) else {
                throw ParseError(line: number, message: "expected an arrow ('-->') in '\(line)'")
            }
            scanner = scanner.drop { $0 == " " }
            let next = try parseNode(&scanner, number: number)
            edges.append(Edge(from: previous, to: next, label: label, dashed: dashed))
            if edges.count > Self.maximumEdges {
                throw ParseError(line: number, message: "more than \(Self.maximumEdges) edges; split the diagram")
            }
            previous = next
        }
    }

    private func parseArrow(_ scanner: inout Substring) -> (dashed: Bool, label: String)? {
        for (arrow, dashed) in [("-.->", true), ("-->", false), ("==>", false), ("---", false)] where scanner.hasPrefix(arrow) {
            scanner = scanner.dropFirst(arrow.count)
            var label = ""
            if scanner.first == "|", let end = scanner.dropFirst().firstIndex(of: "|") {
                label = String(scanner[scanner.index(after: scanner.startIndex)..<end])
                scanner = scanner[scanner.index(after: end)...]
            }
            return (dashed, label.trimmingCharacters(in: .whitespaces))
        }
        return nil
    }

    private mutating func parseNode(_ scanner: inout Substring, number: Int) throws -> String {
        let id = scanner.prefix { $0.isLetter || $0.isNumber || $0 == "_" }
        guard !id.isEmpty else { throw ParseError(line: number, message: "expected a node id at '\(scanner)'") }
        scanner = scanner.dropFirst(id.count)
        let shapes: [(String, String, Shape)] = [("((", "))", .circle), ("([", "])", .stadium), ("[", "]", .rectangle),
                                                 ("(", ")", .rounded), ("{", "}", .diamond)]
        var label: String?, shape = Shape.rectangle
        for (open, close, kind) in shapes where scanner.hasPrefix(open) {
            let rest = scanner.dropFirst(open.count)
            guard let end = rest.range(of: close) else {
                throw ParseError(line: number, message: "node '\(id)' opens '\(open)' but never closes it")
            }
            var text = String(rest[..<end.lowerBound]).trimmingCharacters(in: .whitespaces)
            if text.count >= 2, text.first == "\"", text.last == "\"" { text = String(text.dropFirst().dropLast()) }
            label = text
            shape = kind
            scanner = rest[end.upperBound...]
            break
        }
        if let index = nodes.firstIndex(where: { $0.id == id }) {
            if let label { nodes[index].label = label; nodes[index].shape = shape }
        } else {
            nodes.append(Node(id: String(id), label: label ?? String(id), shape: shape))
            if nodes.count > Self.maximumNodes {
                throw ParseError(line: number, message: "more than \(Self.maximumNodes) nodes; split the diagram")
            }
        }
        return String(id)
    }

    // MARK: - Layout

    /// Approximate width of `text` at 14 px in a sans-serif font.
    static func textWidth(_ text: String) -> Double {
        text.reduce(0) { width, c in
            if "ilIj.,:;'|!".contains(c) { return width + 4 }
            if c == " " { return width + 4.5 }
            if c.isUppercase || "mw".contains(c) { return width + 10 }
            return width + 7.8
        }
    }

    /// Back edges: those that close a cycle in a depth-first walk from the nodes in order.
    public func backEdges() -> Set<Int> {
        var state: [String: Int] = [:]  // 1 visiting, 2 done
        var back: Set<Int> = []
        func visit(_ id: String) {
            state[id] = 1
            for (index, edge) in edges.enumerated() where edge.from == id {
                switch state[edge.to] {
                case 1: back.insert(index)
                case nil: visit(edge.to)
                default: break
                }
            }
            state[id] = 2
        }
        for node in nodes where state[node.id] == nil { visit(node.id) }
        return back
    }

    /// The diagram as an `<svg>` element sized to its content.
    public func svg(title: String) -> String {
        let back = backEdges()
        var rank: [String: Int] = [:]
        for node in nodes { rank[node.id] = 0 }
        for _ in 0..<nodes.count {
            for (index, edge) in edges.enumerated() where !back.contains(index) {
                rank[edge.to] = max(rank[edge.to]!, rank[edge.from]! + 1)
            }
        }
        let layers = (0...(rank.values.max() ?? 0)).map { r in nodes.filter { rank[$0.id] == r } }
        let nodeHeight = 44.0, padding = 20.0
        func size(_ node: Node) -> (Double, Double) {
            let width = max(Self.textWidth(node.label) + 36, 90)
            switch node.shape {
            case .diamond: return (width + 30, nodeHeight + 16)
            case .circle: return (max(width, nodeHeight), max(width, nodeHeight))
            default: return (width, nodeHeight)
            }
        }
        // Positions along the rank axis (main) and across it (cross), centred per layer.
        let gapMain = horizontal ? 60.0 : 36.0, gapCross = 24.0
        var centre: [String: (main: Double, cross: Double)] = [:]
        var extentMain = 0.0
        var layerCross: [Double] = []
        for layer in layers {
            let thickness = layer.map { horizontal ? size($0).0 : size($0).1 }.max() ?? 0
            let length = layer.map { horizontal ? size($0).1 : size($0).0 }.reduce(0, +) + gapCross * Double(max(layer.count - 1, 0))
            layerCross.append(length)
            var cursor = -length / 2
            for node in layer {
                let along = horizontal ? size(node).1 : size(node).0
                centre[node.id] = (extentMain + thickness / 2, cursor + along / 2)
                cursor += along + gapCross
            }
            extentMain += thickness + gapMain
        }
        extentMain -= gapMain
        let halfCross = (layerCross.max() ?? 0) / 2
        let loopSpace = back.isEmpty ? 0 : 30.0 + 14.0 * Double(back.count)
        func point(_ main: Double, _ cross: Double) -> (x: Double, y: Double) {
            horizontal ? (padding + main, padding + halfCross + cross) : (padding + halfCross + cross, padding + main)
        }
        let width = (horizontal ? extentMain : 2 * halfCross + loopSpace) + 2 * padding
        let height = (horizontal ? 2 * halfCross + loopSpace : extentMain) + 2 * padding

        var svg = "<svg class=\"flowchart\" xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" viewBox=\"0 0 \(n(width)) \(n(height))\" width=\"\(n(width))\" height=\"\(n(height))\">"
        svg += "<title>\(escapeHTML(title))</title>"
        svg += "<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\" class=\"arrowhead\"/></marker></defs>"
        func boundary(_ id: String, towardsMain sign: Double) -> (x: Double, y: Double) {
            let node = nodes.first { $0.id == id }!
            let (w, h) = size(node)
            let c = centre[id]!
            return point(c.main + sign * (horizontal ? w : h) / 2, c.cross)
        }
        var labels = ""
        var loop = 0
        for (index, edge) in edges.enumerated() {
            let dash = edge.dashed ? " stroke-dasharray=\"5 4\"" : ""
            var labelAt: (x: Double, y: Double)
            if back.contains(index) {
                // A loop beside the layers: out of the source's far side, back into the target's.
                loop += 1
                let offset = halfCross + 30 + 14 * Double(loop - 1)
                let a = centre[edge.from]!, b = centre[edge.to]!
                let nodeA = nodes.first { $0.id == edge.from }!, nodeB = nodes.first { $0.id == edge.to }!
                let sideA = a.cross + (horizontal ? size(nodeA).1 : size(nodeA).0) / 2
                let sideB = b.cross + (horizontal ? size(nodeB).1 : size(nodeB).0) / 2
                let p0 = point(a.main, sideA), p1 = point(a.main, offset), p2 = point(b.main, offset), p3 = point(b.main, sideB)
                svg += "<path class=\"edge\" d=\"M\(n(p0.x)),\(n(p0.y)) L\(n(p1.x)),\(n(p1.y)) L\(n(p2.x)),\(n(p2.y)) L\(n(p3.x)),\(n(p3.y))\" fill=\"none\"\(dash) marker-end=\"url(#arrow)\"/>"
                labelAt = ((p1.x + p2.x) / 2, (p1.y + p2.y) / 2)
            } else {
                let start = boundary(edge.from, towardsMain: 1), end = boundary(edge.to, towardsMain: -1)
                svg += "<path class=\"edge\" d=\"M\(n(start.x)),\(n(start.y)) L\(n(end.x)),\(n(end.y))\" fill=\"none\"\(dash) marker-end=\"url(#arrow)\"/>"
                labelAt = ((start.x + end.x) / 2, (start.y + end.y) / 2)
            }
            if !edge.label.isEmpty {
                let w = Self.textWidth(edge.label) + 10
                labels += "<rect class=\"edge-label\" x=\"\(n(labelAt.x - w / 2))\" y=\"\(n(labelAt.y - 10))\" width=\"\(n(w))\" height=\"20\" rx=\"3\"/>"
                labels += "<text x=\"\(n(labelAt.x))\" y=\"\(n(labelAt.y + 4.5))\" text-anchor=\"middle\" class=\"edge-text\">\(escapeHTML(edge.label))</text>"
            }
        }
        svg += labels
        for node in nodes {
            let (w, h) = size(node)
            let c = centre[node.id]!
            let p = point(c.main, c.cross)
            switch node.shape {
            case .diamond:
                svg += "<polygon class=\"node\" points=\"\(n(p.x)),\(n(p.y - h / 2)) \(n(p.x + w / 2)),\(n(p.y)) \(n(p.x)),\(n(p.y + h / 2)) \(n(p.x - w / 2)),\(n(p.y))\"/>"
            case .circle:
                svg += "<circle class=\"node\" cx=\"\(n(p.x))\" cy=\"\(n(p.y))\" r=\"\(n(w / 2))\"/>"
            default:
                let radius = node.shape == .rectangle ? 4 : node.shape == .rounded ? 12 : h / 2
                svg += "<rect class=\"node\" x=\"\(n(p.x - w / 2))\" y=\"\(n(p.y - h / 2))\" width=\"\(n(w))\" height=\"\(n(h))\" rx=\"\(n(radius))\"/>"
            }
            svg += "<text x=\"\(n(p.x))\" y=\"\(n(p.y + 5))\" text-anchor=\"middle\" class=\"node-text\">\(escapeHTML(node.label))</text>"
        }
        return svg + "</svg>"
    }

    /// A coordinate with at most one decimal, without trailing zeros.
    private func n(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }
}
