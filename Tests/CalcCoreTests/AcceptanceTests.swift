// AcceptanceTests — calc's derivatives against an independent computer
// algebra system. golden/acceptance.tsv (written by scripts/sympy_acceptance.py
// with SymPy; the project never runs Python) holds several hundred expressions
// — neural-net losses and neurons, trig/hyperbolic/log/exp compositions,
// quotients, variable exponents, and random ones — each with a variable, a
// point, SymPy's value of the derivative there and SymPy's `count_ops` of its
// `diff` output. For every row calc's derivative must have that value, its
// plain printed form must parse back and have it too, and over the whole set
// calc's printed derivative must be no larger than SymPy's (OpCount mirrors
// count_ops; see SymbolicTestSupport.swift) in at least 90% of the rows.
// The seventh column is SymPy's count_ops of `simplify(diff(...))`: calc's
// `simplify` of its derivative must be no larger than that in at least 90%
// of the rows too (the script regenerates the column; this test reads it).

import Testing
@testable import CalcCore

struct AcceptanceRow: Sendable {
    let kind: String, expression: String, variable: String
    let point: [String: Double]
    let expected: Double
    let sympyOps: Int
    /// count_ops(simplify(diff(...))) in SymPy.
    let sympySimplifiedOps: Int

    static func load() throws -> [AcceptanceRow] {
        let path = String(#filePath.dropLast("AcceptanceTests.swift".count)) + "golden/acceptance.tsv"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        return text.split(separator: "\n").compactMap { line -> AcceptanceRow? in
            if line.hasPrefix("#") { return nil }
            let f = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard f.count == 7, let v = Double(f[4]), let ops = Int(f[5]), let simplified = Int(f[6]) else { return nil }
            var point: [String: Double] = [:]
            for kv in f[3].split(separator: ";") {
                let parts = kv.split(separator: "=")
                point[String(parts[0])] = Double(String(parts[1]))
            }
            return AcceptanceRow(kind: f[0], expression: f[1], variable: f[2], point: point, expected: v, sympyOps: ops,
                                 sympySimplifiedOps: simplified)
        }
    }
}

