// Builtin — every built-in function of LANGUAGE.md §4 as one enum, and every
// fact about each one in this file.
//
// Each fact is an exhaustive switch without `default:`, so a new case does not
// compile until it says what it is in every respect:
//   - arity, and whether it is a reduction of a list (`reduction`);
//   - its names (`Callee`: the enum the interpreter resolves a name to, with
//     the two spellings it rewrites, `sqrt` and `log`, the alias `σ` and the
//     Portuguese names `sen`, `tg`, …, which call the same built-in) and
//     its place in `:help functions`;
//   - its numeric value: `value` (unchecked: NaN or ±inf outside the domain,
//     what the compiled tape runs) and `domainIssue`, which together make the
//     checked `evaluate` (`ln(-1)` is a clear error instead of a silent NaN);
//   - the exact value on exact numbers (`exactValue`: abs(-3/2) is 3/2), its
//     parity and special values (`special`: exp(ln u) = u, sin(0) = 0), which
//     the smart constructors apply;
//   - where it has kinks (`kinkTest`, for `minimize`'s start-point check);
//   - `partial`: ∂f/∂(argument i) only. The chain rule is written once, in
//     Differentiator; `explain` reads the same table and shows `ruleText`;
//   - its LaTeX and Unicode forms.
// `sum`, `mean` and `len` reduce a list to a number: they are Builtin cases
// because calls hold a Builtin, and their list semantics are the `Reduction`
// enum at the end. Where a scalar fact does not apply to them, their case says
// what a scalar argument means (a list of one: sum(x) = x, len(x) = 1).

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

public enum Builtin: String, CaseIterable, Sendable, Hashable {
    case sin, cos, tan, sec, csc, cot
    case asin, acos, atan, atan2
    case sinh, cosh, tanh, asinh, acosh, atanh
    case exp, ln, log2, log10, cbrt
    case abs, sign, step
    case sigmoid, softplus, relu
    case min, max, floor, ceil
    case sum, mean, len

    /// Position in declaration order (stable: structural hashes and the tape's
    /// schedule use it).
    public var ordinal: Int {
        switch self {
        case .sin: return 0
        case .cos: return 1
        case .tan: return 2
        case .sec: return 3
        case .csc: return 4
        case .cot: return 5
        case .asin: return 6
        case .acos: return 7
        case .atan: return 8
        case .atan2: return 9
        case .sinh: return 10
        case .cosh: return 11
        case .tanh: return 12
        case .asinh: return 13
        case .acosh: return 14
        case .atanh: return 15
        case .exp: return 16
        case .ln: return 17
        case .log2: return 18
        case .log10: return 19
        case .cbrt: return 20
        case .abs: return 21
        case .sign: return 22
        case .step: return 23
        case .sigmoid: return 24
        case .softplus: return 25
        case .relu: return 26
        case .min: return 27
        case .max: return 28
        case .floor: return 29
        case .ceil: return 30
        case .sum: return 31
        case .mean: return 32
        case .len: return 33
        }
    }

    /// Position of the name in alphabetical order (the canonical order of calls),
    /// computed once so comparing two calls never compares strings.
    public var alphabeticalRank: Int { Builtin.alphabetical[ordinal] }
    static let alphabetical: [Int] = {
        let sorted = allCases.sorted { $0.rawValue < $1.rawValue }
        var rank = [Int](repeating: 0, count: allCases.count)
        for (k, f) in sorted.enumerated() { rank[f.ordinal] = k }
        return rank
    }()

    public var name: String { rawValue }

    // MARK: shape

    /// Number of arguments.
    public var arity: Int {
        switch self {
        case .atan2, .min, .max: return 2
        case .sin, .cos, .tan, .sec, .csc, .cot, .asin, .acos, .atan,
             .sinh, .cosh, .tanh, .asinh, .acosh, .atanh, .exp, .ln, .log2, .log10, .cbrt,
             .abs, .sign, .step, .sigmoid, .softplus, .relu, .floor, .ceil, .sum, .mean, .len:
            return 1
        }
    }

