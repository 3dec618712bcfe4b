// Simplifier — the smart constructors that keep every Expr canonical, and
// the heavier rewrites `expand` and `simplify`.
//
// Automatic (in the constructors, cheap, always on):
//   - flatten nested sums and products, sort operands canonically;
//   - fold exact rational constants and doubles (never an operation that could
//     fail or create NaN: 0^-1, ln(0), 0/0 are left alone);
//   - collect like terms (2x + 3x → 5x) and powers (x·x² → x³);
//   - drop identities (0+, 1*, ^1), distribute integer powers over products.
// No expansion unless asked: `expand` multiplies out, `simplify` tries
// expanding, factoring common factors and sin²+cos² = 1 and keeps the smallest.

extension ExprContext {
    // MARK: atoms

    public func number(_ n: Number) -> Expr {
        if case .float(let d) = n, d == 0 { return intern(.number(.zero)) }   // -0.0 and 0.0 → exact 0
        return intern(.number(n))
    }
    public func int(_ i: Int) -> Expr { number(Number(i)) }
    public func rational(_ p: Int, _ q: Int) -> Expr { number(.fraction(Int64(p), Int64(q))) }
    public func float(_ d: Double) -> Expr { number(.float(d)) }
    public var zero: Expr { int(0) }
    public var one: Expr { int(1) }
    public var minusOne: Expr { int(-1) }
    public var half: Expr { rational(1, 2) }
    public func symbol(_ name: String) -> Expr { intern(.symbol(name)) }
    public func constant(_ c: Constant) -> Expr { intern(.constant(c)) }
    public func data(_ name: String?, _ values: [Double]) -> Expr { intern(.data(name, values)) }

    // MARK: derived operations

    public func neg(_ a: Expr) -> Expr { mul([minusOne, a]) }
    public func sub(_ a: Expr, _ b: Expr) -> Expr { add([a, neg(b)]) }
    public func div(_ a: Expr, _ b: Expr) -> Expr { mul([a, pow(b, minusOne)]) }

    // MARK: sum

    /// Splits a term into its numeric coefficient and the rest (nil if purely numeric).
    @inline(__always) func splitCoefficient(_ t: Expr) -> (Number, Expr?) {
        switch t.kind {
        case .number(let n): return (n, nil)
        case .mul(let fs):
            if case .number(let n) = fs[0].kind {
                return (n, fs.count == 2 ? fs[1] : intern(.mul(Array(fs[1...]))))
            }
            return (.one, t)
        default: return (.one, t)
        }
    }

    /// coefficient * rest, for a rest already in canonical form.
    func scaled(_ c: Number, _ rest: Expr) -> Expr {
        if c.isOne && c.isExact { return rest }
        if c.isZero { return zero }
        if case .mul(let fs) = rest.kind { return intern(.mul([number(c)] + fs)) }
        return intern(.mul([number(c), rest]))
    }

    public func add(_ terms: [Expr]) -> Expr { add(terms, distribute: true) }

    func add(_ terms: [Expr], distribute: Bool) -> Expr {
        if terms.count == 1 { return terms[0] }
        var constant = Number.zero
        var order: [Expr] = []
        var coefficients: [Expr: Number] = [:]
        func take(_ t: Expr) {
            switch t.kind {
            case .add(let inner): for u in inner { take(u) }
            case .number(let n): constant = constant + n
            default:
                let (c, rest) = splitCoefficient(t)
                guard let rest else { constant = constant + c; return }
                if let old = coefficients[rest] { coefficients[rest] = old + c }
                else { coefficients[rest] = c; order.append(rest) }
            }
        }
        for t in terms { take(t) }
        var out: [Expr] = []
        out.reserveCapacity(order.count + 1)
        for rest in order {
            let c = coefficients[rest]!
            if c.isZero { continue }
            out.append(scaled(c, rest))
        }
        // c·(a + b) next to other terms: distribute it if that cancels or merges
        // something — (x + 1) - 2·(x/2 - 1) is 3 — and otherwise keep it factored
        if distribute, out.count + (constant.isZero ? 0 : 1) > 1,
           out.contains(where: { if case .mul(let fs) = $0.kind, fs.count == 2, case .number = fs[0].kind, case .add = fs[1].kind { return true }; return false }) {
            var expanded: [Expr] = constant.isZero ? [] : [number(constant)]
            var raw = expanded.count
            for t in out {
                if case .mul(let fs) = t.kind, fs.count == 2, case .number = fs[0].kind, case .add(let inner) = fs[1].kind {
                    expanded += inner.map { mul([fs[0], $0]) }
                    raw += inner.count
                } else {
                    expanded.append(t)
                    raw += 1
                }
            }
            let candidate = add(expanded, distribute: false)
            let count: Int
            if case .add(let ts) = candidate.kind { count = ts.count } else { count = 1 }
            if count < raw { return candidate }
        }
        out.sort(by: ExprOrder.less)
        let hasConstant = !(constant.isZero)
        if out.isEmpty { return number(constant) }
        if out.count == 1 && !hasConstant { return out[0] }
        if hasConstant { out.insert(number(constant), at: 0) }
        return intern(.add(out))
    }

