import Foundation
import GradNorm
import NeuralNet
import PINN
import Tensor

/// One training step of a cascade, as the driver observed it.
public struct CascadeStep<Scalar: TensorScalar> {
    /// The level being trained (0 = coarsest).
    public let level: Int
    /// The step as ``Training`` recorded it; its `step` counts from 0 at each level.
    public let record: TrainingRecord
    /// The network after the step's parameter update.
    public let model: MLP<Scalar>
}

/// The outcome of training one level of a cascade.
public struct CascadeLevelResult<Scalar: TensorScalar, Balancer: LossBalancer> {
    /// The level (0 = coarsest).
    public let level: Int
    /// The level's hidden widths.
    public let hiddenWidths: [Int]
    /// The network when the level started (after prolongation from the coarser level).
    public let initialModel: MLP<Scalar>
    /// One record per step.
    public let records: [TrainingRecord]
    /// The level's balancer after its last step (a ``GradNormBalancer`` holds the level's
    /// initial losses in `initialLosses`).
    public let balancer: Balancer
    /// The trained network.
    public let model: MLP<Scalar>
    /// The optimiser at the end of the level, before its state is resized for the next level.
    public let optimizer: Adam<Scalar>
}

/// Multilevel (cascade) training as in Opifex's `CascadeTrainer` with `MultilevelAdam`: train
/// the coarsest network, prolongate it into the next level's network (see
/// ``NeuralNet/MLP/prolongated(from:)``), carry Adam's state over by zero-padding its moments
/// and keeping its step count, and train that level with a new loss balancer; up to the finest.
///
/// Each level is trained by the one ``Training`` loop on a problem and a balancer made for
/// that level by the caller's closures, so any ``PINNProblem`` over an ``MLP`` and any
/// ``LossBalancer`` work.
///
/// ```swift
/// var cascade = try CascadeTraining(hierarchy: hierarchy, optimizer: Adam<Float>(learningRate: 1e-2),
///                                   problem: poisson) { _ in try GradNormBalancer<Float>(numLosses: 2) }
/// let levels = try cascade.run(stepsPerLevel: [3, 3, 3])
/// ```
public struct CascadeTraining<Problem: PINNProblem, Balancer: LossBalancer>
    where Problem.Model == MLP<Problem.Scalar>, Balancer.Scalar == Problem.Scalar {
    public typealias Scalar = Problem.Scalar
    /// The networks, coarsest first; trained levels hold their trained parameters and the
    /// current level its parameters after prolongation.
    public private(set) var hierarchy: NetworkHierarchy<Scalar>
    /// The optimiser, shared by all levels.
    public private(set) var optimizer: Adam<Scalar>
    /// The level to train next (0 = coarsest).
    public private(set) var currentLevel = 0
    /// Passed on to ``Training/parts`` at every level.
    public var parts = 2
    private let makeProblem: (Int) throws -> Problem
    private let makeBalancer: (Int) throws -> Balancer

    /// Sets up cascade training.
    /// - Parameters:
    ///   - hierarchy: The networks, coarsest first.
    ///   - optimizer: The optimiser for the coarsest level (usually fresh).
    ///   - problem: The problem to train level `l` on, given `l`.
    ///   - balancer: A new balancer for level `l`, given `l`.
    public init(hierarchy: NetworkHierarchy<Scalar>, optimizer: Adam<Scalar>,
                problem: @escaping (_ level: Int) throws -> Problem,
                balancer: @escaping (_ level: Int) throws -> Balancer) {
        self.hierarchy = hierarchy
        self.optimizer = optimizer
        self.makeProblem = problem
        self.makeBalancer = balancer
    }

    /// Sets up cascade training on one problem for all levels.
    public init(hierarchy: NetworkHierarchy<Scalar>, optimizer: Adam<Scalar>, problem: Problem,
                balancer: @escaping (_ level: Int) throws -> Balancer) {
        self.init(hierarchy: hierarchy, optimizer: optimizer, problem: { _ in problem }, balancer: balancer)
    }

    /// Whether the current level is the finest.
    public var isAtFinestLevel: Bool { currentLevel == hierarchy.count - 1 }

    /// Trains the current level for `steps` steps with a new balancer, calling `observe` after each.
    /// - Throws: ``MultilevelError/invalidSetting(name:value:requirement:)`` for `steps < 0`;
    ///   whatever the closures, ``Training/init(problem:model:balancer:optimizer:)`` or
    ///   ``Training/run(steps:observe:)`` throw.
    public mutating func trainCurrentLevel(
        steps: Int, observe: (CascadeStep<Scalar>) throws -> Void = { _ in }
    ) throws -> CascadeLevelResult<Scalar, Balancer> {
        guard steps >= 0 else {
            throw MultilevelError.invalidSetting(name: "steps", value: "\(steps)", requirement: "an integer ≥ 0")
        }
        let level = currentLevel, initialModel = hierarchy.levels[level]
        var training = try Training(problem: makeProblem(level), model: initialModel,
                                    balancer: makeBalancer(level), optimizer: optimizer)
        training.parts = parts
        var records: [TrainingRecord] = []
        records.reserveCapacity(Swift.min(steps, 1 << 16))  // never trust a huge count with memory up front
        for _ in 0..<steps {
            // One step at a time, so that the observer also sees the parameters after each step.
            try training.run(steps: 1) { records.append($0) }
            try observe(CascadeStep(level: level, record: records[records.count - 1], model: training.model))
        }
        hierarchy.levels[level] = training.model
        optimizer = training.optimizer
        return CascadeLevelResult(level: level, hiddenWidths: hierarchy.hiddenWidths[level], initialModel: initialModel,
                                  records: records, balancer: training.balancer, model: training.model,
                                  optimizer: training.optimizer)
    }

    /// Moves to the next finer level, as Opifex's `advance_level`: its network takes the current
    /// network's parameters in its leading blocks, and Adam's moments are zero-padded to its shapes.
    /// - Returns: `false` (and changes nothing) at the finest level.
    @discardableResult
    public mutating func advanceLevel() throws -> Bool {
        guard !isAtFinestLevel else { return false }
        let coarse = hierarchy.levels[currentLevel]
        let fine = try hierarchy.levels[currentLevel + 1].prolongated(from: coarse)
        try optimizer.resize(from: coarse, to: fine)
        hierarchy.levels[currentLevel + 1] = fine
        currentLevel += 1
        return true
    }

    /// Trains every level from the current one to the finest, advancing after each but the last.
    /// - Parameters:
    ///   - stepsPerLevel: The steps of each remaining level, one entry per level.
    ///   - observe: Called after every step.
    /// - Returns: One result per level trained, coarsest first.
    public mutating func run(
        stepsPerLevel: [Int], observe: (CascadeStep<Scalar>) throws -> Void = { _ in }
    ) throws -> [CascadeLevelResult<Scalar, Balancer>] {
        let remaining = hierarchy.count - currentLevel
        guard stepsPerLevel.count == remaining else {
            throw MultilevelError.invalidSetting(name: "stepsPerLevel", value: "\(stepsPerLevel.count) entries",
                                                 requirement: "one entry per remaining level (\(remaining))")
        }
        if let negative = stepsPerLevel.first(where: { $0 < 0 }) {
            throw MultilevelError.invalidSetting(name: "stepsPerLevel", value: "\(negative)", requirement: "integers ≥ 0")
        }
        var results: [CascadeLevelResult<Scalar, Balancer>] = []
        for steps in stepsPerLevel {
            results.append(try trainCurrentLevel(steps: steps, observe: observe))
            try advanceLevel()
        }
        return results
    }
}
