// DerivativePropertyTests — thousands of random expressions (seeded, so every
// run checks the same ones) over all built-ins, + - * / ^, constants, nested
// calls and one to three variables. Each is written as calc source, run
// through a session to get its canonical Expr, and checked against an
// independent evaluator of the generated tree (plain Double maths here, not
// calc's): the value of the canonical form, every partial derivative against
// a Richardson-extrapolated central difference of the generated tree at random
// points where it is defined and smooth, the plain printed form re-parsing to
// the same Expr object, and `simplify`/`expand` preserving the value.

import Testing
@testable import CalcCore

#if canImport(Glibc)
import Glibc
#endif

/// A generated expression: rendered as calc source, evaluated independently.
indirect enum GenExpr {
    case variable(String), integer(Int), rational(Int, Int), decimal(Double), pi, e
    case neg(GenExpr), add(GenExpr, GenExpr), sub(GenExpr, GenExpr), mul(GenExpr, GenExpr), div(GenExpr, GenExpr)
    case pow(GenExpr, GenExpr, String)      // the operator spelling: ^ or **
    case root(GenExpr)                      // √(…)
    case call(String, [GenExpr])

    var source: String {
        switch self {
        case .variable(let v): return v
        case .integer(let n): return "\(n)"
        case .rational(let p, let q): return "(\(p)/\(q))"
        case .decimal(let d): return "\(d)"
        case .pi: return "pi"
        case .e: return "e"
        case .neg(let a): return "-(\(a.source))"
        case .add(let a, let b): return "(\(a.source) + \(b.source))"
        case .sub(let a, let b): return "(\(a.source) - \(b.source))"
        case .mul(let a, let b): return "(\(a.source)*\(b.source))"
        case .div(let a, let b): return "(\(a.source)/\(b.source))"
        case .pow(let a, let b, let op): return "(\(a.source))\(op)(\(b.source))"
        case .root(let a): return "√(\(a.source))"
        case .call(let f, let args): return "\(f)(\(args.map(\.source).joined(separator: ", ")))"
        }
    }

    /// Built-in names used (for coverage).
    var functions: [String] {
        switch self {
        case .variable, .integer, .rational, .decimal, .pi, .e: return []
        case .neg(let a), .root(let a): return (self.isRoot ? ["sqrt"] : []) + a.functions
        case .add(let a, let b), .sub(let a, let b), .mul(let a, let b), .div(let a, let b), .pow(let a, let b, _):
            return a.functions + b.functions
        case .call(let f, let args): return [f + (args.count == 2 && f == "log" ? "(b, x)" : "")] + args.flatMap(\.functions)
        }
    }
    var isRoot: Bool { if case .root = self { return true }; return false }

    /// The value with calc's semantics (LANGUAGE.md §4); nil where calc reports
    /// a domain error. `magnitude` collects the largest intermediate value and
    /// becomes infinite where double arithmetic cannot resolve the function
    /// (a saturated tanh or sigmoid, an argument next to a domain edge, a
    /// cancelling sum), so difference quotients there are not trusted.
    func value(_ env: [String: Double], _ magnitude: inout Double) -> Double? {
        func track(_ v: Double?) -> Double? {
            guard let v, !v.isNaN else { return nil }
            magnitude = Swift.max(magnitude, Swift.abs(v))
            return v
        }
        func illConditioned() { magnitude = .infinity }
        func power(_ b: Double, _ x: Double) -> Double? {
            if b == 0 && x < 0 { return nil }
            if b < 0 && x != x.rounded() { return nil }
            return Glibc.pow(b, x)
        }
        switch self {
        case .variable(let v): return env[v]
        case .integer(let n): return Double(n)
        case .rational(let p, let q): return Double(p) / Double(q)
        case .decimal(let d): return d
        case .pi: return Double.pi
        case .e: return M_E
        case .neg(let a): return a.value(env, &magnitude).map { -$0 }
        case .add(let a, let b):
            guard let x = a.value(env, &magnitude), let y = b.value(env, &magnitude) else { return nil }
            if x + y != 0, Swift.abs(x + y) < 1e-9 * Swift.max(Swift.abs(x), Swift.abs(y)) { illConditioned() }
            return track(x + y)
        case .sub(let a, let b):
            guard let x = a.value(env, &magnitude), let y = b.value(env, &magnitude) else { return nil }
            if x - y != 0, Swift.abs(x - y) < 1e-9 * Swift.max(Swift.abs(x), Swift.abs(y)) { illConditioned() }
            return track(x - y)
        case .mul(let a, let b):
            guard let x = a.value(env, &magnitude), let y = b.value(env, &magnitude) else { return nil }
            return track(x * y)
        case .div(let a, let b):
            guard let x = a.value(env, &magnitude), let y = b.value(env, &magnitude), y != 0 else { return nil }
            return track(x / y)
        case .pow(let a, let b, _):
            guard let x = a.value(env, &magnitude), let y = b.value(env, &magnitude) else { return nil }
            return track(power(x, y))
        case .root(let a):
            guard let x = a.value(env, &magnitude), x >= 0 else { return nil }
            return track(Glibc.sqrt(x))
        case .call(let f, let args):
            var xs: [Double] = []
            for a in args { guard let v = a.value(env, &magnitude) else { return nil }; xs.append(v) }
            let x = xs[0]
            if !x.isFinite { illConditioned() }
            switch f {
            case "tanh": if Swift.abs(x) > 15 { illConditioned() }
            case "sigmoid", "σ": if Swift.abs(x) > 30 { illConditioned() }
            case "asin", "acos", "atanh": if Swift.abs(1 - Swift.abs(x)) < 1e-6 { illConditioned() }
            case "acosh": if Swift.abs(x - 1) < 1e-6 { illConditioned() }
            case "exp", "sinh", "cosh": if Swift.abs(x) > 200 { illConditioned() }
            default: break
            }
            let r: Double?
            switch f {
            case "sin": r = Glibc.sin(x)
            case "cos": r = Glibc.cos(x)
            case "tan": r = Glibc.tan(x)
            case "sec": r = 1 / Glibc.cos(x)
            case "csc": r = 1 / Glibc.sin(x)
            case "cot": r = Glibc.cos(x) / Glibc.sin(x)
            case "asin": r = Swift.abs(x) <= 1 ? Glibc.asin(x) : nil
            case "acos": r = Swift.abs(x) <= 1 ? Glibc.acos(x) : nil
            case "atan": r = Glibc.atan(x)
            case "atan2": r = Glibc.atan2(xs[0], xs[1])
            case "sinh": r = Glibc.sinh(x)
            case "cosh": r = Glibc.cosh(x)
            case "tanh": r = Glibc.tanh(x)
            case "asinh": r = Glibc.asinh(x)
            case "acosh": r = x >= 1 ? Glibc.acosh(x) : nil
            case "atanh": r = Swift.abs(x) < 1 ? Glibc.atanh(x) : nil
            case "exp": r = Glibc.exp(x)
            case "ln": r = x > 0 ? Glibc.log(x) : nil
            case "log":
                if xs.count == 1 { r = x > 0 ? Glibc.log(x) : nil }
                else { r = xs[0] > 0 && xs[0] != 1 && xs[1] > 0 ? Glibc.log(xs[1]) / Glibc.log(xs[0]) : nil }
            case "log2": r = x > 0 ? Glibc.log2(x) : nil
            case "log10": r = x > 0 ? Glibc.log10(x) : nil
            case "sqrt": r = x >= 0 ? Glibc.sqrt(x) : nil
            case "cbrt": r = Glibc.cbrt(x)
            case "abs": r = Swift.abs(x)
            case "sign": r = x > 0 ? 1 : (x < 0 ? -1 : 0)
            case "step": r = x > 0 ? 1 : (x < 0 ? 0 : 0.5)
            case "sigmoid", "σ": r = 1 / (1 + Glibc.exp(-x))
            case "softplus": r = Swift.max(x, 0) + Glibc.log1p(Glibc.exp(-Swift.abs(x)))
            case "relu": r = Swift.max(x, 0)
            case "min": r = Swift.min(xs[0], xs[1])
            case "max": r = Swift.max(xs[0], xs[1])
            case "floor": r = Glibc.floor(x)
            case "ceil": r = Glibc.ceil(x)
            default: fatalError("unknown function \(f)")
            }
            return track(r)
        }
    }
}

