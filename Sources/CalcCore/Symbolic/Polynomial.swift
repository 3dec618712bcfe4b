// Polynomial — sparse multivariate polynomials with exact rational
// coefficients, for the simplifier (Simplifier.swift): sums, products,
// exact division, pseudo-remainders, and a greatest common divisor by the
// primitive polynomial remainder sequence (the recursive algorithm: content
// and primitive part in the main variable, coefficients in the others).
//
// Variables are small integers (the simplifier's atoms). A monomial is the
// sorted list of (variable, exponent) pairs with exponent > 0. Arithmetic on
// coefficients checks for overflow and every polynomial has a term cap: when
// either is exceeded an operation throws `PolynomialLimit`, and the caller
// keeps the expression as it was. Nothing here can produce a wrong answer
// silently: a result is exact or there is none.

struct PolynomialLimit: Error {}

/// An exact rational p/q, q > 0, in lowest terms; operations throw on overflow.
struct Rational: Hashable {
    let p: Int64, q: Int64

    static let zero = Rational(0, 1), one = Rational(1, 1)

    init(_ p: Int64, _ q: Int64) { (self.p, self.q) = (p, q) }

    static func make(_ p: Int64, _ q: Int64) throws -> Rational {
        guard q != 0, p != Int64.min, q != Int64.min else { throw PolynomialLimit() }
        let g = Rational.gcd(Swift.abs(p), Swift.abs(q))
        let s: Int64 = q < 0 ? -1 : 1
        return Rational(s * p / g, s * q / g)
    }

    static func gcd(_ a: Int64, _ b: Int64) -> Int64 {
        var (a, b) = (a, b)
        while b != 0 { (a, b) = (b, a % b) }
        return a == 0 ? 1 : a
    }

    static func mulChecked(_ a: Int64, _ b: Int64) throws -> Int64 {
        let (m, o) = a.multipliedReportingOverflow(by: b)
        if o { throw PolynomialLimit() }
        return m
    }

    func plus(_ b: Rational) throws -> Rational {
        let g = Rational.gcd(q, b.q)
        let l = try Rational.mulChecked(q / g, b.q)
        let (s, o) = (try Rational.mulChecked(p, l / q)).addingReportingOverflow(try Rational.mulChecked(b.p, l / b.q))
        if o { throw PolynomialLimit() }
        return try Rational.make(s, l)
    }

    func times(_ b: Rational) throws -> Rational {
        let g1 = Rational.gcd(Swift.abs(p), b.q), g2 = Rational.gcd(Swift.abs(b.p), q)
        return try Rational.make(try Rational.mulChecked(p / g1, b.p / g2), try Rational.mulChecked(q / g2, b.q / g1))
    }

    func inverse() throws -> Rational { try Rational.make(q, p) }
    var negated: Rational { Rational(-p, q) }
    var isZero: Bool { p == 0 }
}

/// (variable, exponent) pairs, sorted by variable, exponents > 0.
struct Monomial: Hashable {
    var pairs: [Int32]   // v0, e0, v1, e1, …

    static let one = Monomial(pairs: [])

    func exponent(of v: Int) -> Int {
        var k = 0
        while k < pairs.count { if Int(pairs[k]) == v { return Int(pairs[k + 1]) }; k += 2 }
        return 0
    }

    func times(_ b: Monomial) -> Monomial {
        var out: [Int32] = []
        out.reserveCapacity(pairs.count + b.pairs.count)
        var i = 0, j = 0
        while i < pairs.count || j < b.pairs.count {
            if j >= b.pairs.count || (i < pairs.count && pairs[i] < b.pairs[j]) {
                out += [pairs[i], pairs[i + 1]]; i += 2
            } else if i >= pairs.count || b.pairs[j] < pairs[i] {
                out += [b.pairs[j], b.pairs[j + 1]]; j += 2
            } else {
                out += [pairs[i], pairs[i + 1] + b.pairs[j + 1]]; i += 2; j += 2
            }
        }
        return Monomial(pairs: out)
    }

    /// self / b when b divides it.
    func dividing(by b: Monomial) -> Monomial? {
        var out: [Int32] = []
        var j = 0
        var i = 0
        while i < pairs.count {
            if j < b.pairs.count && b.pairs[j] < pairs[i] { return nil }
            if j < b.pairs.count && b.pairs[j] == pairs[i] {
                let e = pairs[i + 1] - b.pairs[j + 1]
                if e < 0 { return nil }
                if e > 0 { out += [pairs[i], e] }
                j += 2
            } else {
                out += [pairs[i], pairs[i + 1]]
            }
            i += 2
        }
        return j >= b.pairs.count ? Monomial(pairs: out) : nil
    }