    /// The reduction this call is, for the three that reduce a list to a number.
    public var reduction: Reduction? {
        switch self {
        case .sum: return .sum
        case .mean: return .mean
        case .len: return .len
        case .sin, .cos, .tan, .sec, .csc, .cot, .asin, .acos, .atan, .atan2,
             .sinh, .cosh, .tanh, .asinh, .acosh, .atanh, .exp, .ln, .log2, .log10, .cbrt,
             .abs, .sign, .step, .sigmoid, .softplus, .relu, .min, .max, .floor, .ceil:
            return nil
        }
    }

    /// Reduces a list to a number (sum, mean, len).
    public var isReduction: Bool { reduction != nil }

    /// Names as the user may type them (see `Callee`).
    public static var surfaceNames: [String] { Callee.names }

    /// Other names the user may type for it: `σ` for sigmoid, and its
    /// Portuguese name. Every alias calls this very built-in, so results
    /// print with the one canonical name (`rawValue`).
    public var aliases: [String] {
        (self == .sigmoid ? ["σ"] : []) + (portugueseName.map { [$0] } ?? [])
    }

    /// Its name in Portuguese course notes, where that differs from the
    /// canonical one (`sen` for sin, `tg` for tan); `raiz` for sqrt is in Callee.
    public var portugueseName: String? {
        switch self {
        case .sin: return "sen"
        case .tan: return "tg"
        case .cot: return "cotg"
        case .csc: return "cossec"
        case .asin: return "arcsen"
        case .acos: return "arccos"
        case .atan: return "arctg"
        case .sinh: return "senh"
        case .tanh: return "tgh"
        case .cos, .sec, .atan2, .cosh, .asinh, .acosh, .atanh, .exp, .ln, .log2, .log10, .cbrt,
             .abs, .sign, .step, .sigmoid, .softplus, .relu, .min, .max, .floor, .ceil, .sum, .mean, .len:
            return nil
        }
    }

    /// Where `:help functions` lists it: the line, the place on that line, the text.
    public var help: HelpEntry {
        switch self {
        case .sin: return HelpEntry(.trigonometric, 0, "sin")
        case .cos: return HelpEntry(.trigonometric, 1, "cos")
        case .tan: return HelpEntry(.trigonometric, 2, "tan")
        case .sec: return HelpEntry(.trigonometric, 3, "sec")
        case .csc: return HelpEntry(.trigonometric, 4, "csc")
        case .cot: return HelpEntry(.trigonometric, 5, "cot")
        case .asin: return HelpEntry(.trigonometric, 6, "asin")
        case .acos: return HelpEntry(.trigonometric, 7, "acos")
        case .atan: return HelpEntry(.trigonometric, 8, "atan")
        case .atan2: return HelpEntry(.trigonometric, 9, "atan2(y, x)")
        case .sinh: return HelpEntry(.hyperbolic, 0, "sinh")
        case .cosh: return HelpEntry(.hyperbolic, 1, "cosh")
        case .tanh: return HelpEntry(.hyperbolic, 2, "tanh")
        case .asinh: return HelpEntry(.hyperbolic, 3, "asinh")
        case .acosh: return HelpEntry(.hyperbolic, 4, "acosh")
        case .atanh: return HelpEntry(.hyperbolic, 5, "atanh")
        case .exp: return HelpEntry(.exponential, 0, "exp")
        case .ln: return HelpEntry(.exponential, 1, "ln")
        case .log2: return HelpEntry(.exponential, 3, "log2")
        case .log10: return HelpEntry(.exponential, 4, "log10")
        case .cbrt: return HelpEntry(.exponential, 6, "cbrt")
        case .abs: return HelpEntry(.piecewise, 0, "abs")
        case .sign: return HelpEntry(.piecewise, 1, "sign")
        case .step: return HelpEntry(.piecewise, 2, "step")
        case .floor: return HelpEntry(.piecewise, 3, "floor")
        case .ceil: return HelpEntry(.piecewise, 4, "ceil")
        case .min: return HelpEntry(.piecewise, 5, "min(a, b)")
        case .max: return HelpEntry(.piecewise, 6, "max(a, b)")
        case .sigmoid: return HelpEntry(.activation, 0, "sigmoid (σ)")
        case .softplus: return HelpEntry(.activation, 1, "softplus")
        case .relu: return HelpEntry(.activation, 2, "relu")
        case .sum: return HelpEntry(.reduction, 0, "sum(xs)")
        case .mean: return HelpEntry(.reduction, 1, "mean(xs)")
        case .len: return HelpEntry(.reduction, 2, "len(xs)")
        }
    }

