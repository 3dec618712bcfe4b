// MinimizeAdviceTests — issue 14's cases where minimize's report misled:
// gradient descent bouncing across a valley was told to try a larger rate;
// a saturated perceptron and the XOR network at all-zero weights were said
// to have converged; a multi-start table did not say which end point was
// best nor which starts got stuck. Each test runs the issue's own input, with
// the expected numbers worked out by hand (a quadratic's step along its
// eigenvector shrinks by exactly |1 − rate·λ|), plus the controls that must
// keep their old reports. Also the set-up's Hessian: numeric (central
// differences of the compiled gradient) agrees with the exact one, and the
// large-matrix eigenvalue routine with Jacobi's.

import Testing
import Foundation
@testable import CalcCore

/// The XOR data and a 2-2-1 sigmoid network's mean squared error (9 weights).
let xorNetwork9 = """
    x1 = [0, 0, 1, 1]; x2 = [0, 1, 0, 1]; y = [0, 1, 1, 0];
    net(a1, b1, c1, a2, b2, c2, v1, v2, d) = mean((sigmoid(v1*sigmoid(a1*x1 + b1*x2 + c1) + v2*sigmoid(a2*x1 + b2*x2 + c2) + d) - y)^2)

    """

/// The notes' two-weight perceptron, as a sigmoid classifier of three points.
let saturatedPerceptron = """
    x1 = [1, 2, 3]; x2 = [2, 0, 1]; y = [0, 1, 1];
    L(W1, W2) = mean((sigmoid(W1*x1 + W2*x2) - y)^2)

    """

struct BounceCase: Sendable, CustomTestStringConvertible {
    let command: String
    let lambdaMax: String
    let ratio: String
    let limit: String
    let rate: String
    var testDescription: String { command }
}

@Suite("minimize: bouncing, plateaus, multi-start standings")
struct MinimizeAdviceTests {
    // (w − 3)²: λ = 2, so the step along w shrinks by |1 − 2·rate| and flips sign
    // for rate > 0.5; x² + 10y²: λmax = 20 along y, |1 − 20·0.09| = 0.8.
    static let bounces: [BounceCase] = [
        BounceCase(command: "minimize (w - 3)^2 from 0 rate 0.75 steps 10", lambdaMax: "2", ratio: "0.5", limit: "1", rate: "0.5"),
        BounceCase(command: "minimize (w - 3)^2 from 0 rate 0.8 steps 10", lambdaMax: "2", ratio: "0.6", limit: "1", rate: "0.5"),
        BounceCase(command: "minimize (w - 3)^2 from 0 rate 0.85 steps 10", lambdaMax: "2", ratio: "0.7", limit: "1", rate: "0.5"),
        BounceCase(command: "minimize (w - 3)^2 from 0 rate 0.9 steps 10", lambdaMax: "2", ratio: "0.8", limit: "1", rate: "0.5"),
        BounceCase(command: "minimize x^2 + 10*y^2 from (1, 1) rate 0.09 steps 20", lambdaMax: "20", ratio: "0.8", limit: "0.1", rate: "0.05"),
    ]

    @Test("iterates bouncing across a valley get a smaller rate, with the curvature bound", arguments: bounces)
    func bouncing(_ c: BounceCase) {
        let r = minimizeReport(c.command)
        #expect(r.hasPrefix("did not converge: stopped at the step limit"), "\(r)")
        #expect(!r.contains("try a larger rate"), "\(r)")
        #expect(r.contains("help: the iterates bounce across the valley"), "\(r)")
        #expect(r.contains("(λmax = \(c.lambdaMax)) each step reverses and shrinks only by \(c.ratio),"), "\(r)")
        #expect(r.contains("stable only for rate < 2/λmax = \(c.limit), so a larger rate would not help"), "\(r)")
        #expect(r.contains("try a smaller rate such as \(c.rate) (1/λmax)"), "\(r)")
    }

    @Test("the same advice in Portuguese")
    func bouncingInPortuguese() {
        let (events, _) = Session().run(":lang pt\nminimize (w - 3)^2 from 0 rate 0.9 steps 10")
        let r = events.compactMap { if case .result(let s) = $0 { return s }; return nil }.joined(separator: "\n")
        #expect(r.contains("ajuda: os pontos oscilam de um lado para o outro do vale"), "\(r)")
        #expect(r.contains("tente uma taxa menor, como 0.5 (1/λmax)"), "\(r)")
    }

