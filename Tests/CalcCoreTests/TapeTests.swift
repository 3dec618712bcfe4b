// TapeTests — the compiled tape against the checked evaluation, on the same
// expressions. `minimize`, `plot` and `at` run the tape (Compiler →
// CompiledProgram, no domain checks); errors and `explain` use the checked
// Evaluator and Builtin.evaluate. The two must tell the same story:
//   - every built-in on its own, at the edges of its domain (0, ±1, poles,
//     ±inf, NaN, huge values), and `len`/`sum`/`mean` of a scalar: the tape's
//     value is the checked value bit for bit, and where the checked one
//     reports a domain problem the tape gives NaN or ±inf, never a number;
//   - ≥ 500 seeded random expressions (the derivative property tests'
//     generator) over x, y and a data list, many reduced by sum/mean/len, at
//     random points and domain edges: the tape agrees with the Evaluator bit
//     for bit (about 93% of the points) or up to rounding — the tape adds a
//     sum's constant last, divides where the Evaluator multiplies by a
//     reciprocal and squares by multiplication, so the tolerance is a few
//     hundred ulps of the largest intermediate value plus the value's own
//     sensitivity to the inputs' last bits — and at each node where the
//     Evaluator first reports a domain problem the tape's value is not finite.

import Testing
@testable import CalcCore

#if canImport(Glibc)
import Glibc
#endif

@Suite("compiled tape vs checked evaluation")
struct TapeTests {
    /// Equal as values: the same bits, or both NaN.
    static func same(_ a: Double, _ b: Double) -> Bool {
        a.bitPattern == b.bitPattern || (a.isNaN && b.isNaN)
    }

    static let edges: [Double] = [0, -0.0, 1, -1, 0.5, -0.5, 2, -2, 1e-300, -1e-300, 1e300, -1e300,
                                  .pi / 2, .pi, 3.75, -3.75, 710, -745, .infinity, -.infinity, .nan]

    @Test("every built-in: tape value = checked value, and a domain error is NaN/inf on the tape")
    func builtinTable() throws {
        let ctx = ExprContext()
        let x = ctx.symbol("x"), y = ctx.symbol("y")
        var failures: [String] = []
        for f in Builtin.allCases {
            // the raw node: the constructors' folding (len of a scalar is 1, sum is the scalar) is not under test here
            let node = ctx.intern(.call(f, f.arity == 2 ? [x, y] : [x]))
            let program = try Compiler.compile([node], variables: ["x", "y"], context: ctx)
            for a in Self.edges {
                for b in (f.arity == 2 ? Self.edges : [0]) {
                    let tape = program.evaluate([a, b])[0]
                    let args = f.arity == 2 ? [a, b] : [a]
                    switch f.evaluate(args) {
                    case .success(let v):
                        if !Self.same(tape, v) { failures.append("\(f)\(args): tape \(tape), Builtin.evaluate \(v)") }
                    case .failure(let issue):
                        if tape.isFinite { failures.append("\(f)\(args): tape \(tape), Builtin.evaluate: \(issue.message)") }
                    }
                    var ev = Evaluator(context: ctx, values: ["x": .scalar(a), "y": .scalar(b)])
                    do {
                        let v = try ev.evaluate(node)
                        if v.scalar.map({ Self.same(tape, $0) }) != true { failures.append("\(f)\(args): tape \(tape), Evaluator \(v)") }
                    } catch {
                        if tape.isFinite { failures.append("\(f)\(args): tape \(tape), Evaluator: \(error.message)") }
                    }
                }
            }
        }
        #expect(failures.isEmpty, "\(failures.count) disagreements:\n\(failures.prefix(30).joined(separator: "\n"))")
    }

    /// The data list the random expressions range over (0 is a domain edge of ln, 1/…).
    static let data = "xs = [0.5, -1.25, 2, 0, 3]"

    struct Tally {
        var expressions = 0, comparisons = 0, bitwise = 0, domainOrigins = 0, illConditioned = 0, listValued = 0
        var coverage: Set<Builtin> = []
        var failures: [String] = []
        mutating func fail(_ s: String) { if failures.count < 30 { failures.append(s) } }
    }

    /// Every distinct node of `e`, children before parents.
    static func nodes(_ e: Expr) -> [Expr] {
        var seen = Set<ObjectIdentifier>(), out: [Expr] = []
        func walk(_ e: Expr) {
            guard seen.insert(ObjectIdentifier(e)).inserted else { return }
            e.children.forEach(walk)
            out.append(e)
        }
        walk(e)
        return out
    }

