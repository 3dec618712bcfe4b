// ExplainQuotients — the quotients the user wrote, restated by the quotient rule.
//
// The expression engine keeps no division: `x/(1 + x)` is the product
// x·(1 + x)⁻¹, and the Differentiator derives it by the product rule. A
// teacher writes the quotient rule for a quotient, so `explain` keeps the
// record of how the input was written: it walks the operand's syntax tree,
// and for each product chain with a `/` it evaluates the numerator u and the
// denominator v on their own. Expressions are hash-consed, so when u·v⁻¹ is
// the very node of the whole expression that node is marked as a quotient.
// A recorded product step of a marked node (with v holding the variable) is
// then restated: (u/v)' = (u'v − uv')/v², its parts the derivations of u and
// v, and its result combined over the common denominator v² (the numerator
// multiplied out when that is no larger). This is local to the step — not a
// general simplifier — and the value is the same as the product rule's.

extension ExplainCommand {
    /// Numerator and denominator of each quotient written in the operand `e`,
    /// keyed by the node u·v⁻¹ the whole expression holds.
    func writtenQuotients(_ e: Node, _ vars: [Name]) -> [Expr: (numerator: Expr, denominator: Expr)] {
        var found: [Expr: (numerator: Expr, denominator: Expr)] = [:]
        func expr(_ n: Node) -> Expr? {
            switch try? it.differentiationOperand(n, vars, scope) {
            case .symbolic(let x, _)?: return x
            case .number(let k)?: return it.ctx.number(k)
            default: return nil
            }
        }
        func product(_ ns: [Node]) -> Expr? {
            var fs: [Expr] = []
            for n in ns { guard let x = expr(n) else { return nil }; fs.append(x) }
            return it.ctx.mul(fs)
        }
        func walk(_ n: Node) {
            switch n.kind {
            case .number, .name, .partial, .grad, .hessian, .diff, .dOperator, .at, .index, .member, .wholeAxis, .transpose: return
            case .tuple(let xs), .list(let xs): xs.forEach(walk)
            case .group(let x), .prime(let x, _), .unary(_, let x): walk(x)
            case .call(let f, let args): walk(f); args.forEach(walk)
            case .power(let b, let x): walk(b); walk(x)
            case .sum(let first, let rest): walk(first); rest.forEach { walk($0.1) }
            case .product(let first, let rest):
                walk(first); rest.forEach { walk($0.1) }
                let over = rest.filter { $0.0 == .divide }.map(\.1)
                guard !over.isEmpty, let whole = expr(n) else { return }
                let times = [first] + rest.filter { $0.0 != .divide }.map(\.1)
                guard let u = product(times), let v = product(over), it.ctx.div(u, v) === whole else { return }
                found[whole] = (u, v)
            }
        }
        walk(e)
        return found
    }

    /// `step` with every product step of a written quotient (whose
    /// denominator holds `x`) restated by the quotient rule.
    func restatingQuotients(_ step: DerivationStep, _ quotients: [Expr: (numerator: Expr, denominator: Expr)],
                            _ x: Expr) -> DerivationStep {
        if quotients.isEmpty { return step }
        var done: [Expr: DerivationStep] = [:]
        func go(_ s: DerivationStep) -> DerivationStep {
            if let d = done[s.expression] { return d }
            let out: DerivationStep
            if let q = quotients[s.expression], q.denominator.contains(x) {
                out = quotientStep(s.expression, q.numerator, q.denominator, x, go)
            } else {
                out = DerivationStep(expression: s.expression, rule: s.rule, result: s.result, parts: s.parts.map(go))
            }
            done[s.expression] = out
            return out
        }
        return go(step)
    }

    /// (u/v)' = (u'v − uv')/v² for the node `e` = u·v⁻¹, with u's and v's own derivations as its parts.
    func quotientStep(_ e: Expr, _ u: Expr, _ v: Expr, _ x: Expr, _ restate: (DerivationStep) -> DerivationStep) -> DerivationStep {
        let c = it.ctx
        let d = Differentiator(c, variable: x, recording: true, interrupt: it.interrupt)
        let du = d.derivative(u), dv = d.derivative(v)
        let parts = [u, v].compactMap { d.step(for: $0) }.map(restate)
        return DerivationStep(expression: e, rule: .quotient(numerator: u, denominator: v, numeratorDerivative: du, denominatorDerivative: dv),
                              result: ExplainCommand.quotientResult(u, v, du, dv, in: c), parts: parts)
    }

    /// (u'v − uv')/v², the numerator multiplied out when that is no larger.
    static func quotientResult(_ u: Expr, _ v: Expr, _ du: Expr, _ dv: Expr, in c: ExprContext) -> Expr {
        var top = c.sub(c.mul([du, v]), c.mul([u, dv]))
        let expanded = c.expand(top)
        if expanded.treeSize(cap: 10_000) <= top.treeSize(cap: 10_000) { top = expanded }
        return c.div(top, c.pow(v, c.two))
    }
}
