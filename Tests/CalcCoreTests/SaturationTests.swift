// SaturationTests — issue 14's sigmoid saturation, from the exact inputs:
//   - the notes' y(1 − y) with y = σ(x) at x = 50, σ′ at 50 and 700, the
//     textbook cross-entropy at z = 20, ±40, ±800 (references from mpmath at
//     2,000 digits, see `reference` below), and the perceptron gradient's
//     σ(σ − 1)(1 − σ) at 90: each was 0 or "ln is undefined for 0" before;
//   - hand-written logistic functions are σ, so diff shows σ(1 − σ);
//   - property: the stable forms agree with the plain ones wherever the plain
//     ones are finite, to the plain form's own rounding (relative 16ε(1 + e^|u|));
//   - the compiled tape computes the same stable forms, bit for bit (≥ 95% of
//     the points; the rest differ in a product's order only below 1e-307);
//   - minimize over a logistic cross-entropy from a saturated start runs
//     (before: "f cannot be evaluated at step 0") and follows a hand-written
//     gradient-descent loop.
//
// reference values:
//   python3 -c "from mpmath import *; mp.dps = 2000; s = lambda x: 1/(1 + exp(-mpf(x)));
//               print(nstr(s(50)*(1 - s(50)), 20))"   # and likewise for each row

import Testing
@testable import CalcCore

#if canImport(Glibc)
import Glibc
#endif

@Suite("sigmoid saturation")
struct SaturationTests {
    /// |a - b| ≤ rel·|b| (and both zero counts as equal).
    static func close(_ a: Double, _ b: Double, rel: Double) -> Bool {
        a == b || Swift.abs(a - b) <= rel * Swift.abs(b)
    }

    static func number(_ h: SymbolicHarness, _ text: String) -> Double? {
        h.expr(text)?.numberValue?.double
    }

    @Test("the notes' y(1 − y) with y = σ(x) at 50 is 1.93e-22, not 0", arguments: [
        "y*(1 - y) at 50", "y*(1 - y) at (x = 50)", "y*(1-y) at 50",
    ])
    func notesDerivative(_ text: String) throws {
        let h = SymbolicHarness()
        _ = h.run("y = sigmoid(x)")
        let v = try #require(Self.number(h, text), "\(h.run(text))")
        #expect(Self.close(v, 1.928749847963917783e-22, rel: 1e-14), "\(v)")
    }

    @Test("σ′ where σ saturates, as diff gives it", arguments: [
        ("diff(sigmoid(x), x) at 50", 1.928749847963917783e-22),
        ("diff(sigmoid(x), x) at -50", 1.928749847963917783e-22),
        ("diff(σ(x), x) at 700", 9.8596765437597708567e-305),
        ("diff(sigmoid(x), x, 2) at 50", -1.928749847963917783e-22),   // σ(1 − σ)^2 − σ^2(1 − σ)
        ("diff(sigmoid(x), x, 3) at 50", 1.928749847963917783e-22),
        ("diff(softplus(x), x, 2) at 50", 1.928749847963917783e-22),
        ("diff((sigmoid(z) - 1)^2, z) at 90", -1.3428368576423186402e-78),   // the perceptron's σ(σ − 1)(1 − σ)
        ("sigmoid(x) - 1 at 40", -4.2483542552915889773e-18),
        ("1 - sigmoid(x) at 40", 4.2483542552915889863e-18),
    ])
    func saturatedDerivative(_ text: String, _ expected: Double) throws {
        let h = SymbolicHarness()
        let v = try #require(Self.number(h, text), "\(h.run(text))")
        #expect(Self.close(v, expected, rel: 1e-14), "\(text) = \(v), mpmath \(expected)")
    }

    static let crossEntropy = "-(y*ln(sigmoid(z)) + (1-y)*ln(1-sigmoid(z)))"

    @Test("the textbook cross-entropy is finite and accurate at z = 20, ±40, ±800", arguments: [
        ("y = 0, z = 20", 20.00000000206115362), ("y = 1, z = 20", 2.0611536203143807032e-9),
        ("y = 0.3, z = 20", 14.00000000206115362), ("y = 1, z = -20", 20.00000000206115362),
        ("y = 0, z = 40", 40.000000000000000004), ("y = 1, z = 40", 4.2483542552915889863e-18),
        ("y = 0.3, z = 40", 28.000000000000000004), ("y = 0, z = -40", 4.2483542552915889863e-18),
        ("y = 1, z = -40", 40.000000000000000004), ("y = 0.3, z = -40", 12.000000000000000004),
        ("y = 0, z = 800", 800), ("y = 1, z = 800", 0), ("y = 0.3, z = 800", 560),
        ("y = 0, z = -800", 0), ("y = 1, z = -800", 800), ("y = 0.3, z = -800", 240),
    ])
    func crossEntropyValues(_ point: String, _ expected: Double) throws {
        let h = SymbolicHarness()
        let text = "\(Self.crossEntropy) at (\(point))"
        let v = try #require(Self.number(h, text), "\(h.run(text))")
        // 3.7e-348 (z = ±800 with the other label) is below the smallest double: 0 is right
        #expect(Self.close(v, expected, rel: 1e-14), "at (\(point)): \(v), mpmath \(expected)")
    }

