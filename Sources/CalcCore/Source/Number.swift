// Number — the numeric atom shared by literals, values and expressions.
//
// Integer literals and their quotients are exact rationals (Int64 numerator and
// denominator, always reduced, denominator positive); decimal literals and
// anything inexact are IEEE doubles. Exact arithmetic that would overflow falls
// back to an *approximate* number instead of trapping, so no input can crash
// the process and no overflowed result passes for an exact one: it is the
// nearest double, marked, and it prints with `≈` (docs/language.md, Numbers).
// Anything computed from an approximate number is approximate too.
// `integralExact` turns a double with an integer value into that integer; the
// expression constructors use it so a printed `2` always reads back the same.
// It is in Source/ because tokens and AST nodes hold one too: the front end
// needs the number type, not the computer algebra built on it.

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

public enum Number: Sendable, CustomStringConvertible {
    /// p/q reduced with q > 0 — or, with q == 0, an approximate number whose
    /// double has the bit pattern p (see `approximate`).
    case rational(Int64, Int64)
    case float(Double)

    /// An exact result that did not fit 64 bits, as the nearest double, marked.
    /// It is `.rational(bits, 0)` rather than a third case so that Number stays
    /// a two-case, 17-byte trivial value (the parser and the tape copy it on
    /// their hot paths, and every existing switch over it stays exhaustive); no
    /// reduced rational has the denominator 0, so the two never meet.
    public static func approximate(_ d: Double) -> Number { .rational(Int64(bitPattern: d.bitPattern), 0) }

    /// Whether this is an approximate number (an exact result that overflowed).
    public var isApproximate: Bool { if case .rational(_, 0) = self { return true } else { return false } }

    /// The double `d` computed from `a` and `b`: approximate when either was, or
    /// when both were exact (exact arithmetic that overflowed); else a double.
    static func inexact(_ d: Double, _ a: Number, _ b: Number) -> Number {
        if case .float = a, !b.isApproximate { return .float(d) }
        if case .float = b, !a.isApproximate { return .float(d) }
        return .approximate(d)
    }

    public static let zero = Number.rational(0, 1)
    public static let one = Number.rational(1, 1)
    public static let minusOne = Number.rational(-1, 1)

    public init(_ i: Int) { self = .rational(Int64(i), 1) }

    /// A reduced rational p/q; falls back to a double when q == 0 cannot be
    /// represented (callers check for division by zero first).
    public static func fraction(_ p: Int64, _ q: Int64) -> Number {
        precondition(q != 0, "fraction with zero denominator")
        if p == 0 { return .zero }
        if p == Int64.min || q == Int64.min { return .approximate(Double(p) / Double(q)) }
        var p = p, q = q
        if q < 0 { p = -p; q = -q }
        let g = gcd(abs(p), q)
        return .rational(p / g, q / g)
    }

    public var double: Double {
        switch self {
        case .rational(let p, let q):
            return q == 1 ? Double(p) : q == 0 ? Double(bitPattern: UInt64(bitPattern: p)) : Double(p) / Double(q)
        case .float(let d): return d
        }
    }

    public var isExact: Bool { if case .rational(_, let q) = self { return q != 0 } else { return false } }
    public var isZero: Bool { double == 0 }
    public var isOne: Bool { double == 1 }
    public var isMinusOne: Bool { double == -1 }
    public var isNegative: Bool { double < 0 }
    public var isInteger: Bool {
        switch self {
        case .rational(_, let q): return q == 1
        case .float(let d): return d.isFinite && d == d.rounded()
        }
    }
    /// A double with an integer value (|d| ≤ 2^53, -0.0 included) as the exact
    /// integer it equals; anything else unchanged. Inside expressions this keeps
    /// `1.0*x` from printing as `x` yet being a different node from `x`.
    public var integralExact: Number {
        if case .float(let d) = self, d.isFinite, d == d.rounded(), Swift.abs(d) <= 9_007_199_254_740_992 {
            return .rational(Int64(d), 1)
        }
        return self
    }

    /// The value as an Int64 if it is an exact integer.
    public var exactInteger: Int64? {
        if case .rational(let p, 1) = self { return p }
        return nil
    }

    public static prefix func - (a: Number) -> Number {
        switch a {
        case .rational(let p, let q):
            if q == 0 { return .approximate(-a.double) }
            return p == Int64.min ? .approximate(-Double(p) / Double(q)) : .rational(-p, q)
        case .float(let d): return .float(-d)
        }
    }

    public static func + (a: Number, b: Number) -> Number {
        if case .rational(let p1, let q1) = a, case .rational(let p2, let q2) = b {
            if q1 == 1 && q2 == 1 {
                let (s, o) = p1.addingReportingOverflow(p2)
                if !o { return .rational(s, 1) }
            } else if q1 != 0 && q2 != 0 {
                let (x, o1) = p1.multipliedReportingOverflow(by: q2)
                let (y, o2) = p2.multipliedReportingOverflow(by: q1)
                let (d, o3) = q1.multipliedReportingOverflow(by: q2)
                if !o1 && !o2 && !o3 {
                    let (s, o4) = x.addingReportingOverflow(y)
                    if !o4 { return fraction(s, d) }
                }
            }
        }
        return inexact(a.double + b.double, a, b)
    }