    /// Lexicographic order, the highest-numbered variable most significant.
    static func lexLess(_ a: Monomial, _ b: Monomial) -> Bool {
        var i = a.pairs.count - 2, j = b.pairs.count - 2
        while i >= 0 && j >= 0 {
            if a.pairs[i] != b.pairs[j] { return a.pairs[i] < b.pairs[j] }
            if a.pairs[i + 1] != b.pairs[j + 1] { return a.pairs[i + 1] < b.pairs[j + 1] }
            i -= 2; j -= 2
        }
        return i < j
    }

    var degree: Int { stride(from: 1, to: pairs.count, by: 2).reduce(0) { $0 + Int(pairs[$1]) } }
    var maxVariable: Int { pairs.isEmpty ? -1 : Int(pairs[pairs.count - 2]) }

    /// Without variable v.
    func removing(_ v: Int) -> Monomial {
        var out: [Int32] = []
        var k = 0
        while k < pairs.count { if Int(pairs[k]) != v { out += [pairs[k], pairs[k + 1]] }; k += 2 }
        return Monomial(pairs: out)
    }
}

struct Polynomial: Equatable {
    var terms: [Monomial: Rational]

    /// Most terms a polynomial may have (a product beyond it throws).
    static let termLimit = 400

    static let zero = Polynomial(terms: [:])
    static let one = Polynomial(terms: [.one: .one])

    static func constant(_ c: Rational) -> Polynomial { c.isZero ? .zero : Polynomial(terms: [.one: c]) }
    static func variable(_ v: Int, power: Int = 1) -> Polynomial {
        power == 0 ? .one : Polynomial(terms: [Monomial(pairs: [Int32(v), Int32(power)]): .one])
    }

    var isZero: Bool { terms.isEmpty }
    var isConstant: Bool { terms.isEmpty || (terms.count == 1 && terms[.one] != nil) }
    var constantValue: Rational? { isZero ? .zero : (isConstant ? terms[.one] : nil) }

    func plus(_ b: Polynomial) throws -> Polynomial {
        var t = terms
        for (m, c) in b.terms {
            let s = try (t[m] ?? .zero).plus(c)
            t[m] = s.isZero ? nil : s
        }
        if t.count > Polynomial.termLimit { throw PolynomialLimit() }
        return Polynomial(terms: t)
    }

    func scaled(_ c: Rational) throws -> Polynomial {
        if c.isZero { return .zero }
        var t: [Monomial: Rational] = [:]
        for (m, d) in terms { t[m] = try d.times(c) }
        return Polynomial(terms: t)
    }

    func minus(_ b: Polynomial) throws -> Polynomial { try plus(b.scaled(Rational(-1, 1))) }

    func times(_ b: Polynomial) throws -> Polynomial {
        if terms.count * b.terms.count > 4 * Polynomial.termLimit { throw PolynomialLimit() }
        var t: [Monomial: Rational] = [:]
        for (m1, c1) in terms {
            for (m2, c2) in b.terms {
                let m = m1.times(m2)
                let s = try (t[m] ?? .zero).plus(try c1.times(c2))
                t[m] = s.isZero ? nil : s
            }
        }
        if t.count > Polynomial.termLimit { throw PolynomialLimit() }
        return Polynomial(terms: t)
    }

    func power(_ n: Int) throws -> Polynomial {
        var r = Polynomial.one
        for _ in 0..<n { r = try r.times(self) }
        return r
    }

    /// The leading term in lexicographic order.
    var leading: (Monomial, Rational)? {
        var best: (Monomial, Rational)? = nil
        for (m, c) in terms where best == nil || Monomial.lexLess(best!.0, m) { best = (m, c) }
        return best
    }

    var maxVariable: Int { terms.keys.reduce(-1) { Swift.max($0, $1.maxVariable) } }
    func degree(in v: Int) -> Int { terms.keys.reduce(0) { Swift.max($0, $1.exponent(of: v)) } }
    func contains(_ v: Int) -> Bool { terms.keys.contains { $0.exponent(of: v) > 0 } }

