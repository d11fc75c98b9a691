import GradNorm
import XCTest

/// ReLoBRaLo fed the losses of our own fixed-weight run, with the reference's ρ draws
/// (an input, as the reference README says: they were drawn by PyTorch).
final class ReLoBRaLoTests: XCTestCase {
    func testPhysicsNeMoFormWithTheReferenceDrawsMatches() throws {
        let draws = BalancerReference.numbers("relobralo_physicsnemo", "rho_draws_used")
        var balancer = try ReLoBRaLo<Float>(lossCount: 3, rhoDraws: .fixed(draws))
        XCTAssertEqual(balancer.alpha, BalancerReference.scalar("relobralo_physicsnemo", "alpha"))
        XCTAssertEqual(balancer.expectedRho, BalancerReference.scalar("relobralo_physicsnemo", "E_rho"))
        XCTAssertEqual(balancer.temperature, BalancerReference.scalar("relobralo_physicsnemo", "tau"))
        let reference = BalancerReference.matrix("relobralo_physicsnemo", "weights_steps1to5")
        for (step, losses) in BalancerReference.fixedRunLosses.enumerated() {
            try balancer.update(losses: losses, gradients: [], gradientNorms: [])
            if step == 0 {
                XCTAssertEqual(balancer.weights, [1, 1, 1])
            } else {
                assertRelativelyClose(balancer.weights, reference[step - 1], 1e-5, "ReLoBRaLo step \(step) (ρ = \(draws[step - 1]))")
            }
        }
    }

    func testSeededDrawsAreDeterministicAndHaveTheExpectedMean() throws {
        let draws = try (0..<2000).map { try BernoulliDraws.seeded(42).draw($0, probability: 0.99) }
        XCTAssertEqual(draws, try (0..<2000).map { try BernoulliDraws.seeded(42).draw($0, probability: 0.99) })
        XCTAssertNotEqual(draws, try (0..<2000).map { try BernoulliDraws.seeded(7).draw($0, probability: 0.99) })
        // 2000 draws of mean 0.99: standard deviation 0.0022.
        XCTAssertEqual(draws.reduce(0, +) / 2000, 0.99, accuracy: 0.008)
        XCTAssertTrue(draws.contains(0))
    }

    func testWeightsStayPositiveAndSumToTheLossCountOverTraining() throws {
        let trajectory = try BalancerReference.weightTrajectory(ReLoBRaLo<Float>(lossCount: 3, rhoDraws: .seeded(42)))
        XCTAssertEqual(trajectory, try BalancerReference.weightTrajectory(ReLoBRaLo<Float>(lossCount: 3, rhoDraws: .seeded(42))))
        for weights in trajectory {
            XCTAssertTrue(weights.allSatisfy { $0.isFinite && $0 > 0 }, "\(weights)")
            XCTAssertEqual(weights.reduce(0, +), 3, accuracy: 1e-4)
        }
    }

    func testWithoutHistoryItIsPhysicsNeMoSoftAdapt() throws {
        // α = 0 keeps only λ(t, t−1), which is PhysicsNeMo's SoftAdapt with τ = 1.
        var relobralo = try ReLoBRaLo<Float>(lossCount: 3, alpha: 0, rhoDraws: .seeded(1))
        var softAdapt = try SoftAdapt<Float>(lossCount: 3, variant: .physicsNeMo)
        for losses in BalancerReference.fixedRunLosses {
            try relobralo.update(losses: losses, gradients: [], gradientNorms: [])
            try softAdapt.update(losses: losses, gradients: [], gradientNorms: [])
            assertRelativelyClose(relobralo.weights, softAdapt.weights, 1e-6, "ReLoBRaLo(α = 0) against SoftAdapt")
        }
    }

    func testBadConfigurationIsAnError() throws {
        func field(_ make: @autoclosure () throws -> ReLoBRaLo<Float>) -> String? {
            do { _ = try make() } catch let GradNormError.invalidConfiguration(field, _, _) { return field } catch {}
            return nil
        }
        XCTAssertEqual(field(try ReLoBRaLo(lossCount: 0)), "lossCount")
        XCTAssertEqual(field(try ReLoBRaLo(lossCount: 3, alpha: 1.5)), "alpha")
        XCTAssertEqual(field(try ReLoBRaLo(lossCount: 3, expectedRho: -0.1)), "expectedRho")
        XCTAssertEqual(field(try ReLoBRaLo(lossCount: 3, temperature: 0)), "temperature")
        XCTAssertEqual(field(try ReLoBRaLo(lossCount: 3, epsilon: .nan)), "epsilon")
        XCTAssertEqual(field(try ReLoBRaLo(lossCount: 3, rhoDraws: .fixed([1, 0.5]))), "rhoDraws[1]")
        var short = try ReLoBRaLo<Float>(lossCount: 3, rhoDraws: .fixed([1]))
        for _ in 0..<2 { try short.update(losses: [1, 1, 1], gradients: [], gradientNorms: []) }
        XCTAssertThrowsError(try short.update(losses: [1, 1, 1], gradients: [], gradientNorms: [])) { error in
            XCTAssertEqual(error as? GradNormError, .invalidConfiguration(
                field: "rhoDraws", value: "1 fixed draws", requirement: "one draw per update (update 2 has none)"))
        }
    }
}