/// Random expressions over the given variables, biased towards defined values.
struct ExprGenerator {
    var rng: SeededRandom
    var variables: [String]

    static let anyDomain = ["sin", "cos", "tan", "sec", "csc", "cot", "atan", "sinh", "cosh", "tanh", "asinh", "exp",
                            "cbrt", "abs", "sign", "step", "sigmoid", "σ", "softplus", "relu", "floor", "ceil"]
    static let unitDomain = ["asin", "acos", "atanh"]
    static let positiveDomain = ["ln", "log", "log2", "log10", "sqrt"]
    static let binary = ["atan2", "min", "max"]
    /// Every surface name the generator uses (coverage is asserted on these).
    static let all = anyDomain + unitDomain + positiveDomain + binary + ["acosh", "log(b, x)"]

    mutating func int(_ r: ClosedRange<Int>) -> Int { Int.random(in: r, using: &rng) }
    mutating func int(_ r: Range<Int>) -> Int { Int.random(in: r, using: &rng) }
    mutating func chance(_ p: Double) -> Bool { Double.random(in: 0..<1, using: &rng) < p }

    mutating func leaf() -> GenExpr {
        switch int(0..<20) {
        case 0..<13: return .variable(variables[int(0...(variables.count - 1))])
        case 13..<16: return .integer(int(1...5))
        case 16: return .rational(int(1...3), int(2...4))
        case 17: return .decimal([0.5, 1.5, 2.25, 0.1][int(0...3)])
        case 18: return .pi
        default: return .e
        }
    }