    public static func - (a: Number, b: Number) -> Number { a + (-b) }

    public static func * (a: Number, b: Number) -> Number {
        if case .rational(let p1, let q1) = a, case .rational(let p2, let q2) = b, q1 != 0, q2 != 0 {
            if p1 == 0 || p2 == 0 { return .zero }
            let g1 = gcd(abs(p1 == Int64.min ? p1 + 1 : p1), q2), g2 = gcd(abs(p2 == Int64.min ? p2 + 1 : p2), q1)
            let (n, o1) = (p1 / g1).multipliedReportingOverflow(by: p2 / g2)
            let (d, o2) = (q1 / g2).multipliedReportingOverflow(by: q2 / g1)
            if !o1 && !o2 { return fraction(n, d) }
        }
        return inexact(a.double * b.double, a, b)
    }

    /// Division; the caller must rule out a zero divisor.
    public static func / (a: Number, b: Number) -> Number {
        if case .rational(let p2, let q2) = b, q2 != 0, p2 != 0, p2 != Int64.min {
            return a * .rational(p2 < 0 ? -q2 : q2, abs(p2))
        }
        return inexact(a.double / b.double, a, b)
    }

    /// a^n for an exact integer n, exact while it fits (0, 1 and -1 to any
    /// power always), approximate past that; a double for a double a; nil when
    /// a == 0 and n < 0. The sign comes from n's parity, not from Double(n),
    /// which is even for every odd n past 2^53.
    public func power(_ n: Int64) -> Number? {
        if n < 0 && isZero { return nil }
        if isExact && (isOne || isMinusOne || isZero) {
            if n == 0 || isOne { return .one }
            return isZero ? .zero : (n & 1 != 0 ? .minusOne : .one)
        }
        func signedPower() -> Double {
            let d = double, m = pow(Swift.abs(d), Double(n))
            return d.sign == .minus && n & 1 != 0 ? -m : m
        }
        if case .float = self { return .float(signedPower()) }
        if case .rational(let p, let q) = self, q != 0, n != Int64.min, abs(n) <= 4096 {
            var (rp, rq): (Int64, Int64) = (1, 1)
            var ok = true
            for _ in 0..<abs(n) {
                let (a, o1) = rp.multipliedReportingOverflow(by: p)
                let (b, o2) = rq.multipliedReportingOverflow(by: q)
                if o1 || o2 { ok = false; break }
                rp = a; rq = b
            }
            if ok { return n >= 0 ? Number.fraction(rp, rq) : Number.fraction(rq, rp) }
        }
        return .approximate(signedPower())
    }

    /// Exact k-th root of an exact rational when it exists (4^(1/2) = 2).
    public func exactRoot(_ k: Int64) -> Number? {
        guard case .rational(let p, let q) = self, q != 0, k >= 2, k <= 64, p >= 0 else { return nil }
        func iroot(_ v: Int64) -> Int64? {
            let neg = v < 0
            let a = neg ? -v : v
            var r = Int64(pow(Double(a), 1.0 / Double(k)).rounded())
            for cand in [r - 1, r, r + 1] where cand >= 0 {
                if let pw = Number.rational(cand, 1).power(k)?.exactInteger, pw == a { r = cand; return neg ? -r : r }
            }
            return nil
        }
        guard p != Int64.min, let rp = iroot(p), let rq = iroot(q) else { return nil }
        return .fraction(rp, rq)
    }

    /// Plain text: exact rationals as `p/q`, doubles in shortest round-trip form,
    /// approximate numbers as `≈` and their double.
    public var description: String {
        switch self {
        case .rational(let p, let q):
            if q == 0 { return "≈" + NumberFormat.shortest(double) }
            return q == 1 ? "\(p)" : "\(p)/\(q)"
        case .float(let d): return NumberFormat.shortest(d)
        }
    }
}

extension Number: Hashable {
    public static func == (a: Number, b: Number) -> Bool {
        switch (a, b) {
        case let (.rational(p1, q1), .rational(p2, q2)): return p1 == p2 && q1 == q2
        case let (.float(x), .float(y)): return x.bitPattern == y.bitPattern
        default: return false
        }
    }
    public func hash(into h: inout Hasher) {
        switch self {
        case let .rational(p, q): h.combine(0); h.combine(p); h.combine(q)
        case let .float(d): h.combine(1); h.combine(d.bitPattern)
        }
    }
}

@inline(__always) func gcd(_ a: Int64, _ b: Int64) -> Int64 {
    var a = a, b = b
    while b != 0 { (a, b) = (b, a % b) }
    return a == 0 ? 1 : a
}
