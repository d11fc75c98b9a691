import Literate
import NTK
import NeuralNet
import PINN

/// What the loss-balancer page's steps share.
public struct LossBalancersState {
    /// Whether this is a `--quick` smoke run (50 steps per training).
    public let quick: Bool
    /// Every balancer on every problem, problems in order, balancers in table order.
    var runs: [BalancerRun] = []
    /// The Helmholtz problem with every balancer from further seeds (seed 0 is in ``runs``).
    var sweep: [BalancerRun] = []

    public init(options: RunOptions) { quick = options.quick }

    /// Training steps on `problem`: the heat problem as in the GradNorm tutorial (1000), the
    /// Helmholtz problem 1500 (its steps cost the most: 1000 points, two second derivatives), the
    /// Laplace problem 2000; 50 with `--quick`. Chosen so that the page renders in about 80 s on two cores.
    func steps(_ problem: ComparedProblem) -> Int {
        guard !quick else { return 50 }
        switch problem {
        case .heat: return 1000
        case .helmholtz: return 1500
        case .laplace: return 2000
        }
    }

    /// The seed of the main comparison: the GradNorm tutorial's 42 for the heat problem, 0 otherwise.
    func seed(_ problem: ComparedProblem) -> Int { problem == .heat ? 42 : 0 }

    /// The seeds of the sweep on the Helmholtz problem.
    let sweepSeeds = [0, 1, 2]

    /// The runs of the main comparison on `problem`, in table order.
    func runs(on problem: ComparedProblem) -> [BalancerRun] { runs.filter { $0.problem == problem } }

    /// The run of `balancer` on `problem`.
    func run(_ balancer: String, on problem: ComparedProblem) -> BalancerRun? {
        runs.first { $0.problem == problem && $0.balancer == balancer }
    }

    /// The empirical NTK blocks of the Helmholtz problem's two losses at `run`'s trained network
    /// (or at the initial network), on 100 interior and 100 boundary points.
    func helmholtzKernels(at model: MLP<Float>) throws -> (pde: SpectralDiagnostics, boundary: SpectralDiagnostics) {
        let batch = ComparedProblem.helmholtz.square(seed: 0, interior: 100, perSide: 25)
        let kernels = try LossKernels(problem: batch, model: model)
        return (try SpectralDiagnostics(kernel: kernels.block(0, 0)), try SpectralDiagnostics(kernel: kernels.block(1, 1)))
    }
}
