import GradNorm
import PINN

/// Everything that defines one run of the heat-equation GradNorm experiment.
///
/// Coding keys follow the reference trace schema (`gradnorm-heat-seed42.json`).
public struct HeatExperimentConfig: Codable, Equatable, Sendable {
    /// Seed of the random streams (data and initial parameters).
    public var seed: Int
    /// Widths of the hidden layers.
    public var hiddenSizes: [Int]
    /// GradNorm's asymmetry α.
    public var alpha: Double
    /// Adam's learning rate.
    public var learningRate: Double
    /// GradNorm's learning rate for the log-weights.
    public var weightLearningRate: Double
    /// Training steps of each run.
    public var steps: Int
    /// Collocation points inside the domain.
    public var collocationPoints: Int
    /// Boundary points on each side.
    public var boundaryPointsPerSide: Int
    /// Points on the initial line.
    public var initialPoints: Int
    /// The diffusivity D.
    public var diffusivity: Double
    /// The end of the time interval.
    public var tMax: Double

    enum CodingKeys: String, CodingKey {
        case seed, alpha, steps
        case hiddenSizes = "hidden"
        case learningRate = "lr"
        case weightLearningRate = "wlr"
        case collocationPoints = "ncol"
        case boundaryPointsPerSide = "nbc"
        case initialPoints = "nic"
        case diffusivity = "diff"
        case tMax = "tmax"
    }

    /// The tutorial's experiment: seed 42, 2→32→32→32→1, α 1.5, Adam 1e-3,
    /// weight learning rate 0.01, 1000 steps, 500/100/100 points, D = 0.01, t ≤ 0.5.
    public static let tutorial = HeatExperimentConfig(
        seed: 42, hiddenSizes: [32, 32, 32], alpha: 1.5, learningRate: 1e-3, weightLearningRate: 0.01,
        steps: 1000, collocationPoints: 500, boundaryPointsPerSide: 100, initialPoints: 100,
        diffusivity: 0.01, tMax: 0.5)

    /// Creates a configuration.
    public init(seed: Int, hiddenSizes: [Int], alpha: Double, learningRate: Double, weightLearningRate: Double,
                steps: Int, collocationPoints: Int, boundaryPointsPerSide: Int, initialPoints: Int,
                diffusivity: Double, tMax: Double) {
        self.seed = seed
        self.hiddenSizes = hiddenSizes
        self.alpha = alpha
        self.learningRate = learningRate
        self.weightLearningRate = weightLearningRate
        self.steps = steps
        self.collocationPoints = collocationPoints
        self.boundaryPointsPerSide = boundaryPointsPerSide
        self.initialPoints = initialPoints
        self.diffusivity = diffusivity
        self.tMax = tMax
    }

    /// The most training steps a run may ask for (days of training on a laptop).
    public static let maximumSteps = 100_000_000
    /// The most points of each kind (collocation, boundary per side, initial).
    public static let maximumPoints = 10_000_000
    /// The most hidden layers.
    public static let maximumHiddenLayers = 100
    /// The widest hidden layer.
    public static let maximumWidth = 16_384

    /// The network's widths from input to output.
    public var layerSizes: [Int] { [2] + hiddenSizes + [1] }

    /// The heat-equation problem.
    public var problem: HeatEquation { HeatEquation(diffusivity: diffusivity, tMax: tMax) }

    /// The GradNorm configuration (other fields at their defaults).
    public var gradNorm: GradNormConfig { GradNormConfig(alpha: alpha, learningRate: weightLearningRate) }

    /// Checks that every field is usable, naming the first bad one.
    public func validate() throws {
        func fail(_ key: String, _ requirement: String) -> ExperimentError {
            .invalidValue(key: "config.\(key)", requirement: requirement)
        }
        guard !hiddenSizes.isEmpty, hiddenSizes.allSatisfy({ $0 >= 1 }) else { throw fail("hidden", "a non-empty list of positive widths") }
        guard hiddenSizes.count <= Self.maximumHiddenLayers, hiddenSizes.allSatisfy({ $0 <= Self.maximumWidth }) else {
            throw fail("hidden", "at most \(Self.maximumHiddenLayers) layers of at most \(Self.maximumWidth) units")
        }
        guard learningRate.isFinite, learningRate > 0 else { throw fail("lr", "a finite number > 0") }
        guard (1...Self.maximumSteps).contains(steps) else { throw fail("steps", "an integer from 1 to \(Self.maximumSteps)") }
        for (key, count) in [("ncol", collocationPoints), ("nbc", boundaryPointsPerSide), ("nic", initialPoints)] {
            guard (1...Self.maximumPoints).contains(count) else { throw fail(key, "an integer from 1 to \(Self.maximumPoints)") }
        }
        guard diffusivity.isFinite, diffusivity >= 0 else { throw fail("diff", "a finite number ≥ 0") }
        guard tMax.isFinite, tMax > 0 else { throw fail("tmax", "a finite number > 0") }
        do { try gradNorm.validate() } catch let error as GradNormError {
            if case let .invalidConfiguration(field, _, requirement) = error {
                throw fail(field == "alpha" ? "alpha" : "wlr", requirement)
            }
            throw error
        }
    }
}

/// Errors in experiment files and settings.
public enum ExperimentError: Error, Equatable, CustomStringConvertible {
    /// A key is missing, has the wrong type, or a value is out of range.
    case invalidValue(key: String, requirement: String)
    /// A file could not be read or parsed.
    case unreadable(path: String, reason: String)

    public var description: String {
        switch self {
        case let .invalidValue(key, requirement): return "'\(key)': \(requirement)"
        case let .unreadable(path, reason): return "\(path): \(reason)"
        }
    }
}
