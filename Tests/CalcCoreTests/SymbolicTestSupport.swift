// SymbolicTestSupport — shared helpers for the derivative, rule-table and
// acceptance tests: a seeded random generator, a harness that turns calc
// source text into the canonical Expr of a session (so printing can be
// checked to re-parse to the very same node), numeric evaluation at a point,
// a Richardson-extrapolated central finite difference, and an operation
// counter that mirrors SymPy's `count_ops`.

import Testing
@testable import CalcCore

#if canImport(Glibc)
import Glibc
#endif

/// One calc session used as a parser from text to canonical Expr.
final class SymbolicHarness {
    let session = Session()
    var ctx: ExprContext { session.context }

    /// Runs `text` as one expression statement and returns its value as an
    /// Expr (numbers as number nodes); nil when it fails or is not scalar.
    func expr(_ text: String) -> Expr? {
        let (_, status) = session.run(text)
        guard status == .ok, let v = session.interpreter.globals["ans"] else { return nil }
        switch v {
        case .symbolic(let e, _): return e
        case .number(let n): return ctx.number(n)
        default: return nil
        }
    }

    /// Runs a program; returns the printed results and the diagnostics.
    func run(_ text: String) -> (results: [String], diagnostics: [Diagnostic]) {
        var results: [String] = [], diagnostics: [Diagnostic] = []
        for ev in session.run(text, keepGoing: true).events {
            switch ev {
            case .result(let s): results.append(s)
            case .diagnostic(let d): diagnostics.append(d)
            default: break
            }
        }
        return (results, diagnostics)
    }

    /// The scalar value of `e` at `point`; nil where undefined or not scalar.
    func value(_ e: Expr, _ point: [String: Double]) -> Double? {
        var ev = Evaluator(context: ctx, values: point.mapValues { .scalar($0) })
        guard let v = try? ev.evaluate(e), case .scalar(let d) = v else { return nil }
        return d
    }

    func derivative(_ e: Expr, _ x: String) -> Expr {
        Differentiator(ctx, variable: ctx.symbol(x)).derivative(e)
    }

    func plain(_ e: Expr) -> String { Printer(style: .plain).print(e) }
}

/// A central difference of f at `point` along `x`, Richardson-extrapolated,
/// with a smoothness verdict: nil when f is undefined nearby, too large, or
/// the two step sizes disagree (a kink, a jump or a pole within reach).
func finiteDifference(_ f: ([String: Double]) -> Double?, at point: [String: Double], along x: String)
    -> (estimate: Double, tolerance: Double)?
{
    let x0 = point[x]!
    let h = 1e-3 * Swift.max(1, Swift.abs(x0))
    func at(_ dx: Double) -> Double? {
        var p = point
        p[x] = x0 + dx
        guard let v = f(p), v.isFinite, Swift.abs(v) < 1e7 else { return nil }
        return v
    }
    guard let f0 = at(0), let a1 = at(h), let b1 = at(-h), let a2 = at(h / 2), let b2 = at(-h / 2),
          let a4 = at(h / 4), let b4 = at(-h / 4) else { return nil }
    let d1 = (a1 - b1) / (2 * h), d2 = (a2 - b2) / h, d4 = (a4 - b4) / (h / 2)
    let r1 = (4 * d2 - d1) / 3, r2 = (4 * d4 - d2) / 3
    let magnitude = Swift.max(Swift.abs(f0), Swift.abs(a1), Swift.abs(b1), 1)
    let noise = 1e-13 * magnitude / h
    // smooth at this scale: the first differences converge like h², the extrapolations agree
    let scale = Swift.max(1, Swift.abs(r2))
    guard Swift.abs(d1 - d2) <= 1e-2 * scale + noise,
          Swift.abs(r1 - r2) <= 1e-6 * scale + 10 * noise else { return nil }
    return (r2 + (r2 - r1) / 15, 1e-6 * scale + 100 * noise)
}

