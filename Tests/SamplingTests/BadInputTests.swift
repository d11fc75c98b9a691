import Random
import Sampling
import XCTest

/// Inputs that JAX or Opifex would turn into garbage are rejected with a reason.
final class BadInputTests: XCTestCase {
    private let key = PRNGKey(seed: 0)

    private func assertThrows<T>(_ expected: SamplingError, _ body: @autoclosure () throws -> T,
                                 file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertThrowsError(try body(), file: file, line: line) { error in
            XCTAssertEqual(error as? SamplingError, expected, file: file, line: line)
            XCTAssertFalse(String(describing: error).isEmpty, file: file, line: line)
        }
    }

    func testChoice() {
        assertThrows(.sampleLargerThanPopulation(count: 4, population: 3),
                     try key.choice(count: 4, probabilities: [1, 1, 1], replace: false))
        assertThrows(.invalidProbability(index: 1, value: -0.5), try key.choice(count: 1, probabilities: [1, -0.5]))
        XCTAssertThrowsError(try key.choice(count: 1, probabilities: [1, .nan])) { error in
            guard case let .invalidProbability(index, value)? = error as? SamplingError else { return XCTFail("\(error)") }
            XCTAssertEqual(index, 1)
            XCTAssertTrue(value.isNaN)
        }
        assertThrows(.invalidProbability(index: 0, value: .infinity), try key.choice(count: 1, probabilities: [.infinity]))
        assertThrows(.probabilitiesSumToZero, try key.choice(count: 1, probabilities: [0, 0]))
        assertThrows(.probabilitiesSumToZero, try key.choice(count: 1, probabilities: [0, 0], replace: false))
        assertThrows(.emptyCandidates, try key.choice(count: 1, probabilities: []))
        assertThrows(.emptyCandidates, try key.choice(count: 0, probabilities: [], replace: false))
        assertThrows(.negativeCount(-1), try key.choice(count: -1, probabilities: [1]))
        assertThrows(.negativeCount(-2), try key.choice(count: -2, probabilities: [1], replace: false))
        assertThrows(.tooFewPositiveProbabilities(count: 2, positive: 1),
                     try key.choice(count: 2, probabilities: [0, 1, 0], replace: false))
    }

    func testSamplers() {
        assertThrows(.invalidParameter(name: "beta", value: -1, requirement: "finite and ≥ 0"),
                     try ResidualAdaptiveSampler(.opifex(beta: -1)))
        XCTAssertThrowsError(try ResidualAdaptiveSampler(.opifex(minProbability: 1)))
        XCTAssertThrowsError(try ResidualAdaptiveSampler(.wu2023(k: .nan)))
        XCTAssertThrowsError(try ResidualAdaptiveSampler(.wu2023(c: -1)))
        let sampler = try! ResidualAdaptiveSampler(.opifex())
        assertThrows(.emptyCandidates, try sampler.probabilities(residuals: []))
        assertThrows(.invalidResidual(index: 1, value: .infinity), try sampler.probabilities(residuals: [1, .infinity]))
        assertThrows(.negativeCount(-3), try sampler.sampleIndices(residuals: [1], count: -3, key: key))
        let paper = try! ResidualAdaptiveSampler(.wu2023(k: 1, c: 0, replace: false))
        assertThrows(.degenerateDensity, try paper.probabilities(residuals: [0, 0, 0]))
        assertThrows(.sampleLargerThanPopulation(count: 3, population: 2),
                     try paper.sampleIndices(residuals: [1, 2], count: 3, key: key))
    }

    func testRefiner() throws {
        let refiner = try RARDRefiner()
        let points: [[Float]] = [[0], [1]]
        assertThrows(.emptyCandidates, try refiner.refine(points: [], residuals: [], bounds: [(0, 1)], key: key))
        assertThrows(.lengthMismatch(what: "residuals per point", expected: 2, actual: 1),
                     try refiner.refine(points: points, residuals: [1], bounds: [(0, 1)], key: key))
        assertThrows(.lengthMismatch(what: "coordinates per point (one per bound)", expected: 2, actual: 1),
                     try refiner.refine(points: points, residuals: [1, 2], bounds: [(0, 1), (0, 1)], key: key))
        assertThrows(.invalidBounds(dimension: 0, lower: 1, upper: 0),
                     try refiner.refine(points: points, residuals: [1, 2], bounds: [(1, 0)], key: key))
        assertThrows(.invalidResidual(index: 0, value: .infinity),
                     try refiner.refine(points: points, residuals: [.infinity, 2], bounds: [(0, 1)], key: key))
    }
}
