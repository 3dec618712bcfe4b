// Differentiator — exact partial derivatives of an Expr.
//
// Each node's local rule is stated once, in `appendLocalFactors`: the
// partial of a node with respect to one of its direct children, as the
// factors of a product (a sum's term: none, so 1; a product's factor: the
// other factors; a power's base: n·b^(n−1); its exponent: b^u·ln(b); a
// built-in's argument: the built-in's own derivative from Builtin.swift).
// The chain rule is written once on top of them: d e = Σᵢ ∂e/∂childᵢ · d childᵢ,
// over the children that hold the variable; a power whose base and exponent
// both hold it keeps the two terms with b^u taken out, b^u·(u'·ln b + u·b'/b).
// `localPartials(of:)` offers the same rules to backpropagation at a point.
// Results go through the smart constructors, so they come out simplified.
//
// Work is memoised per node: a subexpression shared in the DAG is
// differentiated once, and a node free of the variable is 0 at once (its
// free-symbol set is cached), which is what makes a 1,000-variable gradient
// cheap: a sum's derivative only visits the terms holding the variable. Two
// shapes get a direct construction of the same terms (same result, less
// work): each product-rule term replaces one factor of an already canonical
// product (ExprContext.replacingFactor), and a chain of one-argument calls
// sin(cos(exp(…))) multiplies all its links' local factors at once instead of
// level by level (which would copy the growing product at every level).
//
// An optional recorder keeps every rule applied, as data (the rule and its
// parts), for `explain`. Recording never changes what is computed, so the
// steps shown and the result of `diff` are the same.
//
// An optional InterruptFlag is polled every few thousand new nodes (a
// countdown: one decrement and a rarely taken branch per node). Once it is
// set the differentiator stops descending and gives 0 for whatever is left,
// and `interrupted` turns true: the result is then unfinished, and the caller
// must check `interrupted` (or the flag) and report it instead of the result.

public enum DerivativeRule: Sendable, Equatable {
    /// A number, constant or data list: 0.
    case constant
    /// A symbol: 1 for the variable, 0 for any other.
    case variable
    /// (u₁ + … + uₙ)' = Σ uᵢ', over the terms holding the variable.
    case sum
    /// (c·u)' = c·u': exactly one factor holds the variable.
    case constantMultiple
    /// (u·v)' = u'·v + u·v': more than one factor holds the variable.
    case product
    /// (b^n)' = n·b^(n−1)·b', the exponent free of the variable.
    case powerConstantExponent(base: Expr, exponent: Expr)
    /// (a^u)' = a^u·ln(a)·u', the base free of the variable.
    case exponential(base: Expr, exponent: Expr)
    /// (b^u)' = b^u·(u'·ln(b) + u·b'/b), both holding the variable.
    case generalPower(base: Expr, exponent: Expr)
    /// f(u₁…uₙ)' = Σᵢ ∂ᵢf(u)·uᵢ', the inner arguments not just the variable.
    case chain(outer: Builtin, inner: [Expr])
    /// f(x)' = f'(x): a built-in applied to the variable itself.
    case builtinDirect(Builtin)
    /// sum(u)' = sum(u'), mean(u)' = mean(u'), len(u)' = 0.
    case reduction(Builtin, argument: Expr)
    /// (u/v)' = (u'·v − u·v')/v², as the user wrote a quotient u/v (the
    /// differentiator itself sees a product u·v⁻¹; `explain` restates it).
    case quotient(numerator: Expr, denominator: Expr, numeratorDerivative: Expr, denominatorDerivative: Expr)
    /// z(u₁…uₙ)' = Σᵢ ∂z/∂uᵢ · uᵢ', z an abstract function (no rule of its own:
    /// its partials stay symbolic).
    case abstractChain(outer: AbstractFunction, inner: [Expr])
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
    let interrupt: InterruptFlag?
    /// New nodes left before the next look at `interrupt`.
    @exclusivity(unchecked) var countdown = Differentiator.pollInterval
    /// Whether the flag was found set: the results since are unfinished.
    @exclusivity(unchecked) public private(set) var interrupted = false

    /// Nodes differentiated between two looks at the interrupt flag.
    static let pollInterval = 4096

    /// Differentiates with respect to the symbol node `variable`; stops early
    /// (see `interrupted`) when `interrupt` is set.
    public init(_ c: ExprContext, variable: Expr, recording: Bool = false, interrupt: InterruptFlag? = nil) {
        self.c = c
        self.variable = variable
        self.recording = recording
        self.interrupt = interrupt
    }

    /// d e / d variable.
    public func derivative(_ e: Expr) -> Expr {
        if !e.contains(variable) { return c.zero }
        let key = e
        if let d = memo[key] { return d }
        countdown &-= 1
        if countdown <= 0 && pollInterrupt() { return c.zero }
        let d = compute(e)
        memo[key] = d
        return d
    }

