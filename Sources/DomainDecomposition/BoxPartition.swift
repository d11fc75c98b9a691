import PINN

/// One box of a ``BoxPartition``.
public struct Subdomain: Equatable, Sendable {
    /// The position in the partition's ``BoxPartition/subdomains`` (and of its network).
    public let id: Int
    /// The box's position along each axis, `0..<counts[axis]`.
    public let gridIndex: [Int]
    /// The box, one interval per coordinate.
    public let bounds: [ClosedRange<Double>]

    /// Whether the closed box holds `point`, compared in the point's precision (bounds are
    /// rounded to `S` first, as Opifex compares float32 points with float32 bounds).
    public func contains<S: BinaryFloatingPoint>(_ point: [S]) -> Bool {
        guard point.count == bounds.count else { return false }
        return zip(point, bounds).allSatisfy { x, range in S(range.lowerBound) <= x && x <= S(range.upperBound) }
    }
}

/// The shared face of two neighbouring boxes of a ``BoxPartition``.
public struct Interface: Equatable, Sendable {
    /// The box on the lower side of the face (the one the normal points away from).
    public let leftSubdomain: Int
    /// The box on the upper side of the face.
    public let rightSubdomain: Int
    /// The axis the face is perpendicular to.
    public let axis: Int
    /// The unit normal, pointing from ``leftSubdomain`` to ``rightSubdomain``.
    public let normal: [Double]
    /// Sample points on the face, one per row.
    public let points: [[Double]]
}

/// An axis-aligned box split into `counts[0] × counts[1] × …` equal boxes, with the faces
/// between neighbouring boxes, as Opifex's `uniform_partition` builds them.
///
/// Subdomains are numbered with the first axis varying slowest: in two dimensions box
/// `(i, j)` has id `i·counts[1] + j`. Interfaces come axis by axis (all faces normal to the
/// first axis, then the second, …), each axis's faces in the order of their left box.
///
/// Interface points: in one dimension the face is a point, repeated `interfacePoints` times
/// (as Opifex does); in two dimensions `interfacePoints` equally spaced points along the face,
/// ends included; in more dimensions (which Opifex does not partition) the grid of
/// `interfacePoints` per face axis, the earlier axis varying slowest.
///
/// ```swift
/// let partition = try BoxPartition(bounds: [0...1, 0...1], counts: [2, 1], interfacePoints: 3)
/// partition.interfaces[0].points  // [[0.5, 0], [0.5, 0.5], [0.5, 1]]
/// ```
public struct BoxPartition: Equatable, Sendable {
    /// The whole domain, one interval per coordinate.
    public let bounds: [ClosedRange<Double>]
    /// The number of boxes along each axis.
    public let counts: [Int]
    /// The number of sample points requested per interface.
    public let interfacePoints: Int
    /// The boxes, by id.
    public let subdomains: [Subdomain]
    /// The faces between neighbouring boxes.
    public let interfaces: [Interface]

    /// Splits `bounds` into `counts` equal boxes per axis.
    /// - Throws: ``DomainDecompositionError/dimensionMismatch(what:expected:actual:)`` when
    ///   `counts` and `bounds` differ in length, and
    ///   ``DomainDecompositionError/invalidSetting(name:value:requirement:)`` for no bounds,
    ///   non-finite or zero-width bounds, counts below 1 or fewer than 1 interface point.
    public init(bounds: [ClosedRange<Double>], counts: [Int], interfacePoints: Int = 10) throws {
        guard !bounds.isEmpty else {
            throw DomainDecompositionError.invalidSetting(name: "bounds", value: "[]", requirement: "at least one interval")
        }
        guard counts.count == bounds.count else {
            throw DomainDecompositionError.dimensionMismatch(what: "partition counts per bound", expected: bounds.count,
                                                            actual: counts.count)
        }
        for (axis, range) in bounds.enumerated() {
            guard range.lowerBound.isFinite, range.upperBound.isFinite, range.lowerBound < range.upperBound else {
                throw DomainDecompositionError.invalidSetting(name: "bounds[\(axis)]", value: "\(range)",
                                                             requirement: "a finite interval of positive width")
            }
        }
        for (axis, count) in counts.enumerated() where count < 1 {
            throw DomainDecompositionError.invalidSetting(name: "counts[\(axis)]", value: "\(count)", requirement: "an integer ≥ 1")
        }
        guard interfacePoints >= 1 else {
            throw DomainDecompositionError.invalidSetting(name: "interfacePoints", value: "\(interfacePoints)",
                                                         requirement: "an integer ≥ 1")
        }
        self.bounds = bounds
        self.counts = counts
        self.interfacePoints = interfacePoints
        let edges = zip(bounds, counts).map { Self.linspace($0.lowerBound, $0.upperBound, $1 + 1) }
        let indices = Self.gridIndices(counts)
        subdomains = indices.enumerated().map { id, index in
            Subdomain(id: id, gridIndex: index, bounds: index.enumerated().map { axis, i in edges[axis][i]...edges[axis][i + 1] })
        }
        var interfaces: [Interface] = []
        for axis in counts.indices {
            for (left, index) in indices.enumerated() where index[axis] < counts[axis] - 1 {
                var neighbour = index
                neighbour[axis] += 1
                let box = subdomains[left].bounds
                interfaces.append(Interface(
                    leftSubdomain: left, rightSubdomain: Self.id(of: neighbour, counts: counts), axis: axis,
                    normal: counts.indices.map { $0 == axis ? 1 : 0 },
                    points: Self.facePoints(of: box, axis: axis, count: interfacePoints)))
            }
        }
        self.interfaces = interfaces
    }

    /// The number of coordinates of a point.
    public var dimensions: Int { bounds.count }

    /// The ids of the closed boxes that hold `point` (two or more on a face, none outside).
    public func subdomainIDs<S: BinaryFloatingPoint>(containing point: [S]) -> [Int] {
        subdomains.filter { $0.contains(point) }.map(\.id)
    }

    /// The id of the box at `gridIndex` (one position per axis).
    static func id(of gridIndex: [Int], counts: [Int]) -> Int {
        zip(gridIndex, counts).reduce(0) { $0 * $1.1 + $1.0 }
    }

    /// Every grid position, the first axis varying slowest.
    static func gridIndices(_ counts: [Int]) -> [[Int]] {
        counts.reduce([[]]) { prefixes, count in prefixes.flatMap { prefix in (0..<count).map { prefix + [$0] } } }
    }

    /// Points on the upper face of `box` normal to `axis`.
    static func facePoints(of box: [ClosedRange<Double>], axis: Int, count: Int) -> [[Double]] {
        let position = box[axis].upperBound
        let alongFace = box.indices.filter { $0 != axis }
        // A one-dimensional face is a single point; Opifex still lists it `count` times.
        guard !alongFace.isEmpty else { return Array(repeating: [position], count: count) }
        let grid = gridIndices(Array(repeating: count, count: alongFace.count))
        let axes = alongFace.map { linspace(box[$0].lowerBound, box[$0].upperBound, count) }
        return grid.map { index in
            var point = [Double](repeating: position, count: box.count)
            for (k, faceAxis) in alongFace.enumerated() { point[faceAxis] = axes[k][index[k]] }
            return point
        }
    }

    /// `count` equally spaced values from `start` to `stop` (just `start` for one), as `numpy.linspace`.
    static func linspace(_ start: Double, _ stop: Double, _ count: Int) -> [Double] {
        count == 1 ? [start] : Grid.linspace(start, stop, count)
    }
}
