// Symbolic benchmarks — the workloads of issue 3, timed in a release build:
//
//   swift run -c release --scratch-path .build-bench Benchmarks symbolic
//
// Each workload is built untimed in a fresh ExprContext (so interning starts
// cold every run), then only the operation is timed; the figure is the median
// of several runs. scripts/compare_peers.py runs SymPy and SymEngine on the
// same inputs; docs/performance.md records both.
//
//   parse       the sum over i = 1…10,000 of c_i*x^a_i*y^b_i (small integers)
//               plus 100 sin/exp terms, as source text through a Session
//               (lexer, parser, interpreter building the canonical Expr; the
//               statement ends in `;` so nothing is printed)
//   rosenbrock  Σ_{i=1}^{n-1} 100(x_{i+1} − x_i²)² + (1 − x_i)²: all n partials
//   nested      sin(cos(exp(sin(cos(exp(…x…)))))) with d calls: d/dx, and the
//               plain printed size of the result
//   product     Π_{i=1}^{n} (x + i)^i: d/dx

import CalcCore
#if canImport(Glibc)
import Glibc
#endif

func symbolicNow() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) * 1e-9
}

func symbolicCPUNow() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) * 1e-9
}

/// CPU time of the last symbolicMedian's median run (the machine may be shared:
/// wall time then includes waiting for a core, CPU time does not).
nonisolated(unsafe) var lastMedianCPU = 0.0

/// Median wall time of `runs` runs of `body`, each after its own untimed `setup`.
func symbolicMedian<T>(runs: Int, setup: () -> T, _ body: (T) -> Void) -> Double {
    var times: [(Double, Double)] = []
    for _ in 0..<runs {
        let input = setup()
        let c = symbolicCPUNow()
        let t = symbolicNow()
        body(input)
        times.append((symbolicNow() - t, symbolicCPUNow() - c))
    }
    times.sort { $0.0 < $1.0 }
    lastMedianCPU = times.map(\.1).sorted()[times.count / 2]
    return times[times.count / 2].0
}

func formatSeconds(_ s: Double) -> String {
    if s < 1e-3 { return NumberFormat.format(s * 1e6, digits: 3) + " µs" }
    if s < 1 { return NumberFormat.format(s * 1e3, digits: 3) + " ms" }
    return NumberFormat.format(s, digits: 3) + " s"
}

/// The parse workload's source text (deterministic).
func parseWorkload() -> String {
    var rng: UInt64 = 12345
    func next(_ n: UInt64) -> Int {
        rng = rng &* 6364136223846793005 &+ 1442695040888963407
        return Int((rng >> 33) % n)
    }
    var terms: [String] = []
    terms.reserveCapacity(10_100)
    for _ in 1...10_000 { terms.append("\(next(9) + 1)*x^\(next(6) + 1)*y^\(next(6) + 1)") }
    for i in 1...100 { terms.append(i % 2 == 0 ? "sin(\(i)*x + y)" : "exp(x - \(i)*y)") }
    return terms.joined(separator: " + ") + ";"
}

func rosenbrock(_ n: Int, _ c: ExprContext) -> (Expr, [Expr]) {
    let xs = (1...n).map { c.symbol("x\($0)") }
    var terms: [Expr] = []
    for i in 0..<(n - 1) {
        terms.append(c.mul([c.int(100), c.pow(c.sub(xs[i + 1], c.pow(xs[i], c.int(2))), c.int(2))]))
        terms.append(c.pow(c.sub(c.one, xs[i]), c.int(2)))
    }
    return (c.add(terms), xs)
}

func nested(_ depth: Int, _ c: ExprContext) -> Expr {
    var e = c.symbol("x")
    let cycle: [Builtin] = [.exp, .cos, .sin]     // innermost first: sin(cos(exp(…x…)))
    for k in 0..<depth { e = c.call(cycle[k % 3], [e]) }
    return e
}

func product(_ n: Int, _ c: ExprContext) -> Expr {
    let x = c.symbol("x")
    return c.mul((1...n).map { c.pow(c.add([x, c.int($0)]), c.int($0)) })
}

struct BenchRow {
    let workload: String
    let median: Double
    let cpu = lastMedianCPU
    let target: Double?
    let note: String
}

