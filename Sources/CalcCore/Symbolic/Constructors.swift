// Constructors — the smart constructors that keep every Expr canonical.
//
// Automatic (in the constructors, cheap, always on):
//   - flatten nested sums and products, sort operands canonically (ExprOrder,
//     CanonicalOrder.swift);
//   - fold exact rational constants and doubles (never an operation that could
//     fail or create NaN: 0^-1, ln(0), 0/0 are left alone); a double with an
//     integer value becomes that exact integer (1.0*x is x, so the printed
//     form reads back as the same node);
//   - collect like terms (2x + 3x → 5x) and powers (x·x² → x³);
//   - drop identities (0+, 1*, ^1), distribute integer powers over products;
//   - -(a - b) is b - a; a number times a sum is distributed only when that
//     cancels or merges terms (200*(y - x^2) stays factored);
//   - (b^m)^e = b^(m·e) where that holds for real b, (b^(2k))^e = |b|^(2k·e)
//     (sqrt(x^2) = |x|); e^x is exp(x);
//   - calls: each built-in's parity and special values (Builtin.parity,
//     Builtin.special: exp(ln u) = u, odd f(-u) = -f(u), min(u, u) = u, the
//     piecewise functions of numbers, |exp u| = exp u);
//   - a hand-written logistic function is σ: 1/(1 + exp(-x)) = σ(x),
//     exp(x)/(1 + exp(x)) = σ(x) (SigmoidRecognition.swift).
// Two-operand sums and products that cannot combine take a direct path (no
// collection tables); longer ones collect through KeyPositions (scan few,
// index many); `replacingFactor` builds a product-rule term from an
// already canonical product. `expand` and `simplify` are in Rewriting.swift.

#if canImport(Glibc)
import Glibc
#endif

extension ExprContext {
    // MARK: atoms

    public func number(_ n: Number) -> Expr { intern(.number(n.integralExact)) }
    public func int(_ i: Int) -> Expr { number(Number(i)) }
    public func rational(_ p: Int, _ q: Int) -> Expr { number(.fraction(Int64(p), Int64(q))) }
    public func float(_ d: Double) -> Expr { number(.float(d)) }
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
        // fast path, the usual case: two terms that cannot combine
        if terms.count == 2 {
            let a = terms[0], b = terms[1]
            if a.kind.isPlainTerm && b.kind.isPlainTerm {
                if TermKey.split(a).1 != TermKey.split(b).1 {
                    return intern(.add(ExprOrder.less(b, a) ? [b, a] : [a, b]))
                }
            } else if case .number(let n) = a.kind, b.kind.isPlainTerm {
                let c = n.integralExact
                return c.isZero ? b : intern(.add([number(c), b]))
            } else if case .number(let n) = b.kind, a.kind.isPlainTerm {
                let c = n.integralExact
                return c.isZero ? a : intern(.add([number(c), a]))
            }
        }
        var constant = Number.zero
        // like terms by their non-numeric part, without building that part as a
        // node: small sums scan, large ones index by a hash of the factor ids
        var keys = KeyPositions<TermKey>(expected: terms.count)
        var originals: [Expr] = []
        var coefficients: [Number] = []
        var changed: [Bool] = []
        func take(_ t: Expr) {
            switch t.kind {
            case .add(let inner): for u in inner { take(u) }
            case .number(let n): constant = constant + n
            default:
                let (c, key) = TermKey.split(t)
                if let k = keys.position(of: key) {
                    coefficients[k] = coefficients[k] + c
                    changed[k] = true
                } else {
                    keys.append(key); originals.append(t); coefficients.append(c); changed.append(false)
                }
            }
        }
        for t in terms { take(t) }
        constant = constant.integralExact
        var out: [Expr] = []
        out.reserveCapacity(keys.count + 1)
        for k in 0..<keys.count {
            if !changed[k] { out.append(originals[k]); continue }
            let c = coefficients[k].integralExact
            if c.isZero { continue }
            out.append(keys.keys[k].scaled(c, self))
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
        ExprOrder.sort(&out)
        let hasConstant = !(constant.isZero)
        if out.isEmpty { return number(constant) }
        if out.count == 1 && !hasConstant { return out[0] }
        if hasConstant { out.insert(number(constant), at: 0) }
        return intern(.add(out))
    }

    // MARK: product

