import GradNorm
import NeuralNet
import PINN
import Random
import Sampling
import Tensor
import XCTest

final class AdaptiveResamplingTests: XCTestCase {
    private func problem() -> PeakPoissonProblem<Float> {
        PeakPoissonProblem(center: (0.5, 0.5), width: 0.1, collocationPoints: PRNGKey(seed: 3).uniformPoints(count: 16, in: [0...1, 0...1]),
                           boundaryPointsPerSide: 4)
    }

    private func training(_ resampling: Resampling<PeakPoissonProblem<Float>>) throws -> Training<PeakPoissonProblem<Float>, FixedWeights<Float>> {
        var training = try Training(problem: problem(), model: MLP<Float>(layerSizes: [2, 8, 1], rngs: Rngs(seed: 1)),
                                    balancer: FixedWeights<Float>(ones: 2), optimizer: Adam(learningRate: 1e-3))
        training.resampling = resampling
        return training
    }

    func testRADRoundsDrawFromTheResidualsAtFreshCandidates() throws {
        let sampler = try ResidualAdaptiveSampler(.wu2023(k: 1, c: 1, replace: false))
        let key = PRNGKey(seed: 7)
        var run = try training(.residualAdaptive(sampler, candidates: .freshUniform(count: 40), count: 16, every: 3, key: key))
        let start = run.model
        try run.run(steps: 1)
        // Step 0, computed independently: candidates from foldIn(0), residuals there, the draw.
        let (candidateKey, drawKey) = key.foldIn(0).split()
        let pool = candidateKey.uniformPoints(count: 40, in: [0...1, 0...1])
        let residuals = problem().residual(of: start, at: pool).scalars.map { abs($0) }
        let chosen = try sampler.sampleIndices(residuals: residuals, count: 16, key: drawKey)
        XCTAssertEqual(Set(chosen).count, 16, "without replacement")
        XCTAssertEqual(run.problem.collocationPoints.scalars, pool.gatheringRows(chosen).scalars)
        let afterFirstRound = run.problem.collocationPoints.scalars
        try run.run(steps: 2)
        XCTAssertEqual(run.problem.collocationPoints.scalars, afterFirstRound, "no round at steps 1 and 2")
        try run.run(steps: 1)
        XCTAssertNotEqual(run.problem.collocationPoints.scalars, afterFirstRound, "a new round at step 3")
    }

    func testFixedCandidatesAreDrawnFromAsGiven() throws {
        let candidates: Tensor<Float> = Tensor(rows: (0..<10).map { [Float($0) / 10, 0.5] })
        var run = try training(.residualAdaptive(ResidualAdaptiveSampler(.opifex()), candidates: .fixed(candidates),
                                                 count: 25, every: 5, key: PRNGKey(seed: 0)))
        try run.run(steps: 1)
        let rows = Set(stride(from: 0, to: 50, by: 2).map { run.problem.collocationPoints.scalars[$0] })
        XCTAssertTrue(rows.isSubset(of: Set((0..<10).map { Float($0) / 10 })), "only candidates, repeats allowed")
    }

    func testUniformRoundsStayInsideTheDomain() throws {
        var run = try training(.uniform(candidates: .freshUniform(count: 30), count: 16, every: 1, key: PRNGKey(seed: 2)))
        try run.run(steps: 3)
        XCTAssertEqual(run.problem.collocationPoints.shape, [16, 2])
        XCTAssertTrue(run.problem.collocationPoints.scalars.allSatisfy { (0...1).contains($0) })
    }

    func testImpossibleSchedulesAreRejectedBeforeTraining() throws {
        let sampler = try ResidualAdaptiveSampler(.wu2023(k: 1, c: 1, replace: false))
        XCTAssertThrowsError(try Resampling<PeakPoissonProblem<Float>>.residualAdaptive(
            sampler, candidates: .freshUniform(count: 10), count: 11, every: 1, key: PRNGKey(seed: 0))) {
            XCTAssertTrue("\($0)".contains("cannot draw 11 samples without replacement from 10"), "\($0)")
        }
        XCTAssertThrowsError(try Resampling<PeakPoissonProblem<Float>>.uniform(
            candidates: .fixed(Tensor(shape: [0, 2], scalars: [])), count: 4, every: 1, key: PRNGKey(seed: 0)))
        XCTAssertThrowsError(try Resampling<PeakPoissonProblem<Float>>.uniform(
            candidates: .freshUniform(count: 10), count: 0, every: 1, key: PRNGKey(seed: 0)))
        XCTAssertThrowsError(try Resampling<PeakPoissonProblem<Float>>.uniform(
            candidates: .freshUniform(count: 10), count: 4, every: 0, key: PRNGKey(seed: 0)))
    }

    func testNonFiniteResidualsStopTrainingWithAnError() throws {
        var run = try training(.residualAdaptive(ResidualAdaptiveSampler(.opifex()), candidates: .freshUniform(count: 20),
                                                 count: 8, every: 1, key: PRNGKey(seed: 0)))
        var parameters = run.model.parameters
        parameters[1] = Tensor(shape: parameters[1].shape, scalars: parameters[1].scalars.map { _ in .nan })
        run.model.parameters = parameters
        XCTAssertThrowsError(try run.run(steps: 1)) { error in
            XCTAssertTrue(error is SamplingError, "\(error)")
            XCTAssertTrue("\(error)".lowercased().contains("residual"), "\(error)")
        }
    }
}
