import NeuralNet
import PINN
import Random
import Tensor

extension HeatExperimentConfig {
    /// Draws the training points from `PRNGKey(seed)` as the reference does, splitting
    /// the key before each draw: x and t of the collocation points, t of the boundary
    /// points (used at x = 0 and again at x = 1), x of the initial points.
    public func sampleData<Scalar: TensorScalar>(_ type: Scalar.Type = Scalar.self) -> HeatData<Scalar> {
        var key = PRNGKey(seed: Int64(seed))
        func draw(_ count: Int, upTo maximum: Double) -> [Float] {
            let (next, subkey) = key.split()
            key = next
            return subkey.uniform(count: count, minval: 0, maxval: Float(maximum))
        }
        let x = draw(collocationPoints, upTo: 1)
        let t = draw(collocationPoints, upTo: tMax)
        let tBoundary = draw(boundaryPointsPerSide, upTo: tMax)
        let xInitial = draw(initialPoints, upTo: 1)

        func points(_ pairs: [(Float, Float)]) -> Tensor<Scalar> {
            Tensor(shape: [pairs.count, 2], scalars: pairs.flatMap { [Scalar($0.0), Scalar($0.1)] })
        }
        let boundary = tBoundary.map { (Float(0), $0) } + tBoundary.map { (Float(1), $0) }
        return HeatData(
            domain: points(Array(zip(x, t))),
            boundary: points(boundary),
            initial: points(xInitial.map { ($0, 0) }),
            // Float(Double.pi) rounds to nearest as NumPy does; Float.pi is rounded down.
            initialValues: Tensor(xInitial.map { Scalar(Float.sin(Float(Double.pi) * $0)) }))
    }

    /// The network of the reference tutorial, initialised from `nnx.Rngs(seed)`.
    public func initialModel<Scalar: TensorScalar>(_ type: Scalar.Type = Scalar.self) -> MLP<Scalar> {
        MLP(layerSizes: layerSizes, rngs: Rngs(seed: Int64(seed)))
    }
}

extension HeatExperiment {
    /// The experiment with data and initial parameters drawn from `config.seed` alone.
    public init(seededBy config: HeatExperimentConfig) throws {
        try self.init(config: config, data: config.sampleData(), initialModel: config.initialModel())
    }
}