    public func mul(_ factors: [Expr]) -> Expr {
        if factors.count == 1 { return factors[0] }
        // fast paths, the usual cases: two factors with different bases, or a
        // number times one factor
        if factors.count == 2 {
            let a = factors[0], b = factors[1]
            if a.kind.isPlainFactor && b.kind.isPlainFactor {
                if ExprOrder.base(a) !== ExprOrder.base(b) {
                    if let s = sigmoidProduct(a, b) { return s }                  // exp(v)·σ(−v) = σ(v)
                    return intern(.mul(ExprOrder.less(b, a) ? [b, a] : [a, b]))
                }
            } else if case .number(let n) = a.kind, b.kind.isPlainFactor {
                return scaledFactor(n, b)
            } else if case .number(let n) = b.kind, a.kind.isPlainFactor {
                return scaledFactor(n, a)
            }
        }
        if factors.count <= 8, let product = distinctProduct(factors) { return product }
        var coefficient = Number.one
        // powers of one base collect: small products scan, large ones index
        var bases = KeyPositions<Expr>(expected: factors.count)
        var firsts: [Expr] = []          // the factor as given, when its base occurs once
        var exponents: [[Expr]] = []     // filled only when a base occurs more than once
        var sawZero = false
        @inline(__always) func split(_ f: Expr) -> (Expr, Expr) {
            if case .pow(let b, let e) = f.kind { return (b, e) }
            return (f, one)
        }
        func take(_ f: Expr) {
            switch f.kind {
            case .mul(let inner): for u in inner { take(u) }
            case .number(let n):
                if n.isZero { sawZero = true }
                coefficient = coefficient * n
            default:
                let base = ExprOrder.base(f)
                if let k = bases.position(of: base) {
                    if exponents[k].isEmpty { exponents[k] = [split(firsts[k]).1] }
                    exponents[k].append(split(f).1)
                } else {
                    bases.append(base); firsts.append(f); exponents.append([])
                }
            }
        }
        for f in factors { take(f) }
        coefficient = coefficient.integralExact
        if sawZero && coefficient.isZero && coefficient.isExact { return zero }
        var out: [Expr] = []
        out.reserveCapacity(bases.count)
        for k in 0..<bases.count {
            let p = exponents[k].isEmpty ? firsts[k] : pow(bases.keys[k], add(exponents[k]))
            switch p.kind {
            case .number(let n): coefficient = coefficient * n
            case .mul(let inner):   // pow distributed, e.g. (2^(1/2))^2
                for u in inner {
                    if case .number(let n) = u.kind { coefficient = coefficient * n } else { out.append(u) }
                }
            default: out.append(p)
            }
        }
        coefficient = coefficient.integralExact
        if coefficient.isZero { return zero }
        ExprOrder.sort(&out)
        // merge duplicates that a distributed power may have produced
        if out.count > 1 {
            var merged = false
            for k in 1..<out.count where ExprOrder.base(out[k]) === ExprOrder.base(out[k - 1]) { merged = true; break }
            if merged { return mul([number(coefficient)] + out) }   // e.g. |x|^2·x → x^2·x → x^3
        }
        if out.isEmpty { return number(coefficient) }
        if let m = mergingSigmoidFactors(out) { return mul([number(coefficient)] + m) }   // exp(v)·σ(−v) = σ(v)
        // -(a - b) = b - a: a negated sum is distributed (other coefficients are
        // distributed by `add` only when that makes terms cancel or merge)
        if out.count == 1, case .add(let terms) = out[0].kind, coefficient.isMinusOne && coefficient.isExact {
            return add(terms.map { mul([minusOne, $0]) })
        }
        if coefficient.isOne && coefficient.isExact {
            return out.count == 1 ? out[0] : intern(.mul(out))
        }
        return intern(.mul([number(coefficient)] + out))
    }

    /// The usual small product, `3*x^2*y`: at most one number and two or more
    /// other factors, none a product, all with different bases. Nothing can
    /// combine, so it is only sorted (what the general path would give, without
    /// its tables). nil when the factors need the general path.
    func distinctProduct(_ factors: [Expr]) -> Expr? {
        var coefficient = Number.one
        var sawNumber = false
        var out: [Expr] = []
        out.reserveCapacity(factors.count)
        for f in factors {
            switch f.kind {
            case .number(let n):
                if sawNumber { return nil }
                sawNumber = true
                coefficient = n
            case .mul: return nil
            default:
                let b = ExprOrder.base(f)
                for g in out where ExprOrder.base(g) === b { return nil }
                out.append(f)
            }
        }
        guard out.count >= 2 else { return nil }
        coefficient = coefficient.integralExact
        if coefficient.isZero { return zero }
        if let m = mergingSigmoidFactors(out) { return mul([number(coefficient)] + m) }   // exp(v)·σ(−v) = σ(v)
        ExprOrder.sort(&out)
        if !(coefficient.isOne && coefficient.isExact) { out.insert(number(coefficient), at: 0) }
        return intern(.mul(out))
    }

    /// n·f for one factor f that is neither a number nor a product (mul's rules).
    func scaledFactor(_ n: Number, _ f: Expr) -> Expr {
        let c = n.integralExact
        if c.isZero { return zero }
        if c.isExact && c.isOne { return f }
        if c.isExact && c.isMinusOne, case .add(let terms) = f.kind {
            return add(terms.map { mul([minusOne, $0]) })
        }
        return intern(.mul([number(c), f]))
    }