    @Test("no bounce, no change: below 1/λmax a slow run may still try a larger rate", arguments: [
        "minimize (w - 3)^2 from 0 rate 0.3 steps 5",
        "minimize x^2 + 10*y^2 from (1, 1) rate 0.01 steps 20",
    ])
    func monotoneKeepsAdvice(_ command: String) {
        let r = minimizeReport(command)
        #expect(r.contains("help: raise `steps`, or try a larger rate or `method momentum`"), "\(r)")
        #expect(!r.contains("bounce"), "\(r)")
    }

    @Test("the saturated perceptron at (40, 10) stopped on a plateau, not converged")
    func saturatedPerceptronIsAPlateau() {
        let r = minimizeReport(saturatedPerceptron + "minimize L from (40, 10) rate 1")
        #expect(r.contains("\nstopped on a plateau or at a symmetric point after 0 steps: |∇f| = "), "\(r)")
        #expect(r.contains("but f = 0.333 is not small"), "\(r)")
        #expect(r.contains("help: the gradient vanishes here but f is not small"), "\(r)")
        #expect(r.contains("try other starts"), "\(r)")
        #expect(!r.contains("converged in"), "\(r)")
    }

    @Test("XOR's network at all-zero weights is a symmetric point (every output 0.5, f = 1/4)")
    func xorAtZeroIsSymmetric() {
        let r = minimizeReport(xorNetwork9 + "minimize net from (0, 0, 0, 0, 0, 0, 0, 0, 0) rate 1")
        #expect(r.contains("\nstopped on a plateau or at a symmetric point after 0 steps: |∇f| = "), "\(r)")
        #expect(r.contains("but f = 0.25 is not small"), "\(r)")
        #expect(!r.contains("converged in"), "\(r)")
    }

    @Test("a stationary point with f small, or a minimum, is still converged", arguments: [
        "minimize x^4 from 1 rate 0.1 steps 1000000",
        "minimize x^2 - y^2 from (1, 0) rate 0.1",
        "minimize (x + y)^2 from (1, 0) rate 0.1",
        "minimize (x - 1)^2 + 5 from 0 rate 0.1",
        "maximize -x^4 from 1 rate 0.1 steps 1000000",
    ])
    func genuineStationaryPoints(_ command: String) {
        let r = minimizeReport(command)
        #expect(r.hasPrefix("converged in "), "\(r)")
        #expect(!r.contains("plateau"), "\(r)")
    }

    @Test("a multi-start marks the best group and names the starts stuck at a worse value")
    func multiStartStandings() {
        let s = Session()
        _ = s.run(saturatedPerceptron)
        let command = "minimize L from random 12 in (W1 from -40 to 40, W2 from -40 to 40) rate 1 steps 300 seed 3"
        let (events, _) = s.run(command)
        let r = events.compactMap { if case .result(let s) = $0 { return s }; return nil }.joined(separator: "\n")
        #expect(r.contains("← best"), "\(r)")
        // the starts named are exactly those that, run alone, stop with |∇f| ≤ tol at f clearly above the best
        var rng = SeededRandom(seed: 3)
        var values: [(f: Double, converged: Bool)] = []
        for _ in 0..<12 {
            let p = [rng.uniform(-40, 40), rng.uniform(-40, 40)]
            let single = Session()
            _ = single.run(saturatedPerceptron)
            let (ev, _) = single.run("minimize L from (\(p[0]), \(p[1])) rate 1 steps 300")
            let text = ev.compactMap { if case .result(let s) = $0 { return s }; return nil }.joined()
            let f = text.split(separator: "\n").first { $0.hasPrefix("  f = ") }.flatMap { Double($0.dropFirst(6)) } ?? .nan
            values.append((f, !text.hasPrefix("did not converge")))
        }
        let best = values.map(\.f).min()!
        let stuck = values.indices.filter { values[$0].converged && values[$0].f - best > 1e-6 * max(1, abs(best)) }.map { $0 + 1 }
        #expect(!stuck.isEmpty)
        let list = stuck.map(String.init).joined(separator: ", ")
        let word = stuck.count == 1 ? "start" : "starts"
        #expect(r.contains("\(word) \(list) (\(stuck.count) of 12) stopped at a worse value than the best"), "\(r)\nstuck: \(list)")
    }

