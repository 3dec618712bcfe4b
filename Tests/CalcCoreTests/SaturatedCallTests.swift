// SaturatedCallTests — issue 14's textbook cross-entropy written as a user
// function and called at numbers: `CE(0, 800)` was "ln is undefined for 0"
// because the call's body folds ln(1 - σ(800)) eagerly, where σ(800) is the
// double 1. Interpreter.saturatedCall computes such a call as `at` does, with
// the stable forms. References from mpmath at 1,000 digits:
//   python3 -c "from mpmath import *; mp.dps = 1000; s = lambda x: 1/(1 + exp(-mpf(x)));
//               print(nstr(-(y*log(s(z)) + (1 - y)*log(1 - s(z))), 20))"   # per row

import Testing
@testable import CalcCore

@Suite("calls through a saturated sigmoid")
struct SaturatedCallTests {
    static let definition = "CE(y, z) = -(y*ln(sigmoid(z)) + (1-y)*ln(1-sigmoid(z)))"

    @Test("the cross-entropy called at saturated points is finite and right", arguments: [
        ("CE(0, 20)", 20.00000000206115362),
        ("CE(0, 40)", 40.000000000000000004),
        ("CE(0.3, 40)", 28.000000000000000448),   // y is the double 0.3
        ("CE(0, 800)", 800.0),
        ("CE(1, -800)", 800.0),
    ])
    func crossEntropy(_ call: String, _ expected: Double) throws {
        let h = SymbolicHarness()
        _ = h.run(Self.definition)
        let v = try #require(h.expr(call)?.numberValue?.double, "\(h.run(call))")
        #expect(Swift.abs(v - expected) <= 1e-12 * Swift.abs(expected), "\(call) = \(v)")
    }

    @Test("a body without sigmoid keeps its domain error")
    func otherDomainErrorsStay() {
        let h = SymbolicHarness()
        _ = h.run("g(x) = ln(x) - ln(x)")
        let out = h.run("g(0)")
        #expect(out.results.isEmpty && out.diagnostics.map(\.id) == [.domain], "\(out)")
    }

    @Test("a sigmoid body that is undefined stays an error")
    func undefinedStaysUndefined() {
        let h = SymbolicHarness()
        _ = h.run("q(x) = ln(sigmoid(x) - 1)")
        let out = h.run("q(3)")
        #expect(out.results.isEmpty && out.diagnostics.map(\.id) == [.domain], "\(out)")
    }
}
