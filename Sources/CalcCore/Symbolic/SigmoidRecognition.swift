// SigmoidRecognition — the smart constructors' rules that recognise a
// hand-written logistic function as σ, so that `diff(1/(1+exp(-x)), x)` is
// already sigmoid(x)*(1 - sigmoid(x)) (σ′ = σ(1 − σ), shown by calc itself).
//
//   (1 + exp(v))^(-1) = σ(−v):    1/(1 + e^-x) = σ(x), 1/(1 + exp(x)) = σ(-x);
//   exp(v)·σ(−v)      = σ(v):     exp(x)/(1 + exp(x)) = σ(x).
// Both are identities for every real v, with both sides defined everywhere,
// so nothing undefined is folded. Called from `pow` and `mul`
// (Constructors.swift); kept here so those paths stay one line each.

extension ExprContext {
    /// σ(−v) for (1 + exp(v))^(−1); nil otherwise. Only the reciprocal: a
    /// higher power (the hand-written σ′, exp(-x)/(1 + exp(-x))^2) is left as
    /// written, where σ(x)^2·exp(-x) would read no better.
    func sigmoidPower(_ base: Expr, _ e: Number) -> Expr? {
        guard e.isExact, e.isMinusOne, case .add(let ts) = base.kind, ts.count == 2,
              ts[0].isOne, ts[0].numberValue?.isExact == true,
              case .call(.exp, let a) = ts[1].kind else { return nil }
        return call(.sigmoid, [neg(a[0])])
    }

    /// σ(v) for the two factors exp(v) and σ(−v), in either order; nil otherwise.
    func sigmoidProduct(_ a: Expr, _ b: Expr) -> Expr? {
        guard case .call(let f, let x) = a.kind, case .call(let g, let y) = b.kind else { return nil }
        switch (f, g) {
        case (.exp, .sigmoid): return neg(x[0]) === y[0] ? call(.sigmoid, [x[0]]) : nil
        case (.sigmoid, .exp): return neg(y[0]) === x[0] ? call(.sigmoid, [y[0]]) : nil
        default: return nil
        }
    }

    /// The factors of a canonical product with each pair exp(v)·σ(−v) merged
    /// into σ(v); nil when there is no such pair (the usual case: one pass
    /// over the factors' heads, no node built).
    func mergingSigmoidFactors(_ fs: [Expr]) -> [Expr]? {
        let expRank = Builtin.exp.alphabeticalRank, sigmoidRank = Builtin.sigmoid.alphabeticalRank
        guard fs.contains(where: { $0.head == expRank }), fs.contains(where: { $0.head == sigmoidRank }) else { return nil }
        var out = fs
        var merged = false
        var i = 0
        while i < out.count {
            if out[i].head == expRank {
                if let j = out.indices.first(where: { out[$0].head == sigmoidRank && sigmoidProduct(out[i], out[$0]) != nil }) {
                    let s = sigmoidProduct(out[i], out[j])!
                    out[i] = s
                    out.remove(at: j)
                    merged = true
                    if j < i { i -= 1 }
                }
            }
            i += 1
        }
        return merged ? out : nil
    }
}
