import Foundation

/// Replaces a problem's points every ``every`` steps (from step 0), e.g. by adaptive sampling.
public struct Resampling<Problem: PINNProblem> {
    /// Steps between resamplings (≥ 1).
    public let every: Int
    /// Replaces the points of the problem, given the model and the step.
    public let resample: (inout Problem, Problem.Model, Int) throws -> Void

    public init(every: Int, resample: @escaping (inout Problem, Problem.Model, Int) throws -> Void) throws {
        guard every >= 1 else {
            throw TrainingError.invalidSetting(name: "resampling interval", value: "\(every)", requirement: "an integer ≥ 1")
        }
        self.init(checkedEvery: every, resample: resample)
    }

    private init(checkedEvery every: Int, resample: @escaping (inout Problem, Problem.Model, Int) throws -> Void) {
        self.every = every
        self.resample = resample
    }
}

extension Resampling {
    /// This schedule, calling `body` with the problem after each round (e.g. to record where
    /// the points went).
    public func observing(_ body: @escaping (Problem) -> Void) -> Resampling {
        let inner = resample
        return Resampling(checkedEvery: every) { problem, model, step in
            try inner(&problem, model, step)
            body(problem)
        }
    }
}
