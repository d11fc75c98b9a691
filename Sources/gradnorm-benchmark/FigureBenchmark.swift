import Experiments
import Foundation

/// Time to draw both figures of the GradNorm tutorial from one full run.
enum FigureBenchmark {
    static func report(repetitions: Int) throws {
        let result = try HeatExperiment<Float>(seededBy: .tutorial).run()
        var drawing: [Double] = []
        for _ in 0..<repetitions {
            let start = DispatchTime.now()
            _ = try GradNormFigures.trainingComparison(result).renderPNG()
            _ = try GradNormFigures.solution(result).renderPNG()
            drawing.append(Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9)
        }
        print(String(format: "both figures of the tutorial: %.1f ms (median of %d; min %.1f, max %.1f)",
                     drawing.sorted()[drawing.count / 2] * 1000, drawing.count, drawing.min()! * 1000, drawing.max()! * 1000))
    }
}