    // MARK: numeric value

    /// A problem with an argument, found during evaluation.
    public struct DomainIssue: Error, Sendable {
        public let message: NumericMessage
        public let help: NumericMessage?
        public let isDivisionByZero: Bool
    }

    /// The value without domain checks: NaN or ±inf outside the domain (the
    /// compiled tape's inner loop). `y` is the second argument of atan2, min
    /// and max. NaN and ±inf arguments follow IEEE semantics.
    @inline(__always) public func value(_ x: Double, _ y: Double = 0) -> Double {
        switch self {
        case .sin: return Glibc.sin(x)
        case .cos: return Glibc.cos(x)
        case .tan: return Glibc.tan(x)
        case .sec: return 1 / Glibc.cos(x)
        case .csc: return 1 / Glibc.sin(x)
        case .cot: return Glibc.cos(x) / Glibc.sin(x)
        case .asin: return Glibc.asin(x)
        case .acos: return Glibc.acos(x)
        case .atan: return Glibc.atan(x)
        case .atan2: return Glibc.atan2(x, y)
        case .sinh: return Glibc.sinh(x)
        case .cosh: return Glibc.cosh(x)
        case .tanh: return Glibc.tanh(x)
        case .asinh: return Glibc.asinh(x)
        case .acosh: return Glibc.acosh(x)
        case .atanh: return Glibc.atanh(x)
        case .exp: return Glibc.exp(x)
        case .ln: return x < 0 ? .nan : Glibc.log(x)
        case .log2: return x < 0 ? .nan : Glibc.log2(x)
        case .log10: return x < 0 ? .nan : Glibc.log10(x)
        case .cbrt: return Glibc.cbrt(x)
        case .abs: return Swift.abs(x)
        case .sign: return x > 0 ? 1 : (x < 0 ? -1 : (x.isNaN ? x : 0))
        case .step: return x > 0 ? 1 : (x < 0 ? 0 : (x.isNaN ? x : 0.5))
        case .sigmoid: return Builtin.sigmoid(x)
        case .softplus: return Builtin.softplus(x)
        case .relu: return x > 0 ? x : (x.isNaN ? x : 0)
        case .min: return x.isNaN || y.isNaN ? .nan : Swift.min(x, y)
        case .max: return x.isNaN || y.isNaN ? .nan : Swift.max(x, y)
        case .floor: return Glibc.floor(x)
        case .ceil: return Glibc.ceil(x)
        case .sum, .mean: return x      // of a scalar, a list of one: the scalar itself
        case .len: return 1
        }
    }

