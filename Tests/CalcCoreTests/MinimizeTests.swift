// MinimizeTests — `minimize` against an independent, straightforward
// implementation of the same update with hand-written gradients (exactness
// on ten classic functions and every method), the diagnosis of minima,
// maxima, saddles, divergence and the step limit, and every bad input.

import Testing
import Foundation
@testable import CalcCore

struct Classic: Sendable, CustomTestStringConvertible {
    let name: String
    let source: String            // calc expression in the variables
    let vars: [String]
    let start: [Double]
    let rate: Double
    let gradient: @Sendable ([Double]) -> [Double]
    var testDescription: String { name }
}

func sig(_ z: Double) -> Double { 1 / (1 + exp(-z)) }

let classics: [Classic] = [
    Classic(name: "sphere", source: "x^2 + y^2", vars: ["x", "y"], start: [1.5, -2], rate: 0.1) { p in [2 * p[0], 2 * p[1]] },
    Classic(name: "Booth", source: "(x + 2*y - 7)^2 + (2*x + y - 5)^2", vars: ["x", "y"], start: [0, 0], rate: 0.02) { p in
        let a = p[0] + 2 * p[1] - 7, b = 2 * p[0] + p[1] - 5
        return [2 * a + 4 * b, 4 * a + 2 * b]
    },
    Classic(name: "Matyas", source: "0.26*(x^2 + y^2) - 0.48*x*y", vars: ["x", "y"], start: [3, -2], rate: 0.5) { p in
        [0.52 * p[0] - 0.48 * p[1], 0.52 * p[1] - 0.48 * p[0]]
    },
    Classic(name: "Rosenbrock", source: "(1 - x)^2 + 100*(y - x^2)^2", vars: ["x", "y"], start: [-1.2, 1], rate: 0.001) { p in
        [-2 * (1 - p[0]) - 400 * p[0] * (p[1] - p[0] * p[0]), 200 * (p[1] - p[0] * p[0])]
    },
    Classic(name: "Himmelblau", source: "(x^2 + y - 11)^2 + (x + y^2 - 7)^2", vars: ["x", "y"], start: [1, 1], rate: 0.01) { p in
        let a = p[0] * p[0] + p[1] - 11, b = p[0] + p[1] * p[1] - 7
        return [4 * p[0] * a + 2 * b, 2 * a + 4 * p[1] * b]
    },
    Classic(name: "Beale", source: "(1.5 - x + x*y)^2 + (2.25 - x + x*y^2)^2 + (2.625 - x + x*y^3)^2", vars: ["x", "y"], start: [1, 1], rate: 0.01) { p in
        let (x, y) = (p[0], p[1])
        let a = 1.5 - x + x * y, b = 2.25 - x + x * y * y, c = 2.625 - x + x * y * y * y
        return [2 * a * (y - 1) + 2 * b * (y * y - 1) + 2 * c * (y * y * y - 1),
                2 * a * x + 2 * b * 2 * x * y + 2 * c * 3 * x * y * y]
    },
    Classic(name: "three-hump camel", source: "2*x^2 - 1.05*x^4 + x^6/6 + x*y + y^2", vars: ["x", "y"], start: [1, 0.5], rate: 0.05) { p in
        let (x, y) = (p[0], p[1])
        return [4 * x - 4.2 * x * x * x + x * x * x * x * x + y, x + 2 * y]
    },
    Classic(name: "McCormick", source: "sin(x + y) + (x - y)^2 - 1.5*x + 2.5*y + 1", vars: ["x", "y"], start: [0, 0], rate: 0.05) { p in
        let c = cos(p[0] + p[1]), d = p[0] - p[1]
        return [c + 2 * d - 1.5, c - 2 * d + 2.5]
    },
    Classic(name: "sigmoid loss", source: "(sigmoid(2*w + b) - 1)^2 + (sigmoid(-w + b))^2", vars: ["w", "b"], start: [0.1, -0.2], rate: 1) { p in
        let s1 = sig(2 * p[0] + p[1]), s2 = sig(-p[0] + p[1])
        let d1 = 2 * (s1 - 1) * s1 * (1 - s1), d2 = 2 * s2 * s2 * (1 - s2)
        return [2 * d1 - d2, d1 + d2]
    },
    Classic(name: "3 variables", source: "x^2 + 2*y^2 + 3*z^2 + x*y + y*z - x", vars: ["x", "y", "z"], start: [1, 1, 1], rate: 0.05) { p in
        [2 * p[0] + p[1] - 1, 4 * p[1] + p[0] + p[2], 6 * p[2] + p[1]]
    },
]