    /// Squeezes an argument into (-1, 1): sin(a), tanh(a), a/(1 + a^2).
    mutating func unit(_ a: GenExpr) -> GenExpr {
        switch int(0...3) {
        case 0: return .call("sin", [a])
        case 1: return .call("tanh", [a])
        case 2: return .div(a, .add(.integer(1), .pow(a, .integer(2), "^")))
        default: return .mul(.rational(1, 3), a)
        }
    }

    /// Makes an argument positive most of the time.
    mutating func positive(_ a: GenExpr) -> GenExpr {
        switch int(0...4) {
        case 0: return .add(.integer(1), .pow(a, .integer(2), "^"))
        case 1: return .call("exp", [a])
        case 2: return .call("abs", [a])
        case 3: return .add(.pow(a, .integer(2), "^"), .rational(1, 2))
        default: return a
        }
    }

    mutating func gen(_ depth: Int) -> GenExpr {
        if depth <= 0 || chance(0.15) { return leaf() }
        let d = depth - 1
        switch int(0..<24) {
        case 0..<3: return .add(gen(d), gen(d))
        case 3..<5: return .sub(gen(d), gen(d))
        case 5..<8: return .mul(gen(d), gen(d))
        case 8..<10: return .div(gen(d), gen(d))
        case 10..<12: return .pow(gen(d), .integer([-3, -2, -1, 2, 2, 3, 4][int(0...6)]), chance(0.2) ? "**" : "^")
        case 12: return .pow(positive(gen(d)), gen(d), "^")                        // variable exponent
        case 13: return .pow(positive(gen(d)), .rational([1, 3, -1, 2][int(0...3)], [2, 2, 2, 3][int(0...3)]), "^")
        case 14: return .neg(gen(d))
        case 15: return chance(0.5) ? .root(positive(gen(d))) : .call("sqrt", [positive(gen(d))])
        default: return call(d)
        }
    }

