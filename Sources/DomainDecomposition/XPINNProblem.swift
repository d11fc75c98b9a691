import NeuralNet
import PINN
import Tensor

/// An XPINN problem (Opifex's losses): each subdomain's PDE residual for its own network, and
/// the continuity of the value and of the normal derivative across every interface.
///
/// The losses, in order:
/// - `residual_0 … residual_{k−1}`: `mean(residual(uᵢ, pointsᵢ)²)` of network `i` at the
///   collocation points of subdomain `i`;
/// - `continuity`: the mean over interfaces of `mean((u_left − u_right)²)` at the interface points;
/// - `flux`: the mean over interfaces of `mean(((∇u_left − ∇u_right)·n)²)`;
/// - then any ``additionalLosses`` (boundary conditions, data).
///
/// Means run over points and outputs, so networks with several outputs work too (Opifex's
/// flux loss fails for them). All input derivatives come from Taylor mode
/// (``NeuralNet/MLP/derivatives(at:secondOrder:)``).
///
/// ```swift
/// // −u″ = π² sin πx on [0, 1], two subdomains
/// let problem = try XPINNProblem(partition: partition, collocationPoints: [left, right], secondOrder: [0]) { u, x in
///     u.xx + Tensor(shape: [x.shape[0], 1], scalars: x.scalars.map { .pi * .pi * .sin(.pi * $0) })
/// }
/// ```
public struct XPINNProblem<Scalar: TensorScalar>: PINNProblem {
    public typealias Model = XPINNModel<Scalar>
    /// The PDE residual of one network, given its value and input derivatives at a batch of
    /// points and the points (`[n, inputs]`); one row per point.
    public typealias Residual = (InputDerivatives<Scalar>, Tensor<Scalar>) -> Tensor<Scalar>

    /// The boxes and their interfaces.
    public let partition: BoxPartition
    /// The residual's collocation points of each subdomain, `[nᵢ, inputs]`, inside that subdomain.
    public private(set) var collocationPoints: [Tensor<Scalar>]
    /// The input directions whose pure second derivatives the residual reads.
    public let secondOrder: [Int]
    /// The PDE residual.
    public let residual: Residual
    /// Losses appended after `flux` (e.g. boundary conditions of the blended model).
    public var additionalLosses: [LossTerm<Model>]
    /// Each interface's points, `[m, inputs]`.
    public let interfacePoints: [Tensor<Scalar>]
    private let exact: (([Double]) -> Double)?

    /// Sets up the problem.
    /// - Parameters:
    ///   - partition: The subdomains and interfaces.
    ///   - collocationPoints: One batch `[nᵢ, inputs]` per subdomain, inside its closed box.
    ///   - secondOrder: The directions of the second derivatives the residual needs
    ///     (by default every direction, enough for a Laplacian).
    ///   - additionalLosses: Losses after `flux`.
    ///   - exactSolution: The exact solution, where known.
    ///   - residual: The PDE residual.
    /// - Throws: ``DomainDecompositionError`` for a wrong number of batches, points of the
    ///   wrong width, a point outside its subdomain or a bad second-order direction.
    public init(partition: BoxPartition, collocationPoints: [Tensor<Scalar>], secondOrder: [Int]? = nil,
                additionalLosses: [LossTerm<Model>] = [], exactSolution: (([Double]) -> Double)? = nil,
                residual: @escaping Residual) throws {
        let directions = secondOrder ?? Array(0..<partition.dimensions)
        for direction in directions where !(0..<partition.dimensions).contains(direction) {
            throw DomainDecompositionError.invalidSetting(name: "secondOrder", value: "\(directions)",
                                                         requirement: "directions in 0..<\(partition.dimensions)")
        }
        self.partition = partition
        self.collocationPoints = []
        self.secondOrder = directions
        self.residual = residual
        self.additionalLosses = additionalLosses
        self.exact = exactSolution
        interfacePoints = partition.interfaces.map { interface in
            Tensor(shape: [interface.points.count, partition.dimensions], scalars: interface.points.flatMap { $0.map { Scalar($0) } })
        }
        try setCollocationPoints(collocationPoints)
    }

    /// Replaces the collocation points (e.g. after resampling), with the checks of ``init(partition:collocationPoints:secondOrder:additionalLosses:exactSolution:residual:)``.
    public mutating func setCollocationPoints(_ points: [Tensor<Scalar>]) throws {
        guard points.count == partition.subdomains.count else {
            throw DomainDecompositionError.dimensionMismatch(what: "collocation batches per subdomain",
                                                            expected: partition.subdomains.count, actual: points.count)
        }
        let d = partition.dimensions
        for (subdomain, batch) in zip(partition.subdomains, points) {
            guard batch.rank == 2, batch.shape[1] == d, batch.shape[0] >= 1 else {
                throw DomainDecompositionError.dimensionMismatch(what: "coordinates of collocation points of subdomain \(subdomain.id)",
                                                                expected: d, actual: batch.rank == 2 ? batch.shape[1] : batch.count)
            }
            for row in 0..<batch.shape[0] {
                let point = Array(batch.scalars[(row * d)..<((row + 1) * d)])
                if !subdomain.contains(point) {
                    throw DomainDecompositionError.pointOutsideSubdomain(subdomain: subdomain.id, index: row,
                                                                        point: point.map(Double.init))
                }
            }
        }
        collocationPoints = points
    }

