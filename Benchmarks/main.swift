// Benchmarks — release-build timings of calc's engines, one group per file:
//
//   swift run -c release --scratch-path .build-bench Benchmarks [symbolic] [minimize] [setup] [all]
//
// With no argument the symbolic group runs (Symbolic.swift); `minimize` runs
// the gradient-descent group (Minimize.swift); `setup` minimize's set-up
// and per-start cost (Setup.swift); `all` runs every group.
// Results and how they compare with other tools are in docs/performance.md.

let groups = Set(CommandLine.arguments.dropFirst())
if groups.isEmpty || groups.contains("symbolic") || groups.contains("all") { runSymbolicBenchmarks() }
if groups.contains("minimize") || groups.contains("all") { runMinimizeBenchmarks() }
if groups.contains("setup") || groups.contains("all") { runSetupBenchmarks() }