/// Runs every workload, or with `Benchmarks symbolic WORD` those whose name holds WORD.
func runSymbolicBenchmarks() {
    let args = Array(CommandLine.arguments.dropFirst())
    let only = args.firstIndex(of: "symbolic").flatMap { $0 + 1 < args.count ? args[$0 + 1] : nil }
    func wanted(_ name: String) -> Bool { only.map { name.contains($0) } ?? true }
    var rows: [BenchRow] = []
    // parse
    let text = parseWorkload()
    if wanted("parse") {
        let parse = symbolicMedian(runs: 7, setup: { Session() }) { s in
            let (_, status) = s.run(text)
            precondition(status == .ok)
        }
        rows.append(BenchRow(workload: "parse 10,000 terms", median: parse, target: 0.030, note: "\(text.count) characters"))
    }
    // Rosenbrock gradient
    for (n, target, runs) in [(10, 0.0005, 51), (100, 0.005, 21), (1000, 0.050, 9)] where wanted("rosenbrock") {
        var partials: [Expr] = []
        let t = symbolicMedian(runs: runs, setup: { () -> (ExprContext, Expr, [Expr]) in
            partials = []   // the last run's result is freed here, not in the timed part
            let c = ExprContext(); let (f, xs) = rosenbrock(n, c); return (c, f, xs)
        }) { (c, f, xs) in
            partials = xs.map { Differentiator(c, variable: $0).derivative(f) }
        }
        let size = partials.reduce(0) { $0 + $1.dagSize }
        rows.append(BenchRow(workload: "Rosenbrock gradient n = \(NumberFormat.grouped(n))", median: t,
                             target: n == 100 || n == 1000 ? target : nil, note: "\(size) nodes in all partials"))
    }
    // nested compositions
    for depth in [10, 20, 50, 60, 100] where wanted("nested") {
        var printed = 0
        let c = ExprContext()
        let d = Differentiator(c, variable: c.symbol("x")).derivative(nested(depth, c))
        let tp = symbolicMedian(runs: 21, setup: { d }) { d in printed = Printer(style: .plain).print(d).count }
        var result: Expr? = nil
        let t = symbolicMedian(runs: 51, setup: { () -> (ExprContext, Expr) in
            result = nil
            let c = ExprContext(); return (c, nested(depth, c))
        }) { (c, e) in
            result = Differentiator(c, variable: c.symbol("x")).derivative(e)
        }
        _ = result
        rows.append(BenchRow(workload: "depth-\(depth) composition d/dx", median: t,
                             target: depth == 100 ? 0.0002 : (depth == 60 ? 0.001 : nil),
                             note: "prints in \(NumberFormat.grouped(printed)) characters (printing \(formatSeconds(tp)))"))
    }
    // products
    for n in [10, 50, 200] where wanted("product") {
        var result: Expr? = nil
        let t = symbolicMedian(runs: 15, setup: { () -> (ExprContext, Expr) in
            result = nil
            let c = ExprContext(); return (c, product(n, c))
        }) { (c, e) in
            result = Differentiator(c, variable: c.symbol("x")).derivative(e)
        }
        let nodes = result?.dagSize ?? 0
        rows.append(BenchRow(workload: "product of \(n) factors (x+i)^i d/dx", median: t, target: n == 200 ? 0.005 : nil,
                             note: "\(nodes) nodes"))
    }
    // simplify (issue 12): the full effort, on request, of classic derivatives
    if wanted("simplify") {
        let sources = ["x/(x + 1)", "(x^2 - 1)/(x^2 + 1)", "x/sqrt(x^2 + 1)", "(sin(x) + cos(x))/(sin(x) - cos(x))",
                       "exp(x)/(1 + exp(x))", "1/(1 + exp(-x))", "(x^3 + 2*x)/(x^2 - 4)", "tanh(x)^2", "sin(x)*cos(x)",
                       "atan(x/y)", "sqrt(x^2 + y^2 + z^2)", "(1 - x)^2 + 100*(y - x^2)^2",
                       "(x + 1)*(x + 2)^2*(x + 3)^3", "(x^2 + 1)^10", "x*sigmoid(x)", "ln(exp(x) + exp(y))",
                       "exp(-(x - y)^2/(2*z^2))/(z*sqrt(2*pi))", "(a*x + b)/(y*x + z)", "x^x", "sqrt(x + sqrt(x))"]
        var totalOps = 0
        let t = symbolicMedian(runs: 9, setup: { () -> (Session, [Expr]) in
            let s = Session()
            let ds: [Expr] = sources.map { src in
                _ = s.run("d = diff(\(src), x)")
                guard case .symbolic(let e, _)? = s.value(of: "d") else { fatalError("no derivative of \(src)") }
                return e
            }
            return (s, ds)
        }) { (s, ds) in
            totalOps = ds.reduce(0) { $0 + s.context.simplify($1).treeSize() }
        }
        rows.append(BenchRow(workload: "simplify 20 classic derivatives", median: t, target: 0.050,
                             note: "\(totalOps) nodes after"))
    }
    print("symbolic benchmarks (release build, median wall time of the operation only)")
    func pad(_ s: String, _ w: Int) -> String { s + String(repeating: " ", count: max(0, w - s.count)) }
    print(pad("workload", 40) + pad("median", 12) + pad("cpu", 12) + pad("target", 18) + "notes")
    for r in rows {
        let verdict = r.target.map { (r.median < $0 ? "met < " : "missed < ") + formatSeconds($0) } ?? ""
        print(pad(r.workload, 40) + pad(formatSeconds(r.median), 12) + pad(formatSeconds(r.cpu), 12) + pad(verdict, 18) + r.note)
    }
}
