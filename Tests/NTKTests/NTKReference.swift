import Foundation
import NeuralNet
import Tensor
import XCTest

/// `ntk-reference.json`: Opifex's empirical NTK of a 2→4→1 network at 5 points, and a per-loss
/// PINN NTK of a 1→5→1 network (minimal JAX), both in float32.
enum NTKReference {
    static let json: [String: Any] = {
        let url = Bundle.module.url(forResource: "ntk-reference", withExtension: "json", subdirectory: "Fixtures")!
        return try! JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Any]
    }()

    static func node(_ path: [String]) -> Any {
        var node: Any = json
        for key in path { node = (node as! [String: Any])[key]! }
        return node
    }

    static func scalar(_ path: String...) -> Double { (node(path) as! NSNumber).doubleValue }
    static func vector(_ path: String...) -> [Double] { (node(path) as! [NSNumber]).map(\.doubleValue) }
    static func matrix(_ path: String...) -> [[Double]] { (node(path) as! [[NSNumber]]).map { $0.map(\.doubleValue) } }
    static func flags(_ path: String...) -> [Bool] { node(path) as! [Bool] }

    /// The MLP whose parameters are under `path` (kernels `[in][out]`).
    static func network(_ path: String...) -> MLP<Float> {
        let layers = node(path + ["params"]) as! [[String: Any]]
        return MLP(layers: layers.map { layer in
            let kernel = (layer["kernel"] as! [[NSNumber]]).map { $0.map(\.floatValue) }
            let bias = (layer["bias"] as! [NSNumber]).map(\.floatValue)
            return Linear(kernel: Tensor(shape: [kernel.count, bias.count], scalars: kernel.joined().map { $0 }), bias: Tensor(bias))
        })
    }

    /// Points `[n, d]` from rows.
    static func points(_ path: String...) -> Tensor<Float> {
        let rows = (node(path) as! [[NSNumber]]).map { $0.map(\.floatValue) }
        return Tensor(shape: [rows.count, rows[0].count], scalars: rows.joined().map { $0 })
    }
}

/// The largest `|ours − theirs| / |theirs|`, asserted below `tolerance`, and printed.
@discardableResult
func assertRelativelyClose(_ ours: [Double], _ theirs: [Double], _ tolerance: Double, _ what: String,
                           file: StaticString = #filePath, line: UInt = #line) -> Double {
    XCTAssertEqual(ours.count, theirs.count, "\(what): lengths", file: file, line: line)
    var largest = 0.0
    for (a, b) in zip(ours, theirs) {
        let deviation = Swift.abs(a - b) / Swift.abs(b)
        largest = Swift.max(largest, deviation)
        XCTAssertLessThan(deviation, tolerance, "\(what): ours \(a), reference \(b)", file: file, line: line)
    }
    print("\(what): max relative difference \(largest)")
    return largest
}

/// Eigenvalues compared as a float32 computation allows: within `tolerance · λ_max` of each other
/// (Weyl: a perturbation ΔK moves every eigenvalue by at most ‖ΔK‖), and printed with their
/// relative differences.
func assertSpectraClose(_ ours: [Double], _ theirs: [Double], _ tolerance: Double, _ what: String,
                        file: StaticString = #filePath, line: UInt = #line) {
    XCTAssertEqual(ours.count, theirs.count, "\(what): lengths", file: file, line: line)
    let scale = theirs.map { Swift.abs($0) }.max() ?? 1
    for (a, b) in zip(ours, theirs) {
        XCTAssertLessThan(Swift.abs(a - b), tolerance * scale, "\(what): ours \(a), reference \(b)", file: file, line: line)
    }
    let relative = zip(ours, theirs).map { Swift.abs($0 - $1) / Swift.abs($1) }
    print("\(what): largest difference / λ_max \(zip(ours, theirs).map { Swift.abs($0 - $1) }.max()! / scale), relative per eigenvalue \(relative)")
}

/// Matrix entries compared as float32 products allow: within `tolerance · max|entry|` (an entry that
/// is a near-cancelling sum, like K_rr's −0.028 beside 6.5, carries the rounding of the large terms).
func assertEntriesClose(_ ours: [[Double]], _ theirs: [[Double]], _ tolerance: Double, _ what: String,
                        file: StaticString = #filePath, line: UInt = #line) {
    let a = ours.flatMap { $0 }, b = theirs.flatMap { $0 }
    XCTAssertEqual(a.count, b.count, "\(what): sizes", file: file, line: line)
    let scale = b.map { Swift.abs($0) }.max() ?? 1
    let largest = zip(a, b).map { Swift.abs($0 - $1) }.max() ?? 0
    XCTAssertLessThan(largest, tolerance * scale, "\(what): largest difference \(largest)", file: file, line: line)
    let relative = zip(a, b).map { Swift.abs($0 - $1) / Swift.abs($1) }.max() ?? 0
    print("\(what): largest difference / largest entry \(largest / scale), max relative difference \(relative)")
}
