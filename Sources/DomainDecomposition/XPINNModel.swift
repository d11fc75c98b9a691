import NeuralNet
import Random
import Tensor

/// One network per subdomain of a ``BoxPartition``, blended into one field (Opifex's XPINN).
///
/// A point's value is `Σᵢ wᵢ·uᵢ(x)` with hard-assignment weights: `wᵢ = 1` when the closed
/// box `i` holds the point, then `w ← w / (Σw + 1e-8)` where `Σw > 0` — so a point inside one
/// box takes that box's network, a point on a face between two boxes the mean of both.
///
/// A point outside every box gets all weights 0 and the value 0 (as in Opifex); as a
/// `FieldModel` the call cannot fail, so check user input with ``validate(_:)`` or use
/// ``prediction(at:)``, which throw for such points.
///
/// ``parameters`` are the networks' parameters, network 0's first.
public struct XPINNModel<Scalar: TensorScalar>: FieldModel {
    /// The boxes the networks belong to.
    public let partition: BoxPartition
    /// The networks, network `i` for subdomain `i`.
    public var networks: [MLP<Scalar>]

    /// Wraps existing networks, one per subdomain, all with the partition's input count and
    /// the same output count.
    /// - Throws: ``DomainDecompositionError/dimensionMismatch(what:expected:actual:)``.
    public init(partition: BoxPartition, networks: [MLP<Scalar>]) throws {
        guard networks.count == partition.subdomains.count else {
            throw DomainDecompositionError.dimensionMismatch(what: "networks per subdomain", expected: partition.subdomains.count,
                                                            actual: networks.count)
        }
        for network in networks {
            guard network.layerSizes.first == partition.dimensions else {
                throw DomainDecompositionError.dimensionMismatch(what: "network inputs", expected: partition.dimensions,
                                                                actual: network.layerSizes[0])
            }
            guard network.layerSizes.last == networks[0].layerSizes.last else {
                throw DomainDecompositionError.dimensionMismatch(what: "network outputs", expected: networks[0].layerSizes.last!,
                                                                actual: network.layerSizes.last!)
            }
        }
        self.partition = partition
        self.networks = networks
    }

    /// Builds one `tanh` MLP `[inputs, hiddenWidths…, outputs]` per subdomain, in subdomain
    /// order, every layer initialised like Flax NNX's `Linear` from the one `rngs` stream —
    /// the parameters of Opifex's XPINN built with the same `nnx.Rngs`.
    /// - Throws: ``DomainDecompositionError/invalidSetting(name:value:requirement:)`` for a
    ///   width or output count below 1.
    public init(partition: BoxPartition, hiddenWidths: [Int], outputDimensions: Int = 1, rngs: Rngs) throws {
        for (layer, width) in (hiddenWidths + [outputDimensions]).enumerated() where width < 1 {
            let name = layer < hiddenWidths.count ? "hiddenWidths[\(layer)]" : "outputDimensions"
            throw DomainDecompositionError.invalidSetting(name: name, value: "\(width)", requirement: "an integer ≥ 1")
        }
        let sizes = [partition.dimensions] + hiddenWidths + [outputDimensions]
        try self.init(partition: partition, networks: partition.subdomains.map { _ in MLP(layerSizes: sizes, rngs: rngs) })
    }

    public var inputDimensions: Int { partition.dimensions }

    /// The number of values per point.
    public var outputDimensions: Int { networks[0].layerSizes.last! }

    public var parameters: [Tensor<Scalar>] {
        get { networks.flatMap { $0.parameters } }
        set {
            let total = networks.reduce(0) { $0 + 2 * $1.layers.count }
            precondition(newValue.count == total, "XPINN has \(total) parameter tensors, got \(newValue.count)")
            var start = 0
            for i in networks.indices {
                let count = 2 * networks[i].layers.count  // a kernel and a bias per layer
                networks[i].parameters = Array(newValue[start..<(start + count)])
                start += count
            }
        }
    }

    /// The positions of network `index`'s tensors in ``parameters``.
    public func parameterRange(ofNetwork index: Int) -> Range<Int> {
        let start = networks[..<index].reduce(0) { $0 + 2 * $1.layers.count }
        return start..<(start + 2 * networks[index].layers.count)
    }

    /// The L2 norm of `gradient` (over all of ``parameters``) restricted to each network.
    public func gradientNormsPerNetwork(_ gradient: ParameterGradients<Scalar>) -> [Scalar] {
        networks.indices.map { ParameterGradients(Array(gradient.tensors[parameterRange(ofNetwork: $0)])).norm }
    }

    /// The blending weights `[points][subdomains]` at `points` (`[n, inputs]`), computed in `Scalar`.
    public func membershipWeights(at points: Tensor<Scalar>) -> [[Scalar]] {
        precondition(points.rank == 2 && points.shape[1] == inputDimensions,
                     "points of shape \(points.shape) do not fit a model with \(inputDimensions) inputs")
        let d = inputDimensions, scalars = points.scalars
        return (0..<points.shape[0]).map { row in
            let point = Array(scalars[(row * d)..<((row + 1) * d)])
            let raw = partition.subdomains.map { $0.contains(point) ? Scalar(1) : Scalar(0) }
            let total = raw.reduce(0, +)
            guard total > 0 else { return raw }
            return raw.map { $0 / (total + Scalar(1e-8)) }
        }
    }

    /// The blended field at `points` (`[n, inputs]`), `[n, outputs]`; 0 at points in no box.
    public func callAsFunction(_ points: Tensor<Scalar>) -> Tensor<Scalar> {
        let weights = membershipWeights(at: points)
        let n = points.shape[0], outputs = outputDimensions
        var blended: Tensor<Scalar>?
        for (i, network) in networks.enumerated() {
            // Networks that hold none of the points add exact zeros; skipping them changes no value or gradient.
            guard weights.contains(where: { $0[i] != 0 }) else { continue }
            let column = Tensor(shape: [n, outputs], scalars: weights.flatMap { Array(repeating: $0[i], count: outputs) })
            let term = network(points) * column
            blended = blended.map { $0 + term } ?? term
        }
        return blended ?? Tensor.zeros(shape: [n, outputs])
    }

    /// Throws ``DomainDecompositionError/pointOutsideDomain(index:point:)`` for the first row of
    /// `points` that lies in no subdomain, and a dimension mismatch for a wrong shape.
    public func validate(_ points: Tensor<Scalar>) throws {
        guard points.rank == 2, points.shape[1] == inputDimensions else {
            throw DomainDecompositionError.dimensionMismatch(what: "point coordinates", expected: inputDimensions,
                                                            actual: points.rank == 2 ? points.shape[1] : points.count)
        }
        let d = inputDimensions, scalars = points.scalars
        for row in 0..<points.shape[0] {
            let point = Array(scalars[(row * d)..<((row + 1) * d)])
            if partition.subdomainIDs(containing: point).isEmpty {
                throw DomainDecompositionError.pointOutsideDomain(index: row, point: point.map(Double.init))
            }
        }
    }

    /// The blended field at `points`, after checking that every point lies in some subdomain.
    public func prediction(at points: Tensor<Scalar>) throws -> Tensor<Scalar> {
        try validate(points)
        return self(points)
    }
}