    mutating func call(_ d: Int) -> GenExpr {
        switch int(0..<40) {
        case 0..<22: return .call(Self.anyDomain[int(0...(Self.anyDomain.count - 1))], [gen(d)])
        case 22..<26: return .call(Self.unitDomain[int(0...2)], [unit(gen(d))])
        case 26..<32: return .call(Self.positiveDomain[int(0...4)], [positive(gen(d))])
        case 32..<34: return .call("acosh", [chance(0.5) ? .add(.integer(1), .pow(gen(d), .integer(2), "^")) : .call("cosh", [gen(d)])])
        case 34..<36: return .call("log", [[.integer(2), .integer(10), .add(.integer(2), .pow(gen(d), .integer(2), "^"))][int(0...2)],
                                           positive(gen(d))])
        default: return .call(Self.binary[int(0...2)], [gen(d), gen(d)])
        }
    }
}

/// Plain-form round trips that the interpreter cannot honour yet: it folds a
/// call or a power of numbers (`ln(2)`, `2^(1/2)`) to a double when parsing,
/// while the canonical form keeps it exact. Reported to the interpreter's owner.
func holdsFoldableConstant(_ e: Expr) -> Bool {
    var seen = Set<ObjectIdentifier>()
    func walk(_ e: Expr) -> Bool {
        guard seen.insert(ObjectIdentifier(e)).inserted else { return false }
        switch e.kind {
        case .number: return false
        case .call where e.free.isEmpty && !e.hasData: return true
        case .pow(let b, let x) where b.numberValue != nil && x.numberValue != nil: return true
        default: return e.children.contains(where: walk)
        }
    }
    // a constant-valued result is a number at the top level (`2*pi` prints 6.28…), by design
    return (e.free.isEmpty && !e.hasData) || walk(e)
}

@Suite("derivative properties")
struct DerivativePropertyTests {
    struct Tally {
        var expressions = 0, valueChecks = 0, derivativeChecks = 0, skippedPoints = 0
        var roundTrips = 0, foldedRoundTrips = 0, rewriteChecks = 0
        var coverage: [String: Int] = [:]
        var failures: [String] = []
        mutating func fail(_ s: String) { if failures.count < 40 { failures.append(s) } }
    }

    /// One batch: `count` expressions of up to `depth` levels in `variables`.
    static func check(seed: UInt64, count: Int, depth: Int, variables: [String]) -> Tally {
        var gen = ExprGenerator(rng: SeededRandom(seed: seed), variables: variables)
        var pointRNG = SeededRandom(seed: seed ^ 0xA5A5_5A5A)
        let h = SymbolicHarness()
        var t = Tally()
        for _ in 0..<count {
            let g = gen.gen(Int.random(in: 1...depth, using: &gen.rng))
            let src = g.source
            guard let e = h.expr(src) else {
                // a constant expression may fail to evaluate (ln(-2)): that is an error, not a crash
                continue
            }
            t.expressions += 1
            // plain printing re-parses to the very same node
            func roundTrip(_ x: Expr, _ what: String) {
                let text = h.plain(x)
                let back = h.expr(text)
                if holdsFoldableConstant(x) {
                    t.foldedRoundTrips += 1
                    return
                }
                t.roundTrips += 1
                if back !== x { t.fail("round trip of \(what) `\(src)`: printed `\(text)`, re-parsed to `\(back.map(h.plain) ?? "an error")`") }
            }
            roundTrip(e, "input")
            let vars = variables.filter { e.contains(h.ctx.symbol($0)) }
            let derivatives = vars.map { h.derivative(e, $0) }
            for (x, d) in zip(vars, derivatives) { roundTrip(d, "d/d\(x)") }
            let simplified = h.ctx.simplify(e), expanded = h.ctx.expand(e)
            var checkedHere = false
            for _ in 0..<4 {
                var point: [String: Double] = [:]
                for v in variables { point[v] = Double.random(in: -2.5...2.5, using: &pointRNG) }
                var magnitude = 0.0
                guard let truth = g.value(point, &magnitude), truth.isFinite, Swift.abs(truth) < 1e7 else { continue }
                let tol = 1e-9 * Swift.max(1, magnitude)   // infinite when ill-conditioned: values not compared
                // the canonical form has the generated tree's value
                if let v = h.value(e, point) {
                    t.valueChecks += 1
                    if !(Swift.abs(v - truth) <= tol) { t.fail("value of `\(src)` at \(point): calc \(v), expected \(truth)") }
                } else {
                    t.fail("`\(src)` is defined at \(point) (\(truth)) but its canonical form `\(h.plain(e))` is not")
                    continue
                }
                // simplify and expand preserve the value where the input is defined
                for (name, r) in [("simplify", simplified), ("expand", expanded)] {
                    t.rewriteChecks += 1
                    guard let v = h.value(r, point) else {
                        t.fail("\(name)(`\(src)`) = `\(h.plain(r))` is undefined at \(point)"); continue
                    }
                    let rtol = 1e-8 * Swift.max(1, magnitude, Swift.abs(truth))
                    if !(Swift.abs(v - truth) <= rtol) { t.fail("\(name)(`\(src)`) = `\(h.plain(r))` at \(point): \(v), expected \(truth)") }
                }
                // every partial against the finite difference of the generated tree
                for (x, d) in zip(vars, derivatives) {
                    guard magnitude.isFinite,
                          let fd = finiteDifference({ p in var m = 0.0; return g.value(p, &m) }, at: point, along: x) else {
                        t.skippedPoints += 1; continue
                    }
                    guard let sym = h.value(d, point) else {
                        t.fail("d/d\(x) `\(src)` = `\(h.plain(d))` undefined at \(point), difference quotient \(fd.estimate)"); continue
                    }
                    t.derivativeChecks += 1
                    checkedHere = true
                    if !(Swift.abs(sym - fd.estimate) <= fd.tolerance) {
                        t.fail("d/d\(x) `\(src)` = `\(h.plain(d))` at \(point): \(sym), difference quotient \(fd.estimate)")
                    }
                    // the derivative's own plain form, parsed again, has the same value
                    let simplifiedD = h.ctx.simplify(d)
                    t.rewriteChecks += 1
                    if let v = h.value(simplifiedD, point), !(Swift.abs(v - sym) <= 1e-7 * Swift.max(1, Swift.abs(sym), magnitude)) {
                        t.fail("simplify(d/d\(x) `\(src)`) = `\(h.plain(simplifiedD))` at \(point): \(v), expected \(sym)")
                    }
                }
            }
            if checkedHere { for f in g.functions { t.coverage[f, default: 0] += 1 } }
        }
        return t
    }

