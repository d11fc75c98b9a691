import Experiments
import GradNorm
import NeuralNet
import PINN
import Random
import Tensor

/// The problems of the balancer comparison.
enum ComparedProblem: String, CaseIterable, Sendable {
    /// The GradNorm tutorial's heat problem: seed 42, 500/200/100 points, 2→32³→1.
    case heat
    /// `Δu + u = f` on `[−1, 1]²`, `u = sin(πx)·sin(4πy)`: the PDE loss dominates.
    case helmholtz
    /// `Δu = 0` on `[−1, 1]²`, `u = e^{πx}·sin(πy)`: the boundary loss dominates.
    case laplace

    /// The name on the page.
    var title: String {
        switch self {
        case .heat: "Heat"
        case .helmholtz: "Helmholtz"
        case .laplace: "Laplace"
        }
    }

    /// The loss names, in order.
    var lossNames: [String] { self == .heat ? HeatLosses<Float>.names : HelmholtzProblem<Float>.names }

    /// Collocation points inside the square of the 2-D problems: more for the Helmholtz problem,
    /// whose solution has four half-waves along y.
    var interiorPoints: Int { self == .helmholtz ? 1000 : 500 }
    /// Points on each edge of the square of the 2-D problems.
    var boundaryPointsPerSide: Int { self == .helmholtz ? 50 : 25 }
    /// The network of the two 2-D problems.
    static let layerSizes = [2, 32, 32, 32, 1]

    /// Trains the problem drawn from `seed` with `balancer` for `steps` steps with Adam (learning
    /// rate 1e-3), from the network drawn from the same seed, on one core.
    /// - Parameter evaluations: How many times, evenly spaced, to measure the error during training.
    func train(with choice: BalancerChoice, seed: Int, steps: Int, evaluations: Int) throws -> BalancerRun {
        switch self {
        case .heat:
            var config = HeatExperimentConfig.tutorial
            config.seed = seed
            let problem = HeatLosses<Float>(problem: config.problem, data: config.sampleData())
            return try BalancerRun.train(problem, model: config.initialModel(), choice: choice, problemName: self,
                                         seed: seed, steps: steps, evaluations: evaluations)
        case .helmholtz, .laplace:
            return try BalancerRun.train(square(seed: seed), model: MLP<Float>(layerSizes: Self.layerSizes, rngs: Rngs(seed: Int64(seed))),
                                         choice: choice, problemName: self, seed: seed, steps: steps, evaluations: evaluations)
        }
    }

    /// The unweighted losses of the untrained network drawn from `seed`.
    func initialLosses(seed: Int) throws -> [Double] {
        try train(with: BalancerChoice.all[0], seed: seed, steps: 0, evaluations: 0).initialLosses
    }

    /// The 2-D problem with interior points drawn from `seed` (`interior` of them).
    func square(seed: Int, interior: Int? = nil, perSide: Int? = nil) -> HelmholtzProblem<Float> {
        let interior = interior ?? interiorPoints, perSide = perSide ?? boundaryPointsPerSide
        let points: Tensor<Float> = PRNGKey(seed: Int64(seed)).uniformPoints(count: interior, in: [-1...1, -1...1])
        return self == .helmholtz
            ? .sineProduct(collocationPoints: points, boundaryPointsPerSide: perSide)
            : .exponentialLaplace(collocationPoints: points, boundaryPointsPerSide: perSide)
    }
}

/// One training of one problem with one balancer.
struct BalancerRun {
    let problem: ComparedProblem
    let balancer: String
    let seed: Int
    /// The unweighted losses at the start and after the last step, in the problem's order.
    let initialLosses: [Double]
    let finalLosses: [Double]
    /// The weights after every step.
    let weights: [[Double]]
    /// `(step, relative L2 error)`, from the start to the end of training.
    let errors: [(step: Int, error: Double)]
    /// The trained network.
    let model: MLP<Float>
    let seconds: Double

    /// The relative L2 error of the trained network on a 50 × 50 grid.
    var finalError: Double { errors.last!.error }

    static func train<Problem: PINNProblem>(
        _ problem: Problem, model: MLP<Float>, choice: BalancerChoice, problemName: ComparedProblem,
        seed: Int, steps: Int, evaluations: Int
    ) throws -> BalancerRun where Problem.Model == MLP<Float> {
        let balancer = try choice.make(problem.lossTerms.count, seed)
        var training = try Training(problem: problem, model: model, balancer: balancer, optimizer: Adam<Float>(learningRate: 1e-3))
        training.parts = 1  // one core per run; runs go two at a time
        let every = Swift.max(1, steps / Swift.max(evaluations, 1))
        var weights: [[Double]] = [], errors = [(step: 0, error: problem.evaluate(model).relativeError ?? .nan)]
        let initial = problem.lossValues(of: model)
        var seconds = 0.0, done = 0
        while done < steps {  // in chunks, so that the error can be measured between them
            let chunk = Swift.min(every, steps - done)
            seconds += try training.run(steps: chunk) { weights.append($0.weights) }
            done += chunk
            errors.append((done, problem.evaluate(training.model).relativeError ?? .nan))
        }
        return BalancerRun(problem: problemName, balancer: choice.name, seed: seed, initialLosses: initial,
                           finalLosses: problem.lossValues(of: training.model), weights: weights, errors: errors,
                           model: training.model, seconds: seconds)
    }
}