    @Test("Himmelblau's four equal minima: nothing marked")
    func equalMinimaUnmarked() {
        let r = minimizeReport("minimize (x^2 + y - 11)^2 + (x + y^2 - 7)^2 from random 20 in (x from -5 to 5, y from -5 to 5) rate 0.01 seed 7")
        #expect(!r.contains("best"), "\(r)")
        #expect(!r.contains("worse"), "\(r)")
    }

    @Test("interrupted multi-start returns at once with the starts done so far")
    func interruptedMultiStart() {
        let s = Session()
        _ = s.run(xorNetwork9)
        let box = ["a1", "b1", "c1", "a2", "b2", "c2", "v1", "v2", "d"].map { "\($0) from -2 to 2" }.joined(separator: ", ")
        let flag = s.interrupt
        let setter = Thread { Thread.sleep(forTimeInterval: 0.3); flag.set() }
        let start = Date()
        setter.start()
        let (events, _) = s.run("minimize net from random 10000 in (\(box)) rate 1 steps 100000")
        let seconds = Date().timeIntervalSince(start)
        while !flag.isSet { Thread.sleep(forTimeInterval: 0.01) }
        flag.clear()
        let r = events.compactMap { if case .result(let s) = $0 { return s }; return nil }.joined(separator: "\n")
        #expect(r.hasPrefix("interrupted after "), "\(r)")
        #expect(r.contains(" of 10000 starts: the end points so far"), "\(r)")
        #expect(seconds < 10, "took \(seconds) s")
    }

    @Test("past the symbolic budget the Hessian is numeric (central differences of ∇f) and still exact enough")
    func numericHessianOfManyVariables() {
        // 150 variables: n² = 22,500 entries, over the budget. f = Σ exp(xᵢ) has
        // the diagonal Hessian exp(xᵢ): at x₁ = ln 3, the rest 0, eigenvalues 1 (149 times) and 3.
        let n = 150
        let vars = (1...n).map { "x\($0)" }
        let definition = "f(\(vars.joined(separator: ", "))) = " + vars.map { "exp(\($0))" }.joined(separator: " + ")
        let start = "(" + (["ln(3)"] + [String](repeating: "0", count: n - 1)).joined(separator: ", ") + ")"
        let r = minimizeReport(definition + "\nminimize f from \(start) rate 1e-12 steps 1")
        #expect(r.contains("Hessian eigenvalues 1 … 3 (150 values): curving up in every direction"), "\(r)")
    }

    @Test("tridiagonal QL eigenvalues agree with Jacobi's", arguments: [13, 20, 40])
    func eigenvaluesAgree(_ n: Int) {
        var rng = SeededRandom(seed: UInt64(n))
        var m = [[Double]](repeating: [Double](repeating: 0, count: n), count: n)
        for i in 0..<n { for j in i..<n { let x = rng.uniform(-1, 1); m[i][j] = x; m[j][i] = x } }
        m[0][0] = 0   // and a repeated, a zero pattern: the first row's tail zero
        let ql = tridiagonalEigenvalues(m)
        let jacobi = jacobiEigenvalues(m)
        #expect(ql.count == n)
        for (a, b) in zip(ql, jacobi) { #expect(abs(a - b) <= 1e-12 * Double(n), "\(a) vs \(b)") }
        // trace and Frobenius norm are invariants
        let trace = (0..<n).reduce(0) { $0 + m[$1][$1] }
        #expect(abs(ql.reduce(0, +) - trace) <= 1e-11 * Double(n))
    }

    @Test("tridiagonal QL on a diagonal and on an already tridiagonal matrix")
    func eigenvaluesSpecialShapes() {
        let n = 15
        var d = [[Double]](repeating: [Double](repeating: 0, count: n), count: n)
        for i in 0..<n { d[i][i] = Double(n - i) }
        #expect(tridiagonalEigenvalues(d) == (1...n).map(Double.init))
        // the second-difference matrix: eigenvalues 2 − 2cos(kπ/(n+1))
        var t = [[Double]](repeating: [Double](repeating: 0, count: n), count: n)
        for i in 0..<n { t[i][i] = 2; if i > 0 { t[i][i - 1] = -1; t[i - 1][i] = -1 } }
        let expected = (1...n).map { 2 - 2 * cos(Double($0) * Double.pi / Double(n + 1)) }.sorted()
        for (a, b) in zip(tridiagonalEigenvalues(t), expected) { #expect(abs(a - b) <= 1e-13, "\(a) vs \(b)") }
    }
}
