// swift-tools-version: 6.1
// calc — a calculus language: exact derivatives and gradient descent that teaches.
import PackageDescription

let package = Package(
    name: "calc",
    products: [
        .executable(name: "calc", targets: ["calc"]),
        .library(name: "CalcCore", targets: ["CalcCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        // The language as a library: lexer, parser, symbolic engine, numeric engine.
        // No printing and no I/O, so every stage is testable without a terminal.
        .target(name: "CalcCore", path: "Sources/CalcCore"),
        // GNU readline for the REPL (system library, headers in default paths).
        .systemLibrary(name: "CReadline", path: "Sources/CReadline",
                       providers: [.apt(["libreadline-dev"])]),
        // The executable: arguments, REPL, script and stdin runners, terminal rendering.
        .executableTarget(
            name: "calc",
            dependencies: [
                "CalcCore", "CReadline",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Sources/calc"),
        // libFuzzer entry point over lexer + parser + evaluator (see docs/fuzzing.md).
        .executableTarget(name: "FuzzCalc", dependencies: ["CalcCore"], path: "Fuzz/FuzzCalc"),
        // Release-build benchmarks: `swift run -c release Benchmarks`.
        .executableTarget(name: "Benchmarks", dependencies: ["CalcCore"], path: "Benchmarks"),
        .testTarget(name: "CalcCoreTests", dependencies: ["CalcCore"], path: "Tests/CalcCoreTests",
                    exclude: ["golden"]),
        // Runs the built `calc` binary (so it depends on it being built first).
        .testTarget(name: "calcTests", dependencies: ["CalcCore", "calc"], path: "Tests/calcTests"),
    ],
    swiftLanguageModes: [.v6]
)