    /// Looks at the flag (every `pollInterval` nodes); once set, every later
    /// call comes here and gives up at once.
    @inline(never) func pollInterrupt() -> Bool {
        if interrupted { return true }
        countdown = Differentiator.pollInterval
        if let interrupt, interrupt.isSet { interrupted = true; countdown = 0 }
        return interrupted
    }

    /// The recorded derivation of `e` (after `derivative(e)` with recording on).
    public func step(for e: Expr) -> DerivationStep? { steps[e] }

    func record(_ e: Expr, _ rule: DerivativeRule, _ d: Expr) {
        let parts = e.children.compactMap { steps[$0] }
        steps[e] = DerivationStep(expression: e, rule: rule, result: d, parts: parts)
    }

    /// `d`, the derivative of `e` by `rule`; the rule is built and recorded
    /// only when recording (after e's parts, which `d` has already derived).
    @inline(__always) func derived(_ e: Expr, _ d: Expr, by rule: @autoclosure () -> DerivativeRule) -> Expr {
        if recording { record(e, rule(), d) }
        return d
    }

    // MARK: local rules

    /// Appends ∂node/∂(child i) to `factors` as the factors of a product
    /// (none: 1), built with the smart constructors. The one statement of
    /// each local rule; the chain rule multiplies these by the child's
    /// derivative. Reductions and leaves have none (see `localPartials`).
    @inline(__always)
    static func appendLocalFactors(of node: Expr, _ i: Int, to factors: inout [Expr], in c: ExprContext) {
        switch node.kind {
        case .number, .symbol, .constant, .data:
            preconditionFailure("a leaf has no children")
        case .add:
            break                                                 // ∂(Σ uⱼ)/∂uᵢ = 1
        case .mul(let fs):
            for j in fs.indices where j != i { factors.append(fs[j]) }   // ∂(Π uⱼ)/∂uᵢ = Π_{j≠i} uⱼ
        case .pow(let b, let ex):
            if i == 0 {                                           // ∂b^u/∂b = u·b^(u−1)
                factors.append(ex); factors.append(c.pow(b, c.sub(ex, c.one)))
            } else {                                              // ∂b^u/∂u = b^u·ln(b)
                factors.append(node); factors.append(c.call(.ln, [b]))
            }
        case .call(let f, let args):
            factors.append(f.partial(i, args, c))                 // ∂f(u)/∂uᵢ = ∂ᵢf(u)
        case .applied(let f, let args):
            factors.append(c.applied(f.differentiated(by: i), args))   // ∂z(u)/∂uᵢ: z's i-th partial, at u
        }
    }

    /// The symbolic partial derivative of `node` with respect to each of its
    /// direct children (`node.children`, in that order), by the same local
    /// rules the chain rule uses: a sum gives 1 per term; a product, for each
    /// factor, the product of the other factors; a power b^u gives u·b^(u−1)
    /// for b and b^u·ln(b) for u; a built-in call gives `Builtin.partial(i, args)`
    /// for each argument. So d node = Σᵢ localPartials[i] · d childᵢ, which is
    /// what backpropagation at a point evaluates: a child's adjoint gains the
    /// parent's adjoint times the local partial, evaluated at the point.
    /// The results are free of any differentiation variable: they hold only
    /// the node's own children. Leaves (numbers, constants, symbols, data)
    /// have no children and give []; so do the reductions sum, mean and len,
    /// which are linear maps of a list rather than scalar functions of it
    /// (their derivative is the reduction of the child's derivative).
    public static func localPartials(of node: Expr, in c: ExprContext) -> [Expr] {
        if case .call(let f, _) = node.kind, f.isReduction { return [] }
        return node.children.indices.map { i in
            var factors: [Expr] = []
            appendLocalFactors(of: node, i, to: &factors, in: c)
            return c.mul(factors)
        }
    }

    /// `localPartials(of:in:)` in this differentiator's context.
    public func localPartials(of node: Expr) -> [Expr] { Differentiator.localPartials(of: node, in: c) }

    /// ∂node/∂(child i) · d child: one term of the chain rule.
    @inline(__always) func term(_ node: Expr, _ i: Int, _ child: Expr) -> Expr {
        var factors: [Expr] = []
        factors.reserveCapacity(3)
        Differentiator.appendLocalFactors(of: node, i, to: &factors, in: c)
        factors.append(derivative(child))
        return c.mul(factors)
    }

    // MARK: the chain rule

