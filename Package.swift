// swift-tools-version: 6.0
import PackageDescription

// Release builds optimise across module boundaries so that the generic tensor
// kernels are specialised for Float and Double where the PINN code calls them.
// On x86-64 they target Haswell-class CPUs (AVX2 + FMA, any x86-64 server of the
// last decade) so that 8-wide vectors and fused multiply-adds are available.
#if arch(x86_64)
let cpuFlags = ["-target-cpu", "haswell", "-D", "FUSED_MULTIPLY_ADD"]
#elseif arch(arm64)
let cpuFlags = ["-D", "FUSED_MULTIPLY_ADD"]
#else
let cpuFlags: [String] = []
#endif
let engineSettings: [SwiftSetting] = [
    .unsafeFlags(["-cross-module-optimization"] + cpuFlags, .when(configuration: .release)),
]

let package = Package(
    name: "GradNormTutorials",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "render-tutorial", targets: ["render-tutorial"]),
        .executable(name: "gradnorm", targets: ["gradnorm"]),
        .executable(name: "gradnorm-benchmark", targets: ["gradnorm-benchmark"]),
        .library(name: "GradNorm", targets: ["GradNorm"]),
        .library(name: "PINN", targets: ["PINN"]),
        .library(name: "NTK", targets: ["NTK"]),
        .library(name: "Random", targets: ["Random"]),
        .library(name: "Sampling", targets: ["Sampling"]),
        .library(name: "DomainDecomposition", targets: ["DomainDecomposition"]),
        .library(name: "Multilevel", targets: ["Multilevel"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-numerics", from: "1.1.1"),
        // The preview server of `render-tutorial serve` (small, no SwiftNIO; builds in seconds).
        .package(url: "https://github.com/swhitty/FlyingFox", from: "0.27.1"),
    ],
    targets: [
        // The AVX2 and AVX-512 matrix products, in C because Swift cannot compile one function for a
        // wider target than the rest of the module (chosen at run time by Tensor.MatrixKernels).
        .target(name: "CTensorKernels"),
        .target(
            name: "Tensor",
            dependencies: ["CTensorKernels", .product(name: "RealModule", package: "swift-numerics")],
            swiftSettings: engineSettings
        ),
        .systemLibrary(
            name: "CCairo",
            pkgConfig: "cairo",
            providers: [.apt(["libcairo2-dev"])]
        ),
        .target(name: "Plot", dependencies: ["CCairo"], swiftSettings: engineSettings),
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        // SHA-256 with the CPU's SHA instructions where it has them (pages' fingerprints cover
        // hundreds of megabytes for a long tutorial); Literate's Swift code is the fallback.
        .target(name: "CSHA256"),
        .target(name: "Literate", dependencies: ["CCmarkGFM", "CSHA256"]),
        .target(name: "Site", dependencies: ["Literate"], resources: [.copy("Resources")]),
        .target(
            name: "Tutorials",
            dependencies: ["Literate", "Experiments", "GradNorm", "NeuralNet", "PINN", "Plot", "Tensor", "Random", "Sampling", "DomainDecomposition", "Multilevel", "NTK"],
            swiftSettings: engineSettings
        ),
        .target(
            name: "Random",
            dependencies: [.product(name: "RealModule", package: "swift-numerics")],
            swiftSettings: engineSettings
        ),
        .target(name: "NeuralNet", dependencies: ["Tensor", "Random"], swiftSettings: engineSettings),
        .target(name: "Sampling", dependencies: ["Random", "Tensor", "PINN"], swiftSettings: engineSettings),
        .target(name: "PINN", dependencies: ["Tensor", "NeuralNet", "GradNorm"], swiftSettings: engineSettings),
        .target(name: "GradNorm", dependencies: ["Tensor", "NeuralNet", "Random"], swiftSettings: engineSettings),
        .target(name: "NTK", dependencies: ["Tensor", "NeuralNet", "PINN"], swiftSettings: engineSettings),
        .target(
            name: "DomainDecomposition",
            dependencies: ["Tensor", "NeuralNet", "PINN", "GradNorm", "Random"],
            swiftSettings: engineSettings
        ),
        .target(
            name: "Multilevel",
            dependencies: ["Tensor", "NeuralNet", "PINN", "GradNorm", "Random"],
            swiftSettings: engineSettings
        ),
        .target(
            name: "Experiments",
            dependencies: ["Tensor", "NeuralNet", "PINN", "GradNorm", "Random", "Plot"],
            swiftSettings: engineSettings
        ),
        .executableTarget(
            name: "render-tutorial",
            dependencies: ["Tutorials", "Site", "Literate", "Tensor", .product(name: "ArgumentParser", package: "swift-argument-parser"),
                           .product(name: "FlyingFox", package: "FlyingFox")],
            swiftSettings: engineSettings
        ),
        .executableTarget(
            name: "gradnorm",
            dependencies: ["Experiments", "Tensor", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            swiftSettings: engineSettings
        ),
        .executableTarget(
            name: "gradnorm-benchmark",
            dependencies: ["Experiments", "Tensor", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            swiftSettings: engineSettings
        ),
        .testTarget(name: "TensorTests", dependencies: ["Tensor"]),
        .testTarget(name: "PlotTests", dependencies: ["Plot"]),
        .testTarget(name: "RandomTests", dependencies: ["Random", "NeuralNet"], resources: [.copy("Fixtures")]),
        .testTarget(name: "NeuralNetTests", dependencies: ["NeuralNet"]),
        .testTarget(name: "SamplingTests", dependencies: ["Sampling", "Random", "Tensor", "PINN", "GradNorm", "NeuralNet"], resources: [.copy("Fixtures")]),
        .testTarget(name: "PINNTests", dependencies: ["PINN", "GradNorm", "NeuralNet"]),
        .testTarget(
            name: "GradNormTests",
            dependencies: ["GradNorm", "Experiments", "PINN", "NeuralNet", "Tensor"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(name: "NTKTests", dependencies: ["NTK", "GradNorm", "NeuralNet", "PINN", "Tensor"], resources: [.copy("Fixtures")]),
        .testTarget(
            name: "DomainDecompositionTests",
            dependencies: ["DomainDecomposition", "GradNorm", "NeuralNet", "PINN", "Random", "Tensor"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(name: "LiterateTests", dependencies: ["Literate"]),
        .testTarget(name: "SiteTests", dependencies: ["Site", "Literate", "Tutorials", "render-tutorial"]),
        .testTarget(name: "TutorialsTests", dependencies: ["Tutorials", "Literate", "Site", "Experiments"]),
        .testTarget(
            name: "MultilevelTests",
            dependencies: ["Multilevel", "PINN", "GradNorm", "NeuralNet", "Random", "Tensor"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "ExperimentsTests",
            dependencies: ["Experiments", "GradNorm", "PINN", "Tensor", "gradnorm"],
            resources: [.copy("Fixtures")]
        ),
    ],
    swiftLanguageModes: [.v5]
)