@Suite("acceptance against SymPy")
struct AcceptanceTests {
    @Test("several hundred derivatives: value, printed form, size")
    func acceptance() throws {
        let rows = try AcceptanceRow.load()
        #expect(rows.count >= 400)
        let h = SymbolicHarness()
        var notLarger = 0
        var ratios: [Double] = []
        var larger: [(Int, Int, String, String)] = []
        var calcTotal = 0, sympyTotal = 0
        var classics = 0, classicsNotLarger = 0
        for r in rows {
            let id = "d/d\(r.variable) \(r.expression) at \(r.point)"
            guard let e = h.expr(r.expression) else { Issue.record("calc cannot read `\(r.expression)`"); continue }
            let d = h.derivative(e, r.variable)
            let tol = 1e-8 * Swift.max(1, Swift.abs(r.expected))
            let v = h.value(d, r.point)
            #expect(v.map { Swift.abs($0 - r.expected) <= tol } == true,
                    "\(id): calc \(h.plain(d)) = \(v.map { "\($0)" } ?? "undefined"), SymPy \(r.expected)")
            // the plain printed form is valid input with the same value
            let printed = h.plain(d)
            let back = h.expr(printed)
            #expect(back != nil, "\(id): printed `\(printed)` does not parse")
            if let back {
                let bv = h.value(back, r.point)
                #expect(bv.map { Swift.abs($0 - r.expected) <= tol } == true,
                        "\(id): printed `\(printed)` re-parsed has value \(bv.map { "\($0)" } ?? "undefined"), SymPy \(r.expected)")
            }
            let ops = OpCount.count(d, h.ctx)
            calcTotal += ops
            sympyTotal += r.sympyOps
            if r.kind == "classic" { classics += 1; if ops <= r.sympyOps { classicsNotLarger += 1 } }
            if ops <= r.sympyOps { notLarger += 1 } else { larger.append((ops, r.sympyOps, r.expression, printed)) }
            ratios.append(Double(ops) / Double(Swift.max(1, r.sympyOps)))
        }
        ratios.sort()
        let share = Double(notLarger) / Double(rows.count)
        let median = ratios.isEmpty ? 0 : ratios[ratios.count / 2]
        print("acceptance: \(rows.count) derivatives; calc's printed size ≤ SymPy's diff in \(notLarger) "
              + "(\(Int((share * 1000).rounded()) / 10)%); median size ratio calc/SymPy \(median); "
              + "total operations calc \(calcTotal), SymPy \(sympyTotal); hand-picked: \(classicsNotLarger) of \(classics) no larger")
        for (c, s, e, p) in larger.sorted(by: { $0.0 - $0.1 > $1.0 - $1.1 }).prefix(12) {
            print("  larger: \(c) vs \(s) ops: d/d… \(e) → \(p)")
        }
        #expect(share >= 0.9, "calc's derivative is no larger than SymPy's in only \(notLarger) of \(rows.count)")
    }

    @Test("simplify(diff) against SymPy's simplify(diff): value and size")
    func simplifiedAcceptance() throws {
        let rows = try AcceptanceRow.load()
        #expect(rows.count >= 400)
        let h = SymbolicHarness()
        var notLarger = 0, defaultNotLarger = 0
        var larger: [(Int, Int, String, String)] = []
        for r in rows {
            guard let e = h.expr(r.expression) else { Issue.record("calc cannot read `\(r.expression)`"); continue }
            let d = h.derivative(e, r.variable)
            let s = h.ctx.simplify(d)
            let tol = 1e-8 * Swift.max(1, Swift.abs(r.expected))
            let v = h.value(s, r.point)
            #expect(v.map { Swift.abs($0 - r.expected) <= tol } == true,
                    "d/d\(r.variable) \(r.expression): simplified \(h.plain(s)) = \(v.map { "\($0)" } ?? "undefined"), SymPy \(r.expected)")
            let ops = OpCount.count(s, h.ctx)
            if OpCount.count(d, h.ctx) <= r.sympySimplifiedOps { defaultNotLarger += 1 }
            if ops <= r.sympySimplifiedOps { notLarger += 1 } else { larger.append((ops, r.sympySimplifiedOps, r.expression, h.plain(s))) }
        }
        let share = Double(notLarger) / Double(rows.count)
        print("acceptance: simplify(diff) no larger than SymPy's simplify(diff) in \(notLarger) of \(rows.count) "
              + "(\(Int((share * 1000).rounded()) / 10)%); diff as printed by default: \(defaultNotLarger)")
        for (c, s, e, p) in larger.sorted(by: { $0.0 - $0.1 > $1.0 - $1.1 }).prefix(40) {
            print("  larger than simplify: \(c) vs \(s) ops: d/d… \(e) → \(p)")
        }
        #expect(share >= 0.9, "calc's simplify(diff) is no larger than SymPy's simplify(diff) in only \(notLarger) of \(rows.count)")
    }

    @Test("the operation counter mirrors sympy.count_ops", arguments: [
        // (calc input, count_ops of the same expression in SymPy 1.14)
        ("x - y", 1), ("-x", 1), ("-x - y", 2), ("x/2", 1), ("-x/2", 2), ("2*x/3", 2),
        ("x*exp(-x)", 2), ("exp(-x)", 2), ("x^(-2)", 2), ("2/x^2", 2), ("sqrt(x)", 2), ("1/sqrt(x)", 3),
        ("x^(-3/2)", 3), ("2^x", 1), ("x/2^x", 2), ("sin(x)*x + sin(x)^2", 5), ("1 + a + b^2", 3),
        ("exp(-x)/(1 + exp(-x))^2", 7), ("x^(-x)", 2), ("1/(x*y)", 2),
    ])
    func opCounter(_ input: String, _ sympy: Int) throws {
        let h = SymbolicHarness()
        let e = try #require(h.expr(input))
        #expect(OpCount.count(e, h.ctx) == sympy, "\(input) printed as \(h.plain(e))")
    }
}