    /// The bases of a canonical product's factors (x for x^2), for replacingFactor.
    static func factorBases(_ fs: [Expr]) -> Set<Expr> {
        var s = Set<Expr>(minimumCapacity: fs.count)
        for f in fs where f.numberValue == nil { s.insert(ExprOrder.base(f)) }
        return s
    }

    /// mul(fs with fs[i] replaced by d), for the operands `fs` of a canonical
    /// product: what the product rule builds once per factor. When no factor
    /// of d shares a base with another operand, nothing can combine, so the
    /// result is a merge of two sorted lists (no hashing, no re-sorting);
    /// otherwise — and in the small cases with special rules — it is `mul`.
    func replacingFactor(_ fs: [Expr], _ i: Int, with d: Expr, bases: Set<Expr>) -> Expr {
        guard fs.count > 3, !bases.isEmpty else {
            var factors = fs
            factors[i] = d
            return mul(factors)
        }
        var coefficient = Number.one
        var dFactors: [Expr]
        switch d.kind {
        case .number(let n): coefficient = n; dFactors = []
        case .mul(let ds):
            if case .number(let n) = ds[0].kind { coefficient = n; dFactors = Array(ds[1...]) } else { dFactors = ds }
        default: dFactors = [d]
        }
        let own = ExprOrder.base(fs[i])
        for g in dFactors {
            let b = ExprOrder.base(g)
            if b !== own && bases.contains(b) {
                var factors = fs
                factors[i] = d
                return mul(factors)
            }
        }
        var others: [Expr] = []
        others.reserveCapacity(fs.count)
        for (k, f) in fs.enumerated() where k != i {
            if case .number(let n) = f.kind { coefficient = coefficient * n } else { others.append(f) }
        }
        coefficient = coefficient.integralExact
        if coefficient.isZero { return zero }
        // each of d's (few) factors goes in at its place, found by bisection
        var merged = others
        others = []                     // merged is now the only owner: inserts shift in place
        for g in dFactors {
            var lo = 0, hi = merged.count
            while lo < hi {
                let mid = (lo + hi) >> 1
                if ExprOrder.less(merged[mid], g) { lo = mid + 1 } else { hi = mid }
            }
            merged.insert(g, at: lo)
        }
        if merged.count < 2 { return mul([number(coefficient)] + merged) }
        if coefficient.isOne && coefficient.isExact { return intern(.mul(merged)) }
        return intern(.mul([number(coefficient)] + merged))
    }

    // MARK: power

