import Foundation
import GradNorm
import NeuralNet
import PINN
import Random
import Sampling
import Tensor

let args = CommandLine.arguments
let width = Double(args[1])!, steps = Int(args[2])!, count = Int(args[3])!, every = Int(args[4])!, hidden = Int(args[5])!
let mode = args[6]; let seed = Int64(args[7])!
let key = PRNGKey(seed: seed)
let (k1, k2) = key.split()
let xs = k1.uniform(count: count), ys = k2.uniform(count: count)
let start = Tensor<Float>(shape: [count, 2], scalars: zip(xs, ys).flatMap { [$0, $1] })
let problem = PeakPoissonProblem<Float>(center: (0.5, 0.5), width: width, collocationPoints: start, boundaryPointsPerSide: 25)
let model = MLP<Float>(layerSizes: [2, hidden, hidden, 1], rngs: Rngs(seed: seed))
func run(_ resampling: Resampling<PeakPoissonProblem<Float>>?, gradnorm: Bool) throws {
    let t0 = Date()
    if gradnorm {
        var training = try Training(problem: problem, model: model, balancer: GradNormBalancer<Float>(numLosses: 2), optimizer: Adam(learningRate: 1e-3))
        training.resampling = resampling
        try training.run(steps: steps) { r in if r.step % (steps / 5) == 0 { print(r.step, r.losses, r.weights) } }
        print(mode, "L2", problem.evaluate(training.model, resolution: 101).rmsError!, "seconds", Date().timeIntervalSince(t0))
    }
}
let candidates = CandidatePoints.freshUniform(count: 4 * count)
switch mode {
case "fixed": try run(nil, gradnorm: true)
case "uniform": try run(try .uniform(candidates: candidates, count: count, every: every, key: PRNGKey(seed: seed + 100)), gradnorm: true)
case "rad": try run(try .residualAdaptive(ResidualAdaptiveSampler(.wu2023(k: 1, c: 1, replace: false)), candidates: candidates, count: count, every: every, key: PRNGKey(seed: seed + 100)), gradnorm: true)
case "radopifex": try run(try .residualAdaptive(ResidualAdaptiveSampler(.opifex()), candidates: candidates, count: count, every: every, key: PRNGKey(seed: seed + 100)), gradnorm: true)
default: fatalError()
}