    @Test("the cross-entropy's derivative at saturation is σ(z) − y, as a function too")
    func crossEntropyDerivative() throws {
        let h = SymbolicHarness()
        for (z, y, expected) in [(800.0, 0.0, 1.0), (-800, 1, -1), (40, 1, -4.2483542552915889863e-18), (-40, 0, 4.2483542552915889863e-18)] {
            let text = "diff(\(Self.crossEntropy), z) at (y = \(y), z = \(z))"
            let v = try #require(Self.number(h, text), "\(h.run(text))")
            #expect(Self.close(v, expected, rel: 1e-14), "\(text) = \(v)")
        }
        _ = h.run("L(z) = \(Self.crossEntropy)\ny = 0")
        let v = try #require(Self.number(h, "L'(800)"), "\(h.run("L'(800)"))")
        #expect(v == 1)
    }

    // MARK: recognition

    @Test("a hand-written logistic function is σ, and diff shows σ′ = σ(1 − σ)", arguments: [
        ("1/(1+exp(-x))", "sigmoid(x)"),
        ("1/(1+e^-x)", "sigmoid(x)"),
        ("1/(1 + e^(-x))", "sigmoid(x)"),
        ("(exp(-x) + 1)^(-1)", "sigmoid(x)"),
        ("exp(x)/(1+exp(x))", "sigmoid(x)"),
        ("e^x/(e^x + 1)", "sigmoid(x)"),
        ("1/(1 + exp(x))", "sigmoid(-x)"),
        ("1/(1 + exp(-(w*x + b)))", "sigmoid(w*x + b)"),
        ("3*y*exp(w*x)/(1 + exp(w*x))", "3*y*sigmoid(w*x)"),
        ("diff(1/(1+exp(-x)), x)", "sigmoid(x)*(1 - sigmoid(x))"),
        ("diff(exp(x)/(1+exp(x)), x)", "sigmoid(x)*(1 - sigmoid(x))"),
        ("simplify(diff(1/(1+exp(-x)), x))", "sigmoid(x)*(1 - sigmoid(x))"),
        ("ln(1/(1 + exp(-z)))", "ln(sigmoid(z))"),
        // not logistic: left as written
        ("1/(2 + exp(-x))", "1/(exp(-x) + 2)"),
        ("exp(x)/(1 + exp(-x))", "exp(x)*sigmoid(x)"),
        ("1/(1 + exp(-x))^2", "1/(exp(-x) + 1)^2"),
    ])
    func recognition(_ input: String, _ printed: String) {
        let h = SymbolicHarness()
        #expect(h.run(input).results == [printed], "\(input)")
    }

    @Test("the recognised node is the very node sigmoid(x) is")
    func sameNode() throws {
        let h = SymbolicHarness()
        let a = try #require(h.expr("1/(1+exp(-x))")), b = try #require(h.expr("sigmoid(x)"))
        #expect(a === b)
        let c = try #require(h.expr("exp(x)/(1+exp(x))"))
        #expect(c === b)
    }

    // MARK: stable = plain where the plain form is finite

    /// The forms, as calc source in u, and the plain double computation of each.
    static let forms: [(String, @Sendable (Double) -> Double)] = [
        ("1 - sigmoid(u)", { 1 - Builtin.sigmoid($0) }),
        ("sigmoid(u) - 1", { Builtin.sigmoid($0) - 1 }),
        ("2 - 2*sigmoid(u)", { 2 - 2 * Builtin.sigmoid($0) }),
        ("sigmoid(u)*(1 - sigmoid(u))", { Builtin.sigmoid($0) * (1 - Builtin.sigmoid($0)) }),
        ("diff(sigmoid(u), u)", { Builtin.sigmoid($0) * (1 - Builtin.sigmoid($0)) }),
        ("ln(sigmoid(u))", { Glibc.log(Builtin.sigmoid($0)) }),
        ("ln(1 - sigmoid(u))", { Glibc.log(1 - Builtin.sigmoid($0)) }),
        ("diff(ln(1 - sigmoid(u)), u)", { -Builtin.sigmoid($0) }),
        ("diff(ln(sigmoid(u)), u, 2)", { -Builtin.sigmoid($0) * (1 - Builtin.sigmoid($0)) }),
    ]