    /// The coefficient of v^k, a polynomial in the other variables.
    func coefficient(of v: Int, _ k: Int) -> Polynomial {
        var t: [Monomial: Rational] = [:]
        for (m, c) in terms where m.exponent(of: v) == k { t[m.removing(v)] = c }
        return Polynomial(terms: t)
    }

    /// self / b when b divides it exactly; nil otherwise.
    func dividedExactly(by b: Polynomial) throws -> Polynomial? {
        guard let (lm, lc) = b.leading else { return nil }
        let inv = try lc.inverse()
        var r = self
        var q = Polynomial.zero
        var steps = 0
        while let (m, c) = r.leading {
            steps += 1
            if steps > 4 * Polynomial.termLimit { throw PolynomialLimit() }
            guard let qm = m.dividing(by: lm) else { return nil }
            let t = Polynomial(terms: [qm: try c.times(inv)])
            q = try q.plus(t)
            r = try r.minus(t.times(b))
        }
        return q
    }

    /// The pseudo-remainder of self by b as polynomials in v (deg_v b ≥ 1).
    func pseudoRemainder(_ b: Polynomial, in v: Int) throws -> Polynomial {
        let db = b.degree(in: v)
        let lb = b.coefficient(of: v, db)
        var r = self
        var steps = 0
        while !r.isZero {
            let dr = r.degree(in: v)
            if dr < db { break }
            steps += 1
            if steps > 64 { throw PolynomialLimit() }
            let lr = r.coefficient(of: v, dr)
            r = try (lb.times(r)).minus(lr.times(Polynomial.variable(v, power: dr - db)).times(b))
        }
        return r
    }

    /// The same polynomial with integer coefficients of gcd 1 and a positive
    /// leading coefficient, and the rational factor taken out (self = c·p).
    func normalized() throws -> (Rational, Polynomial) {
        guard let (_, lc) = leading else { return (.zero, .zero) }
        var g: Int64 = 0
        var l: Int64 = 1
        for c in terms.values {
            g = Rational.gcd(g, Swift.abs(c.p))
            l = try Rational.mulChecked(l / Rational.gcd(l, c.q), c.q)
        }
        var c = try Rational.make(lc.p < 0 ? -g : g, l)
        if c.isZero { c = .one }
        return (c, try scaled(c.inverse()))
    }

    /// The gcd of the coefficients of self as a polynomial in v.
    func content(in v: Int) throws -> Polynomial {
        var g = Polynomial.zero
        var seen = Set<Int>()
        for m in terms.keys {
            let k = m.exponent(of: v)
            if !seen.insert(k).inserted { continue }
            g = try Polynomial.gcd(g, coefficient(of: v, k))
            if g.isConstant && !g.isZero { return .one }
        }
        return g
    }

    /// A greatest common divisor, normalized (integer coefficients, gcd 1,
    /// positive leading coefficient); 1 when they share no factor.
    static func gcd(_ a: Polynomial, _ b: Polynomial) throws -> Polynomial {
        if a.isZero { return try b.normalized().1 }
        if b.isZero { return try a.normalized().1 }
        if a.isConstant || b.isConstant { return .one }
        if a == b { return try a.normalized().1 }
        let v = Swift.max(a.maxVariable, b.maxVariable)
        if !a.contains(v) { return try gcd(a, b.content(in: v)) }
        if !b.contains(v) { return try gcd(a.content(in: v), b) }
        let ca = try a.content(in: v), cb = try b.content(in: v)
        let c = try gcd(ca, cb)
        guard var p = try a.dividedExactly(by: ca), var q = try b.dividedExactly(by: cb) else { throw PolynomialLimit() }
        if p.degree(in: v) < q.degree(in: v) { swap(&p, &q) }
        var rounds = 0
        while true {
            rounds += 1
            if rounds > 64 { throw PolynomialLimit() }
            let r = try p.pseudoRemainder(q, in: v)
            if r.isZero { break }
            if r.degree(in: v) == 0 { q = .one; break }
            p = q
            let cr = try r.content(in: v)
            guard let pr = try r.dividedExactly(by: cr) else { throw PolynomialLimit() }
            q = try pr.normalized().1
        }
        if !q.isConstant {
            let cq = try q.content(in: v)
            guard let pq = try q.dividedExactly(by: cq) else { throw PolynomialLimit() }
            q = pq
        }
        return try c.times(q).normalized().1
    }
}
