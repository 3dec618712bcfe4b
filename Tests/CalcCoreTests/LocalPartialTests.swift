// LocalPartialTests — Differentiator.localPartials(of:), the local rules that
// backpropagation evaluates at a point, against the full derivative: for
// every node of random expressions (seeded) and a few hand-picked ones,
// Σᵢ ∂node/∂childᵢ · d childᵢ/dx must equal d node/dx numerically at random
// points. Both sides come from the one statement of each rule, so this checks
// the contract (one partial per direct child, in order; the chain rule is
// their sum) rather than the rules themselves, which DerivativePropertyTests
// checks against finite differences.

import Testing
@testable import CalcCore

@Suite("local partials")
struct LocalPartialTests {
    /// Every node of `e` (each shared node once), children before parents.
    func nodes(_ e: Expr) -> [Expr] {
        var seen = Set<ObjectIdentifier>(), out: [Expr] = []
        func walk(_ n: Expr) {
            guard seen.insert(ObjectIdentifier(n)).inserted else { return }
            n.children.forEach(walk)
            out.append(n)
        }
        walk(e)
        return out
    }

    /// Checks the contract at each node of `e` at `points`; returns how many (node, point) pairs were compared.
    @discardableResult
    func check(_ h: SymbolicHarness, _ e: Expr, _ points: [[String: Double]], _ label: String) -> Int {
        let d = Differentiator(h.ctx, variable: h.ctx.symbol("x"))
        var compared = 0
        for n in nodes(e) {
            let partials = d.localPartials(of: n)
            if case .call(let f, _) = n.kind, f.isReduction { #expect(partials.isEmpty); continue }
            #expect(partials.count == n.children.count, "\(label): \(n)")
            guard partials.count == n.children.count, !partials.isEmpty else { continue }
            let full = d.derivative(n)
            let children = n.children.map { d.derivative($0) }
            for p in points {
                guard let want = h.value(full, p), want.isFinite else { continue }
                var sum = 0.0, defined = true
                for (partial, child) in zip(partials, children) {
                    guard let dc = h.value(child, p) else { defined = false; break }
                    if dc == 0 { continue }                       // a child free of x: its partial does not count
                    guard let lp = h.value(partial, p), lp.isFinite else { defined = false; break }
                    sum += lp * dc
                }
                guard defined else { continue }
                #expect(Swift.abs(sum - want) <= 1e-9 * Swift.max(1, Swift.abs(want)),
                        "\(label): node \(n) at \(p): Σ local·child = \(sum), derivative = \(want)")
                compared += 1
            }
        }
        return compared
    }

    func points(_ rng: inout SeededRandom, _ count: Int) -> [[String: Double]] {
        (0..<count).map { _ in ["x": rng.uniform(-2, 2), "y": rng.uniform(-2, 2)] }
    }

    @Test("Σ local partial · child derivative = the derivative, random expressions", arguments: 0..<60)
    func random(_ seed: Int) {
        var rng = SeededRandom(seed: UInt64(seed) &+ 977)
        let h = SymbolicHarness()
        let text = randomExpression(&rng, depth: 4)
        guard let e = h.expr(text) else { return }
        check(h, e, points(&rng, 4), text)
    }

    @Test("every kind of node: sums, products, all three power rules, calls of one and two arguments")
    func shapes() {
        var rng = SeededRandom(seed: 5)
        let h = SymbolicHarness()
        let cases = ["x^x", "2^x", "(x^2 + 1)^y", "y^(x*x)", "sin(x)*cos(x)*exp(x)*x^3*(x + 1)", "atan2(x, y + x^2)",
                     "min(x, 2*x) + max(x^2, y)", "sin(cos(exp(tanh(x))))", "ln(x^2 + 1)*sqrt(x^2 + 2)", "x/(x + 3)"]
        var compared = 0
        for text in cases {
            guard let e = h.expr(text) else { Issue.record("\(text) did not parse"); continue }
            compared += check(h, e, points(&rng, 6), text)
        }
        #expect(compared > 100)
    }

    @Test("leaves and reductions have no local partials; a sum has 1s")
    func edges() {
        let h = SymbolicHarness()
        let c = h.ctx
        #expect(Differentiator.localPartials(of: c.symbol("x"), in: c).isEmpty)
        #expect(Differentiator.localPartials(of: c.int(3), in: c).isEmpty)
        if let s = h.expr("sum(x*[1, 2])") { #expect(Differentiator.localPartials(of: s, in: c).isEmpty) }
        if let s = h.expr("x + y + 1") { #expect(Differentiator.localPartials(of: s, in: c).allSatisfy { $0 === c.one }) }
        if let p = h.expr("x*y") {
            #expect(Differentiator.localPartials(of: p, in: c).map { h.plain($0) } == ["y", "x"])
        }
        if let p = h.expr("x^y") {
            #expect(Differentiator.localPartials(of: p, in: c).map { h.plain($0) } == ["x^(y - 1)*y", "x^y*ln(x)"])
        }
    }
}

@Suite("one chain-rule path")
struct ChainRulePathTests {
    /// Recording used to switch chains of calls to a level-by-level rule, and
    /// when an inner derivative was −1 times a sum (distributed into a sum),
    /// explain's result took another form than diff's.
    @Test("explain ends in diff's result through a chain whose inner derivative is −(sum)",
          arguments: ["exp(tan(2 - x))", "sin(tan(-x))", "cos(tanh(1 - x))*exp(tan(2 - x))", "sigmoid(atan(cos(3 - x)))"])
    func chainThroughNegatedSum(_ e: String) {
        let s = Session()
        let diff = explainText("diff(\(e), x)", session: s)
        let explained = explainText("explain diff(\(e), x)", session: s)
        #expect(explained.hasSuffix("\n= " + diff), "\(e)")
    }
}