    /// `residual_0 … residual_{k−1}`, `continuity`, `flux`, then ``additionalLosses``.
    public var lossTerms: [LossTerm<Model>] {
        let residual = self.residual, secondOrder = self.secondOrder
        let residuals = collocationPoints.enumerated().map { i, points in
            LossTerm<Model>.meanSquare("residual_\(i)", at: points, splitsAcrossThreads: true) { model, batch in
                residual(model.networks[i].derivatives(at: batch, secondOrder: secondOrder), batch)
            }
        }
        let interfaces: [LossTerm<Model>] = [
            .custom("continuity") { [self] in continuityLoss(of: $0) },
            .custom("flux") { [self] in fluxLoss(of: $0) },
        ]
        return residuals + interfaces + additionalLosses
    }

    public var domainBounds: [ClosedRange<Double>] { partition.bounds }

    public func exactSolution(at point: [Double]) -> Double? { exact?(point) }

    /// The residual of network `subdomain` at that subdomain's collocation points.
    public func residualValues(of model: Model, subdomain: Int) -> Tensor<Scalar> {
        let points = collocationPoints[subdomain]
        return residual(model.networks[subdomain].derivatives(at: points, secondOrder: secondOrder), points)
    }

    /// Opifex's `compute_total_residual`: the mean over subdomains of `mean(residualᵢ²)`.
    public func totalResidualLoss(of model: Model) -> Tensor<Scalar> {
        let losses = partition.subdomains.indices.map { residualValues(of: model, subdomain: $0).squared().mean() }
        return losses.dropFirst().reduce(losses[0], +) / Scalar(losses.count)
    }

    /// The `continuity` loss (0 without interfaces).
    public func continuityLoss(of model: Model) -> Tensor<Scalar> {
        meanOverInterfaces { index, interface in
            let points = interfacePoints[index]
            return (model.networks[interface.leftSubdomain](points) - model.networks[interface.rightSubdomain](points))
                .squared().mean()
        }
    }

    /// The `flux` loss (0 without interfaces).
    public func fluxLoss(of model: Model) -> Tensor<Scalar> {
        meanOverInterfaces { index, interface in
            let points = interfacePoints[index]
            let left = model.networks[interface.leftSubdomain].derivatives(at: points, secondOrder: [])
            let right = model.networks[interface.rightSubdomain].derivatives(at: points, secondOrder: [])
            return (normalDerivative(left, interface) - normalDerivative(right, interface)).squared().mean()
        }
    }

    /// Opifex's `compute_interface_loss` with its default weights: `continuity + flux`.
    public func interfaceLoss(of model: Model) -> Tensor<Scalar> { continuityLoss(of: model) + fluxLoss(of: model) }

    /// Both networks' values, gradients and normal derivatives at the points of interface `index`.
    public func interfaceValues(of model: Model, interface index: Int) -> InterfaceValues<Scalar> {
        let interface = partition.interfaces[index], points = interfacePoints[index]
        let sides = [interface.leftSubdomain, interface.rightSubdomain].map {
            model.networks[$0].derivatives(at: points, secondOrder: [])
        }
        let directions = 0..<partition.dimensions
        return InterfaceValues(
            valueLeft: sides[0].value.detached, valueRight: sides[1].value.detached,
            gradientLeft: directions.map { sides[0].first($0).detached },
            gradientRight: directions.map { sides[1].first($0).detached },
            fluxLeft: normalDerivative(sides[0], interface).detached, fluxRight: normalDerivative(sides[1], interface).detached)
    }

    /// `Σ_a n_a·∂u/∂x_a`, `[points, outputs]`.
    private func normalDerivative(_ u: InputDerivatives<Scalar>, _ interface: Interface) -> Tensor<Scalar> {
        // Only the normal's non-zero components enter: for axis-aligned faces this is the one
        // partial derivative itself, as Opifex's `sum(grad · n)` gives for finite gradients.
        let terms = interface.normal.enumerated().filter { $0.element != 0 }.map { axis, component in
            component == 1 ? u.first(axis) : u.first(axis) * Scalar(component)
        }
        return terms.dropFirst().reduce(terms[0], +)
    }

    private func meanOverInterfaces(_ loss: (Int, Interface) -> Tensor<Scalar>) -> Tensor<Scalar> {
        let interfaces = partition.interfaces
        guard !interfaces.isEmpty else { return Tensor(Scalar(0)) }
        let losses = interfaces.enumerated().map { loss($0.offset, $0.element) }
        return losses.dropFirst().reduce(losses[0], +) / Scalar(interfaces.count)
    }
}

/// The two networks of an interface at its points: values, gradients and normal derivatives.
public struct InterfaceValues<Scalar: TensorScalar> {
    /// The left network's values, `[points, outputs]`.
    public let valueLeft: Tensor<Scalar>
    /// The right network's values, `[points, outputs]`.
    public let valueRight: Tensor<Scalar>
    /// The left network's `∂u/∂x_a`, one `[points, outputs]` tensor per input direction `a`.
    public let gradientLeft: [Tensor<Scalar>]
    /// The right network's `∂u/∂x_a`, one `[points, outputs]` tensor per input direction `a`.
    public let gradientRight: [Tensor<Scalar>]
    /// The left network's normal derivative `∇u·n`, `[points, outputs]`.
    public let fluxLeft: Tensor<Scalar>
    /// The right network's normal derivative `∇u·n`, `[points, outputs]`.
    public let fluxRight: Tensor<Scalar>
}