    // MARK: product

    public func mul(_ factors: [Expr]) -> Expr {
        if factors.count == 1 { return factors[0] }
        var coefficient = Number.one
        var order: [Expr] = []
        var exponents: [Expr: [Expr]] = [:]
        var sawZero = false
        func take(_ f: Expr) {
            switch f.kind {
            case .mul(let inner): for u in inner { take(u) }
            case .number(let n):
                if n.isZero { sawZero = true }
                coefficient = coefficient * n
            default:
                let (base, exponent): (Expr, Expr)
                if case .pow(let b, let e) = f.kind { (base, exponent) = (b, e) } else { (base, exponent) = (f, one) }
                if exponents[base] != nil { exponents[base]!.append(exponent) }
                else { exponents[base] = [exponent]; order.append(base) }
            }
        }
        for f in factors { take(f) }
        if sawZero && coefficient.isZero && coefficient.isExact { return zero }
        var out: [Expr] = []
        out.reserveCapacity(order.count)
        for base in order {
            let es = exponents[base]!
            let e = es.count == 1 ? es[0] : add(es)
            let p = es.count == 1 && e === one ? base : (es.count == 1 ? intern(.pow(base, e)) : pow(base, e))
            switch p.kind {
            case .number(let n): coefficient = coefficient * n
            case .mul(let inner):   // pow distributed, e.g. (2^(1/2))^2
                for u in inner {
                    if case .number(let n) = u.kind { coefficient = coefficient * n } else { out.append(u) }
                }
            default: out.append(p)
            }
        }
        if coefficient.isZero { return zero }
        out.sort(by: ExprOrder.less)
        // merge duplicates that a distributed power may have produced
        if out.count > 1 {
            var merged = false
            for k in 1..<out.count where ExprOrder.base(out[k]) === ExprOrder.base(out[k - 1]) { merged = true; break }
            if merged { return mul([number(coefficient)] + out) }   // e.g. |x|^2·x → x^2·x → x^3
        }
        if out.isEmpty { return number(coefficient) }
        // -(a - b) = b - a: a negated sum is distributed (other coefficients are
        // distributed by `add` only when that makes terms cancel or merge)
        if out.count == 1, case .add(let terms) = out[0].kind, coefficient.isMinusOne && coefficient.isExact {
            let c = number(coefficient)
            return add(terms.map { mul([c, $0]) })
        }
        if coefficient.isOne && coefficient.isExact {
            return out.count == 1 ? out[0] : intern(.mul(out))
        }
        return intern(.mul([number(coefficient)] + out))
    }

    // MARK: power

