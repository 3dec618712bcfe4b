// Simplifier — the rational-function pass of `simplify`: what a careful
// person does with a derivative's sums of quotients.
//
// An expression is read as a product of polynomial factors with integer
// multiplicities (negative ones are the denominator) over "atoms": symbols,
// constants, floats, calls (their arguments simplified first) and roots. A
// fractional power B^(p/q) is the atom B^(1/q) to the power p, and exp(c·u)
// (c a small integer) is exp(u) to the power c, so 1/sqrt(B) - x²/B^(3/2)
// and exp(-x)/(1 + exp(-x))² are rational in their atoms. Sums are combined
// over their common denominator with the factors every term shares pulled
// out (a·b/c + a·d/c² → a·(b·c + d)/c²); the numerator is expanded and its
// common factors with the denominator cancelled by the polynomial gcd
// (Polynomial.swift). A sum whose combined form is not smaller by the cost
// below is kept as it was (as one atom), so nothing grows.
//
// The cost is the operation count of the printed form, counted like SymPy's
// `count_ops` (negations, divisions, each + and ·, powers, calls): a rewrite
// is accepted only when it lowers that count, or keeps it and has fewer nodes.

extension ExprContext {
    /// The combined, cancelled forms of `e`: one where every sum is combined
    /// over its common denominator, one where a sum is combined only when that
    /// makes the sum itself smaller (the caller keeps the smallest).
    func combineRational(_ e: Expr) -> [Expr] {
        if e.treeSize(cap: 20_001) > 20_000 { return [] }
        return [true, false].map { greedy in
            let s = RationalSimplifier(self, greedy: greedy)
            return s.simplified(e)
        }
    }
}

/// The operation count of an expression as printed (SymPy's `count_ops`).
enum SimplifyCost {
    static func ops(_ e: Expr, _ c: ExprContext) -> Int {
        switch e.kind {
        case .number(let n):
            switch n {
            case .rational(let p, let q): return q == 0 ? 0 : (p < 0 ? 1 : 0) + (q != 1 ? 1 : 0)
            case .float(let d): return d < 0 ? 1 : 0
            }
        case .symbol, .data: return 0
        case .constant(let k): return k == .e ? 1 : 0
        case .add(let ts):
            var total = ts.count - 1
            var negs = 0
            for t in ts {
                if isNegative(t) { negs += 1; total += ops(c.neg(t), c) } else { total += ops(t, c) }
            }
            return total + (negs == ts.count ? 1 : 0)
        case .mul(let fs):
            if isNegative(e) { return 1 + ops(c.neg(e), c) }
            var num: [Expr] = [], den: [Expr] = []
            for f in fs {
                switch f.kind {
                case .number(let n):
                    if case .rational(let p, let q) = n, q > 1 {
                        if p != 1 { num.append(c.int(Int(p))) }
                        den.append(c.int(Int(q)))
                    } else { num.append(f) }
                case .pow(let b, let x) where isNegative(x): den.append(c.pow(b, c.neg(x)))
                case .call(.exp, let a) where isNegative(a[0]): den.append(c.call(.exp, [c.neg(a[0])]))
                default: num.append(f)
                }
            }
            if den.isEmpty { return (fs.count - 1) + fs.reduce(0) { $0 + ops($1, c) } }
            let n = c.mul(num), d = c.mul(den)
            if let v = n.numberValue, v.isInteger, v.isExact { return 1 + ops(d, c) }
            return 1 + (d.numberValue?.isInteger == true ? 0 : ops(d, c)) + ops(n, c)
        case .pow(let b, let x):
            if x.numberValue == .minusOne { return 1 + ops(b, c) }
            return 1 + ops(b, c) + ops(x, c)
        case .call(_, let args), .applied(_, let args):
            return 1 + args.reduce(0) { $0 + ops($1, c) }
        }
    }

    static func isNegative(_ e: Expr) -> Bool {
        switch e.kind {
        case .number(let n): return n.isNegative
        case .mul(let fs): return fs[0].numberValue?.isNegative ?? false
        default: return false
        }
    }

    /// Whether `a` is strictly better than `b`: fewer operations, or as many and fewer nodes.
    static func better(_ a: Expr, than b: Expr, _ c: ExprContext) -> Bool {
        if a === b { return false }
        let oa = ops(a, c), ob = ops(b, c)
        if oa != ob { return oa < ob }
        return a.treeSize(cap: 100_000) < b.treeSize(cap: 100_000)
    }
}

/// A product of a rational number and powers of distinct normalized polynomials.
struct FactoredForm {
    var coefficient: Rational
    var factors: [(Polynomial, Int)]

    static let one = FactoredForm(coefficient: .one, factors: [])

    func times(_ b: FactoredForm) throws -> FactoredForm {
        var out = self
        out.coefficient = try coefficient.times(b.coefficient)
        for (p, m) in b.factors { out.multiply(p, m) }
        return out
    }