    /// Why the arguments are outside the domain, or nil. NaN and ±inf pass
    /// where IEEE gives the function a value (ln(inf) = inf), not where the
    /// value would be NaN or infinite from a finite-domain rule (ln(-inf), atanh(inf)).
    public func domainIssue(_ a: [Double]) -> DomainIssue? {
        let x = a[0]
        let shown = NumberFormat.format(x, digits: 12)
        func outside(_ why: (String, String) -> NumericMessage, _ help: NumericMessage) -> DomainIssue {
            DomainIssue(message: why(rawValue, shown), help: help, isDivisionByZero: false)
        }
        func pole() -> DomainIssue {
            DomainIssue(message: .dividesByZero(function: rawValue, value: shown), help: nil, isDivisionByZero: true)
        }
        switch self {
        case .sec: return Glibc.cos(x) == 0 ? pole() : nil
        case .csc, .cot: return Glibc.sin(x) == 0 ? pole() : nil
        case .asin, .acos:
            return x.isFinite && (x < -1 || x > 1) ? outside(NumericMessage.undefinedFor, .takesMinusOneToOne(function: rawValue)) : nil
        case .acosh: return x < 1 ? outside(NumericMessage.undefinedFor, .acoshDomain) : nil
        case .atanh: return x <= -1 || x >= 1 ? outside(NumericMessage.infiniteAtOne, .atanhDomain) : nil
        case .ln, .log2, .log10:
            if x == 0 { return outside(NumericMessage.logarithmOfZero, .logarithmsTakePositive) }
            if x < 0 { return outside(NumericMessage.undefinedFor, .logarithmsTakePositiveReal) }
            return nil
        case .sin, .cos, .tan, .atan, .atan2, .sinh, .cosh, .tanh, .asinh, .exp, .cbrt,
             .abs, .sign, .step, .sigmoid, .softplus, .relu, .min, .max, .floor, .ceil, .sum, .mean, .len:
            return nil
        }
    }

    /// The value with domain checks: `value` where `domainIssue` finds none.
    public func evaluate(_ a: [Double]) -> Result<Double, DomainIssue> {
        if let issue = domainIssue(a) { return .failure(issue) }
        return .success(value(a[0], a.count > 1 ? a[1] : 0))
    }

    /// σ(x) without overflow for any finite x.
    @inline(__always) public static func sigmoid(_ x: Double) -> Double {
        if x >= 0 { return 1 / (1 + Glibc.exp(-x)) }
        let z = Glibc.exp(x)
        return z / (1 + z)
    }

    /// ln(1 + e^x) without overflow: max(x, 0) + ln(1 + e^-|x|).
    @inline(__always) public static func softplus(_ x: Double) -> Double {
        if x.isNaN { return x }
        return Swift.max(x, 0) + Glibc.log1p(Glibc.exp(-Swift.abs(x)))
    }

    // MARK: exact values and the constructors' rules

    /// The value on exact numbers when it is exact (abs(-3/2) = 3/2,
    /// floor(7/2) = 3, min(1/2, 1/3) = 1/3); nil for a double argument and
    /// for the functions whose values are not rational.
    public func exactValue(_ a: [Number]) -> Number? {
        guard a.allSatisfy(\.isExact) else { return nil }
        return piecewiseValue(a)
    }

    /// The piecewise functions' value on numbers, exact or double, by their
    /// own rule: sign and step give exact results (sign(2.5) = 1); floor and
    /// ceil only of exact numbers; nil for NaN and for the other functions.
    func piecewiseValue(_ a: [Number]) -> Number? {
        let x = a[0]
        switch self {
        case .abs: return x.isNegative ? -x : x
        case .sign: return x.double.isNaN ? nil : Number(x.isZero ? 0 : (x.isNegative ? -1 : 1))
        case .step: return x.double.isNaN ? nil : (x.isZero ? .rational(1, 2) : (x.isNegative ? .zero : .one))
        case .relu: return x.double.isNaN ? nil : (x.isNegative ? .zero : x)
        case .min: return a[0].double <= a[1].double ? a[0] : a[1]
        case .max: return a[0].double >= a[1].double ? a[0] : a[1]
        case .floor, .ceil:
            guard case .rational(let p, let q) = x, q != 0 else { return nil }
            var d = p / q                                             // truncates towards 0
            if self == .floor && p < 0 && p % q != 0 { d -= 1 }
            if self == .ceil && p > 0 && p % q != 0 { d += 1 }
            return .rational(d, 1)
        case .sin, .cos, .tan, .sec, .csc, .cot, .asin, .acos, .atan, .atan2,
             .sinh, .cosh, .tanh, .asinh, .acosh, .atanh, .exp, .ln, .log2, .log10, .cbrt,
             .sigmoid, .softplus, .sum, .mean, .len:
            return nil
        }
    }

