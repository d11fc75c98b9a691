extension ExperimentTrace {
    /// Checks that the trace is whole: one record per step of `config` in each run, in step
    /// order, three losses (and gradient norms and weights) per record, all finite.
    public func validate(against config: HeatExperimentConfig) throws {
        func fail(_ key: String, _ requirement: String) -> ExperimentError {
            .invalidValue(key: key, requirement: requirement)
        }
        func triple(_ values: [Double], _ key: String) throws {
            guard values.count == 3 else { throw fail(key, "expected 3 values (PDE, BC, IC), found \(values.count)") }
            guard values.allSatisfy(\.isFinite) else { throw fail(key, "all numbers must be finite") }
        }
        try triple(initialLosses, "initial_losses")
        for (run, count) in [("gradnorm", gradnorm.count), ("fixed", fixed.count)] where count != config.steps {
            throw fail(run, "the trace has \(count) steps but config.steps is \(config.steps)")
        }
        for (index, record) in gradnorm.enumerated() {
            guard record.step == index else { throw fail("gradnorm[\(index)].step", "expected \(index), found \(record.step)") }
            try triple(record.losses, "gradnorm[\(index)].losses")
            try triple(record.gradNorms, "gradnorm[\(index)].grad_norms")
            try triple(record.weights, "gradnorm[\(index)].weights")
        }
        for (index, record) in fixed.enumerated() {
            guard record.step == index else { throw fail("fixed[\(index)].step", "expected \(index), found \(record.step)") }
            try triple(record.losses, "fixed[\(index)].losses")
        }
        try triple(final.weights, "final.weights")
        guard final.l2GradNorm.isFinite, final.l2Fixed.isFinite else { throw fail("final", "the L2 errors must be finite") }
    }
}