    public func pow(_ base: Expr, _ exponent: Expr) -> Expr {
        if case .number(let e) = exponent.kind {
            if e.isZero && e.isExact { return one }                   // x^0 = 1 (0^0 = 1 by convention)
            if e.isOne && e.isExact { return base }
            if let s = sigmoidPower(base, e) { return s }                     // 1/(1 + exp(-x)) = σ(x)
            switch base.kind {
            case .number(let b):
                if let folded = foldPower(b, e) { return folded }
            case .pow(let b2, let e2):
                // (b^m)^n = b^(m·n) for integer n — always valid
                if e.isInteger && e.isExact { return pow(b2, mul([e2, exponent])) }
                // (b^m)^e = b^(m·e) when b^m is only defined for b ≥ 0 (m not an
                // integer: calc has no real roots of negatives) or m is odd (b^m has
                // the sign of b, so both sides need b ≥ 0 for a fractional e).
                // (b^(2k))^(1/2) is |b|^k: left alone.
                if case .number(let m) = e2.kind, m.isExact, !m.isInteger || m.exactInteger! % 2 != 0 {
                    return pow(b2, mul([e2, exponent]))
                }
                // (b^(2k))^e = |b|^(2k·e) for real b: sqrt(x^2) = |x|
                if case .number(let m) = e2.kind, m.isExact, let k = m.exactInteger, k % 2 == 0 {
                    return pow(call(.abs, [b2]), mul([e2, exponent]))
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

    /// A positive integer to a fraction p/q with perfect q-th powers taken out:
    /// 8^(1/2) = 2*sqrt(2), 12^(3/2) = 24*sqrt(3), as a careful person writes it.
    /// nil when there is nothing to take out (or the integer is too large to try).
    func extractingPowers(_ b: Number, _ e: Number) -> Expr? {
        guard case .rational(var n, 1) = b, n > 1, n <= 1_000_000_000_000,
              case .rational(let p, let q) = e, q > 1, q <= 8, p > 0 else { return nil }
        if p > q {   // b^(p/q) = b^⌊p/q⌋ · b^(r/q)
            guard let whole = b.power(p / q), whole.isExact else { return nil }
            return mul([number(whole), pow(number(b), number(.rational(p % q, q)))])
        }
        // trial division by k ≤ n^(1/q): one remainder per candidate, k^q only
        // for the divisors (a smart constructor must stay cheap: ≤ 10^6 steps)
        func kthPower(_ k: Int64) -> Int64? {
            var r: Int64 = 1
            for _ in 0..<q {
                let (m, overflow) = r.multipliedReportingOverflow(by: k)
                if overflow { return nil }
                r = m
            }
            return r
        }
        var outside: Int64 = 1
        var k: Int64 = 2
        var limit = Int64(Glibc.pow(Double(n), 1 / Double(q))) + 1
        while k <= limit {
            if n % k == 0, let kq = kthPower(k), kq <= n, n % kq == 0 {
                while n % kq == 0 { n /= kq; outside *= k }
                limit = Int64(Glibc.pow(Double(n), 1 / Double(q))) + 1
            }
            k += 1
        }
        guard outside > 1 else { return nil }
        // b^(p/q) = outside^p · n^(p/q)
        guard let c = Number.rational(outside, 1).power(p), c.isExact else { return nil }
        return mul([number(c), pow(number(.rational(n, 1)), number(e))])
    }

    /// Folds b^e for numbers when the result is exact or both are doubles;
    /// nil leaves the power symbolic (2^(1/2) stays sqrt(2), 0^-1 is not folded).
    func foldPower(_ b: Number, _ e: Number) -> Expr? {
        if b.isApproximate || e.isApproximate {   // stays approximate, whatever it meets
            guard let n = e.exactInteger, let r = b.power(n) else { return nil }
            return number(r)
        }
        if b.isExact && e.isExact {
            if let n = e.exactInteger {
                guard let r = b.power(n) else { return nil }           // 0^negative: undefined, leave it
                return r.isExact ? number(r) : nil
            }
            if case .rational(let p, let q) = e, let root = b.exactRoot(q), let r = root.power(p) {
                return r.isExact ? number(r) : nil
            }
            return extractingPowers(b, e)
        }
        if let n = e.exactInteger, let r = b.power(n) {   // a double to an exact integer power
            return r.double.isFinite ? number(r) : nil
        }
        let bd = b.double, ed = e.double
        if bd == 0 && ed < 0 { return nil }
        if bd < 0 && ed != ed.rounded() { return nil }
        let r = Glibc.pow(bd, ed)
        return r.isFinite ? number(.float(r)) : nil
    }

    // MARK: calls

    public func call(_ f: Builtin, _ args: [Expr]) -> Expr {
        // symmetry: odd f(-u) = -f(u), even f(-u) = f(u), as SymPy does
        if args.count == 1, let (c, rest) = Optional(splitCoefficient(args[0])), c.isNegative {
            let u = rest.map { scaled(-c, $0) } ?? number(-c)
            switch f.parity {
            case .odd: return neg(call(f, [u]))
            case .even: return call(f, [u])
            case .neither: break
            }
        }
        if let value = f.special(args, self) { return value }
        return intern(.call(f, args))
    }
}

extension Expr.Kind {
    /// A factor that is neither a number nor a product (nothing to flatten or fold).
    var isPlainFactor: Bool {
        switch self { case .number, .mul: return false; default: return true }
    }
    /// A term that is neither a number nor a sum, nor a number times a sum
    /// (which `add` may distribute).
    var isPlainTerm: Bool {
        switch self {
        case .number, .add: return false
        case .mul(let fs): if fs.count == 2, case .number = fs[0].kind, case .add = fs[1].kind { return false }; return true
        default: return true
        }
    }
}

/// The keys a collection loop has seen, and where: `add` collects like terms
/// by TermKey, `mul` powers by their base. Few keys are scanned (no hashing,
/// nothing allocated but the array); past `scanLimit` they are indexed by hash.
struct KeyPositions<Key: Hashable> {
    private(set) var keys: [Key] = []
    private var index: [Key: Int]? = nil
    /// How many keys there may be (the index's capacity when it is built).
    let expected: Int
    static var scanLimit: Int { 12 }

    init(expected: Int) { self.expected = expected }

    var count: Int { keys.count }

    @inline(__always) func position(of key: Key) -> Int? {
        if let index { return index[key] }
        for k in keys.indices where keys[k] == key { return k }
        return nil
    }

    /// Adds a key not seen before, at position `count - 1`.
    @inline(__always) mutating func append(_ key: Key) {
        keys.append(key)
        if index != nil { index![key] = keys.count - 1 }
        else if keys.count > Self.scanLimit {
            var idx = [Key: Int](minimumCapacity: expected)
            for (k, key) in keys.enumerated() { idx[key] = k }
            index = idx
        }
    }
}