    public func pow(_ base: Expr, _ exponent: Expr) -> Expr {
        if case .number(let e) = exponent.kind {
            if e.isZero && e.isExact { return one }                   // x^0 = 1 (0^0 = 1 by convention)
            if e.isOne && e.isExact { return base }
            switch base.kind {
            case .number(let b):
                if let folded = foldPower(b, e) { return folded }
            case .pow(let b2, let e2):
                // (b^m)^n = b^(m·n) for integer n — always valid
                if e.isInteger && e.isExact { return pow(b2, mul([e2, exponent])) }
                // (b^(2k))^(1/2) is |b|^k: leave it
                if case .number(let m) = e2.kind, m.isExact, !(m.isInteger) || m.exactInteger! % 2 != 0 {
                    // (x^(1/2))^(2/3) = x^(1/3): valid when the inner exponent is odd-denominator-free of sign issues
                    if m.double > 0 && e.double > 0 && !(m.isInteger) { return pow(b2, number(m * e)) }
                }
            case .mul(let fs) where e.isInteger && e.isExact:
                return mul(fs.map { pow($0, exponent) })              // (a·b)^n = a^n·b^n
            case .call(.abs, let a) where e.exactInteger.map({ $0 % 2 == 0 }) == true:
                return pow(a[0], exponent)                            // |x|^2 = x^2
            default: break
            }
        }
        if case .number(let b) = base.kind, b.isOne { return one }
        if case .constant(.e) = base.kind { return call(.exp, [exponent]) }   // e^x is exp(x)
        return intern(.pow(base, exponent))
    }

    /// Folds b^e for numbers when the result is exact or both are doubles;
    /// nil leaves the power symbolic (2^(1/2) stays sqrt(2), 0^-1 is not folded).
    func foldPower(_ b: Number, _ e: Number) -> Expr? {
        if b.isExact && e.isExact {
            if let n = e.exactInteger {
                guard let r = b.power(n) else { return nil }           // 0^negative: undefined, leave it
                return r.isExact ? number(r) : nil
            }
            if case .rational(let p, let q) = e, let root = b.exactRoot(q), let r = root.power(p) {
                return r.isExact ? number(r) : nil
            }
            return nil
        }
        let bd = b.double, ed = e.double
        if bd == 0 && ed < 0 { return nil }
        if bd < 0 && ed != ed.rounded() { return nil }
        let r = Glibc.pow(bd, ed)
        return r.isFinite ? number(.float(r)) : nil
    }

    // MARK: calls

    public func call(_ f: Builtin, _ args: [Expr]) -> Expr {
        let x = args[0]
        switch f {
        case .exp:
            if x.isZero { return one }
            if case .call(.ln, let a) = x.kind { return a[0] }        // exp(ln u) = u where defined
        case .ln:
            if x.isOne { return zero }
            if case .constant(.e) = x.kind { return one }
            if case .call(.exp, let a) = x.kind { return a[0] }
            if case .pow(let b, let e) = x.kind, case .constant(.e) = b.kind { return e }
        case .sin, .tan, .sinh, .tanh, .asin, .atan, .asinh, .atanh:
            if x.isZero { return zero }
        case .cos, .cosh:
            if x.isZero { return one }
        case .abs:
            if case .number(let n) = x.kind { return number(n.isNegative ? -n : n) }
            if case .call(.abs, _) = x.kind { return x }
            if case .call(let g, _) = x.kind, g == .exp || g == .sigmoid || g == .softplus { return x }
        case .sign:
            if case .number(let n) = x.kind { return int(n.isZero ? 0 : (n.isNegative ? -1 : 1)) }
        case .relu:
            if case .number(let n) = x.kind { return n.isNegative ? zero : x }
        case .floor, .ceil:
            if case .number(let n) = x.kind, n.isInteger, n.isExact { return x }
        case .len:
            if case .data(_, let v) = x.kind { return int(v.count) }
            if !x.hasData { return one }
        case .sum, .mean:
            if !x.hasData { return f == .mean ? x : x }   // sum of a scalar is the scalar (len 1)
        default: break
        }
        return intern(.call(f, args))
    }
}

/// The canonical order of operands in sums and products: numbers first, then
/// symbols by name (x₂ before x₁₀), then data, calls, powers by base, products,
/// sums. Deterministic across sessions (never depends on creation order).
public enum ExprOrder {
    static func rank(_ e: Expr) -> Int {
        switch e.kind {
        case .number: return 0
        case .constant: return 1
        case .symbol: return 2
        case .data: return 3
        case .call: return 4
        case .pow: return 5
        case .mul: return 6
        case .add: return 7
        }
    }

    /// The base a factor is collected under (x for x^2).
    @inline(__always) static func base(_ e: Expr) -> Expr {
        if case .pow(let b, _) = e.kind { return b }
        return e
    }

