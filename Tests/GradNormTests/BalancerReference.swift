import Experiments
import Foundation
import GradNorm
import NeuralNet
import PINN
import XCTest

/// What the balancer tests compare with: `balancers-reference.json` (step 0 of the seed-42 heat
/// problem in JAX), and the inputs the balancers need, computed by our own engine from
/// `gradnorm-heat-seed42.json`'s data and initial parameters (never read from the reference).
enum BalancerReference {
    /// The reference file as JSON.
    static let json: [String: Any] = {
        let url = Bundle.module.url(forResource: "balancers-reference", withExtension: "json", subdirectory: "Fixtures")!
        return try! JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Any]
    }()

    /// The seed-42 heat experiment in Float32, as the reference ran it.
    static let experiment: HeatExperiment<Float> = {
        let url = Bundle.module.url(forResource: "gradnorm-heat-seed42", withExtension: "json", subdirectory: "Fixtures")!
        let file = try! ExperimentFile.load(path: url.path)
        return try! HeatExperiment<Float>(config: file.config, data: file.heatData(), initialModel: file.initialModel())
    }()

    /// Our step-0 losses and their gradients at the initial parameters.
    static let stepZero: (losses: [Float], gradients: [ParameterGradients<Float>]) = {
        let result = experiment.lossesAndGradients(at: experiment.initialModel)
        return (result.values, result.gradients)
    }()

    /// Our gradient norms at step 0.
    static var stepZeroNorms: [Float] { stepZero.gradients.map(\.norm) }

    /// The losses of the first six steps of our fixed-weight run (the reference's `loss_history_used`
    /// is the same run in JAX), as the balancers see them.
    static let fixedRunLosses: [[Float]] = {
        let run = try! experiment.train(with: FixedWeights<Float>(ones: 3), steps: 6)
        return run.records.map { $0.losses.map(Float.init) }
    }()

    /// A value of the reference file by key path, e.g. `value("relobralo_physicsnemo", "weights_steps1to5")`.
    static func value(_ path: String...) -> Any {
        var node: Any = json
        for key in path { node = (node as! [String: Any])[key]! }
        return node
    }

    static func scalar(_ path: String...) -> Double {
        var node: Any = json
        for key in path { node = (node as! [String: Any])[key]! }
        return (node as! NSNumber).doubleValue
    }

    static func numbers(_ path: String...) -> [Double] {
        var node: Any = json
        for key in path { node = (node as! [String: Any])[key]! }
        return (node as! [NSNumber]).map(\.doubleValue)
    }

    static func matrix(_ path: String...) -> [[Double]] {
        var node: Any = json
        for key in path { node = (node as! [String: Any])[key]! }
        return (node as! [[NSNumber]]).map { $0.map(\.doubleValue) }
    }

    /// Trains the seed-42 heat problem for `steps` steps with `balancer` on the general loop and
    /// returns the weights after every step.
    static func weightTrajectory<Balancer: LossBalancer>(_ balancer: Balancer, steps: Int = 20) throws -> [[Double]]
    where Balancer.Scalar == Float {
        try experiment.train(with: balancer, steps: steps).records.map(\.weights)
    }
}

/// The largest `|ours − theirs| / |theirs|`, asserted below `tolerance`; printed so that a run
/// shows how close each comparison is.
@discardableResult
func assertRelativelyClose<T: BinaryFloatingPoint, U: BinaryFloatingPoint>(
    _ ours: [T], _ theirs: [U], _ tolerance: Double = 1e-5, _ what: String,
    file: StaticString = #filePath, line: UInt = #line
) -> Double {
    XCTAssertEqual(ours.count, theirs.count, "\(what): lengths", file: file, line: line)
    var largest = 0.0
    for (a, b) in zip(ours, theirs) {
        let deviation = Swift.abs(Double(a) - Double(b)) / Swift.abs(Double(b))
        largest = Swift.max(largest, deviation)
        XCTAssertLessThan(deviation, tolerance, "\(what): ours \(a), reference \(b)", file: file, line: line)
    }
    print("\(what): max relative difference \(largest)")
    return largest
}
