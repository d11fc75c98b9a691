import GradNorm

/// One balancer of the comparison: its name on the page, what it does, and how to make it.
struct BalancerChoice: Sendable {
    /// The name in tables and legends.
    let name: String
    /// The rule in one line, with the settings used here.
    let rule: String
    /// Where the rule comes from (and which variant is followed where implementations differ).
    let source: String
    /// A fresh balancer for `lossCount` losses; `seed` feeds the balancers that draw random numbers.
    let make: @Sendable (_ lossCount: Int, _ seed: Int) throws -> AnyLossBalancer<Float>
}

extension BalancerChoice {
    /// The balancer called `name`, if there is one.
    static func named(_ name: String) -> BalancerChoice? { all.first { $0.name == name } }

    /// Every balancer the page compares, in table order.
    static let all: [BalancerChoice] = [
        BalancerChoice(name: "Fixed weights", rule: "wᵢ = 1", source: "the unbalanced baseline") { count, _ in
            AnyLossBalancer(try FixedWeights<Float>(ones: count))
        },
        BalancerChoice(name: "1/L(0)", rule: "wᵢ = 1 / Lᵢ(0), then fixed", source: "DeepXDE's loss scaling") { count, _ in
            AnyLossBalancer(try InverseInitialLossWeights<Float>(lossCount: count))
        },
        BalancerChoice(name: "GradNorm (reference)", rule: "α = 1.5, weight learning rate 0.01, every step",
                       source: "the Opifex implementation the GradNorm tutorial reproduces") { count, _ in
            AnyLossBalancer(try GradNormBalancer<Float>(numLosses: count, config: GradNormConfig(alpha: 1.5)))
        },
        BalancerChoice(name: "GradNorm (paper)", rule: "as above, Ḡ held constant, Σwᵢ renormalised to n",
                       source: "Chen et al. 2018") { count, _ in
            AnyLossBalancer(try GradNormBalancer<Float>(numLosses: count, config: GradNormConfig(alpha: 1.5, variant: .paper)))
        },
        BalancerChoice(name: "SoftAdapt", rule: "softmax of β·(rate of change of each loss), β = 0.1",
                       source: "Heydari et al. 2019, original form") { count, _ in
            AnyLossBalancer(try SoftAdapt<Float>(lossCount: count))
        },
        BalancerChoice(name: "ReLoBRaLo", rule: "relative losses, random lookback, α = 0.95, E[ρ] = 0.99, T = 1",
                       source: "Bischof & Kraus 2021, PhysicsNeMo defaults") { count, seed in
            AnyLossBalancer(try ReLoBRaLo<Float>(lossCount: count, rhoDraws: .seeded(Int64(seed))))
        },
        BalancerChoice(name: "LR annealing", rule: "max|∇L_PDE| / mean|∇Lᵢ|, moving average 0.1, every 10 steps",
                       source: "Wang, Teng & Perdikaris 2021, the authors' code") { count, _ in
            AnyLossBalancer(try LearningRateAnnealing<Float>(lossCount: count))
        },
        BalancerChoice(name: "NTK weights", rule: "tr K / tr Kᵢᵢ, every 500 steps",
                       source: "Wang, Yu & Perdikaris 2022") { count, _ in
            AnyLossBalancer(try NTKWeights<Float>(lossCount: count, updateFrequency: 500))
        },
        BalancerChoice(name: "Gradient-norm weights", rule: "meanⱼ ‖∇Lⱼ‖ / ‖∇Lᵢ‖, momentum 0.9, every 100 steps",
                       source: "jaxpi") { count, _ in
            AnyLossBalancer(try GradientNormWeights<Float>(lossCount: count, updateFrequency: 100))
        },
        BalancerChoice(name: "Inverse loss magnitude", rule: "moving average of 1 / Lᵢ, α = 0.5",
                       source: "Opifex") { count, _ in
            AnyLossBalancer(try InverseLossMagnitude<Float>(lossCount: count))
        },
    ]
}