    public enum Parity: Sendable { case odd, even, neither }

    /// f(-u) = -f(u) (odd) or f(u) (even), applied by the constructors as SymPy does.
    public var parity: Parity {
        switch self {
        case .sin, .tan, .cot, .csc, .sinh, .tanh, .asin, .atan, .asinh, .atanh, .cbrt, .sign: return .odd
        case .cos, .sec, .cosh, .abs: return .even
        case .acos, .atan2, .acosh, .exp, .ln, .log2, .log10, .step, .sigmoid, .softplus, .relu,
             .min, .max, .floor, .ceil, .sum, .mean, .len:
            return .neither
        }
    }

    /// Positive wherever defined, which the constructors use: |exp u| = exp u,
    /// sign(σ(u)) = 1. (cosh ≥ 1 is positive too but is not folded: that would
    /// change canonical forms users already see.)
    public var isPositive: Bool {
        switch self {
        case .exp, .sigmoid, .softplus: return true
        case .sin, .cos, .tan, .sec, .csc, .cot, .asin, .acos, .atan, .atan2,
             .sinh, .cosh, .tanh, .asinh, .acosh, .atanh, .ln, .log2, .log10, .cbrt,
             .abs, .sign, .step, .relu, .min, .max, .floor, .ceil, .sum, .mean, .len:
            return false
        }
    }

    /// The call's value when a rule gives it without building the call:
    /// exp(ln u) = u, ln(1) = 0, sin(0) = 0, |abs u| = abs u, the piecewise
    /// functions of numbers, min(u, u) = u, len of a list or a scalar, sum of a
    /// scalar. Never a value that could be undefined (exp(ln u) = u only
    /// where ln u is defined, as everywhere in calc). Parity is applied by the caller.
    func special(_ args: [Expr], _ c: ExprContext) -> Expr? {
        let x = args[0]
        switch self {
        case .exp:
            if x.isZero { return c.one }
            if case .call(.ln, let a) = x.kind { return a[0] }
        case .ln:
            if x.isOne { return c.zero }
            if case .constant(.e) = x.kind { return c.one }
            if case .call(.exp, let a) = x.kind { return a[0] }
            if case .pow(let b, let e) = x.kind, case .constant(.e) = b.kind { return e }
        case .sin, .tan, .sinh, .tanh, .asin, .atan, .asinh, .atanh:
            if x.isZero { return c.zero }
        case .cos, .cosh:
            if x.isZero { return c.one }
        case .abs:
            if case .number(let n) = x.kind, let v = piecewiseValue([n]) { return c.number(v) }
            if case .call(.abs, _) = x.kind { return x }
            if case .call(let g, _) = x.kind, g.isPositive { return x }
        case .sign, .step:
            if case .number(let n) = x.kind, let v = piecewiseValue([n]) { return c.number(v) }
            if case .call(let g, _) = x.kind, g.isPositive { return c.one }
        case .relu, .floor, .ceil:
            if case .number(let n) = x.kind, let v = piecewiseValue([n]) { return c.number(v) }
        case .min, .max:
            if args[0] === args[1] { return x }                           // min(u, u) = u
        case .len:
            if case .data(_, let v) = x.kind { return c.int(v.count) }
            if !x.hasData { return c.one }
        case .sum, .mean:
            if !x.hasData { return x }                                     // of a scalar: the scalar
        case .sec, .csc, .cot, .acos, .atan2, .acosh, .log2, .log10, .cbrt, .sigmoid, .softplus:
            break
        }
        return nil
    }

    // MARK: kinks

