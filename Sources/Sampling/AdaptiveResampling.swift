import PINN
import Random
import Tensor

/// Where a resampling round takes its candidate points from.
public enum CandidatePoints {
    /// The same candidate set every round (Opifex's `all_points`).
    case fixed(Tensor<Float>)
    /// `count` fresh points, uniform over the problem's domain, every round (Wu et al. 2023).
    case freshUniform(count: Int)
}

extension Resampling where Problem: ResidualSampledProblem, Problem.Scalar == Float {
    /// Residual-based adaptive sampling: every `every` steps the residual is evaluated at the
    /// candidates, and `count` of them, drawn with `sampler`'s density, become the collocation
    /// points.
    ///
    /// Round `k` (at step `s`) uses `key.foldIn(s)`, split into a key for fresh candidates and
    /// one for the draw, so a run is reproducible from `key` alone.
    /// - Throws: ``SamplingError`` at setup for a bad count, and during training for
    ///   non-finite residuals or more draws than candidates without replacement.
    public static func residualAdaptive(
        _ sampler: ResidualAdaptiveSampler, candidates: CandidatePoints, count: Int, every: Int, key: PRNGKey
    ) throws -> Resampling {
        try checkCounts(candidates, count: count, replace: sampler.replace)
        return try Resampling(every: every) { problem, model, step in
            let (candidateKey, drawKey) = key.foldIn(UInt32(truncatingIfNeeded: step)).split()
            let pool = candidatePool(candidates, in: problem.domainBounds, key: candidateKey)
            let magnitudes = residualMagnitudes(problem.residual(of: model, at: pool))
            let chosen = try sampler.sampleIndices(residuals: magnitudes, count: count, key: drawKey)
            problem.collocationPoints = pool.gatheringRows(chosen)
        }
    }

    /// Uniform resampling, the baseline of adaptive sampling: every `every` steps, `count`
    /// points drawn uniformly (with replacement) from the candidates.
    public static func uniform(candidates: CandidatePoints, count: Int, every: Int, key: PRNGKey) throws -> Resampling {
        try checkCounts(candidates, count: count, replace: true)
        return try Resampling(every: every) { problem, _, step in
            let (candidateKey, drawKey) = key.foldIn(UInt32(truncatingIfNeeded: step)).split()
            let pool = candidatePool(candidates, in: problem.domainBounds, key: candidateKey)
            let n = pool.shape[0]
            let chosen = try drawKey.choice(count: count, probabilities: [Float](repeating: 1 / Float(n), count: n))
            problem.collocationPoints = pool.gatheringRows(chosen)
        }
    }

    private static func checkCounts(_ candidates: CandidatePoints, count: Int, replace: Bool) throws {
        guard count >= 1 else { throw SamplingError.invalidParameter(name: "count", value: Float(count), requirement: "at least 1 point per round") }
        let available: Int
        switch candidates {
        case let .fixed(points): available = points.rank == 2 ? points.shape[0] : 0
        case let .freshUniform(n): available = n
        }
        guard available >= 1 else { throw SamplingError.emptyCandidates }
        if !replace && count > available {
            throw SamplingError.sampleLargerThanPopulation(count: count, population: available)
        }
    }

    private static func candidatePool(_ candidates: CandidatePoints, in bounds: [ClosedRange<Double>], key: PRNGKey) -> Tensor<Float> {
        switch candidates {
        case let .fixed(points): return points
        case let .freshUniform(count): return key.uniformPoints(count: count, in: bounds)
        }
    }

    /// |r| per point; the Euclidean norm over the outputs for residuals with several columns.
    private static func residualMagnitudes(_ residual: Tensor<Float>) -> [Float] {
        let columns = residual.rank == 2 ? residual.shape[1] : 1
        let values = residual.scalars
        guard columns > 1 else { return values.map { Swift.abs($0) } }
        return stride(from: 0, to: values.count, by: columns).map { start in
            values[start..<(start + columns)].reduce(0) { $0 + $1 * $1 }.squareRoot()
        }
    }
}