    static func check(seed: UInt64, count: Int) throws -> Tally {
        let h = SymbolicHarness()
        _ = h.run(data)
        var gen = ExprGenerator(rng: SeededRandom(seed: seed), variables: ["x", "y", "xs"])
        var scalarGen = ExprGenerator(rng: SeededRandom(seed: seed ^ 0x5EED), variables: ["x", "y"])
        var pointRNG = SeededRandom(seed: seed ^ 0xC0FFEE)
        let reductions = ["sum", "mean", "len"]
        var t = Tally()
        var attempts = 0
        while t.expressions < count && attempts < 20 * count {
            attempts += 1
            let g = gen.gen(Int.random(in: 1...4, using: &gen.rng)).source
            let src: String
            switch gen.int(0..<6) {
            case 0, 1: src = g.contains("xs") ? "\(reductions[gen.int(0..<3)])(\(g))" : g
            case 2: src = "\(reductions[gen.int(0..<3)])(\(g)) * (\(scalarGen.gen(2).source))"
            case 3: src = "(\(scalarGen.gen(2).source)) + \(reductions[gen.int(0..<3)])(\(g))"
            default: src = scalarGen.gen(Int.random(in: 1...4, using: &scalarGen.rng)).source
            }
            guard let e = h.expr(src) else { continue }   // a constant with a domain error (ln(-2)) is rejected when parsed
            let all = nodes(e)
            // per-node outputs: the scalar nodes (no data, or a reduction of data)
            let scalarNodes = all.filter { n in
                if !n.hasData { return true }
                if case .call(let f, _) = n.kind, f.isReduction { return true }
                return false
            }
            let whole: CompiledProgram, each: CompiledProgram
            do {
                whole = try Compiler.compile([e], variables: ["x", "y"], context: h.ctx)
            } catch {
                // the interpreter can leave a list inside a reduction's result when a numeric
                // list meets a data expression (sum(max(ln(1 + xs^2) - y, x + xs))): the
                // value is then a list for the Evaluator too, and not the tape's business
                var ev = Evaluator(context: h.ctx, values: ["x": .scalar(0.25), "y": .scalar(0.75)])
                if case .vector? = try? ev.evaluate(e) { t.listValued += 1; continue }
                t.fail("`\(src)` = `\(e)` did not compile: \(error.message)")
                continue
            }
            do {
                each = try Compiler.compile(scalarNodes, variables: ["x", "y"], context: h.ctx)
            } catch {
                t.fail("the nodes of `\(src)` = `\(e)` did not compile: \(error.message)")
                continue
            }
            t.expressions += 1
            for n in all { if case .call(let f, _) = n.kind { t.coverage.insert(f) } }
            for k in 0..<6 {
                func coordinate() -> Double {
                    k < 2 ? [0, 1, -1, 0.5, -0.5, 2][Int.random(in: 0..<6, using: &pointRNG)]
                          : Double.random(in: -2.5...2.5, using: &pointRNG)
                }
                let p = [coordinate(), coordinate()]
                var ev = Evaluator(context: h.ctx, values: ["x": .scalar(p[0]), "y": .scalar(p[1])])
                var checked: [ObjectIdentifier: NumericValue] = [:]
                var scale = 1.0
                for n in all {
                    guard let v = try? ev.evaluate(n) else { continue }
                    checked[ObjectIdentifier(n)] = v
                    switch v {
                    case .scalar(let d): if d.isFinite { scale = Swift.max(scale, Swift.abs(d)) }
                    case .vector(let ds): for d in ds where d.isFinite { scale = Swift.max(scale, Swift.abs(d)) }
                    }
                }
                // a domain problem first found at node n: the tape's value there is NaN or ±inf
                let tapes = each.evaluate(p)
                for (n, tape) in zip(scalarNodes, tapes) where checked[ObjectIdentifier(n)] == nil {
                    guard n.children.allSatisfy({ checked[ObjectIdentifier($0)] != nil }) else { continue }
                    t.domainOrigins += 1
                    if tape.isFinite { t.fail("`\(n)` at \(p): the Evaluator reports a domain error, the tape gives \(tape) (in `\(src)`)") }
                }
                // the whole expression: the same value up to rounding
                guard case .scalar(let c)? = checked[ObjectIdentifier(e)] else { continue }
                let tape = whole.evaluate(p)[0]
                t.comparisons += 1
                if Self.same(tape, c) { t.bitwise += 1; continue }
                if c.isFinite != tape.isFinite || c.isNaN != tape.isNaN {
                    // overflow or a pole reached by one rounding and not the other
                    if Swift.abs(c) > 1e250 || Swift.abs(tape) > 1e250 { t.illConditioned += 1; continue }
                    t.fail("`\(src)` at \(p): tape \(tape), Evaluator \(c)")
                    continue
                }
                // rounding differences grow with the largest intermediate value and
                // with how sharply the value changes under a last-bit change of the inputs
                var sensitivity = 0.0
                for d in [1e-13, -1e-13] {
                    var pe = Evaluator(context: h.ctx, values: ["x": .scalar(p[0] * (1 + d)), "y": .scalar(p[1] * (1 - d))])
                    if let v = (try? pe.evaluate(e))?.scalar, v.isFinite { sensitivity = Swift.max(sensitivity, Swift.abs(v - c)) }
                    else { sensitivity = .infinity }
                }
                let tolerance = 1e-13 * Swift.max(scale, Swift.abs(c)) + 4 * sensitivity
                if !(Swift.abs(tape - c) <= tolerance) {
                    if sensitivity.isInfinite || sensitivity > 1e-3 * Swift.max(1, Swift.abs(c)) { t.illConditioned += 1; continue }
                    t.fail("`\(src)` at \(p): tape \(tape), Evaluator \(c), difference \(Swift.abs(tape - c)) > \(tolerance)")
                }
            }
        }
        return t
    }

    @Test("600 random expressions over every built-in: tape = Evaluator")
    func randomExpressions() throws {
        var covered: Set<Builtin> = []
        for seed in [UInt64(0x7A9E), 0xB17B] {
            let t = try Self.check(seed: seed, count: 300)
            covered.formUnion(t.coverage)
            #expect(t.expressions == 300)
            #expect(t.comparisons > 3 * 300, "most points should be inside the domain")
            #expect(t.domainOrigins > 20, "domain edges should be reached")
            #expect(t.bitwise > t.comparisons * 8 / 10, "\(t.bitwise) of \(t.comparisons) bit for bit")
            #expect(t.listValued < 10)
            #expect(t.illConditioned < t.comparisons / 20, "\(t.illConditioned) ill-conditioned of \(t.comparisons)")
            #expect(t.failures.isEmpty, "seed \(seed): \(t.failures.count) failures:\n\(t.failures.joined(separator: "\n"))")
        }
        let missing = Builtin.allCases.filter { !covered.contains($0) }
        #expect(missing.isEmpty, "not generated: \(missing)")
    }
}