    /// For the functions that are not differentiable everywhere: whether the
    /// arguments' values sit on a kink or a jump. nil for smooth functions.
    public var kinkTest: (@Sendable ([Double]) -> Bool)? {
        switch self {
        case .abs, .relu, .sign, .step: return { $0[0] == 0 }
        case .min, .max: return { $0[0] == $0[1] }
        case .floor, .ceil: return { $0[0] == $0[0].rounded() }
        case .sin, .cos, .tan, .sec, .csc, .cot, .asin, .acos, .atan, .atan2,
             .sinh, .cosh, .tanh, .asinh, .acosh, .atanh, .exp, .ln, .log2, .log10, .cbrt,
             .sigmoid, .softplus, .sum, .mean, .len:
            return nil
        }
    }

    // MARK: derivative

    /// ∂f/∂(argument i) at the arguments `a`, built with the context's smart
    /// constructors. This is each built-in's own derivative and nothing more.
    public func partial(_ i: Int, _ a: [Expr], _ c: ExprContext) -> Expr {
        let x = a[0]
        switch self {
        case .sin: return c.call(.cos, [x])
        case .cos: return c.neg(c.call(.sin, [x]))
        case .tan: return c.add([c.one, c.pow(c.call(.tan, [x]), c.int(2))])          // 1 + tan²
        case .sec: return c.mul([c.call(.sec, [x]), c.call(.tan, [x])])
        case .csc: return c.neg(c.mul([c.call(.csc, [x]), c.call(.cot, [x])]))
        case .cot: return c.neg(c.pow(c.call(.csc, [x]), c.int(2)))
        case .asin: return c.pow(c.sub(c.one, c.pow(x, c.int(2))), c.rational(-1, 2))
        case .acos: return c.neg(c.pow(c.sub(c.one, c.pow(x, c.int(2))), c.rational(-1, 2)))
        case .atan: return c.pow(c.add([c.one, c.pow(x, c.int(2))]), c.int(-1))
        case .atan2:
            // atan2(y, x): ∂/∂y = x/(x² + y²), ∂/∂x = -y/(x² + y²)
            let y = a[0], xx = a[1]
            let r2 = c.add([c.pow(xx, c.int(2)), c.pow(y, c.int(2))])
            return i == 0 ? c.div(xx, r2) : c.neg(c.div(y, r2))
        case .sinh: return c.call(.cosh, [x])
        case .cosh: return c.call(.sinh, [x])
        case .tanh: return c.sub(c.one, c.pow(c.call(.tanh, [x]), c.int(2)))             // 1 - tanh²
        case .asinh: return c.pow(c.add([c.pow(x, c.int(2)), c.one]), c.rational(-1, 2))
        case .acosh: return c.pow(c.sub(c.pow(x, c.int(2)), c.one), c.rational(-1, 2))
        case .atanh: return c.pow(c.sub(c.one, c.pow(x, c.int(2))), c.int(-1))
        case .exp: return c.call(.exp, [x])
        case .ln: return c.pow(x, c.int(-1))
        case .log2: return c.pow(c.mul([x, c.call(.ln, [c.int(2)])]), c.int(-1))
        case .log10: return c.pow(c.mul([x, c.call(.ln, [c.int(10)])]), c.int(-1))
        case .cbrt: return c.div(c.one, c.mul([c.int(3), c.pow(c.call(.cbrt, [x]), c.int(2))]))
        case .abs: return c.call(.sign, [x])
        case .sign, .step, .floor, .ceil: return c.zero                                  // 0 almost everywhere
        case .sigmoid:                                                                   // σ(1 - σ)
            let s = c.call(.sigmoid, [x])
            return c.mul([s, c.sub(c.one, s)])
        case .softplus: return c.call(.sigmoid, [x])
        case .relu: return c.call(.step, [x])
        case .min:   // step(b - a) for a, step(a - b) for b
            return i == 0 ? c.call(.step, [c.sub(a[1], a[0])]) : c.call(.step, [c.sub(a[0], a[1])])
        case .max:
            return i == 0 ? c.call(.step, [c.sub(a[0], a[1])]) : c.call(.step, [c.sub(a[1], a[0])])
        case .sum, .mean, .len: return c.zero   // linear reductions are handled by the differentiator
        }
    }