    @Test("stable forms agree with the plain ones where those are finite (1,000 seeded points each)")
    func agreesWithPlain() throws {
        let h = SymbolicHarness()
        var rng = SeededRandom(seed: 0x5A7)
        var compared = 0, failures: [String] = []
        for (src, plain) in Self.forms {
            let e = try #require(h.expr(src), "\(src)")
            for k in 0..<1000 {
                let u = k < 500 ? rng.uniform(-40, 40) : rng.uniform(-3, 3)
                let p = plain(u)
                guard p.isFinite, p != 0 else { continue }
                let s = try #require(h.value(e, ["u": u]), "\(src) at \(u)")
                compared += 1
                // the plain form's rounding error grows like e^|u| where it cancels
                let tolerance = 16 * Double.ulpOfOne * (1 + Glibc.exp(Swift.abs(u)))
                if !Self.close(s, p, rel: tolerance) { failures.append("\(src) at \(u): stable \(s), plain \(p)") }
            }
        }
        #expect(compared > 8000)
        #expect(failures.isEmpty, "\(failures.prefix(10).joined(separator: "\n"))")
    }

    @Test("over an argument w*x + b and over data, the stable forms agree with the plain ones")
    func composite() throws {
        let h = SymbolicHarness()
        _ = h.run("xs = [0.5, -1.5, 2, 3]")
        let e = try #require(h.expr("ln(1 - sigmoid(w*x + b))"))
        let d = try #require(h.expr("mean(ln(sigmoid(w*xs + b)))"))
        var rng = SeededRandom(seed: 0xB1A5)
        for _ in 0..<500 {
            let w = rng.uniform(-4, 4), x = rng.uniform(-4, 4), b = rng.uniform(-4, 4)
            let u = w * x + b
            let s = try #require(h.value(e, ["w": w, "x": x, "b": b]))
            #expect(Self.close(s, Glibc.log(1 - Builtin.sigmoid(u)), rel: 16 * Double.ulpOfOne * (1 + Glibc.exp(Swift.abs(u)))))
            let us = [0.5, -1.5, 2, 3].map { w * $0 + b }
            let plain = us.map { Glibc.log(Builtin.sigmoid($0)) }.reduce(0, +) / 4
            let sd = try #require(h.value(d, ["w": w, "b": b]))
            let worst = us.map { 1 + Glibc.exp(Swift.abs($0)) }.max()!
            #expect(Self.close(sd, plain, rel: 64 * Double.ulpOfOne * worst), "w = \(w), b = \(b): \(sd) vs \(plain)")
        }
    }

    // MARK: tape = checked evaluation

    static let tapeSources = [
        "sigmoid(x)*(1 - sigmoid(x))", "diff(sigmoid(x), x)", "ln(sigmoid(x))", "ln(1 - sigmoid(x))",
        "sigmoid(x) - 1", "2 - 2*sigmoid(x)", "y + 1 - sigmoid(x)", "0.5 - 0.5*sigmoid(x*y)",
        "-(y*ln(sigmoid(x)) + (1 - y)*ln(1 - sigmoid(x)))",
        "diff(-(y*ln(sigmoid(x)) + (1 - y)*ln(1 - sigmoid(x))), x)",
        "diff(-(y*ln(sigmoid(x)) + (1 - y)*ln(1 - sigmoid(x))), x, 2)",
        "diff((sigmoid(y*x) - 1)^2, x)", "ln(1/(1 + exp(-x)))", "(1 - sigmoid(x))^2 + ln(1 - sigmoid(x + y))",
    ]
    static let tapePoints: [Double] = [0, -0.0, 1, -1, 20, -20, 37, -37, 40, -40, 50, -50, 700, -700, 745, -745, 800, -800,
                                       1e300, -1e300, .infinity, -.infinity, .nan]

