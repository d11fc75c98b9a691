import Experiments

/// The floating-point work of one training step of the heat experiment, counted from the layer
/// shapes: 2·m·k·n per matrix product (one multiply and one add per term) over every product the
/// step runs, and nothing else (bias additions, tanh and its Taylor terms, the loss, Adam and the
/// balancer are elementwise or smaller, a few per cent at 32 units and less above).
struct StepCost {
    /// Rows each loss pushes through the network: the PDE loss its collocation points × 4 Taylor
    /// blocks (value, ∂x, ∂t, ∂xx), the boundary and initial losses their points once.
    let rowsPerLoss: [Int]
    /// The network's widths, input first.
    let layerSizes: [Int]

    init(_ config: HeatExperimentConfig) {
        rowsPerLoss = [4 * config.collocationPoints, 2 * config.boundaryPointsPerSide, config.initialPoints]
        layerSizes = config.layerSizes
    }

    /// Products per layer and loss: the forward `x·W`, the weight gradient `xᵀ·g` and, except on the
    /// first layer (whose input is data, not tracked), the input gradient `g·Wᵀ`.
    var flops: Double {
        var total = 0.0
        for rows in rowsPerLoss {
            for (index, (inputs, outputs)) in zip(layerSizes, layerSizes.dropFirst()).enumerated() {
                let product = 2 * Double(rows) * Double(inputs) * Double(outputs)
                total += product * (index == 0 ? 2 : 3)
            }
        }
        return total
    }
}