    mutating func multiply(_ p: Polynomial, _ m: Int) {
        if m == 0 { return }
        if let k = factors.firstIndex(where: { $0.0 == p }) {
            factors[k].1 += m
            if factors[k].1 == 0 { factors.remove(at: k) }
        } else {
            factors.append((p, m))
        }
    }

    func power(_ n: Int) throws -> FactoredForm {
        var c = Rational.one
        let base = n < 0 ? try coefficient.inverse() : coefficient
        for _ in 0..<Swift.abs(n) { c = try c.times(base) }
        return FactoredForm(coefficient: c, factors: factors.map { ($0.0, $0.1 * n) })
    }

    /// A polynomial as a factor: its rational content goes to the coefficient.
    static func of(_ p: Polynomial) throws -> FactoredForm {
        if p.isZero { return FactoredForm(coefficient: .zero, factors: []) }
        if let c = p.constantValue { return FactoredForm(coefficient: c, factors: []) }
        let (c, q) = try p.normalized()
        return FactoredForm(coefficient: c, factors: [(q, 1)])
    }

    /// Cancels the common polynomial factors of numerator and denominator.
    mutating func cancel() throws {
        var changed = true
        var rounds = 0
        while changed && rounds < 16 {
            changed = false
            rounds += 1
            outer: for i in factors.indices where factors[i].1 > 0 {
                for j in factors.indices where factors[j].1 < 0 {
                    let g = try Polynomial.gcd(factors[i].0, factors[j].0)
                    if g.isConstant { continue }
                    guard let a = try factors[i].0.dividedExactly(by: g),
                          let b = try factors[j].0.dividedExactly(by: g) else { throw PolynomialLimit() }
                    let (mi, mj) = (factors[i].1, factors[j].1)
                    var next = FactoredForm(coefficient: coefficient, factors: [])
                    for (k, f) in factors.enumerated() where k != i && k != j { next.multiply(f.0, f.1) }
                    next = try next.times(FactoredForm.of(a).power(mi))
                    next = try next.times(FactoredForm.of(b).power(mj))
                    next.multiply(g, mi + mj)
                    self = next
                    changed = true
                    break outer
                }
            }
        }
    }
}

/// One simplification: the atoms met so far and the simplified forms of subexpressions.
final class RationalSimplifier {
    enum Atom { case plain(Expr), root(Expr, Int64), exp(Expr) }
    let c: ExprContext
    var atoms: [Atom] = []
    var atomIndex: [Expr: Int] = [:]
    var memo: [Expr: Expr] = [:]
    var forms: [Expr: FactoredForm] = [:]

    /// Whether a sum is combined only when that makes the sum itself smaller.
    let greedy: Bool

    init(_ c: ExprContext, greedy: Bool) { (self.c, self.greedy) = (c, greedy) }

    /// The simplified form of `e` (the combined one only when smaller by SimplifyCost).
    func simplified(_ e: Expr) -> Expr {
        if let m = memo[e] { return m }
        var r = e
        switch e.kind {
        case .number, .symbol, .constant, .data: break
        default:
            if let f = try? form(e), let back = try? expr(f) {
                let tidy = c.identities(c.pythagorean(back))
                if SimplifyCost.better(tidy, than: r, c) { r = tidy }
                if SimplifyCost.better(back, than: r, c) { r = back }
            }
        }
        memo[e] = r
        return r
    }

    func atom(_ a: Atom, key: Expr) -> Int {
        if let k = atomIndex[key] { return k }
        atoms.append(a)
        atomIndex[key] = atoms.count - 1
        return atoms.count - 1
    }

    func variable(_ a: Atom, key: Expr, power: Int) throws -> FactoredForm {
        let v = atom(a, key: key)
        let p = Polynomial.variable(v)
        return try FactoredForm(coefficient: .one, factors: [(p, 1)]).power(power)
    }

    /// `e` as a product of polynomial factors over atoms.
    func form(_ e: Expr) throws -> FactoredForm {
        if let m = forms[e] { return m }
        let f = try uncachedForm(e)
        forms[e] = f
        return f
    }

