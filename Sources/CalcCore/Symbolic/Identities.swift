// Identities — the hyperbolic, trigonometric and sigmoid identities `simplify`
// tries on each node (Rewriting.swift applies them bottom-up and keeps a
// rewrite only when SimplifyCost says it is smaller):
//   - in a sum: a·R - a·R·tanh(u)² = a·R/cosh(u)²   (1 - tanh² = sech²)
//               a·R + a·R·tan(u)²  = a·R·sec(u)²    (1 + tan² = sec²)
//               a·R·σ(u) - a·R·σ(u)² = a·R·σ(u)·(1 - σ(u))
//               the Pythagorean ones 1 - sin² = cos², 1 - cos² = sin²,
//               1 + sinh² = cosh², cosh² - 1 = sinh², and the double angles
//               cos² - sin² = cos(2u), cosh² + sinh² = cosh(2u)
//   - in a product: sinh(u)/cosh(u) = tanh(u); sin(u)·cos(u) = sin(2u)/2;
//               exp(u)·exp(v)^r = exp(u + r·v) (exp(w)^r = exp(r·w): exp > 0);
//               exp(w)·σ(-w) = σ(w) (e^w/(1 + e^w)), so e^w/(1 + e^w)² = σ(w)·(1 - σ(w));
//   - 1/(1 + exp(w)) = σ(-w).
// The σ forms of 1/(1 + e^-x) built by the constructors themselves are the
// `stable` work in Constructors.swift; these are the simplifier's own.

extension ExprContext {
    /// One node with the identities above applied where that makes it smaller.
    func identities(_ e: Expr) -> Expr {
        let r: Expr
        switch e.kind {
        case .add(let ts): r = sumIdentities(ts) ?? e
        case .mul(let fs):
            var best = e
            for candidate in [productIdentities(fs), mergedExponentials(fs), doubleAngle(fs), absorbedSign(fs)] {
                if let candidate, SimplifyCost.better(candidate, than: best, self) { best = candidate }
            }
            r = best
        case .pow(let b, let x):
            if x.numberValue == .minusOne, let w = onePlusExp(b) { r = call(.sigmoid, [neg(w)]) }
            else if case .call(.exp, let a) = b.kind { r = call(.exp, [mul([x, a[0]])]) }      // exp(w)^r = exp(r·w)
            else { r = e }
        default: r = e
        }
        return SimplifyCost.better(r, than: e, self) ? r : e
    }

    /// w when e is 1 + exp(w).
    func onePlusExp(_ e: Expr) -> Expr? {
        guard case .add(let ts) = e.kind, ts.count == 2, ts[0].isOne, case .call(.exp, let a) = ts[1].kind else { return nil }
        return a[0]
    }

    /// A term split at a squared tanh, tan or sigmoid factor: (f, u, the rest).
    func squaredCall(_ t: Expr) -> (Builtin, Expr, Expr)? {
        let fs: [Expr]
        if case .mul(let xs) = t.kind { fs = xs } else { fs = [t] }
        for (k, f) in fs.enumerated() {
            guard case .pow(let b, let x) = f.kind, x.numberValue == Number(2),
                  case .call(let g, let a) = b.kind, [.tanh, .tan, .sigmoid, .sin, .cos, .sinh, .cosh].contains(g) else { continue }
            var rest = fs
            rest.remove(at: k)
            return (g, a[0], mul(rest))
        }
        return nil
    }

