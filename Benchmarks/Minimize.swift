// Minimize benchmarks — calc's compiled gradient descent beside a
// hand-written native Swift loop computing the same gradient, in one run, so
// the ratio is measured on the same machine at the same time.
//
// Workloads (issue 4): 1,000,000 steps of gd on 2-D Rosenbrock (rate 0.001
// from (-1.2, 1)), and 10,000 steps on 100-D Rosenbrock. Each is timed as the
// median of several runs of the descent itself (compilation timed apart).
// CALC_LISTING=1 prints each gradient tape's runs (what the interpreter does).

import CalcCore
#if canImport(Glibc)
import Glibc
#endif

/// Median wall time of `runs` runs of `body` (symbolicMedian's clock, no setup).
func minimizeMedian(_ runs: Int, _ body: () -> Void) -> Double {
    symbolicMedian(runs: runs, setup: {}) { body() }
}

/// The native reference: the Rosenbrock gradient written by hand, as tight as
/// a careful person would write it (scalars for 2-D, raw buffers for n-D),
/// so the ratio is against the physical limit, not a slow baseline.
@inline(never)
func nativeRosenbrockDescent(_ x: inout [Double], steps: Int, rate: Double) {
    let n = x.count
    if n == 2 {
        var a = x[0], b = x[1]
        for _ in 0..<steps {
            let t = b - a * a
            let ga = -400 * a * t - 2 * (1 - a), gb = 200 * t
            a -= rate * ga
            b -= rate * gb
        }
        x = [a, b]
        return
    }
    let g = UnsafeMutablePointer<Double>.allocate(capacity: n)
    defer { g.deallocate() }
    x.withUnsafeMutableBufferPointer { xb in
        let x = xb.baseAddress!
        for _ in 0..<steps {
            g.update(repeating: 0, count: n)
            for i in 0..<(n - 1) {
                let xi = x[i]
                let a = x[i + 1] - xi * xi
                g[i] += -400 * xi * a - 2 * (1 - xi)
                g[i + 1] += 200 * a
            }
            for i in 0..<n { x[i] -= rate * g[i] }
        }
    }
}

func rosenbrockSource(_ n: Int) -> (String, [String]) {
    if n == 2 { return ("(1 - x)^2 + 100*(y - x^2)^2", ["x", "y"]) }
    let vars = (1...n).map { "x\($0)" }
    let terms = (0..<(n - 1)).map { i in "100*(\(vars[i + 1]) - \(vars[i])^2)^2 + (1 - \(vars[i]))^2" }
    return (terms.joined(separator: " + "), vars)
}

func runMinimizeBenchmarks() {
    print("minimize: compiled gradient descent vs a hand-written native loop (release build, median of runs)")
    print("workload                      native ns/step   calc ns/step   ratio   tape (instructions)")
    for (n, steps, runs) in [(2, 1_000_000, 7), (100, 10_000, 7)] {
        let (source, vars) = rosenbrockSource(n)
        let start = n == 2 ? [-1.2, 1.0] : (0..<n).map { $0 % 2 == 0 ? -1.2 : 1.0 }
        // calc: parse, differentiate and compile once (timed apart), then descend
        let session = Session()
        let ctx = session.context
        let tCompile = symbolicNow()
        _ = session.run("target = \(source);")
        guard case .symbolic(let e, _)? = session.value(of: "target") else { fatalError("no target") }
        let grads = vars.map { Differentiator.derivative(e, by: $0, in: ctx) }
        let f = try! Compiler.compile([e], variables: vars, context: ctx)
        let g = try! Compiler.compile(grads, variables: vars, context: ctx)
        let compileTime = symbolicNow() - tCompile
        if getenv("CALC_LISTING") != nil { print(g.listing) }
        let minimizer = Minimizer(function: f, gradient: g)
        var options = MinimizeOptions(rate: 0.001)
        options.steps = steps
        options.tol = 0
        var calcEnd: [Double] = []
        let calc = minimizeMedian(runs) { calcEnd = minimizer.run(from: start, options).point }
        var nativeEnd: [Double] = []
        let native = minimizeMedian(runs) {
            var x = start
            nativeRosenbrockDescent(&x, steps: steps, rate: 0.001)
            nativeEnd = x
        }
        let agree = zip(calcEnd, nativeEnd).allSatisfy { abs($0 - $1) <= 1e-9 * max(1, abs($0)) }
        let name = "Rosenbrock \(n)-D, \(steps) steps"
        let nativeNs: String = format1(native / Double(steps) * 1e9)
        let calcNs: String = format1(calc / Double(steps) * 1e9)
        let ratio: String = format1(calc / native)
        var line = name.padding(30)
        line += nativeNs.padding(17)
        line += calcNs.padding(15)
        line += ratio.padding(8)
        line += "\(g.instructionCount)  (compile \(format1(compileTime * 1e3)) ms; end points agree: \(agree))"
        print(line)
    }
}

func format1(_ x: Double) -> String {
    var buf = [CChar](repeating: 0, count: 32)
    _ = withVaList([x]) { vsnprintf(&buf, 32, "%.1f", $0) }
    return String(cString: buf)
}

extension String {
    func padding(_ n: Int) -> String { count >= n ? self + " " : self + String(repeating: " ", count: n - count) }
}
