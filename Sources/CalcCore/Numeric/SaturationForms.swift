// SaturationForms — the sigmoid forms that lose everything to rounding when
// σ saturates, recognised on canonical nodes so that the checked Evaluator
// and the compiled tape both compute them in a stable form.
//
// σ(u) rounds to 1 for u > 37 and to 0 below about -745, so the forms a
// teacher writes cancel catastrophically there:
//   - 1 − σ(u) is 0 at u = 50 (true value 1.9e-22), so σ(u)(1 − σ(u)),
//     the derivative of σ, is 0, and ln(1 − σ(u)) is "ln of 0";
//   - ln σ(u) is "ln of 0" at u = -800 (true value -800).
// Computed instead, with the same value mathematically:
//   - c + k·σ(u) + rest with c = −k (1 − σ(u), σ(u) − 1, 2 − 2σ(u)) as
//     rest + (−k)·σ(−u): 1 − σ(u) = σ(−u) has no cancellation, and σ(u)σ(−u)
//     is the derivative to full relative precision;
//   - ln σ(u) as −softplus(−u) and ln(1 − σ(u)) as −softplus(u) (log-sigmoid;
//     softplus is ln(1 + e^x) without overflow, Builtin.softplus).
// The expressions themselves are not rewritten (the printed derivative stays
// σ(x)(1 − σ(x))): this is a choice of how to compute a node, made the same
// way by Evaluator.evaluate and Compiler.compile so the two agree bit for bit.

/// A sum c + k·σ(u) + rest with c = −k, computed as rest + scale·σ(−u).
struct SigmoidComplement {
    /// −k: the factor of σ(−u).
    let scale: Double
    /// u, the argument of σ in the sum.
    let argument: Expr
    /// The sum's other terms, in order (may be empty).
    let rest: [Expr]

    /// The form in the operands of a canonical sum (numeric term first), or nil.
    static func match(_ terms: [Expr]) -> SigmoidComplement? {
        guard terms.count >= 2, case .number(let c) = terms[0].kind else { return nil }
        let constant = c.double
        guard constant != 0, constant.isFinite else { return nil }
        for i in 1..<terms.count {
            guard let (k, u) = sigmoidTerm(terms[i]), k == -constant else { continue }
            var rest = terms
            rest.remove(at: i)
            rest.removeFirst()
            return SigmoidComplement(scale: constant, argument: u, rest: rest)
        }
        return nil
    }

    /// k and u for a term k·σ(u) (k = 1 for σ(u) itself).
    static func sigmoidTerm(_ t: Expr) -> (Double, Expr)? {
        switch t.kind {
        case .call(.sigmoid, let a): return (1, a[0])
        case .mul(let fs):
            guard fs.count == 2, case .number(let k) = fs[0].kind, case .call(.sigmoid, let a) = fs[1].kind else { return nil }
            return (k.double, a[0])
        default: return nil
        }
    }
}

/// ln σ(u) = −softplus(−u), ln(1 − σ(u)) = −softplus(u): −softplus(sign·u).
struct LogSigmoid {
    /// u, the argument of σ.
    let argument: Expr
    /// true for ln(1 − σ(u)) (−softplus(u)), false for ln σ(u) (−softplus(−u)).
    let isComplement: Bool

    /// The form for the argument of an `ln` call, or nil.
    static func match(_ lnArgument: Expr) -> LogSigmoid? {
        switch lnArgument.kind {
        case .call(.sigmoid, let a): return LogSigmoid(argument: a[0], isComplement: false)
        case .add(let ts):
            guard ts.count == 2, let c = SigmoidComplement.match(ts), c.scale == 1 else { return nil }
            return LogSigmoid(argument: c.argument, isComplement: true)
        default: return nil
        }
    }

    /// The value at u.
    @inline(__always) static func value(_ u: Double, isComplement: Bool) -> Double {
        -Builtin.softplus(isComplement ? u : -u)
    }
}