/// Runs statements in a session and returns the point bound to `ans`.
func minimizePoint(_ text: String, session: Session = Session()) -> [Double]? {
    let (events, status) = session.run(text)
    guard status == .ok else {
        for case .diagnostic(let d) in events { Issue.record("\(d.message)") }
        return nil
    }
    switch session.interpreter.globals["ans"] {
    case .number(let n)?: return [n.double]
    case .tuple(let xs)?: return xs.compactMap { if case .number(let n) = $0 { return n.double }; return nil }
    default: return nil
    }
}

func minimizeReport(_ text: String) -> String {
    let (events, _) = Session().run(text)
    return events.compactMap { if case .result(let s) = $0 { return s }; return nil }.joined(separator: "\n")
}

func minimizeError(_ text: String) -> Diagnostic? {
    let (events, _) = Session().run(text)
    for case .diagnostic(let d) in events where d.severity == .error { return d }
    return nil
}

func nearlyEqual(_ a: [Double], _ b: [Double], rel: Double) -> Bool {
    a.count == b.count && zip(a, b).allSatisfy { x, y in abs(x - y) <= rel * max(1, abs(x), abs(y)) }
}

@Suite("minimize")
struct MinimizeTests {
    static let steps = 300

    @Test("gd equals a hand-written loop to 1e-9", arguments: classics)
    func exactness(_ c: Classic) throws {
        var p = c.start
        for _ in 0..<Self.steps {
            let g = c.gradient(p)
            for i in p.indices { p[i] -= c.rate * g[i] }
        }
        let start = "(" + c.start.map { "\($0)" }.joined(separator: ", ") + ")"
        let got = try #require(minimizePoint("minimize \(c.source) from \(c.vars.count == 1 ? "\(c.start[0])" : start) rate \(c.rate) steps \(Self.steps) tol 0;"))
        #expect(nearlyEqual(got, p, rel: 1e-9), "calc \(got) vs reference \(p)")
        #expect(p.allSatisfy { $0.isFinite })
    }

    @Test("momentum, nesterov and adam follow their documented updates", arguments: ["momentum", "nesterov", "adam"])
    func methods(_ method: String) throws {
        let c = classics[1]  // Booth
        let eta = 0.01, beta = 0.9
        var p = c.start, v = [0.0, 0.0], s = [0.0, 0.0]
        var b1t = 1.0, b2t = 1.0
        for _ in 0..<Self.steps {
            let g = c.gradient(p)
            for i in p.indices {
                switch method {
                case "momentum": v[i] = beta * v[i] + g[i]; p[i] -= eta * v[i]
                case "nesterov": v[i] = beta * v[i] + g[i]; p[i] -= eta * (g[i] + beta * v[i])
                default:
                    if i == 0 { b1t *= 0.9; b2t *= 0.999 }
                    v[i] = 0.9 * v[i] + 0.1 * g[i]
                    s[i] = 0.999 * s[i] + 0.001 * g[i] * g[i]
                    p[i] -= eta * (v[i] / (1 - b1t)) / ((s[i] / (1 - b2t)).squareRoot() + 1e-8)
                }
            }
        }
        let got = try #require(minimizePoint("minimize \(c.source) from (0, 0) rate \(eta) steps \(Self.steps) tol 0 method \(method);"))
        #expect(nearlyEqual(got, p, rel: 1e-9), "calc \(got) vs reference \(p)")
    }

    @Test("maximize ascends: the same as minimizing -f")
    func maximize() throws {
        let a = try #require(minimizePoint("maximize -(x - 1)^2 - (y + 2)^2 + x*y/4 from (0, 0) rate 0.1 steps 50 tol 0;"))
        let b = try #require(minimizePoint("minimize (x - 1)^2 + (y + 2)^2 - x*y/4 from (0, 0) rate 0.1 steps 50 tol 0;"))
        #expect(nearlyEqual(a, b, rel: 1e-12))
    }

    @Test("the end point is classified from the Hessian", arguments: [
        ("minimize x^2 + y^2 from (1, 1) rate 0.1", "a local minimum"),
        ("maximize 1 - x^2 - y^2 from (1, 1) rate 0.1", "a local maximum"),
        ("minimize x^2 - y^2 from (1, 0) rate 0.1", "a saddle point"),
        ("minimize (x + y)^2 from (1, 0) rate 0.1", "undetermined (the Hessian is singular)"),
    ])
    func classification(_ command: String, _ kind: String) {
        let r = minimizeReport(command)
        #expect(r.contains("converged in"))
        #expect(r.contains(": " + kind), "\(r)")
    }

