// DerivativeDomainTests — a derivative evaluated where the function it was
// taken of is undefined is that function's domain error, not a number:
// d/dx ln(x) = 1/x is defined at -1, but ln is not, so neither is its
// derivative there (docs/language.md, Derivatives).

import Testing
@testable import CalcCore

@Suite("derivatives outside the original's domain")
struct DerivativeDomainTests {
    @Test("diff(ln(x), x) at -1 is ln's domain error, not -1")
    func lnAtMinusOne() {
        guard case .failure(let d) = evaluate("diff(ln(x), x) at -1") else { Issue.record("no error"); return }
        #expect(d.id == .domain)
        #expect(d.message == "ln is undefined for -1")
    }

    @Test("every derivative notation checks the original at the point", arguments: [
        ("d/dx ln(x) at -1", "ln is undefined for -1"),
        ("diff(ln(x), x, 2) at -1", "ln is undefined for -1"),
        ("grad(ln(x) + y) at (-1, 2)", "ln is undefined for -1"),
        ("hessian(ln(x)*y) at (-1, 1)", "ln is undefined for -1"),
        ("g(x, y) = ln(x)*y\n∂g/∂x at (-1, 2)", "ln is undefined for -1"),
        ("f(x) = ln(x)\nf'(-1)", "ln is undefined for -1"),
        ("f(x) = ln(x)\nf''(-1)", "ln is undefined for -1"),
        ("fx(x) = diff(ln(x), x)\nfx(-1)", "ln is undefined for -1"),
        ("diff(atanh(x), x) at 2", "atanh is undefined for 2 (it is infinite at ±1)"),
    ])
    func everyNotation(_ program: String, _ message: String) {
        #expect(evalText(program) == "error: " + message)
    }

    @Test("inside the domain the derivative's value is unchanged", arguments: [
        ("diff(ln(x), x) at 2", "0.5"),
        ("d/dx ln(x) at 4", "0.25"),
        ("f(x) = ln(x)\nf'(2)", "0.5"),
        ("fx(x) = diff(ln(x), x)\nfx(2)", "0.5"),
        ("diff(x^2, x) at -3", "-6"),
        ("diff(x*y, x) at (x = -1)", "y"),
        ("grad(ln(x) + y) at (1, 2)", "(1, 1)"),
    ])
    func insideTheDomain(_ program: String, _ value: String) {
        #expect(evalText(program) == value)
    }
}