    func uncachedForm(_ e: Expr) throws -> FactoredForm {
        switch e.kind {
        case .number(let n):
            if case .rational(let p, let q) = n, q != 0 { return FactoredForm(coefficient: try Rational.make(p, q), factors: []) }
            return try variable(.plain(e), key: e, power: 1)
        case .symbol, .constant, .data, .applied:   // an abstract function's value is an atom
            return try variable(.plain(e), key: e, power: 1)
        case .mul(let fs):
            var out = FactoredForm.one
            for f in fs { out = try out.times(form(f)) }
            try out.cancel()
            return out
        case .pow(let b, let x):
            if let n = x.numberValue, case .rational(let p, let q) = n, q != 0 {
                if q == 1, Swift.abs(p) <= 64 { return try form(b).power(Int(p)) }
                if q <= 6, Swift.abs(p) <= 64 {
                    let base = simplified(b)
                    let key = c.pow(base, c.rational(1, Int(q)))
                    return try variable(.root(base, q), key: key, power: Int(p))
                }
            }
            let g = c.pow(simplified(b), simplified(x))
            return try variable(.plain(g), key: g, power: 1)
        case .call(let f, let args):
            let a = args.map { simplified($0) }
            if f == .exp {
                let (k, rest) = c.splitCoefficient(a[0])
                if let rest, let n = k.exactInteger, k.isExact, Swift.abs(n) <= 8 {
                    let key = c.call(.exp, [rest])
                    return try variable(.exp(rest), key: key, power: Int(n))
                }
            }
            let g = c.call(f, a)
            return try variable(.plain(g), key: g, power: 1)
        case .add(let ts):
            do {
                let sum = try combine(ts.map { try form($0) })
                // kept only when it reads smaller than the sum as written
                let back = try expr(sum)
                let original = c.add(ts.map { simplified($0) })
                if !greedy || !SimplifyCost.better(original, than: back, c) { return sum }
                return try variable(.plain(original), key: original, power: 1)
            } catch {
                return try variable(.plain(e), key: e, power: 1)
            }
        }
    }

    /// The sum of factored terms: the factors all share (to their lowest
    /// multiplicity, so denominators to their highest) times the expanded
    /// sum of what is left, cancelled.
    func combine(_ terms: [FactoredForm]) throws -> FactoredForm {
        var common: [(Polynomial, Int)] = []
        for t in terms { for (f, _) in t.factors where !common.contains(where: { $0.0 == f }) { common.append((f, 0)) } }
        // factors missing from a term count as multiplicity 0
        for i in common.indices {
            common[i].1 = terms.map { t in t.factors.first(where: { $0.0 == common[i].0 })?.1 ?? 0 }.min() ?? 0
        }
        common = common.filter { $0.1 != 0 }
        var sum = Polynomial.zero
        for t in terms {
            var p = Polynomial.constant(t.coefficient)
            for (f, m) in t.factors {
                let g = common.first(where: { $0.0 == f })?.1 ?? 0
                if m - g > 0 { p = try p.times(f.power(m - g)) }
            }
            for (f, g) in common where g < 0 && !t.factors.contains(where: { $0.0 == f }) {
                p = try p.times(f.power(-g))
            }
            sum = try sum.plus(p)
        }
        if sum.isZero { return FactoredForm(coefficient: .zero, factors: []) }
        var out = try FactoredForm.of(sum)
        for (f, m) in common { out.multiply(f, m) }
        try out.cancel()
        return out
    }

    // MARK: back to expressions

    /// The product as an expression; with one polynomial in the numerator,
    /// also the form with the coefficient's numerator multiplied into it
    /// ((6x + 2)/(3π) beside 2(3x + 1)/(3π)), whichever is smaller.
    func expr(_ f: FactoredForm) throws -> Expr {
        if f.coefficient.isZero { return c.zero }
        var parts: [Expr] = [c.number(.fraction(f.coefficient.p, f.coefficient.q))]
        for (p, m) in f.factors { parts.append(c.pow(try expr(p), c.int(m))) }
        let plain = c.mul(parts)
        let numerators = f.factors.indices.filter { f.factors[$0].1 > 0 }
        guard numerators.count == 1, f.factors[numerators[0]].1 == 1, f.coefficient.p != 1 else { return plain }
        let k = numerators[0]
        var inner = [c.rational(1, Int(f.coefficient.q))]
        for (i, (p, m)) in f.factors.enumerated() {
            inner.append(i == k ? try expr(p.scaled(Rational(f.coefficient.p, 1))) : c.pow(try expr(p), c.int(m)))
        }
        let distributed = c.mul(inner)
        return SimplifyCost.better(distributed, than: plain, c) ? distributed : plain
    }

    func expr(_ p: Polynomial) throws -> Expr {
        var terms: [Expr] = []
        for (m, k) in p.terms {
            var fs: [Expr] = [c.number(.fraction(k.p, k.q))]
            var i = 0
            while i < m.pairs.count {
                fs.append(power(Int(m.pairs[i]), Int(m.pairs[i + 1])))
                i += 2
            }
            terms.append(c.mul(fs))
        }
        return c.add(terms)
    }

    func power(_ v: Int, _ n: Int) -> Expr {
        switch atoms[v] {
        case .plain(let e): return c.pow(e, c.int(n))
        case .root(let b, let q): return c.pow(b, c.rational(n, Int(q)))
        case .exp(let u): return c.call(.exp, [c.mul([c.int(n), u])])
        }
    }
}
