// Differentiator — exact partial derivatives of an Expr.
//
// The sum, product and power rules live here, and so does the chain rule,
// written once: d f(u₁…uₙ) = Σᵢ ∂ᵢf(u) · duᵢ, where ∂ᵢf is the built-in's
// own derivative from Builtins.swift. Results go through the smart
// constructors, so they come out simplified. Work is memoised per node: a
// subexpression shared in the DAG is differentiated once, and a node free of
// the variable is 0 at once (its free-symbol set is cached), which is what
// makes a 1,000-variable gradient cheap: a sum's derivative only visits the
// terms holding the variable. Two shapes get a direct construction (same
// result, less work): a chain of one-argument calls becomes one product of
// its outer derivatives, and each product-rule term replaces one factor of
// an already canonical product (ExprContext.replacingFactor).
// An optional recorder sees every rule applied; `explain` uses it, so the
// steps shown and the result can never disagree.

public enum DerivativeRule: Sendable, Equatable {
    case constant, variable, sum, constantMultiple, product, powerConstantExponent
    case exponential, generalPower, chain(Builtin), builtinDirect(Builtin), reduction(Builtin)

    public var name: String {
        switch self {
        case .constant: return "constant"
        case .variable: return "variable"
        case .sum: return "sum rule"
        case .constantMultiple: return "constant multiple"
        case .product: return "product rule"
        case .powerConstantExponent: return "power rule"
        case .exponential: return "exponential rule"
        case .generalPower: return "general power rule"
        case .chain(let f): return "chain rule (outer \(f.name))"
        case .builtinDirect(let f): return "\(f.name) rule"
        case .reduction(let f): return "linearity of \(f.name)"
        }
    }
}

/// One applied rule: the expression, the rule, its derivative, and the steps for its parts.
public struct DerivationStep {
    public let expression: Expr
    public let rule: DerivativeRule
    public let result: Expr
    public let parts: [DerivationStep]
}

public final class Differentiator {
    let c: ExprContext
    var memo: [Expr: Expr] = [:]
    var variable: Expr
    let recording: Bool
    var steps: [Expr: DerivationStep] = [:]

    /// Differentiates with respect to the symbol node `variable`.
    public init(_ c: ExprContext, variable: Expr, recording: Bool = false) {
        self.c = c
        self.variable = variable
        self.recording = recording
    }

    /// d e / d variable.
    public func derivative(_ e: Expr) -> Expr {
        if !e.contains(variable) { return c.zero }
        let key = e
        if let d = memo[key] { return d }
        let (d, rule) = compute(e)
        memo[key] = d
        if recording {
            let parts = e.children.compactMap { steps[$0] }
            steps[key] = DerivationStep(expression: e, rule: rule, result: d, parts: parts)
        }
        return d
    }

    /// The recorded derivation of `e` (after `derivative(e)` with recording on).
    public func step(for e: Expr) -> DerivationStep? { steps[e] }

    func compute(_ e: Expr) -> (Expr, DerivativeRule) {
        switch e.kind {
        case .number, .constant, .data:
            return (c.zero, .constant)
        case .symbol:
            return (e === variable ? c.one : c.zero, .variable)
        case .add(let terms):
            // only the terms that hold the variable: ∂/∂x₇ of a 2,000-term sum touches 4
            var parts: [Expr] = []
            if terms.count >= 64 {
                for k in c.terms(of: e, holding: variable) { parts.append(derivative(terms[k])) }
            } else {
                for t in terms where t.contains(variable) { parts.append(derivative(t)) }
            }
            return (parts.isEmpty ? c.zero : c.add(parts), .sum)
        case .mul(let fs):
            var terms: [Expr] = []
            let dependent = fs.indices.filter { fs[$0].contains(variable) }
            let bases = dependent.count > 1 ? ExprContext.factorBases(fs) : []
            for i in dependent {
                terms.append(c.replacingFactor(fs, i, with: derivative(fs[i]), bases: bases))
            }
            let rule: DerivativeRule = dependent.count == 1 ? .constantMultiple : .product
            return (c.add(terms), rule)
        case .pow(let b, let ex):
            let bDep = b.contains(variable), eDep = ex.contains(variable)
            if !eDep {
                // d b^n = n · b^(n-1) · db
                let d = c.mul([ex, c.pow(b, c.sub(ex, c.one)), derivative(b)])
                return (d, .powerConstantExponent)
            }
            if !bDep {
                // d a^u = a^u · ln(a) · du
                return (c.mul([e, c.call(.ln, [b]), derivative(ex)]), .exponential)
            }
            // d b^u = b^u · (du · ln b + u · db / b)
            let inner = c.add([c.mul([derivative(ex), c.call(.ln, [b])]),
                               c.mul([ex, derivative(b), c.pow(b, c.minusOne)])])
            return (c.mul([e, inner]), .generalPower)
        case .call(let f, let args):
            if f.isReduction {
                if f == .len { return (c.zero, .reduction(f)) }
                return (c.call(f, [derivative(args[0])]), .reduction(f))
            }
            // A chain of one-argument calls, sin(cos(exp(…))), is one product of
            // the outer derivatives, built at once rather than level by level
            // (which would copy the growing product at every level: quadratic).
            if !recording, args.count == 1, case .call(let g, let inner) = args[0].kind, inner.count == 1, !g.isReduction,
               memo[args[0]] == nil {
                var factors: [Expr] = [f.partial(0, args, c)]
                var node = args[0]
                while true {
                    guard case .call(let h, let a) = node.kind, a.count == 1, !h.isReduction else {
                        factors.append(derivative(node)); break
                    }
                    factors.append(h.partial(0, a, c))
                    let next = a[0]
                    if case .call(let k, let b) = next.kind, b.count == 1, !k.isReduction, next.contains(variable),
                       memo[next] == nil {
                        node = next
                    } else {
                        factors.append(derivative(next)); break
                    }
                }
                return (c.mul(factors), .chain(f))
            }
            // The chain rule, once for every built-in: Σᵢ ∂ᵢf(args) · d argsᵢ
            var terms: [Expr] = []
            for (i, a) in args.enumerated() where a.contains(variable) {
                let outer = f.partial(i, args, c)
                terms.append(c.mul([outer, derivative(a)]))
            }
            let direct = args.count == 1 && args[0] === variable
            return (c.add(terms), direct ? .builtinDirect(f) : .chain(f))
        }
    }

    /// Convenience: ∂e/∂x for a named variable.
    public static func derivative(_ e: Expr, by name: String, in c: ExprContext) -> Expr {
        Differentiator(c, variable: c.symbol(name)).derivative(e)
    }

    /// All first partials, sharing nothing but the context (each variable has its own memo).
    public static func gradient(_ e: Expr, variables: [String], in c: ExprContext) -> [Expr] {
        variables.map { derivative(e, by: $0, in: c) }
    }
}
