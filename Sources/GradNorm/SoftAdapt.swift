import Foundation
import NeuralNet
import Tensor

/// SoftAdapt (Heydari, Thompson & Mehmood 2019): a softmax over how fast each loss is
/// changing, so that a loss that has stopped falling (or grows) gets more weight.
///
/// From the second step on, with `Lᵢ(t)` this step's losses and `Lᵢ(t−1)` the previous step's:
/// - ``Variant/original`` (the paper's first-order form, the default): slopes `sᵢ = Lᵢ(t) − Lᵢ(t−1)`
///   and `wᵢ = exp(β·sᵢ) / Σⱼ exp(β·sⱼ)`; the weights sum to 1 (each is 1/n before there is a slope).
/// - ``Variant/physicsNeMo`` (PhysicsNeMo's `SoftAdapt`): ratios `ρᵢ = Lᵢ(t)/(Lᵢ(t−1) + ε)`,
///   `λᵢ = exp(ρᵢ − maxⱼ ρⱼ)` and the loss `n/Σλ · Σᵢ λᵢ·Lᵢ`, i.e. weights `wᵢ = n·λᵢ/Σⱼ λⱼ`,
///   which sum to n (each is 1 on the first step).
public struct SoftAdapt<Scalar: TensorScalar>: LossBalancer {
    /// Which form of SoftAdapt to use.
    public enum Variant: String, Equatable, Sendable, CaseIterable {
        /// Heydari et al.: softmax of β times the first-order differences; weights sum to 1.
        case original
        /// PhysicsNeMo: softmax of the loss ratios, scaled so the weights sum to the number of losses.
        case physicsNeMo
    }

    public let lossCount: Int
    /// The form.
    public let variant: Variant
    /// The softmax's inverse temperature β of ``Variant/original``.
    public let beta: Double
    /// The guard `ε` of ``Variant/physicsNeMo``'s ratios.
    public let epsilon: Double
    public private(set) var weights: [Scalar]
    /// The losses of the previous step, once seen.
    public private(set) var previousLosses: [Scalar]?
    public var usesGradientNorms: Bool { false }

    /// Creates the balancer.
    /// - Parameters:
    ///   - beta: β of the original form (default 0.1, the paper's value); must be finite.
    ///   - epsilon: ε of PhysicsNeMo's form (default 1e-8); must be finite and ≥ 0.
    public init(lossCount: Int, variant: Variant = .original, beta: Double = 0.1, epsilon: Double = 1e-8) throws {
        guard lossCount >= 1 else {
            throw GradNormError.invalidConfiguration(field: "lossCount", value: "\(lossCount)", requirement: "an integer ≥ 1")
        }
        guard beta.isFinite else {
            throw GradNormError.invalidConfiguration(field: "beta", value: "\(beta)", requirement: "a finite number")
        }
        guard epsilon.isFinite, epsilon >= 0 else {
            throw GradNormError.invalidConfiguration(field: "epsilon", value: "\(epsilon)", requirement: "a finite number ≥ 0")
        }
        self.lossCount = lossCount
        self.variant = variant
        self.beta = beta
        self.epsilon = epsilon
        weights = [Scalar](repeating: variant == .original ? 1 / Scalar(lossCount) : 1, count: lossCount)
    }

    public mutating func update(losses: [Scalar], gradients: [ParameterGradients<Scalar>], gradientNorms: [Scalar]) throws {
        try checkLossCount(losses, "losses")
        defer { previousLosses = losses }
        guard let previous = previousLosses else { return }
        let current = losses.map(Double.init), before = previous.map(Double.init)
        switch variant {
        case .original:
            let slopes = zip(current, before).map { beta * ($0 - $1) }
            weights = Self.softmax(slopes).map { Scalar($0) }
        case .physicsNeMo:
            let ratios = zip(current, before).map { $0 / ($1 + epsilon) }
            weights = Self.softmax(ratios).map { Scalar(Double(lossCount) * $0) }
        }
    }

    /// `exp(xᵢ − max x) / Σⱼ exp(xⱼ − max x)`.
    static func softmax(_ values: [Double]) -> [Double] {
        let largest = values.max() ?? 0
        let exponentials = values.map { Foundation.exp($0 - largest) }
        let total = exponentials.reduce(0, +)
        return exponentials.map { $0 / total }
    }
}
