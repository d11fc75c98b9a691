import DomainDecomposition
import Foundation
import GradNorm
import Multilevel
import NeuralNet
import PINN
import Random
import Sampling
import Tensor

/// One GradNorm training of the peak problem with a sampling schedule.
public struct SamplingRun {
    /// "uniform", "RAD (Wu et al.)" or "RAD (Opifex)".
    public var method: String
    public var seed: Int
    public var l2Error: Double
    public var seconds: Double
    public var records: [TrainingRecord]
    /// The collocation points of every resampling round, in order.
    public var rounds: [Tensor<Float>]
}

/// The three levels of the cascade example.
public struct CascadeOutcome {
    public var problem: PoissonProblem1D<Float>
    public var levels: [CascadeLevelResult<Float, GradNormBalancer<Float>>]
}

/// The settings and results of the method page's "Combining with Other Techniques" section.
public struct CombinationState {
    /// Training steps of each adaptive-sampling run.
    public var samplingSteps: Int
    /// Training steps of the XPINN example.
    public var xpinnSteps: Int
    /// Training steps of each cascade level.
    public var cascadeStepsPerLevel: Int

    public var samplingRuns: [SamplingRun] = []
    public var peak: PeakPoissonProblem<Float>!

    public var xpinnProblem: XPINNProblem<Float>!
    public var xpinnModel: XPINNModel<Float>!
    public var xpinnRecords: [TrainingRecord] = []

    public var cascade: CascadeOutcome!

    public init(quick: Bool) {
        samplingSteps = quick ? 100 : 2000
        xpinnSteps = quick ? 100 : 1000
        cascadeStepsPerLevel = quick ? 30 : 1000
    }

    /// The peak problem of the sampling comparison, its 64 starting points uniform from `seed`.
    public static func peakProblem(seed: Int) -> PeakPoissonProblem<Float> {
        PeakPoissonProblem(center: (0.5, 0.5), width: 0.08,
                           collocationPoints: PRNGKey(seed: Int64(seed)).uniformPoints(count: 64, in: [0...1, 0...1]),
                           boundaryPointsPerSide: 25)
    }

    /// `2π² sin(πx) sin(πy)` at points `[n, 2]`, as a column `[n, 1]`.
    public static func sineForcing(_ points: Tensor<Float>) -> Tensor<Float> {
        let xy = points.scalars, pi = Float(Double.pi)
        return Tensor(shape: [points.shape[0], 1], scalars: (0..<points.shape[0]).map {
            2 * pi * pi * sin(pi * xy[2 * $0]) * sin(pi * xy[2 * $0 + 1])
        })
    }
}
