// PrintSizeTests — values whose written-out form is exponentially large (a
// composition chain: a few dozen shared pieces, 2³² written) are refused
// with "too large to print" on every path that writes one out, in bounded
// time, instead of printing for hours; numbers from them still work.

import Foundation
import Testing
@testable import CalcCore

@Suite("print size")
struct PrintSizeTests {
    static let chain = "f(x) = sin(x) + cos(x); g(x) = f(f(x)); h(x) = g(g(x)); i(x) = h(h(x)); j(x) = i(i(x)); k(x) = j(j(x));\n"

    /// Runs `program` after the chain; its results and diagnostics, and how long it took.
    func run(_ program: String) -> (results: [String], ids: [DiagnosticID], seconds: Double) {
        let start = Date()
        let events = Session().run(Self.chain + program, keepGoing: true).events
        var results: [String] = [], ids: [DiagnosticID] = []
        for e in events {
            if case .result(let r) = e { results.append(r) }
            if case .info(let r) = e { results.append(r) }
            if case .diagnostic(let d) = e { ids.append(d.id) }
        }
        return (results, ids, Date().timeIntervalSince(start))
    }

    @Test("`k'(1)`: the derived function's text is not written out to evaluate it")
    func primeAtPoint() {
        let r = run("k'(1)")
        #expect(r.ids.isEmpty)
        #expect(r.results.count == 1)
        #expect(r.seconds < 20)
    }

    @Test("`k'`, `:vars`, `explain diff(k(x), x)`: “too large to print”", arguments: ["k'", "k2 = k'\n:vars", "explain diff(k(x), x)"])
    func refused(_ program: String) {
        let r = run(program)
        #expect(r.ids.last == .limit, "\(r.results.map { $0.prefix(80) })")
        #expect(r.seconds < 20)
    }
}