// MARK: - operation count, mirroring sympy.count_ops

/// The operation count SymPy's `count_ops(expr)` would give for the same tree,
/// walking calc's Expr with SymPy's algorithm (sympy/core/function.py, 1.14):
///   - a rational p/q counts NEG if p < 0 and DIV if q ≠ 1; integers ≥ 0, floats,
///     symbols, π and data count 0; the constant e counts 1 (SymPy's EXP);
///   - a sum of n terms counts n − 1 (ADD or SUB), plus NEG when every term is
///     negative; a negative term is counted as its negation;
///   - a product with a negative coefficient counts NEG and is counted without
///     it; then it is split like `sympy.fraction` (factors with a negative
///     numeric exponent, or an exponent with a negative coefficient — exp(-x)
///     included — and rational coefficients' denominators go down): with a
///     denominator it counts DIV plus both parts, otherwise MUL × (factors − 1);
///   - b^-1 counts DIV; any other power counts POW plus base and exponent;
///   - a function call counts 1 plus its arguments (min/max too, as SymPy's
///     Min/Max count len(args) − 1 = 1).
/// Calc's own built-ins that SymPy lacks (sigmoid, softplus, relu, step, log2,
/// log10, cbrt) count 1 each, like any call: that is what calc prints.
enum OpCount {
    static func count(_ e: Expr, _ c: ExprContext) -> Int {
        switch e.kind {
        case .number(let n):
            switch n {
            case .rational(let p, let q): return (p < 0 ? 1 : 0) + (q != 1 ? 1 : 0)
            case .float: return 0
            }
        case .symbol, .data: return 0
        case .constant(let k): return k == .e ? 1 : 0
        case .add(let ts):
            var total = ts.count - 1
            var negs = 0
            for t in ts {
                if isNegative(t) { negs += 1; total += count(c.neg(t), c) } else { total += count(t, c) }
            }
            if negs == ts.count { total += 1 }
            return total
        case .mul(let fs):
            if isNegative(e) {
                let rest = c.neg(e)
                return 1 + count(rest, c)
            }
            var num: [Expr] = [], den: [Expr] = []
            for f in fs {
                switch f.kind {
                case .number(let n):
                    if case .rational(let p, let q) = n, q != 1 {
                        if p != 1 { num.append(c.int(Int(p))) }
                        den.append(c.int(Int(q)))
                    } else { num.append(f) }
                case .pow(let b, let x) where negativeExponent(x):
                    den.append(c.pow(b, c.neg(x)))
                case .call(.exp, let a) where negativeExponent(a[0]):
                    den.append(c.call(.exp, [c.neg(a[0])]))
                default: num.append(f)
                }
            }
            let n = c.mul(num), d = c.mul(den)
            if n.numberValue?.isInteger == true && n.numberValue!.isExact && !den.isEmpty {
                return 1 + count(d, c)
            }
            if !den.isEmpty {
                return 1 + (d.numberValue?.isInteger == true ? 0 : count(d, c)) + count(n, c)
            }
            return (fs.count - 1) + fs.reduce(0) { $0 + count($1, c) }
        case .pow(let b, let x):
            if x.numberValue == .minusOne { return 1 + count(b, c) }
            return 1 + count(b, c) + count(x, c)
        case .call(_, let args), .applied(_, let args):
            return 1 + args.reduce(0) { $0 + count($1, c) }
        }
    }

    /// SymPy's `_coeff_isneg`: a negative number, or a product led by one.
    static func isNegative(_ e: Expr) -> Bool {
        switch e.kind {
        case .number(let n): return n.isNegative
        case .mul(let fs): return fs[0].numberValue?.isNegative ?? false
        default: return false
        }
    }

    /// What `fraction` sends to the denominator: -2, -1/2, -x, -2*x (not x - 1).
    static func negativeExponent(_ x: Expr) -> Bool { isNegative(x) }
}
