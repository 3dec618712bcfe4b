// Set-up benchmarks — what `minimize` costs before its first step, and per
// start of a multi-start (issues 14 and 15), timed in a release build:
//
//   swift run -c release --scratch-path .build-bench Benchmarks setup
//
// Workload: a 2-H-1 sigmoid network (4H + 1 weights) trained on the four XOR
// points by mean squared error, H = 2, 4, 8, 16, 64, 250 (9 … 1,001 weights),
// written as a calc function of its weights and run through a Session as
// `minimize net from (…) rate 1 steps 1`: one step, so the command's time is
// its set-up (differentiating, compiling, classifying the end point). Each
// row is the median wall time of several runs, each in a fresh Session with
// the function already defined (defining it is not timed).
//
// Multi-start: `minimize net from random N in (…) rate 1 steps 1` on the
// 9-weight network for N = 10 and 100; the per-start cost is the difference
// divided by 90, so the one-off set-up cancels.

import CalcCore

/// The XOR data and a 2-H-1 sigmoid network's squared error, as calc source:
/// the definitions, the weights' names, and a start point (small, not symmetric).
func xorNetwork(hidden h: Int) -> (definitions: String, weights: [String], start: [Double]) {
    var weights: [String] = []
    var hiddenTerms: [String] = []
    for j in 1...h {
        let a = "a\(j)", b = "b\(j)", c = "c\(j)", v = "v\(j)"
        weights += [a, b, c]
        hiddenTerms.append("\(v)*sigmoid(\(a)*x1 + \(b)*x2 + \(c))")
    }
    weights += (1...h).map { "v\($0)" } + ["d"]
    let out = "sigmoid(" + hiddenTerms.joined(separator: " + ") + " + d)"
    let defs = "x1 = [0, 0, 1, 1]; x2 = [0, 1, 0, 1]; y = [0, 1, 1, 0];\n"
        + "net(\(weights.joined(separator: ", "))) = mean((\(out) - y)^2);\n"
    let start = weights.indices.map { i in 0.1 * Double((i * 7) % 11) / 11 - 0.05 }
    return (defs, weights, start)
}

func pointText(_ p: [Double]) -> String {
    "(" + p.map { NumberFormat.format($0, digits: 6) }.joined(separator: ", ") + ")"
}

/// Median wall time of a command run in fresh sessions (the definitions untimed).
func commandMedian(runs: Int, definitions: String, command: String) -> Double {
    symbolicMedian(runs: runs, setup: { () -> Session in
        let s = Session()
        let (_, status) = s.run(definitions)
        precondition(status == .ok, "definitions failed")
        return s
    }) { s in
        let (events, status) = s.run(command)
        if status != .ok { print("  failed: \(events)") }
    }
}

func runSetupBenchmarks() {
    print("minimize set-up (release build, median wall time of the command, steps 1)")
    func pad(_ s: String, _ w: Int) -> String { s + String(repeating: " ", count: max(0, w - s.count)) }
    print(pad("weights", 10) + pad("median", 12) + pad("cpu", 12) + "runs")
    for (h, runs) in [(2, 9), (4, 7), (8, 7), (16, 5), (64, 3), (250, 3)] {
        let net = xorNetwork(hidden: h)
        let cmd = "minimize net from \(pointText(net.start)) rate 1 steps 1"
        let t = commandMedian(runs: runs, definitions: net.definitions, command: cmd)
        print(pad("\(net.weights.count)", 10) + pad(formatSeconds(t), 12) + pad(formatSeconds(lastMedianCPU), 12) + "\(runs)")
    }
    // logistic regression over 1,000 points (2 weights): the data's size, not the weights'
    let xs = (0..<1000).map { Double($0) / 100 }
    let ys = xs.map { $0 > 5 ? 1.0 : 0.0 }
    func list(_ v: [Double]) -> String { "[" + v.map { NumberFormat.format($0, digits: 6) }.joined(separator: ", ") + "]" }
    let logistic = "xs = \(list(xs)); ys = \(list(ys));\n"
        + "L(w, b) = -mean(ys*ln(sigmoid(w*xs + b)) + (1 - ys)*ln(1 - sigmoid(w*xs + b)));\n"
    let tl = commandMedian(runs: 5, definitions: logistic, command: "minimize L from (0, 0) rate 0.1 steps 1")
    print(pad("2 (1,000 points)", 18) + pad(formatSeconds(tl), 12) + formatSeconds(lastMedianCPU))
    print("multi-start on the 9-weight XOR network (steps 1): per start = (t(100) - t(10)) / 90")
    let net = xorNetwork(hidden: 2)
    let box = net.weights.map { "\($0) from -2 to 2" }.joined(separator: ", ")
    var times: [Int: Double] = [:]
    for n in [10, 100] {
        let cmd = "minimize net from random \(n) in (\(box)) rate 1 steps 1"
        times[n] = commandMedian(runs: 5, definitions: net.definitions, command: cmd)
        print(pad("\(n) starts", 12) + formatSeconds(times[n]!))
    }
    print("per start: " + formatSeconds((times[100]! - times[10]!) / 90))
}