    func compute(_ e: Expr) -> Expr {
        switch e.kind {
        case .number, .constant, .data:
            return derived(e, c.zero, by: .constant)
        case .symbol:
            return derived(e, e === variable ? c.one : c.zero, by: .variable)
        case .add(let terms):
            // only the terms that hold the variable (∂/∂x₇ of a 2,000-term sum
            // touches 4); each term's local partial is 1, so its term is its derivative
            var parts: [Expr] = []
            if terms.count >= 64 {
                for k in c.terms(of: e, holding: variable) { parts.append(derivative(terms[k])) }
            } else {
                for t in terms where t.contains(variable) { parts.append(derivative(t)) }
            }
            return derived(e, parts.isEmpty ? c.zero : c.add(parts), by: .sum)
        case .mul(let fs):
            // each term is the product of the other factors (the local partial)
            // times dfᵢ, built by replacing fᵢ in the canonical product
            var terms: [Expr] = []
            let dependent = fs.indices.filter { fs[$0].contains(variable) }
            let bases = dependent.count > 1 ? ExprContext.factorBases(fs) : []
            for i in dependent {
                // a long product's terms cost its length each: count them too
                countdown &-= 1 &+ fs.count >> 4
                if countdown <= 0 && pollInterrupt() { break }
                terms.append(c.replacingFactor(fs, i, with: derivative(fs[i]), bases: bases))
            }
            return derived(e, c.add(terms), by: dependent.count == 1 ? .constantMultiple : .product)
        case .pow(let b, let ex):
            let bDep = b.contains(variable), eDep = ex.contains(variable)
            if !eDep { return derived(e, term(e, 0, b), by: .powerConstantExponent(base: b, exponent: ex)) }
            if !bDep { return derived(e, term(e, 1, ex), by: .exponential(base: b, exponent: ex)) }
            // both partials, with b^u taken out (b^(u−1) = b^u·b⁻¹):
            // b^u·(du·ln b + u·db·b⁻¹), the form these results have always had
            let inner = c.add([c.mul([derivative(ex), c.call(.ln, [b])]),
                               c.mul([ex, derivative(b), c.pow(b, c.minusOne)])])
            return derived(e, c.mul([e, inner]), by: .generalPower(base: b, exponent: ex))
        case .call(let f, let args):
            if f.isReduction {
                if f == .len { return derived(e, c.zero, by: .reduction(f, argument: args[0])) }
                return derived(e, c.call(f, [derivative(args[0])]), by: .reduction(f, argument: args[0]))
            }
            if args.count == 1 && args[0] === variable { return derived(e, term(e, 0, args[0]), by: .builtinDirect(f)) }
            if args.count == 1, let d = chain(e) { return derived(e, d, by: .chain(outer: f, inner: args)) }
            var terms: [Expr] = []
            for (i, a) in args.enumerated() where a.contains(variable) { terms.append(term(e, i, a)) }
            return derived(e, c.add(terms), by: .chain(outer: f, inner: args))
        case .applied(let f, let args):
            var terms: [Expr] = []
            for (i, a) in args.enumerated() where a.contains(variable) { terms.append(term(e, i, a)) }
            return derived(e, c.add(terms), by: .abstractChain(outer: f, inner: args))
        }
    }

    /// The chain rule through a chain of one-argument calls f(g(h(…u))), each
    /// link not yet differentiated: the product of every link's local factor
    /// and du, built at once. The same terms the rule gives level by level;
    /// nil when e's argument is not such a link (then the rule applies as is).
    /// With recording on, each inner link's step is recorded with its result,
    /// the product of the factors from that link down (built only for the
    /// record; the memo and the returned result are the same as without).
    func chain(_ e: Expr) -> Expr? {
        @inline(__always) func isLink(_ u: Expr) -> Bool {
            guard case .call(let g, let inner) = u.kind, inner.count == 1, !g.isReduction else { return false }
            return u.contains(variable) && memo[u] == nil
        }
        guard case .call(_, let args) = e.kind, isLink(args[0]) else { return nil }
        var factors: [Expr] = []
        Differentiator.appendLocalFactors(of: e, 0, to: &factors, in: c)
        var links: [Expr] = []                    // the inner links, kept only when recording
        var node = args[0]
        while case .call(_, let a) = node.kind {
            if recording { links.append(node) }
            Differentiator.appendLocalFactors(of: node, 0, to: &factors, in: c)   // one factor per call
            if isLink(a[0]) { node = a[0] } else { factors.append(derivative(a[0])); break }
        }
        for k in stride(from: links.count, through: 1, by: -1) {
            guard case .call(let h, let a) = links[k - 1].kind else { continue }
            let rule: DerivativeRule = a[0] === variable ? .builtinDirect(h) : .chain(outer: h, inner: a)
            record(links[k - 1], rule, c.mul(Array(factors[k...])))
        }
        return c.mul(factors)
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
