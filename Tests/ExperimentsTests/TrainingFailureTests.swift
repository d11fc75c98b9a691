import Experiments
import GradNorm
import Tensor
import XCTest

final class TrainingFailureTests: XCTestCase {
    private func smallConfig() -> HeatExperimentConfig {
        var config = HeatExperimentConfig.tutorial
        config.hiddenSizes = [8]
        config.collocationPoints = 16
        config.boundaryPointsPerSide = 4
        config.initialPoints = 6
        config.steps = 5
        return config
    }

    func testANonFiniteLossStopsTrainingNamingTheLossAndStep() throws {
        let config = smallConfig()
        var data: PINNData = config.sampleData()
        var values = data.initialValues.scalars
        values[2] = .nan
        data.initialValues = Tensor(shape: data.initialValues.shape, scalars: values)
        let experiment = try HeatExperiment<Float>(config: config, data: data, initialModel: config.initialModel())
        XCTAssertThrowsError(try experiment.trainWithGradNorm()) { error in
            guard case let .nonFinite(quantity, name, step, value) = error as? GradNormError else { return XCTFail("\(error)") }
            XCTAssertEqual(quantity, "loss")
            XCTAssertEqual(name, "IC")
            XCTAssertEqual(step, 0)
            XCTAssertTrue(value.isNaN)
            XCTAssertTrue("\(error)".contains("step 0"), "\(error)")
            XCTAssertTrue("\(error)".contains("IC loss"), "\(error)")
        }
        XCTAssertThrowsError(try experiment.trainWithFixedWeights()) { XCTAssertTrue("\($0)".contains("IC loss")) }
    }

    func testDivergingTrainingIsCaughtAtTheStepItHappens() throws {
        var config = smallConfig()
        config.learningRate = 1e30
        config.steps = 50
        let experiment = try HeatExperiment<Float>(seededBy: config)
        XCTAssertThrowsError(try experiment.trainWithFixedWeights()) { error in
            guard case let .nonFinite(_, name, step, _) = error as? GradNormError else { return XCTFail("\(error)") }
            XCTAssertTrue(["PDE", "BC", "IC"].contains(name))
            XCTAssertGreaterThan(step, 0)
        }
    }

    func testBadExperimentSettingsNameTheKey() {
        var config = smallConfig()
        config.weightLearningRate = 0
        XCTAssertThrowsError(try HeatExperiment<Float>(seededBy: config)) { XCTAssertTrue("\($0)".contains("config.wlr"), "\($0)") }
        config = smallConfig()
        config.alpha = -1
        XCTAssertThrowsError(try HeatExperiment<Float>(seededBy: config)) { XCTAssertTrue("\($0)".contains("config.alpha"), "\($0)") }
    }
}

typealias PINNData = PINN.HeatData<Float>
import PINN