    @Test("x³ has no minimum: converging towards its inflection at 0 is undetermined, not a local minimum")
    func cubicInflectionIsUndetermined() {
        let r = minimizeReport("minimize x^3 from 1 rate 0.01 steps 10000000")
        #expect(r.contains("converged in"), "\(r)")
        #expect(r.contains(": undetermined (the Hessian is nearly singular)"), "\(r)")
        #expect(!r.contains("a local minimum"), "\(r)")
    }

    @Test("nearly flat is judged from the gradient left and the Hessian's change, not a fixed constant", arguments: [
        ("minimize x^4 from 1 rate 0.1 steps 1000000", "undetermined (the Hessian is nearly singular)"),
        ("minimize x^3 + y^2 from (1, 1) rate 0.01 steps 10000000", "undetermined (the Hessian is nearly singular)"),
        ("minimize 1e-5*x^2 from 1 rate 10000", "a local minimum"),
        ("minimize 1e6*(x - 1)^2 + 1e6*(x - 1)^3 from 1.1 rate 1e-7 steps 1000000", "a local minimum"),
        ("maximize -x^4 from 1 rate 0.1 steps 1000000", "undetermined (the Hessian is nearly singular)"),
    ])
    func nearlyFlat(_ command: String, _ kind: String) {
        let r = minimizeReport(command)
        #expect(r.contains("converged in"), "\(r)")
        #expect(r.contains(": " + kind), "\(r)")
    }

    @Test("a run stopped at the step limit is never called a local minimum, however small |∇f| got", arguments: [
        "minimize x^2 from 1 rate 0.001 steps 8000",
        "minimize x^2 + y^2 from (1, 1) rate 0.1 steps 100 tol 0",
    ])
    func stepLimitIsNotAMinimum(_ command: String) {
        let r = minimizeReport(command)
        #expect(r.hasPrefix("did not converge: stopped at the step limit"), "\(r)")
        #expect(r.contains(": curving up in every direction (not yet a stationary point)"), "\(r)")
        #expect(!r.contains("a local minimum"), "\(r)")
    }

    @Test("the time line says the steps' time and the set-up's apart")
    func timeSaysSetUp() {
        let r = minimizeReport("xs = [1, 2, 3, 4, 5];\nys = [2.9, 5.1, 7.0, 9.1, 10.9];\nminimize mean((w*xs + b - ys)^2) from (0, 0) rate 0.05")
        let time = r.split(separator: "\n").first { $0.hasPrefix("  time ") }
        #expect(time?.contains(" (set-up ") == true, "\(r)")
        #expect(time?.hasSuffix(")") == true, "\(r)")
    }

    @Test("over 2,000 data points the set-up (unrolling the data, shared by f, ∇f and the Hessian) is said and stays quick")
    func dataSetUpIsLinear() {
        let n = 2_000
        let xs = (0..<n).map { "\(Double($0) / 1000)" }.joined(separator: ", ")
        let t0 = Minimizer.now()
        let r = minimizeReport("xs = [\(xs)];\nminimize mean((w*xs + b - 2*xs - 1)^2) from (0, 0) rate 0.1 steps 3")
        let seconds = Minimizer.now() - t0
        #expect(r.contains("(set-up "), "\(r)")
        #expect(seconds < 60, "took \(seconds) s")
    }

    @Test("a rate too large diverges, and a rate below 2/λmax is suggested")
    func divergence() {
        let r = minimizeReport("minimize x^2 from 1 rate 1.5")
        #expect(r.hasPrefix("diverged at step "))
        #expect(r.contains("2/λmax = 1"))
        #expect(r.contains("help: try rate 0.5"))
        #expect(!r.contains("converged in"))
    }

    @Test("the step limit is not convergence")
    func stepLimit() {
        let r = minimizeReport("minimize x^2 from 1 rate 1 steps 100")
        #expect(r.hasPrefix("did not converge: stopped at the step limit (100 steps) with |∇f| = 2"))
        #expect(!r.contains("converged in"))
    }

