import DomainDecomposition
import XCTest

/// Subdomains and interfaces as Opifex's `uniform_partition` builds them, and bad partitions.
final class PartitionTests: XCTestCase {
    func testSubdomainsAndInterfacesOfBothReferenceCases() {
        for reference in XPINNReference.shared.cases {
            let partition = reference.partition
            XCTAssertEqual(partition.subdomains.map(\.id), reference.subdomains.map(\.id), reference.name)
            for (ours, theirs) in zip(partition.subdomains, reference.subdomains) {
                XCTAssertEqual(ours.bounds.map { [$0.lowerBound, $0.upperBound] }, theirs.bounds, "\(reference.name) box \(ours.id)")
            }
            XCTAssertEqual(partition.interfaces.count, reference.interfaces.count, reference.name)
            for (ours, theirs) in zip(partition.interfaces, reference.interfaces) {
                XCTAssertEqual([ours.leftSubdomain, ours.rightSubdomain], theirs.subdomainIds, reference.name)
                XCTAssertEqual(ours.normal, theirs.normal, reference.name)
                XCTAssertEqual(ours.points, theirs.points, reference.name)
            }
        }
    }

    func testTwoByThreeBoxesAreNumberedFirstAxisSlowestWithAxisZeroFacesFirst() throws {
        let partition = try BoxPartition(bounds: [0...2, -1...2], counts: [2, 3], interfacePoints: 2)
        XCTAssertEqual(partition.subdomains.map(\.gridIndex), [[0, 0], [0, 1], [0, 2], [1, 0], [1, 1], [1, 2]])
        XCTAssertEqual(partition.subdomains[4].bounds, [1...2, 0...1])
        // Faces normal to x: (i, j) | (i+1, j); then faces normal to y: (i, j) | (i, j+1).
        XCTAssertEqual(partition.interfaces.map { [$0.leftSubdomain, $0.rightSubdomain] },
                       [[0, 3], [1, 4], [2, 5], [0, 1], [1, 2], [3, 4], [4, 5]])
        XCTAssertEqual(partition.interfaces.map(\.axis), [0, 0, 0, 1, 1, 1, 1])
        XCTAssertEqual(partition.interfaces[1].points, [[1, 0], [1, 1]])
        XCTAssertEqual(partition.interfaces[5].normal, [0, 1])
        XCTAssertEqual(partition.interfaces[5].points, [[1, 0], [2, 0]])
    }

    func testThreeDimensionalFacesCarryAGridOfPoints() throws {
        let partition = try BoxPartition(bounds: [0...1, 0...1, 0...1], counts: [1, 1, 2], interfacePoints: 2)
        XCTAssertEqual(partition.subdomains.count, 2)
        XCTAssertEqual(partition.interfaces.count, 1)
        XCTAssertEqual(partition.interfaces[0].normal, [0, 0, 1])
        XCTAssertEqual(partition.interfaces[0].points, [[0, 0, 0.5], [0, 1, 0.5], [1, 0, 0.5], [1, 1, 0.5]])
    }

    func testMembershipOfClosedBoxes() throws {
        let partition = XPINNReference.twoDimensional.partition
        XCTAssertEqual(partition.subdomainIDs(containing: [0.25, 0.5]), [0])
        XCTAssertEqual(partition.subdomainIDs(containing: [0.5, 0.5]), [0, 1])
        XCTAssertEqual(partition.subdomainIDs(containing: [1.0, 1.0]), [1])
        XCTAssertEqual(partition.subdomainIDs(containing: [1.01, 0.5]), [])
        XCTAssertEqual(partition.subdomainIDs(containing: [Float(0.5), Float(0)]), [0, 1])
        XCTAssertEqual(partition.subdomainIDs(containing: [0.5]), [], "a point of the wrong dimension lies nowhere")
    }

    func testBadPartitionsAreErrors() {
        func error(_ bounds: [ClosedRange<Double>], _ counts: [Int], points: Int = 4) -> DomainDecompositionError? {
            do {
                _ = try BoxPartition(bounds: bounds, counts: counts, interfacePoints: points)
                return nil
            } catch { return error as? DomainDecompositionError }
        }
        XCTAssertEqual(error([0...1], [0]), .invalidSetting(name: "counts[0]", value: "0", requirement: "an integer ≥ 1"))
        XCTAssertEqual(error([0...1, 0...1], [2, -1]), .invalidSetting(name: "counts[1]", value: "-1", requirement: "an integer ≥ 1"))
        XCTAssertEqual(error([], []), .invalidSetting(name: "bounds", value: "[]", requirement: "at least one interval"))
        XCTAssertEqual(error([0...1, 2...2], [1, 1]),
                       .invalidSetting(name: "bounds[1]", value: "2.0...2.0", requirement: "a finite interval of positive width"))
        XCTAssertEqual(error([0...Double.infinity], [1]),
                       .invalidSetting(name: "bounds[0]", value: "0.0...inf", requirement: "a finite interval of positive width"))
        XCTAssertEqual(error([0...1, 0...1], [2]), .dimensionMismatch(what: "partition counts per bound", expected: 2, actual: 1))
        XCTAssertEqual(error([0...1], [2], points: 0),
                       .invalidSetting(name: "interfacePoints", value: "0", requirement: "an integer ≥ 1"))
        XCTAssertNil(error([0...1], [1]), "one box and no interfaces is a valid partition")
    }
}
