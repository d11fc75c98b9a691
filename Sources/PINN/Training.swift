import Foundation
import GradNorm
import NeuralNet
import Tensor

/// The training loop of every PINN here: a problem, a model, a loss balancer and Adam.
///
/// One step: (resample the collocation points when due) → each loss and its gradient →
/// the gradient norms, if the balancer uses them → the diagonals of each loss's empirical NTK,
/// if the balancer's coming update reads them → the balancer's update → `Σᵢ wᵢ·∇Lᵢ`
/// with the new weights → Adam. This is the reference GradNorm order; fixed weights,
/// GradNorm and any other ``LossBalancer`` go through the same loop.
///
/// ```swift
/// var training = try Training(problem: heat, model: model,
///                             balancer: GradNormBalancer<Float>(numLosses: 3), optimizer: Adam(learningRate: 1e-3))
/// try training.run(steps: 1000) { record in print(record.totalLoss) }
/// ```
public struct Training<Problem: PINNProblem, Balancer: LossBalancer> where Balancer.Scalar == Problem.Scalar {
    public typealias Scalar = Problem.Scalar
    /// The problem, with its current points.
    public var problem: Problem
    /// The model being trained.
    public var model: Problem.Model
    /// The loss balancer.
    public var balancer: Balancer
    /// The optimiser of the model's parameters.
    public var optimizer: Adam<Scalar>
    /// Into how many batches losses that split are cut (1: whole). The batches run concurrently on
    /// the cores there are; the arithmetic, and so every result, depends on this number only, never
    /// on the machine.
    public var parts = 2
    /// An optional schedule that replaces the problem's points during training.
    public var resampling: Resampling<Problem>?
    /// Steps taken so far.
    public internal(set) var completedSteps: Int {
        get { stepCount }
        set { stepCount = newValue }
    }
    @usableFromInline var stepCount = 0

    /// Sets up training; the balancer must weigh exactly the problem's losses.
    public init(problem: Problem, model: Problem.Model, balancer: Balancer, optimizer: Adam<Scalar>) throws {
        let count = problem.lossTerms.count
        guard balancer.lossCount == count else {
            throw TrainingError.lossCountMismatch(problem: count, balancer: balancer.lossCount)
        }
        self.problem = problem
        self.model = model
        self.balancer = balancer
        self.optimizer = optimizer
    }

    /// Runs `steps` training steps, calling `observe` after each.
    /// - Returns: The wall-clock seconds of the loop.
    /// - Throws: ``GradNormError/nonFinite(quantity:name:step:value:)`` naming the first loss
    ///   whose value, gradient norm or weight is NaN or infinite, and the step.
    @discardableResult @inlinable
    public mutating func run(steps: Int, observe: (TrainingRecord) throws -> Void = { _ in }) throws -> Double {
        guard steps >= 0 else {
            throw TrainingError.invalidSetting(name: "steps", value: "\(steps)", requirement: "an integer ≥ 0")
        }
        let names = problem.lossNames
        let start = WallClock.now()
        for _ in 0..<steps {
            let step = stepCount
            if let resampling, step % resampling.every == 0 { try resampling.resample(&problem, model, step) }
            if !(balancer.usesPerLossGradients || balancer.usesGradientNorms || balancer.usesKernelDiagonals) {
                try constantWeightStep(step: step, names: names, observe: observe)
                continue
            }
            let (losses, gradients) = problem.valuesAndGradients(at: model, parts: parts)
            try Self.checkFinite(losses, "loss", names: names, step: step)
            let norms = balancer.usesGradientNorms ? gradients.map { $0.norm } : []
            try Self.checkFinite(norms, "gradient norm", names: names, step: step)
            let diagonals = balancer.usesKernelDiagonals ? try problem.kernelDiagonals(at: model) : []
            try balancer.update(losses: losses, gradients: gradients, gradientNorms: norms, kernelDiagonals: diagonals)
            let weights = balancer.weights
            try Self.checkFinite(weights, "weight", names: names, step: step)
            let total = zip(weights, losses).reduce(Scalar(0)) { $0 + $1.0 * $1.1 }
            optimizer.update(&model, along: .weightedSum(gradients, weights: weights))
            stepCount += 1
            try observe(TrainingRecord(step: step, losses: losses.map(Double.init), gradientNorms: norms.map(Double.init),
                                       weights: weights.map(Double.init), totalLoss: Double(total)))
        }
        return WallClock.seconds(since: start)
    }

    /// A step of a balancer that needs no per-loss gradients: only the gradient of `Σᵢ wᵢ·Lᵢ`.
    @inlinable
    mutating func constantWeightStep(step: Int, names: [String], observe: (TrainingRecord) throws -> Void) throws {
        let weights = balancer.weights
        let (losses, gradient) = problem.valuesAndWeightedGradient(at: model, weights: weights, parts: parts)
        try Self.checkFinite(losses, "loss", names: names, step: step)
        try balancer.update(losses: losses, gradients: [], gradientNorms: [], kernelDiagonals: [])
        precondition(balancer.weights == weights, "a balancer without per-loss gradients changed its weights")
        let total = zip(weights, losses).reduce(Scalar(0)) { $0 + $1.0 * $1.1 }
        optimizer.update(&model, along: gradient)
        stepCount += 1
        try observe(TrainingRecord(step: step, losses: losses.map(Double.init), gradientNorms: [],
                                   weights: weights.map(Double.init), totalLoss: Double(total)))
    }

    @usableFromInline
    static func checkFinite(_ values: [Scalar], _ quantity: String, names: [String], step: Int) throws {
        for (index, value) in values.enumerated() where !value.isFinite {
            let name = index < names.count ? names[index] : "#\(index)"
            throw GradNormError.nonFinite(quantity: quantity, name: name, step: step, value: Double(value))
        }
    }
}

/// Wall-clock time for the loop's timing, outside the generic code.
public enum WallClock {
    /// Now, in nanoseconds of uptime.
    public static func now() -> UInt64 { DispatchTime.now().uptimeNanoseconds }
    /// Seconds since `start`.
    public static func seconds(since start: UInt64) -> Double { Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9 }
}
