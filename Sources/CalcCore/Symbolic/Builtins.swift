// Builtins — every built-in function of LANGUAGE.md §4 as one enum.
//
// Each case supplies its own facts in exhaustive switches, so adding a case
// without its evaluation, domain or derivative does not compile:
//   - `evaluate`: the numeric value, with the domain check that makes
//     `ln(-1)` a clear error instead of a silent NaN;
//   - `partial`: ∂f/∂(argument i) only. The chain rule is written once, in
//     Differentiator; `explain` reads the same table.
// `sqrt` and `log` are surface names, rewritten when parsed: `sqrt(x)` is
// x^(1/2), `log(x)` is ln(x), `log(b, x)` is ln(x)/ln(b). `ordinal` and
// `alphabeticalRank` are fixed small integers for hashing and ordering calls.

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

    /// Position in declaration order (stable; used by structural hashes).
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

    /// Number of arguments.
    public var arity: Int {
        switch self {
        case .atan2, .min, .max: return 2
        default: return 1
        }
    }

    /// Reduces a list to a number.
    public var isReduction: Bool {
        switch self { case .sum, .mean, .len: return true; default: return false }
    }

    public var name: String { rawValue }

    /// Names as the user may type them, with how they map to built-ins.
    public static let surfaceNames: [String] = allCases.map(\.rawValue) + ["sqrt", "log", "σ"]

    /// A one-line description, for `:help functions` and completion.
    public var summary: String {
        switch self {
        case .sin, .cos, .tan: return "trigonometric \(rawValue), radians"
        case .sec: return "secant, 1/cos(x)"
        case .csc: return "cosecant, 1/sin(x)"
        case .cot: return "cotangent, cos(x)/sin(x)"
        case .asin, .acos: return "inverse \(String(rawValue.dropFirst())), argument in [-1, 1]"
        case .atan: return "inverse tangent"
        case .atan2: return "atan2(y, x): angle of the point (x, y)"
        case .sinh, .cosh, .tanh: return "hyperbolic \(String(rawValue.dropLast()))"
        case .asinh: return "inverse hyperbolic sine"
        case .acosh: return "inverse hyperbolic cosine, argument ≥ 1"
        case .atanh: return "inverse hyperbolic tangent, argument in (-1, 1)"
        case .exp: return "e^x"
        case .ln: return "natural logarithm (also `log(x)`); `log(b, x)` is base b"
        case .log2: return "logarithm base 2"
        case .log10: return "logarithm base 10"
        case .cbrt: return "cube root, defined for negative numbers too"
        case .abs: return "absolute value"
        case .sign: return "-1, 0 or 1"
        case .step: return "Heaviside step: 0 for x < 0, 1/2 at 0, 1 for x > 0"
        case .sigmoid: return "logistic σ(x) = 1/(1 + e^-x), also `σ`"
        case .softplus: return "ln(1 + e^x), a smooth relu"
        case .relu: return "max(0, x)"
        case .min, .max: return "\(rawValue)imum of two values"
        case .floor, .ceil: return "round \(self == .floor ? "down" : "up") to an integer"
        case .sum: return "sum of a list's elements"
        case .mean: return "mean of a list's elements"
        case .len: return "number of elements in a list"
        }
    }

    /// A problem with an argument, found during evaluation.
    public struct DomainIssue: Error, Sendable {
        public let message: String
        public let help: String?
        public let isDivisionByZero: Bool
    }

    /// Evaluates with finite-domain checks. NaN and ±inf arguments propagate
    /// without error (IEEE semantics); an argument outside the domain is an issue.
    public func evaluate(_ a: [Double]) -> Result<Double, DomainIssue> {
        let x = a[0]
        func outside(_ what: String, _ help: String) -> Result<Double, DomainIssue> {
            .failure(DomainIssue(message: "\(rawValue) is undefined for \(NumberFormat.format(x, digits: 12))\(what)", help: help, isDivisionByZero: false))
        }
        func pole() -> Result<Double, DomainIssue> {
            .failure(DomainIssue(message: "\(rawValue)(\(NumberFormat.format(x, digits: 12))) divides by zero", help: nil, isDivisionByZero: true))
        }
        let finite = x.isFinite
        switch self {
        case .sin: return .success(Glibc.sin(x))
        case .cos: return .success(Glibc.cos(x))
        case .tan: return .success(Glibc.tan(x))
        case .sec: let c = Glibc.cos(x); return c == 0 ? pole() : .success(1 / c)
        case .csc: let s = Glibc.sin(x); return s == 0 ? pole() : .success(1 / s)
        case .cot: let s = Glibc.sin(x); return s == 0 ? pole() : .success(Glibc.cos(x) / s)
        case .asin:
            if finite && (x < -1 || x > 1) { return outside("", "asin takes values from -1 to 1") }
            return .success(Glibc.asin(x))
        case .acos:
            if finite && (x < -1 || x > 1) { return outside("", "acos takes values from -1 to 1") }
            return .success(Glibc.acos(x))
        case .atan: return .success(Glibc.atan(x))
        case .atan2: return .success(Glibc.atan2(a[0], a[1]))
        case .sinh: return .success(Glibc.sinh(x))
        case .cosh: return .success(Glibc.cosh(x))
        case .tanh: return .success(Glibc.tanh(x))
        case .asinh: return .success(Glibc.asinh(x))
        case .acosh:
            if x < 1 { return outside("", "acosh takes values ≥ 1") }
            return .success(Glibc.acosh(x))
        case .atanh:
            if x <= -1 || x >= 1 { return outside(" (it is infinite at ±1)", "atanh takes values strictly between -1 and 1") }
            return .success(Glibc.atanh(x))
        case .exp: return .success(Glibc.exp(x))
        case .ln, .log2, .log10:
            if x == 0 { return outside(" (the logarithm of 0 is -∞)", "logarithms take positive numbers") }
            if x < 0 { return outside("", "logarithms take positive numbers; calc works with real numbers only") }
            return .success(self == .ln ? Glibc.log(x) : (self == .log2 ? Glibc.log2(x) : Glibc.log10(x)))
        case .cbrt: return .success(Glibc.cbrt(x))
        case .abs: return .success(Swift.abs(x))
        case .sign: return .success(x > 0 ? 1 : (x < 0 ? -1 : (x.isNaN ? x : 0)))
        case .step: return .success(x > 0 ? 1 : (x < 0 ? 0 : (x.isNaN ? x : 0.5)))
        case .sigmoid: return .success(Builtin.sigmoid(x))
        case .softplus: return .success(Builtin.softplus(x))
        case .relu: return .success(x > 0 ? x : (x.isNaN ? x : 0))
        case .min: return .success(a[0].isNaN || a[1].isNaN ? .nan : Swift.min(a[0], a[1]))
        case .max: return .success(a[0].isNaN || a[1].isNaN ? .nan : Swift.max(a[0], a[1]))
        case .floor: return .success(Glibc.floor(x))
        case .ceil: return .success(Glibc.ceil(x))
        case .sum, .mean: return .success(x)   // on a scalar: the scalar itself
        case .len: return .success(1)          // a scalar is a list of one
        }
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

    /// How the rule reads in `explain`.
    public var ruleText: String {
        switch self {
        case .sin: return "d/du sin(u) = cos(u)"
        case .cos: return "d/du cos(u) = -sin(u)"
        case .tan: return "d/du tan(u) = 1 + tan(u)^2"
        case .sec: return "d/du sec(u) = sec(u)*tan(u)"
        case .csc: return "d/du csc(u) = -csc(u)*cot(u)"
        case .cot: return "d/du cot(u) = -csc(u)^2"
        case .asin: return "d/du asin(u) = 1/sqrt(1 - u^2)"
        case .acos: return "d/du acos(u) = -1/sqrt(1 - u^2)"
        case .atan: return "d/du atan(u) = 1/(1 + u^2)"
        case .atan2: return "∂/∂y atan2(y, x) = x/(x^2 + y^2), ∂/∂x atan2(y, x) = -y/(x^2 + y^2)"
        case .sinh: return "d/du sinh(u) = cosh(u)"
        case .cosh: return "d/du cosh(u) = sinh(u)"
        case .tanh: return "d/du tanh(u) = 1 - tanh(u)^2"
        case .asinh: return "d/du asinh(u) = 1/sqrt(u^2 + 1)"
        case .acosh: return "d/du acosh(u) = 1/sqrt(u^2 - 1)"
        case .atanh: return "d/du atanh(u) = 1/(1 - u^2)"
        case .exp: return "d/du exp(u) = exp(u)"
        case .ln: return "d/du ln(u) = 1/u"
        case .log2: return "d/du log2(u) = 1/(u*ln(2))"
        case .log10: return "d/du log10(u) = 1/(u*ln(10))"
        case .cbrt: return "d/du cbrt(u) = 1/(3*cbrt(u)^2)"
        case .abs: return "d/du abs(u) = sign(u)"
        case .sign: return "d/du sign(u) = 0 (for u ≠ 0)"
        case .step: return "d/du step(u) = 0 (for u ≠ 0)"
        case .floor: return "d/du floor(u) = 0 (between integers)"
        case .ceil: return "d/du ceil(u) = 0 (between integers)"
        case .sigmoid: return "d/du sigmoid(u) = sigmoid(u)*(1 - sigmoid(u))"
        case .softplus: return "d/du softplus(u) = sigmoid(u)"
        case .relu: return "d/du relu(u) = step(u)"
        case .min: return "∂ min(a, b) = step(b - a)*∂a + step(a - b)*∂b"
        case .max: return "∂ max(a, b) = step(a - b)*∂a + step(b - a)*∂b"
        case .sum: return "d/dx sum(u) = sum(du/dx)"
        case .mean: return "d/dx mean(u) = mean(du/dx)"
        case .len: return "d/dx len(u) = 0"
        }
    }

    /// Looks up a surface name (`sqrt` and `log` are handled by the caller).
    public static func named(_ s: String) -> Builtin? {
        if s == "σ" { return .sigmoid }
        return Builtin(rawValue: s)
    }
}
