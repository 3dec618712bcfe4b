// MultiStartRateTests — `minimize … from random N in (…) rate 1, 5` ran rate 1
// alone and printed "rate 1" without a word about 5 (found by the issue-14
// work on `rate 1,5`). Random starts take one rate; several are an error at
// the extra rates, in both languages, and one rate still runs.

import Testing
@testable import CalcCore

@Suite("random starts and several rates")
struct MultiStartRateTests {
    @Test("several rates with random starts are an error at the extra rates", arguments: [
        ("rate 1, 5", 2, "5"),
        ("rate 1,5", 2, "5"),
        ("rate 0.1, 0.2, 0.3", 3, "0.2, 0.3"),
    ])
    func severalRates(_ rates: String, _ count: Int, _ marked: String) throws {
        let h = SymbolicHarness()
        _ = h.run("f(x) = (x - 1)^2")
        let line = "minimize f from random 3 in (x from -1 to 1) \(rates)"
        let out = h.run(line)
        #expect(out.results.isEmpty, "\(out.results)")
        let errors = out.diagnostics.filter { $0.severity == .error }
        let d = try #require(errors.first)
        #expect(errors.count == 1)
        #expect(d.id == .badOption)
        #expect(d.text == .command(.severalRatesWithRandomStarts(count: count)))
        let chars = Array(line.utf8)
        let quoted = String(decoding: chars[d.range.start..<d.range.end], as: UTF8.self)
        #expect(quoted == marked)
    }

    @Test("one rate with random starts runs")
    func oneRate() {
        let h = SymbolicHarness()
        _ = h.run("f(x) = (x - 1)^2")
        let out = h.run("minimize f from random 3 in (x from -1 to 1) rate 0.1")
        #expect(out.diagnostics.filter { $0.severity == .error }.isEmpty, "\(out.diagnostics)")
        #expect(!out.results.isEmpty)
    }
}