    @Test("converged means |∇f| ≤ tol; the point is ans, so f(ans) works")
    func converged() throws {
        let s = Session()
        let p = try #require(minimizePoint("f(x, y) = (x - 3)^2 + (y + 1)^2\nminimize f from (0, 0) rate 0.1", session: s))
        #expect(nearlyEqual(p, [3, -1], rel: 1e-8))
        _ = s.run("p = ans;")
        let value = try #require(Double(evalText("f(p)", session: s)))
        #expect(value >= 0 && value < 1e-15)
        let grad = evalText("grad f at p", session: s)
        let parts = grad.dropFirst().dropLast().split(separator: ",").compactMap { Double($0.trimmingCharacters(in: .whitespaces)) }
        #expect(parts.count == 2)
        #expect((parts[0] * parts[0] + parts[1] * parts[1]).squareRoot() <= 1e-8)
    }

    @Test("a domain error mid-run says where it happened")
    func domainError() throws {
        let d = try #require(minimizeError("minimize ln(x) from 1 rate 1"))
        #expect(d.id == .domain)
        #expect(d.message.contains("ln is undefined for 0"))
        #expect(d.help.first?.contains("x = 0") == true)
    }

    @Test("rates side by side")
    func rateList() {
        let r = minimizeReport("minimize x^2 from 1 rate 0.001, 0.5, 1.5 steps 1000")
        let lines = r.split(separator: "\n").map(String.init)
        #expect(lines.count >= 5)
        #expect(lines[2].contains("step limit"))
        #expect(lines[3].contains("converged"))
        #expect(lines[4].contains("diverged"))
    }

    @Test("random multi-start is reproducible and groups end points")
    func multiStart() {
        let cmd = "minimize (x^2 - 1)^2 + y^2 from random 12 in (x from -2 to 2, y from -1 to 1) rate 0.05 seed 3"
        let a = minimizeReport(cmd), b = minimizeReport(cmd)
        #expect(a == b)
        #expect(a.contains("(1, "))
        #expect(a.contains("(-1, "))
    }

    @Test("a loss over data minimizes like any function")
    func data() throws {
        let p = try #require(minimizePoint("xs = [0, 1, 2]; ys = [1, 3, 5];\nminimize mean((w*xs + b - ys)^2) from (0, 0) rate 0.1 steps 20000"))
        #expect(nearlyEqual(p, [2, 1], rel: 1e-6))
    }

    @Test("bad input is a clear error at its position", arguments: [
        ("minimize x^2 + y^2 from (1, 2, 3) rate 0.1", DiagnosticID.badStart, "(1, 2, 3)"),
        ("minimize x^2 from (x = 1, y = 2) rate 0.1", .badStart, "y"),
        ("minimize x^2 from 1 rate 0", .badOption, "0"),
        ("minimize x^2 from 1 rate -0.1", .badOption, "-0.1"),
        ("minimize x^2 from 1 rate inf", .badOption, "inf"),
        ("minimize x^2 from 1 rate nan", .badOption, "nan"),
        ("minimize x^2 from 1 rate 0.1 steps 0", .badOption, "0"),
        ("minimize x^2 from 1 rate 0.1 steps 2.5", .badOption, "2.5"),
        ("minimize x^2 from 1 rate 0.1 tol -1", .badOption, "-1"),
        ("minimize x^2 from 1 rate 0.1 method sgd", .badOption, "sgd"),
        ("minimize x^2 from 1 rate 0.1 beta 1", .badOption, "1"),
        ("minimize 42 from 1 rate 0.1", .noVariables, "42"),
        ("minimize abs(x) from 0 rate 0.1", .notDifferentiable, "0"),
        ("minimize relu(x - 1) + x^2 from 1 rate 0.1", .notDifferentiable, "1"),
        ("minimize x^2 + y^2 from random 0 in (x from 0 to 1, y from 0 to 1) rate 0.1", .badOption, "0"),
        ("minimize x^2 + y^2 from random 5 in (x from 0 to 1) rate 0.1", .badStart, "random 5 in (x from 0 to 1)"),
        ("minimize x^2 from random 5 in (x from 1 to 0) rate 0.1", .badRange, "1 to 0"),
        ("minimize [1, 2]*x from 1 rate 0.1", .typeMismatch, "[1, 2]*x"),
    ])
    func badInput(_ text: String, _ id: DiagnosticID, _ marked: String) throws {
        let d = try #require(minimizeError(text))
        #expect(d.id == id, "\(d.message)")
        let file = SourceFile(name: "t", text: text)
        #expect(file.text(in: d.range) == marked, "\(d.message)")
    }
}
