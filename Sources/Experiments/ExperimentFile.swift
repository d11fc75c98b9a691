import Foundation
import NeuralNet
import PINN
import Tensor

/// An experiment exported from JAX (or by ``ExperimentTrace``): settings, data and
/// initial parameters, and optionally the exporter's own trace to compare against.
///
/// The schema is that of the reference file `gradnorm-heat-seed42.json`.
public struct ExperimentFile: Decodable {
    /// Training points in the file's layout.
    public struct Data: Codable, Equatable, Sendable {
        /// Collocation points, `[ncol][2]`.
        public var xtDomain: [[Double]]
        /// Boundary points, `[2·nbc][2]`.
        public var xtBoundary: [[Double]]
        /// Initial points, `[nic][2]`.
        public var xtInitial: [[Double]]
        /// Initial values, `[nic]`.
        public var uInitial: [Double]

        enum CodingKeys: String, CodingKey {
            case xtDomain = "xt_domain"
            case xtBoundary = "xt_boundary"
            case xtInitial = "xt_initial"
            case uInitial = "u_initial"
        }
    }

    /// One layer's parameters: `kernel` as `[input][output]`, `bias` as `[output]`.
    public struct LayerParameters: Codable, Equatable, Sendable {
        /// The kernel rows.
        public var kernel: [[Double]]
        /// The bias.
        public var bias: [Double]
    }

    /// The settings.
    public var config: HeatExperimentConfig
    /// The training points.
    public var data: Data
    /// The initial parameters, input layer first.
    public var initialParams: [LayerParameters]
    /// The exporter's trace, if the file has one.
    public var trace: ExperimentTrace?

    enum CodingKeys: String, CodingKey {
        case config, data
        case initialParams = "initial_params"
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        config = try container.decode(HeatExperimentConfig.self, forKey: .config)
        data = try container.decode(Data.self, forKey: .data)
        initialParams = try container.decode([LayerParameters].self, forKey: .initialParams)
        // A file either has no trace or a whole one: a damaged trace is an error, not "no trace".
        let traceKeys = try decoder.container(keyedBy: ExperimentTrace.CodingKeys.self)
        let present = [ExperimentTrace.CodingKeys.initialLosses, .gradnorm, .fixed, .final].filter(traceKeys.contains)
        trace = present.isEmpty ? nil : try ExperimentTrace(from: decoder)
    }

    /// Reads and checks a file; errors name the offending key.
    public static func load(path: String) throws -> ExperimentFile {
        let bytes: Foundation.Data
        do { bytes = try Foundation.Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw ExperimentError.unreadable(path: path, reason: "cannot read the file (\(error.localizedDescription))")
        }
        return try decode(bytes, path: path)
    }

    /// Parses and checks file contents; `path` is used in error messages.
    public static func decode(_ bytes: Foundation.Data, path: String) throws -> ExperimentFile {
        let file: ExperimentFile
        do {
            file = try JSONDecoder().decode(ExperimentFile.self, from: bytes)
        } catch let error as DecodingError {
            if case let .dataCorrupted(context) = error, context.codingPath.isEmpty {
                throw ExperimentError.unreadable(path: path, reason: JSONDiagnosis.describe(bytes))
            }
            throw ExperimentError.unreadable(path: path, reason: Self.describe(error))
        } catch {
            throw ExperimentError.unreadable(path: path, reason: "not valid JSON (\(error.localizedDescription))")
        }
        do { try file.validate() } catch let error as ExperimentError {
            throw ExperimentError.unreadable(path: path, reason: error.description)
        }
        return file
    }

