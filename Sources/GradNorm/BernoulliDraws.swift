import Random

/// Where a balancer's random 0/1 draws come from: this package's PRNG, deterministically
/// from a seed, or a fixed list (to replay a reference run's draws).
public enum BernoulliDraws: Equatable, Sendable {
    /// Draw `k` (counting from 0) is 1 when `PRNGKey(seed).foldIn(k).uniform(count: 1)[0] < p`.
    case seeded(Int64)
    /// The given draws, in order; each must be 0 or 1, one per update.
    case fixed([Double])

    /// Draw number `index` with probability `probability` of a 1.
    /// - Throws: ``GradNormError/invalidConfiguration(field:value:requirement:)`` when a fixed
    ///   list has no draw `index`.
    public func draw(_ index: Int, probability: Double) throws -> Double {
        switch self {
        case let .seeded(seed):
            let uniform = PRNGKey(seed: seed).foldIn(UInt32(truncatingIfNeeded: index)).uniform(count: 1)[0]
            return Double(uniform) < probability ? 1 : 0
        case let .fixed(draws):
            guard index < draws.count else {
                throw GradNormError.invalidConfiguration(
                    field: "rhoDraws", value: "\(draws.count) fixed draws",
                    requirement: "one draw per update (update \(index + 1) has none)")
            }
            return draws[index]
        }
    }

    /// Throws unless every fixed draw is 0 or 1.
    func validate() throws {
        guard case let .fixed(draws) = self else { return }
        for (index, draw) in draws.enumerated() where draw != 0 && draw != 1 {
            throw GradNormError.invalidConfiguration(field: "rhoDraws[\(index)]", value: "\(draw)", requirement: "0 or 1")
        }
    }
}