    @Test("random expressions: values, derivatives, printing, rewrites", arguments: [
        (UInt64(1), 500, 3, ["x"]),
        (UInt64(2), 400, 4, ["x"]),
        (UInt64(3), 500, 3, ["x", "y"]),
        (UInt64(4), 400, 4, ["x", "y"]),
        (UInt64(5), 400, 3, ["x", "y", "z"]),
        (UInt64(6), 300, 4, ["w", "b", "θ"]),
    ])
    func randomExpressions(_ seed: UInt64, _ count: Int, _ depth: Int, _ variables: [String]) {
        let t = Self.check(seed: seed, count: count, depth: depth, variables: variables)
        print("seed \(seed): \(t.expressions) expressions, \(t.valueChecks) values, \(t.derivativeChecks) derivatives "
              + "(\(t.skippedPoints) points skipped as not smooth), \(t.roundTrips) round trips "
              + "(+\(t.foldedRoundTrips) with folded constants), \(t.rewriteChecks) rewrites")
        for f in t.failures { Issue.record(Comment(rawValue: f)) }
        // the batch really checked something
        #expect(t.expressions >= count * 8 / 10)
        #expect(t.derivativeChecks >= count)
        #expect(t.skippedPoints * 5 < t.derivativeChecks)
        #expect(t.roundTrips >= count)
    }

    @Test("every built-in is covered by passing derivative checks")
    func coverage() {
        var total: [String: Int] = [:]
        for (seed, n) in [(UInt64(11), 600), (UInt64(12), 600)] {
            let t = Self.check(seed: seed, count: n, depth: 3, variables: ["x", "y"])
            for f in t.failures { Issue.record(Comment(rawValue: f)) }
            for (k, v) in t.coverage { total[k, default: 0] += v }
        }
        for f in ExprGenerator.all + ["sqrt"] {
            #expect(total[f, default: 0] >= 5, "built-in \(f) was checked \(total[f, default: 0]) times")
        }
    }
}