    /// Checks that shapes agree with each other and with the configuration.
    public func validate() throws {
        try config.validate()
        func points(_ rows: [[Double]], _ key: String, count: Int) throws {
            guard rows.count == count else {
                throw ExperimentError.invalidValue(key: key, requirement: "expected \(count) points, found \(rows.count)")
            }
            if let bad = rows.firstIndex(where: { $0.count != 2 }) {
                throw ExperimentError.invalidValue(key: "\(key)[\(bad)]", requirement: "expected [x, t], found \(rows[bad].count) numbers")
            }
        }
        try points(data.xtDomain, "data.xt_domain", count: config.collocationPoints)
        try points(data.xtBoundary, "data.xt_boundary", count: 2 * config.boundaryPointsPerSide)
        try points(data.xtInitial, "data.xt_initial", count: config.initialPoints)
        guard data.uInitial.count == config.initialPoints else {
            throw ExperimentError.invalidValue(key: "data.u_initial", requirement: "expected \(config.initialPoints) values, found \(data.uInitial.count)")
        }
        let sizes = config.layerSizes
        guard initialParams.count == sizes.count - 1 else {
            throw ExperimentError.invalidValue(key: "initial_params", requirement: "expected \(sizes.count - 1) layers for widths \(sizes), found \(initialParams.count)")
        }
        for (i, layer) in initialParams.enumerated() {
            guard layer.kernel.count == sizes[i], layer.kernel.allSatisfy({ $0.count == sizes[i + 1] }) else {
                throw ExperimentError.invalidValue(key: "initial_params[\(i)].kernel", requirement: "expected a \(sizes[i])×\(sizes[i + 1]) matrix")
            }
            guard layer.bias.count == sizes[i + 1] else {
                throw ExperimentError.invalidValue(key: "initial_params[\(i)].bias", requirement: "expected \(sizes[i + 1]) values, found \(layer.bias.count)")
            }
        }
        var numbers: [Double] = data.uInitial
        for rows in [data.xtDomain, data.xtBoundary, data.xtInitial] { numbers += rows.joined() }
        for layer in initialParams { numbers += layer.kernel.joined(); numbers += layer.bias }
        guard numbers.allSatisfy({ $0.isFinite }) else {
            throw ExperimentError.invalidValue(key: "data/initial_params", requirement: "all numbers must be finite")
        }
        try trace?.validate(against: config)
    }

    /// The training points as tensors.
    public func heatData<Scalar: TensorScalar>(_ type: Scalar.Type = Scalar.self) -> HeatData<Scalar> {
        func matrix(_ rows: [[Double]]) -> Tensor<Scalar> {
            Tensor(shape: [rows.count, 2], scalars: rows.joined().map { Scalar($0) })
        }
        return HeatData(domain: matrix(data.xtDomain), boundary: matrix(data.xtBoundary),
                        initial: matrix(data.xtInitial),
                        initialValues: Tensor(data.uInitial.map { Scalar($0) }))
    }

    /// The network with the file's initial parameters.
    public func initialModel<Scalar: TensorScalar>(_ type: Scalar.Type = Scalar.self) -> MLP<Scalar> {
        MLP(layers: initialParams.map { layer in
            Linear(kernel: Tensor(shape: [layer.kernel.count, layer.bias.count],
                                  scalars: layer.kernel.joined().map { Scalar($0) }),
                   bias: Tensor(layer.bias.map { Scalar($0) }))
        })
    }

    /// A readable account of a decoding error that names the key path.
    static func describe(_ error: DecodingError) -> String {
        func path(_ codingPath: [CodingKey], _ last: CodingKey? = nil) -> String {
            var text = ""
            for key in codingPath + (last.map { [$0] } ?? []) {
                if let index = key.intValue { text += "[\(index)]" } else { text += text.isEmpty ? key.stringValue : ".\(key.stringValue)" }
            }
            return text.isEmpty ? "(top level)" : text
        }
        switch error {
        case let .keyNotFound(key, context):
            return "missing key '\(path(context.codingPath, key))'"
        case let .typeMismatch(type, context):
            let name = "\(type)"
            let expected = type == Double.self || type == Int.self ? "a number"
                : name.hasPrefix("Array") ? "a list" : name.hasPrefix("Dictionary") ? "an object"
                : type == String.self ? "a string" : name
            return "'\(path(context.codingPath))': expected \(expected)"
        case let .valueNotFound(type, context):
            return "'\(path(context.codingPath))': expected \(type), found null"
        case let .dataCorrupted(context):
            return context.codingPath.isEmpty ? "not valid JSON" : "'\(path(context.codingPath))': \(context.debugDescription)"
        @unknown default:
            return "\(error)"
        }
    }
}
