// Rewriting — whole-expression transformations built on the smart constructors:
// substitution of variables, `expand` (multiply out products and integer
// powers of sums) and `simplify` (try several equivalent forms, keep the
// smallest by SimplifyCost; the rational pass is Simplifier.swift, the
// hyperbolic and sigmoid identities Identities.swift). Each rebuilds through the constructors, so results stay canonical.

extension ExprContext {
    /// Replaces named symbols by expressions.
    public func substitute(_ e: Expr, _ mapping: [String: Expr]) -> Expr {
        var ids: [Int: Expr] = [:]
        for (k, v) in mapping { if let s = table[.symbol(k)] { ids[s.id] = v } }
        if ids.isEmpty { return e }
        var memo: [Expr: Expr] = [:]
        func go(_ e: Expr) -> Expr {
            if !e.free.contains(where: { ids[$0] != nil }) { return e }
            if let m = memo[e] { return m }
            let r: Expr
            switch e.kind {
            case .symbol: r = ids[e.id] ?? e
            case .add(let ts): r = add(ts.map(go))
            case .mul(let fs): r = mul(fs.map(go))
            case .pow(let b, let x): r = pow(go(b), go(x))
            case .call(let f, let a): r = call(f, a.map(go))
            case .applied(let f, let a): r = applied(f, a.map(go))
            default: r = e
            }
            memo[e] = r
            return r
        }
        return go(e)
    }

    /// Rebuilds an expression bottom-up with `f` applied to every rebuilt node.
    func rebuild(_ e: Expr, _ f: (Expr) -> Expr) -> Expr {
        var memo: [Expr: Expr] = [:]
        func go(_ e: Expr) -> Expr {
            if let m = memo[e] { return m }
            let r: Expr
            switch e.kind {
            case .add(let ts): r = f(add(ts.map(go)))
            case .mul(let fs): r = f(mul(fs.map(go)))
            case .pow(let b, let x): r = f(pow(go(b), go(x)))
            case .call(let g, let a): r = f(call(g, a.map(go)))
            case .applied(let g, let a): r = f(applied(g, a.map(go)))
            default: r = f(e)
            }
            memo[e] = r
            return r
        }
        return go(e)
    }

    /// Most terms `expand` will produce in one sum before it leaves a product unexpanded.
    static let expandLimit = 5_000

    /// Multiplies out products of sums and integer powers of sums.
    public func expand(_ e: Expr) -> Expr {
        rebuild(e) { node in
            switch node.kind {
            case .mul(let fs):
                var terms: [Expr] = [one]
                for f in fs {
                    let parts: [Expr]
                    if case .add(let ts) = f.kind { parts = ts } else { parts = [f] }
                    if terms.count * parts.count > ExprContext.expandLimit { return node }
                    var next: [Expr] = []
                    next.reserveCapacity(terms.count * parts.count)
                    for t in terms { for p in parts { next.append(self.mul([t, p])) } }
                    terms = next
                }
                return self.add(terms)
            case .pow(let b, let x):
                guard case .add(let ts) = b.kind, let n = x.numberValue?.exactInteger, n >= 2, n <= 64 else { return node }
                var terms: [Expr] = [one]
                for _ in 0..<n {
                    if terms.count * ts.count > ExprContext.expandLimit { return node }
                    var next: [Expr] = []
                    for t in terms { for p in ts { next.append(self.mul([t, p])) } }
                    terms = [self.add(next)]
                    if case .add(let s) = terms[0].kind { terms = s }
                }
                return self.add(terms)
            default:
                return node
            }
        }
    }

    /// Tries equivalent forms — as is, expanded, common factors pulled out,
    /// sin² + cos² = 1, cosh² - sinh² = 1, combined over a common denominator
    /// with polynomial common factors cancelled (Simplifier.swift), the
    /// identities of Identities.swift — and keeps the smallest by SimplifyCost
    /// (a rewrite replaces the form only when it is strictly smaller). Two
    /// rounds: the second sees what the first combined (√B·√B = B).
    public func simplify(_ e: Expr) -> Expr {
        var best = e
        func consider(_ c: Expr) { if SimplifyCost.better(c, than: best, self) { best = c } }
        for _ in 0..<2 {
            let start = best
            let trig = rebuild(start) { self.pythagorean($0) }
            consider(trig)
            if start.treeSize(cap: 2_001) <= 2_000 {
                let expanded = rebuild(expand(trig)) { self.pythagorean($0) }
                consider(expanded)
                consider(rebuild(expanded) { self.factorCommon($0) })
            }
            consider(rebuild(trig) { self.factorCommon($0) })
            for rational in combineRational(best) {
                consider(rational)
                let trigRational = rebuild(rational) { self.pythagorean($0) }
                consider(trigRational)
                consider(rebuild(trigRational) { self.factorCommon($0) })
            }
            consider(rebuild(start) { self.identities($0) })
            consider(rebuild(best) { self.identities($0) })
            if best === start { break }
        }
        return best
    }

    /// In a sum: c·sin(u)² + c·cos(u)² → c (and cosh² - sinh² → 1).
    func pythagorean(_ e: Expr) -> Expr {
        guard case .add(let ts) = e.kind else { return e }
        var terms = ts
        var changed = false
        for i in terms.indices {
            let (c1, r1) = splitCoefficient(terms[i])
            guard let r1, case .pow(let b1, let x1) = r1.kind, x1.numberValue == Number(2),
                  case .call(let f1, let a1) = b1.kind, f1 == .sin || f1 == .cosh else { continue }
            let partner: Builtin = f1 == .sin ? .cos : .sinh
            let target = pow(call(partner, a1), int(2))
            for j in terms.indices where j != i {
                let (c2, r2) = splitCoefficient(terms[j])
                guard r2 === target else { continue }
                if f1 == .sin, c1 == c2 {
                    terms[i] = number(c1); terms[j] = zero; changed = true; break
                }
                if f1 == .cosh, c1 == -c2 {
                    terms[i] = number(c1); terms[j] = zero; changed = true; break
                }
            }
        }
        return changed ? add(terms) : e
    }

    /// a·x + a·y → a·(x + y) for the factors every term shares.
    func factorCommon(_ e: Expr) -> Expr {
        guard case .add(let ts) = e.kind, ts.count >= 2 else { return e }
        func factors(_ t: Expr) -> [Expr: Number] {
            var out: [Expr: Number] = [:]
            let fs: [Expr]
            if case .mul(let xs) = t.kind { fs = xs } else { fs = [t] }
            for f in fs {
                if case .number = f.kind { continue }
                if case .pow(let b, let x) = f.kind, let n = x.numberValue, n.isExact { out[b, default: .zero] = out[b, default: .zero] + n }
                else { out[f, default: .zero] = out[f, default: .zero] + .one }
            }
            return out
        }
        var common = factors(ts[0])
        for t in ts.dropFirst() {
            let f = factors(t)
            for (b, n) in common {
                guard let m = f[b] else { common[b] = nil; continue }
                // keep the smaller exponent when both are positive
                if n.double > 0 && m.double > 0 { common[b] = n.double <= m.double ? n : m } else { common[b] = nil }
            }
            if common.isEmpty { return e }
        }
        let g = mul(common.map { pow($0.key, number($0.value)) })
        let inv = pow(g, minusOne)
        let rest = add(ts.map { mul([$0, inv]) })
        return mul([g, rest])
    }
}