    func sumIdentities(_ ts: [Expr]) -> Expr? {
        var terms = ts
        var changed = false
        for j in terms.indices {
            guard let (g, u, rest) = squaredCall(terms[j]) else { continue }
            let square: (Builtin) -> Expr = { self.pow(self.call($0, [u]), self.two) }
            // (the partner term, what the pair adds up to)
            var pairs: [(Expr, () -> Expr)] = []
            switch g {
            case .tanh: pairs = [(neg(rest), { self.mul([self.neg(rest), self.pow(self.call(.cosh, [u]), self.int(-2))]) })]
            case .tan: pairs = [(rest, { self.mul([rest, square(.sec)]) })]
            case .sin: pairs = [(neg(rest), { self.mul([self.neg(rest), square(.cos)]) })]
            case .cos: pairs = [(neg(rest), { self.mul([self.neg(rest), square(.sin)]) }),                 // 1 - cos² = sin²
                                (mul([neg(rest), square(.sin)]), { self.mul([rest, self.call(.cos, [self.mul([self.two, u])])]) })]
            case .sinh: pairs = [(rest, { self.mul([rest, square(.cosh)]) })]
            case .cosh: pairs = [(neg(rest), { self.mul([rest, square(.sinh)]) }),
                                 (mul([rest, square(.sinh)]), { self.mul([rest, self.call(.cosh, [self.mul([self.two, u])])]) })]
            default:
                let s = call(.sigmoid, [u])
                pairs = [(mul([neg(rest), s]), { self.mul([self.neg(rest), s, self.sub(self.one, s)]) })]
            }
            for (partner, sum) in pairs {
                guard let i = terms.indices.first(where: { $0 != j && terms[$0] === partner }) else { continue }
                terms[i] = sum()
                terms[j] = zero
                changed = true
                break
            }
        }
        return changed ? add(terms) : nil
    }

    /// exp(u)·exp(v)^r = exp(u + r·v); sin(u)·cos(u) = sin(2u)/2.
    func mergedExponentials(_ fs: [Expr]) -> Expr? {
        var exponents: [Expr] = [], others: [Expr] = []
        var powers = 0
        for f in fs {
            if case .call(.exp, let a) = f.kind { exponents.append(a[0]) }
            else if case .pow(let b, let r) = f.kind, case .call(.exp, let a) = b.kind { exponents.append(mul([r, a[0]])); powers += 1 }
            else { others.append(f) }
        }
        guard exponents.count >= 2 || powers > 0 else { return nil }
        return mul(others + [call(.exp, [add(exponents)])])
    }

    func doubleAngle(_ fs: [Expr]) -> Expr? {
        for (i, f) in fs.enumerated() {
            guard case .call(.sin, let a) = f.kind, let j = fs.firstIndex(where: { $0 === call(.cos, a) }) else { continue }
            var rest = fs
            rest[i] = mul([half, call(.sin, [mul([two, a[0]])])])
            rest[j] = one
            return mul(rest)
        }
        return nil
    }

    static let quotients: [Builtin: (Builtin, Builtin)] = [.sinh: (.cosh, .tanh), .sin: (.cos, .tan), .cos: (.sin, .cot)]

    /// -1·(a - b)·R = (b - a)·R: the sign goes into a sum factor.
    func absorbedSign(_ fs: [Expr]) -> Expr? {
        guard fs.count >= 3, let n = fs[0].numberValue, n.isNegative,
              let k = fs.firstIndex(where: { if case .add = $0.kind { return true }; return false }) else { return nil }
        var rest = fs
        rest[0] = number(-n)
        rest[k] = neg(fs[k])
        return mul(rest)
    }

    func productIdentities(_ fs: [Expr]) -> Expr? {
        var factors = fs
        var changed = false
        for i in factors.indices {
            // sinh(u)/cosh(u) = tanh(u), sin(u)/cos(u) = tan(u), cos(u)/sin(u) = cot(u)
            if case .call(let g, let a) = factors[i].kind, let (h, q) = Self.quotients[g],
               let j = factors.firstIndex(where: { $0 === pow(call(h, a), minusOne) }) {
                factors[i] = call(q, a); factors[j] = one; changed = true; continue
            }
            // exp(w)·σ(-w)^k = σ(w)·(1 - σ(w))^(k-1), and e^w/(1 + e^w)^k likewise
            if case .call(.exp, let a) = factors[i].kind {
                let other = call(.sigmoid, [neg(a[0])])
                for j in factors.indices where j != i {
                    var k: Int64 = 0
                    if factors[j] === other { k = 1 }
                    else if case .pow(let b, let x) = factors[j].kind, b === other, let n = x.numberValue?.exactInteger, n >= 1 { k = n }
                    else if case .pow(let b, let x) = factors[j].kind, let w = onePlusExp(b), w === a[0],
                            let n = x.numberValue?.exactInteger, n <= -1 { k = -n }
                    if k == 0 { continue }
                    let s = call(.sigmoid, [a[0]])
                    factors[i] = s
                    factors[j] = pow(sub(one, s), int(Int(k - 1)))      // σ(-w) = 1 - σ(w)
                    changed = true
                    break
                }
            }
        }
        return changed ? mul(factors) : nil
    }
}