    @Test("the tape computes the stable forms bit for bit as the Evaluator does", arguments: tapeSources)
    func tapeAgrees(_ src: String) throws {
        let h = SymbolicHarness()
        let e = try #require(h.expr(src), "\(src)")
        let program = try Compiler.compile([e], variables: ["x", "y"], context: h.ctx)
        var rng = SeededRandom(seed: 0x7A9E)
        var points: [[Double]] = []
        for x in Self.tapePoints { for y in [0, 1, 0.3, -2] { points.append([x, y]) } }
        for _ in 0..<200 { points.append([rng.uniform(-900, 900), rng.uniform(-3, 3)]) }
        var failures: [String] = [], bitwise = 0
        for p in points {
            let tape = program.evaluate(p)[0]
            var ev = Evaluator(context: h.ctx, values: ["x": .scalar(p[0]), "y": .scalar(p[1])])
            do {
                let v = try ev.evaluate(e)
                // bit for bit, except that the tape multiplies a product's number last, (y·σ·…)·2,
                // where the Evaluator starts with it: below the smallest normal double those
                // roundings differ in the last denormal bits
                guard let c = v.scalar else { failures.append("at \(p): \(v) is not a number"); continue }
                if !(TapeTests.same(tape, c) || Swift.abs(tape - c) <= 1e-13 * Swift.abs(c) + 1e-307) {
                    failures.append("at \(p): tape \(tape), Evaluator \(v)")
                }
                if TapeTests.same(tape, c) { bitwise += 1 }
            } catch {
                if tape.isFinite { failures.append("at \(p): tape \(tape), Evaluator: \(error.message)") }
            }
        }
        #expect(failures.isEmpty, "\(src) = \(e): \(failures.prefix(10).joined(separator: "\n"))")
        #expect(bitwise >= points.count * 95 / 100, "\(bitwise) of \(points.count) bit for bit")
        // and the values are the stable ones: no 0 or -inf from cancellation
        if src == "ln(1 - sigmoid(x))" { #expect(program.evaluate([800, 0])[0] == -800) }
        if src == "ln(sigmoid(x))" { #expect(program.evaluate([-800, 0])[0] == -800) }
        if src == "diff(sigmoid(x), x)" { #expect(Self.close(program.evaluate([50, 0])[0], 1.928749847963917783e-22, rel: 1e-14)) }
    }

    @Test("a cross-entropy over data compiles to the stable forms: tape = Evaluator at saturated points")
    func tapeOverData() throws {
        let h = SymbolicHarness()
        _ = h.run("xs = [0.5, 1.5, 2, 3, 3.5, 4.5]\nys = [0, 0, 0, 1, 1, 1]")
        let e = try #require(h.expr("-mean(ys*ln(sigmoid(w*xs + b)) + (1 - ys)*ln(1 - sigmoid(w*xs + b)))"))
        let g = Differentiator(h.ctx, variable: h.ctx.symbol("w")).derivative(e)
        let program = try Compiler.compile([e, g], variables: ["w", "b"], context: h.ctx)
        for p in [[40.0, 10], [-40, 100], [200, -800], [0, 0], [5.4, -13.4]] {
            let tape = program.evaluate(p)
            var ev = Evaluator(context: h.ctx, values: ["w": .scalar(p[0]), "b": .scalar(p[1])])
            let fv = try ev.evaluate(e), dfv = try ev.evaluate(g)
            let f = try #require(fv.scalar), df = try #require(dfv.scalar)
            #expect(f.isFinite && df.isFinite, "at \(p)")
            #expect(Self.close(tape[0], f, rel: 1e-13) && Self.close(tape[1], df, rel: 1e-13), "at \(p): tape \(tape), Evaluator \(f), \(df)")
        }
        // at (40, 10) every prediction is 1 to double precision: the ys = 0 rows cost 30, 70, 90 nats
        let tape = program.evaluate([40, 10])[0]
        #expect(Self.close(tape, (30.0 + 70 + 90) / 6, rel: 1e-12), "\(tape)")
    }

    // MARK: minimize

    @Test("minimize of a logistic cross-entropy from saturated starts runs, as gradient descent by hand", arguments: [
        [40.0, 10], [-40, 100],
    ])
    func minimizeFromSaturation(_ start: [Double]) throws {
        let xs = [0.5, 1.5, 2, 3, 3.5, 4.5], ys = [0.0, 0, 0, 1, 1, 1]
        let program = """
        xs = [0.5, 1.5, 2, 3, 3.5, 4.5]; ys = [0, 0, 0, 1, 1, 1];
        p(w, b, x) = sigmoid(w*x + b);
        L(w, b) = -mean(ys*ln(p(w, b, xs)) + (1 - ys)*ln(1 - p(w, b, xs)));
        minimize L from (\(start[0]), \(start[1])) rate 0.5 steps 300 tol 0
        """
        let got = try #require(minimizePoint(program))
        // the same update with the gradient written by hand: ∂L/∂w = mean((σ(z) − y)·x), ∂L/∂b = mean(σ(z) − y)
        var w = start[0], b = start[1]
        for _ in 0..<300 {
            var gw = 0.0, gb = 0.0
            for (x, y) in zip(xs, ys) {
                let r = Builtin.sigmoid(w * x + b) - y
                gw += r * x / 6; gb += r / 6
            }
            w -= 0.5 * gw; b -= 0.5 * gb
        }
        #expect(nearlyEqual(got, [w, b], rel: 1e-9), "calc \(got), by hand \([w, b])")
        let report = minimizeReport(program)
        #expect(report.contains("f = "), "\(report)")
    }
}
