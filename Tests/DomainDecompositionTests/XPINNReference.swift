import DomainDecomposition
import Foundation
import PINN
import Random
import Tensor
import XCTest

/// The two cases of `xpinn-reference.json` (Opifex 0.2.0, float32), and the Swift set-up of each.
struct XPINNReference: Decodable {
    struct Layer: Decodable {
        let kernel: [[Double]]
        let bias: [Double]
    }

    struct Box: Decodable {
        let id: Int
        let bounds: [[Double]]
    }

    struct Face: Decodable {
        let subdomainIds: [Int]
        let points: [[Double]]
        let normal: [Double]
        let uLeft, uRight, fluxLeft, fluxRight: [Double]
        let gradLeft, gradRight: [[Double]]
    }

    struct Step: Decodable {
        let step: Int
        let losses, gradNorms, weights: [Double]
        let totalLoss: Double
    }

    struct Case: Decodable {
        let name: String
        let inputDim: Int
        let bounds: [[Double]]
        let numPartitions: [Int]
        let interfacePointsArg: Int
        let hiddenDims: [Int]
        let subdomains: [Box]
        let params: [[Layer]]
        let collocation: [[[Double]]]
        let residuals: [[Double]]
        let lossNames: [String]
        let losses: [Double]
        let computeInterfaceLoss: Double
        let computeTotalResidual: Double
        let gradNorms: [Double]
        let gradNormsPerNetwork: [[Double]]
        let interfaces: [Face]
        let evalPoints: [[Double]]
        let modelCall: [Double]
        let membershipWeights: [[Double]]
        let gradnormTrace: [Step]
    }

    let cases: [Case]

    static let shared: XPINNReference = {
        let url = Bundle.module.url(forResource: "xpinn-reference", withExtension: "json", subdirectory: "Fixtures")!
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return try! decoder.decode(XPINNReference.self, from: Data(contentsOf: url))
    }()

    static var oneDimensional: Case { shared.cases.first { $0.name == "poisson1d_2sub" }! }
    static var twoDimensional: Case { shared.cases.first { $0.name == "poisson2d_2sub" }! }
}

extension XPINNReference.Case {
    var partition: BoxPartition {
        try! BoxPartition(bounds: bounds.map { $0[0]...$0[1] }, counts: numPartitions, interfacePoints: interfacePointsArg)
    }

    /// The XPINN built as Opifex builds it: networks in subdomain order from one `Rngs(seed: 0)`.
    var model: XPINNModel<Float> {
        try! XPINNModel(partition: partition, hiddenWidths: hiddenDims, rngs: Rngs(seed: 0))
    }

    /// The case's PDE residual, as found from the stored residuals:
    /// 1-D `u″ + π² sin πx` (of −u″ = π² sin πx), 2-D `Δu + 2π² sin πx sin πy` (of −Δu = 2π² sin πx sin πy).
    static func residual(dimensions: Int) -> XPINNProblem<Float>.Residual {
        { u, points in
            let n = points.shape[0], x = points.scalars
            let source = (0..<n).map { row -> Float in
                let coordinates = (0..<dimensions).map { Double(x[row * dimensions + $0]) }
                let product = coordinates.map { Foundation.sin(Double.pi * $0) }.reduce(1, *)
                return Float(Double(dimensions) * Double.pi * Double.pi * product)
            }
            let laplacian = (1..<dimensions).reduce(u.second(0)) { $0 + u.second($1) }
            return laplacian + Tensor(shape: [n, 1], scalars: source)
        }
    }

    var problem: XPINNProblem<Float> {
        let points = collocation.map { batch in Tensor<Float>(rows: batch.map { $0.map(Float.init) }) }
        return try! XPINNProblem(partition: partition, collocationPoints: points, residual: Self.residual(dimensions: inputDim))
    }
}

/// `|ours − reference| / |reference|` (0 when equal, so an exact 0 must come out exactly 0).
func relativeDeviation(_ ours: Double, _ reference: Double) -> Double {
    ours == reference ? 0 : Swift.abs(ours - reference) / Swift.abs(reference)
}

/// Asserts that every entry is within `tolerance` relative of the reference, prints the worst
/// deviation for the record, and returns it.
@discardableResult
func assertRelative(_ ours: [Double], _ reference: [Double], _ what: String, tolerance: Double = 1e-5,
                    file: StaticString = #filePath, line: UInt = #line) -> Double {
    XCTAssertEqual(ours.count, reference.count, "\(what): count", file: file, line: line)
    var worst = 0.0
    for (index, (a, b)) in zip(ours, reference).enumerated() {
        let deviation = relativeDeviation(a, b)
        worst = Swift.max(worst, deviation)
        XCTAssertLessThanOrEqual(deviation, tolerance, "\(what)[\(index)]: ours \(a), reference \(b)", file: file, line: line)
    }
    print("worst relative deviation of \(what): \(worst)")
    return worst
}

extension Tensor where Scalar == Float {
    var doubles: [Double] { scalars.map(Double.init) }
}
