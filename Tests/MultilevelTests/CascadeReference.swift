import Foundation
import NeuralNet
import Tensor
import XCTest

/// `cascade-reference.json` (Opifex 0.2.0, float32): kernels are `[in][out]`.
struct CascadeReference: Decodable {
    struct Layer: Decodable {
        let kernel: [[Double]]
        let bias: [Double]
    }
    struct Problem: Decodable {
        let xr: [[Double]]
        let stepsPerLevel: [Int]
    }
    struct Step: Decodable {
        let step: Int
        let losses: [Double]
        let gradNorms: [Double]
        let weights: [Double]
        let totalLoss: Double
    }
    struct AdamState: Decodable {
        let count: Int
        let mu: [Layer]
        let nu: [Layer]
    }
    struct NextLevel: Decodable {
        let params: [Layer]
        let outputAtTestX: [Double]
        let maxAbsOutputChangeVsCoarse: Double
        let adamCount: Int
        let mu: [Layer]
        let nu: [Layer]
    }
    struct Level: Decodable {
        let level: Int
        let hiddenWidths: [Int]
        let paramsAtLevelStart: [Layer]
        let adamCountAtLevelStart: Int
        let steps: [Step]
        let paramsAfterFirstStep: [Layer]
        let paramsAtLevelEnd: [Layer]
        let outputAtTestX: [Double]
        let adamStateAtLevelEnd: AdamState
        let advanceLevelReturned: Bool
        let nextLevelAfterProlongation: NextLevel?
    }
    struct RestrictDemo: Decodable {
        let coarseAfterRestrict: [Layer]
        let fine: [Layer]
    }
    struct PreservationDemo: Decodable {
        let coarseOut: [Double]
        let fineOutAfterProlongate: [Double]
    }

    let hiddenWidths: [[Int]]
    let initParams: [[Layer]]
    let problem: Problem
    let testX: [[Double]]
    let levels: [Level]
    let restrictDemo: RestrictDemo
    let prolongatePreservationDemo: PreservationDemo

    static let shared: CascadeReference = {
        let url = Bundle.module.url(forResource: "cascade-reference", withExtension: "json", subdirectory: "Fixtures")!
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return try! decoder.decode(CascadeReference.self, from: Data(contentsOf: url))
    }()

    /// The collocation points `[6, 1]`, exactly as exported.
    var collocationPoints: Tensor<Float> {
        Tensor(shape: [problem.xr.count, 1], scalars: problem.xr.map { Float($0[0]) })
    }

    /// The evaluation points `[5, 1]`.
    var testPoints: Tensor<Float> {
        Tensor(shape: [testX.count, 1], scalars: testX.map { Float($0[0]) })
    }
}

extension CascadeReference.Layer {
    /// The layer as a `Linear` (kernel shape `[in, out]`).
    var linear: Linear<Float> {
        Linear(kernel: Tensor(shape: [kernel.count, kernel[0].count], scalars: kernel.flatMap { $0.map(Float.init) }),
               bias: Tensor(bias.map(Float.init)))
    }

    /// Kernel then bias, flattened row-major: the order of a model's parameters.
    var flattened: [[Double]] { [kernel.flatMap { $0 }, bias] }
}

extension Array where Element == CascadeReference.Layer {
    var network: MLP<Float> { MLP(layers: map(\.linear)) }
    var flattened: [[Double]] { flatMap(\.flattened) }
}

/// The largest `|actual − expected| / max(|expected|, floor)` over all entries.
func worstRelativeDeviation(_ actual: [Double], _ expected: [Double], floor: Double = 1e-6) -> Double {
    precondition(actual.count == expected.count, "\(actual.count) values against \(expected.count)")
    return zip(actual, expected).map { Swift.abs($0 - $1) / Swift.max(Swift.abs($1), floor) }.max() ?? 0
}

/// Fails unless `actual` and `expected` have the same shape and agree within `tolerance`;
/// prints the worst deviation so that the agreement can be reported.
///
/// Each entry is compared relative to its reference value, or with `normwise`, relative to
/// the largest reference magnitude of its inner array (`‖a − b‖∞ / ‖b‖∞` per tensor, or per
/// loss over a level's steps). Normwise is the measure for parameters, Adam moments and loss
/// series: float32 resolves a small entry only to the precision of the arithmetic it went
/// through, which the large entries set — a 2.01e-5 kernel entry is drawn as
/// `erfinv(a + u·(b − a))` with a, b = ∓0.95; a bias of 0.015 is a sum of Adam steps driven
/// by gradients that cancel; the BC loss falls to 1.3e-4 from outputs of 0.01 that are
/// differences of O(1) terms. Elementwise deviations are printed as well.
func assertClose(_ actual: [[Double]], _ expected: [[Double]], tolerance: Double = 1e-5, normwise: Bool = false,
                 _ what: String, file: StaticString = #filePath, line: UInt = #line) {
    XCTAssertEqual(actual.map(\.count), expected.map(\.count), "\(what): shapes differ", file: file, line: line)
    guard actual.map(\.count) == expected.map(\.count) else { return }
    let elementwise = worstRelativeDeviation(actual.flatMap { $0 }, expected.flatMap { $0 })
    let worst = normwise ? zip(actual, expected).map { actual, expected in
        worstRelativeDeviation(actual, expected, floor: Swift.max(1e-6, expected.map { Swift.abs($0) }.max() ?? 0))
    }.max() ?? 0 : elementwise
    print("worst relative deviation of \(what): \(worst)" + (normwise ? " normwise, \(elementwise) elementwise" : ""))
    XCTAssertLessThanOrEqual(worst, tolerance, what, file: file, line: line)
}

/// Each loss's values over the steps, one array per loss.
func series(_ rows: [[Double]]) -> [[Double]] {
    guard let first = rows.first else { return [] }
    return first.indices.map { index in rows.map { $0[index] } }
}

extension ParameterizedModel where Scalar == Float {
    var flattenedParameters: [[Double]] { parameters.map { $0.scalars.map(Double.init) } }
}