    public static func less(_ a: Expr, _ b: Expr) -> Bool { compare(a, b) < 0 }

    public static func compare(_ a: Expr, _ b: Expr) -> Int {
        if a === b { return 0 }
        // powers sort by their base, then exponent: x, x^2, y
        let ba = base(a), bb = base(b)
        if ba !== bb || (a.kind.isPow != b.kind.isPow) {
            if ba === bb {
                return a.kind.isPow ? 1 : -1
            }
            return compareStructure(ba, bb)
        }
        if case .pow(_, let ea) = a.kind, case .pow(_, let eb) = b.kind { return compare(ea, eb) }
        return compareStructure(a, b)
    }

    static func compareStructure(_ a: Expr, _ b: Expr) -> Int {
        if a === b { return 0 }
        let ra = rank(a), rb = rank(b)
        if ra != rb { return ra < rb ? -1 : 1 }
        switch (a.kind, b.kind) {
        case let (.number(x), .number(y)):
            let dx = x.double, dy = y.double
            if dx != dy { return dx < dy ? -1 : 1 }
            return x.isExact == y.isExact ? 0 : (x.isExact ? -1 : 1)
        case let (.constant(x), .constant(y)):
            return x.rawValue < y.rawValue ? -1 : (x.rawValue == y.rawValue ? 0 : 1)
        case let (.symbol(x), .symbol(y)):
            return naturalCompare(x, y)
        case let (.data(n1, v1), .data(n2, v2)):
            if n1 != n2 { return (n1 ?? "") < (n2 ?? "") ? -1 : 1 }
            if v1.count != v2.count { return v1.count < v2.count ? -1 : 1 }
            for (p, q) in zip(v1, v2) where p != q { return p < q ? -1 : 1 }
            return 0
        case let (.call(f, xs), .call(g, ys)):
            if f != g { return f.rawValue < g.rawValue ? -1 : 1 }
            return compareLists(xs, ys)
        case let (.pow(b1, e1), .pow(b2, e2)):
            let c = compare(b1, b2)
            return c != 0 ? c : compare(e1, e2)
        case let (.mul(xs), .mul(ys)), let (.add(xs), .add(ys)):
            return compareLists(xs, ys)
        default:
            return 0
        }
    }

    static func compareLists(_ xs: [Expr], _ ys: [Expr]) -> Int {
        for (x, y) in zip(xs, ys) {
            let c = compare(x, y)
            if c != 0 { return c }
        }
        return xs.count == ys.count ? 0 : (xs.count < ys.count ? -1 : 1)
    }

    /// Names compare with embedded digit runs as numbers: x2 < x10, x₂ < x₁₀.
    public static func naturalCompare(_ a: String, _ b: String) -> Int {
        if a == b { return 0 }
        let sa = Array(a.unicodeScalars), sb = Array(b.unicodeScalars)
        func digit(_ s: Unicode.Scalar) -> Int? {
            if s >= "0" && s <= "9" { return Int(s.value - 48) }
            if s.value >= 0x2080 && s.value <= 0x2089 { return Int(s.value - 0x2080) }
            return nil
        }
        var i = 0, j = 0
        while i < sa.count && j < sb.count {
            if digit(sa[i]) != nil && digit(sb[j]) != nil {
                var x = 0, y = 0, li = 0, lj = 0
                while i < sa.count, let d = digit(sa[i]) { x = x &* 10 &+ d; i += 1; li += 1 }
                while j < sb.count, let d = digit(sb[j]) { y = y &* 10 &+ d; j += 1; lj += 1 }
                if x != y { return x < y ? -1 : 1 }
                if li != lj { return li < lj ? -1 : 1 }
            } else {
                if sa[i] != sb[j] { return sa[i].value < sb[j].value ? -1 : 1 }
                i += 1; j += 1
            }
        }
        return sa.count - i == sb.count - j ? (a < b ? -1 : 1) : (sa.count - i < sb.count - j ? -1 : 1)
    }
}

extension Expr.Kind {
    var isPow: Bool { if case .pow = self { return true }; return false }
}

#if canImport(Glibc)
import Glibc
#endif
