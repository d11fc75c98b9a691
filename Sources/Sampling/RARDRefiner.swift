import Random
import Tensor

/// Residual-based adaptive refinement with distribution (RAR-D) as Opifex's
/// `RARDRefiner.refine` does it: new points are drawn near existing ones, chosen
/// with the RAD density, and appended.
///
/// The key is split in two; the first draws `numberOfNewPoints` base indices with
/// replacement from ``OpifexResidualDensity`` with β = 1 and its default floor; the
/// second draws standard normal noise of shape (new points, dimensions); each new
/// point is `base + noise · noiseScale · (upper − lower)` clipped to the bounds.
/// The results equal Opifex's bit for bit.
///
/// Opifex differs in two ways that this type does not copy:
/// - Its constructor silently replaces `num_new_points=0` by 10 and `noise_scale=0.0`
///   by 0.1 (they are combined with `or`); this initialiser throws instead.
/// - It computes a percentile mask of high-residual points (`percentile_threshold`)
///   and never uses it, so there is no such parameter here.
public struct RARDRefiner: Sendable, Equatable {
    /// How many points each refinement appends.
    public let numberOfNewPoints: Int
    /// The noise standard deviation as a fraction of each dimension's extent.
    public let noiseScale: Float

    /// The outcome of one refinement.
    public struct Refinement: Sendable, Equatable {
        /// The original points followed by the new ones.
        public let points: [[Float]]
        /// The new points alone.
        public let newPoints: [[Float]]
        /// The index of the point each new point was drawn around.
        public let baseIndices: [Int]
        /// The standard normal draws, one row per new point.
        public let noise: [[Float]]
    }

    /// A refiner; the defaults are Opifex's.
    /// - Throws: ``SamplingError/invalidParameter(name:value:requirement:)`` if
    ///   `numberOfNewPoints` is not positive or `noiseScale` is not positive and
    ///   finite (where Opifex would silently use 10 or 0.1).
    public init(numberOfNewPoints: Int = 10, noiseScale: Float = 0.1) throws {
        guard numberOfNewPoints > 0 else {
            throw SamplingError.invalidParameter(name: "numberOfNewPoints", value: Float(numberOfNewPoints), requirement: "> 0")
        }
        guard noiseScale.isFinite && noiseScale > 0 else {
            throw SamplingError.invalidParameter(name: "noiseScale", value: noiseScale, requirement: "finite and > 0")
        }
        self.numberOfNewPoints = numberOfNewPoints
        self.noiseScale = noiseScale
    }

    /// Appends ``numberOfNewPoints`` points near high-residual points.
    /// - Parameters:
    ///   - points: The current points, one row of `d` coordinates each.
    ///   - residuals: The PDE residual at each point.
    ///   - bounds: `d` pairs (lower, upper) of the domain box.
    ///   - key: The key to draw from; it is split as in Opifex.
    /// - Throws: ``SamplingError`` for no points, rows of the wrong length, a
    ///   residual count that differs from the point count, bad residuals, or bounds
    ///   that are not finite with lower ≤ upper.
    public func refine(points: [[Float]], residuals: [Float], bounds: [(lower: Float, upper: Float)],
                       key: PRNGKey) throws -> Refinement {
        guard !points.isEmpty else { throw SamplingError.emptyCandidates }
        guard residuals.count == points.count else {
            throw SamplingError.lengthMismatch(what: "residuals per point", expected: points.count, actual: residuals.count)
        }
        let dimensions = bounds.count
        for row in points where row.count != dimensions {
            throw SamplingError.lengthMismatch(what: "coordinates per point (one per bound)", expected: dimensions, actual: row.count)
        }
        for (dimension, bound) in bounds.enumerated()
        where !(bound.lower.isFinite && bound.upper.isFinite && bound.lower <= bound.upper) {
            throw SamplingError.invalidBounds(dimension: dimension, lower: bound.lower, upper: bound.upper)
        }
        let (choiceKey, noiseKey) = key.split()
        let probabilities = try OpifexResidualDensity(beta: 1).probabilities(residuals: residuals)
        let baseIndices = try choiceKey.choice(count: numberOfNewPoints, probabilities: probabilities, replace: true)
        let draws = noiseKey.normal(count: numberOfNewPoints * dimensions)
        let extents = bounds.map { $0.upper - $0.lower }
        var noise: [[Float]] = []
        var newPoints: [[Float]] = []
        for (row, base) in baseIndices.enumerated() {
            let rowNoise = Array(draws[row * dimensions..<(row + 1) * dimensions])
            noise.append(rowNoise)
            newPoints.append((0..<dimensions).map { d in
                let moved = points[base][d] + rowNoise[d] * noiseScale * extents[d]
                return Swift.min(Swift.max(moved, bounds[d].lower), bounds[d].upper)
            })
        }
        return Refinement(points: points + newPoints, newPoints: newPoints, baseIndices: baseIndices, noise: noise)
    }

    /// ``refine(points:residuals:bounds:key:)`` for points in a tensor of shape [n, d];
    /// the refined points come back as a tensor of shape [n + new points, d].
    public func refine(points: Tensor<Float>, residuals: [Float], bounds: [(lower: Float, upper: Float)],
                       key: PRNGKey) throws -> Tensor<Float> {
        guard points.shape.count == 2 else {
            throw SamplingError.lengthMismatch(what: "tensor rank of points", expected: 2, actual: points.shape.count)
        }
        let width = points.shape[1]
        let rows = (0..<points.shape[0]).map { Array(points.scalars[$0 * width..<($0 + 1) * width]) }
        let refined = try refine(points: rows, residuals: residuals, bounds: bounds, key: key).points
        return Tensor(shape: [refined.count, width], scalars: refined.flatMap { $0 })
    }
}