    /// How the rule reads in `explain`: `partial` printed at u where that reads
    /// as the rule is usually written; with a note where the derivative holds
    /// almost everywhere; by hand where the canonical order reads oddly
    /// (1 + tan(u)^2, not tan(u)^2 + 1) or there is more than one argument.
    public var ruleText: String {
        switch self {
        case .sin, .cos, .sec, .cot, .asin, .acos, .sinh, .cosh, .tanh, .asinh, .acosh, .atanh,
             .exp, .ln, .log2, .log10, .cbrt, .abs, .sigmoid, .softplus, .relu:
            return derivedRule
        case .sign, .step: return derivedRule + " (for u ≠ 0)"
        case .floor, .ceil: return derivedRule + " (between integers)"
        case .tan: return "d/du tan(u) = 1 + tan(u)^2"
        case .csc: return "d/du csc(u) = -csc(u)*cot(u)"
        case .atan: return "d/du atan(u) = 1/(1 + u^2)"
        case .atan2: return "∂/∂y atan2(y, x) = x/(x^2 + y^2), ∂/∂x atan2(y, x) = -y/(x^2 + y^2)"
        case .min: return "∂ min(a, b) = step(b - a)*∂a + step(a - b)*∂b"
        case .max: return "∂ max(a, b) = step(a - b)*∂a + step(b - a)*∂b"
        case .sum: return "d/dx sum(u) = sum(du/dx)"
        case .mean: return "d/dx mean(u) = mean(du/dx)"
        case .len: return "d/dx len(u) = 0"
        }
    }

    /// "d/du f(u) = " and `partial` at u, printed plainly.
    var derivedRule: String { Builtin.derivedRules[ordinal] }
    static let derivedRules: [String] = {
        let c = ExprContext(), u = c.symbol("u")
        return allCases.map { f in
            f.arity == 1 ? "d/du \(f.rawValue)(u) = \(Printer(style: .plain).print(f.partial(0, [u], c)))" : ""
        }
    }()

    // MARK: printing

    /// The call in Unicode style, for the printed arguments `inner`.
    func unicode(_ inner: String) -> String {
        switch self {
        case .abs: return "|\(inner)|"
        case .sigmoid: return "σ(\(inner))"
        case .sin, .cos, .tan, .sec, .csc, .cot, .asin, .acos, .atan, .atan2,
             .sinh, .cosh, .tanh, .asinh, .acosh, .atanh, .exp, .ln, .log2, .log10, .cbrt,
             .sign, .step, .softplus, .relu, .min, .max, .floor, .ceil, .sum, .mean, .len:
            return "\(rawValue)(\(inner))"
        }
    }

    /// The call in LaTeX, for the printed arguments `inner`; `isPower` when it
    /// is written as a power (e^{…}) and binds like one.
    func latex(_ inner: String) -> (text: String, isPower: Bool) {
        switch self {
        case .abs: return ("\\left|\(inner)\\right|", false)
        case .exp: return ("e^{\(inner)}", true)
        case .log2: return ("\\log_{2}\\left(\(inner)\\right)", false)
        case .log10: return ("\\log_{10}\\left(\(inner)\\right)", false)
        case .cbrt: return ("\\sqrt[3]{\(inner)}", false)
        case .floor: return ("\\left\\lfloor \(inner) \\right\\rfloor", false)
        case .ceil: return ("\\left\\lceil \(inner) \\right\\rceil", false)
        case .sigmoid: return ("\\sigma\\left(\(inner)\\right)", false)
        case .sin, .cos, .tan, .sec, .csc, .cot, .sinh, .cosh, .tanh, .ln, .min, .max:
            return ("\\\(rawValue)\\left(\(inner)\\right)", false)
        case .asin, .acos, .atan:
            return ("\\arc\(rawValue.dropFirst())\\left(\(inner)\\right)", false)
        case .atan2, .asinh, .acosh, .atanh, .sign, .step, .softplus, .relu, .sum, .mean, .len:
            return ("\\operatorname{\(rawValue)}\\left(\(inner)\\right)", false)
        }
    }
}
