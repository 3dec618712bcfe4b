// EvaluatorTests — values of expressions through a Session: exact
// arithmetic, symbolic results, functions, lists, constants, domains, and
// the errors each misuse produces.

import Testing
@testable import CalcCore

/// Runs statements and returns the last result line (or the first error's id).
func evaluate(_ text: String, session: Session = Session()) -> Result<String, Diagnostic> {
    var last = ""
    var failure: Diagnostic? = nil
    session.run(SourceFile(name: "t", text: text)) { e in
        switch e {
        case .result(let s), .info(let s): last = s
        case .diagnostic(let d): if failure == nil && d.severity == .error { failure = d }
        case .quit: break
        }
    }
    if let failure { return .failure(failure) }
    return .success(last)
}

/// The last result line, or `error: message` if a statement failed.
func evalText(_ text: String, session: Session = Session()) -> String {
    switch evaluate(text, session: session) {
    case .success(let s): return s
    case .failure(let d): return "error: \(d.message)"
    }
}

@Suite("evaluator")
struct EvaluatorTests {
    @Test("values", arguments: [
        ("1 + 2*3", "7"), ("2^3^2", "512"), ("-2^2", "-4"), ("7/2", "3.5"), ("1/3 + 1/6", "0.5"),
        ("(1/3)*3", "1"), ("2^-2", "0.25"), ("0.1 + 0.2", "0.3"), ("1e3", "1000"), ("1_000 * 2", "2000"),
        ("2x*y", "2*x*y"), ("sqrt(16)", "4"), ("27^(1/3)", "3"),
        ("cbrt(-8)", "-2"), ("exp(0)", "1"), ("ln(e)", "1"), ("log(100)", "4.60517018599"),
        ("log(10, 1000)", "3"), ("log2(8)", "3"), ("log10(0.001)", "-3"), ("atan2(1, 1)*4", "3.14159265359"),
        ("sigmoid(0)", "0.5"), ("σ(0)", "0.5"), ("softplus(0)", "0.69314718056"), ("relu(-3)", "0"), ("relu(3)", "3"),
        ("min(2, -1)", "-1"), ("max(2, -1)", "2"), ("abs(-2.5)", "2.5"), ("sign(-3)", "-1"), ("floor(2.7)", "2"),
        ("ceil(2.1)", "3"), ("tanh(0)", "0"), ("cosh(0)", "1"), ("sec(0)", "1"), ("inf + 1", "inf"), ("-inf", "-inf"),
        ("nan", "nan"), ("π", "3.14159265359"), ("2π", "6.28318530718"), ("e", "2.71828182846"),
        ("x = 4; x^2", "16"), ("x = 4; ans + 1", "5"), ("f(x) = x^2; f(3)", "9"), ("f(x) = x^2; f(a + 1)", "(a + 1)^2"),
        ("g(x, y) = x*y; g(2, 3)", "6"), ("a*x + a*x", "2*a*x"), ("2x + 3x", "5*x"), ("x*x^2", "x^3"), ("x/x", "1"),
        ("x - x", "0"), ("-(x - 1)", "1 - x"), ("(x + 1) - 2*(x/2 - 1)", "3"), ("200*(y - x^2)", "200*(y - x^2)"), ("2*(x + 1) - 2*x", "2"), ("0*x", "0"), ("x^1", "x"), ("x^0", "1"), ("--x", "x"), ("(x + 1) - (x - 1)", "2"),
        ("xs = [1, 2, 3]; xs*2", "[2, 4, 6]"), ("[1, 2] + [3, 4]", "[4, 6]"), ("sum([1, 2, 3])", "6"),
        ("mean([1, 2, 3, 4])", "2.5"), ("len([5, 6])", "2"), ("sin([0, 0])", "[0, 0]"), ("(1, 2)*2", "(2, 4)"),
        ("(1, 2) + (3, 4)", "(4, 6)"), ("x^2 at 3", "9"), ("x*y at (2, 3)", "6"), ("x*y at (y = 2, x = 3)", "6"),
        ("x + y at (x = 1)", "y + 1"), ("rate = 0.5; rate*2", "1"), ("h(t) = 2t; h'", "h'(t) = 2"),
        ("1/(2*pi)", "0.159154943092"), ("exp(1000)", "inf"), ("sigmoid(-1000)", "0"), ("softplus(-1000)", "0"),
    ])
    func values(_ input: String, _ expected: String) {
        #expect(evalText(input) == expected)
    }

    @Test("errors", arguments: [
        ("ln(-1)", DiagnosticID.domain), ("ln(0)", .domain), ("sqrt(-4)", .domain), ("asin(2)", .domain),
        ("acosh(0.5)", .domain), ("atanh(1)", .domain), ("1/0", .divisionByZero), ("0^-1", .divisionByZero),
        ("x/0", .divisionByZero), ("(-8)^(1/3)", .domain), ("cot(0)", .divisionByZero),
        ("pi = 3", .constantRebound), ("e = 2", .constantRebound), ("sin = 1", .builtinRedefined),
        ("sin(x) = x", .builtinRedefined), ("f(x, x) = x", .duplicateParameter), ("f(pi) = 1", .constantRebound),
        ("f(x) = f(x - 1)", .recursion), ("g(x) = 2; f(x) = g(x); g(x) = f(x)", .recursion),
        ("sn(1)", .unknownFunction), ("f(x) = x; f(1, 2)", .arity), ("sin(1, 2)", .arity), ("atan2(1)", .arity),
        ("x = 2; x(3)", .notAFunction), ("[1, 2] + [1, 2, 3]", .lengthMismatch), ("(1, 2) + [1, 2]", .typeMismatch),
        ("f(x) = x; f + 1", .typeMismatch), ("sin + 1", .notAFunction), ("x*y at (1, 2, 3)", .arity),
        ("x at (z = 1)", .unknownParameter), ("mean([])", .domain), ("pi(2)", .notAFunction),
    ])
    func errors(_ input: String, _ id: DiagnosticID) {
        switch evaluate(input) {
        case .success(let s): Issue.record("expected \(id), got \(s)")
        case .failure(let d):
            #expect(d.id == id)
            #expect(d.range.end > d.range.start || d.range.start > 0 || input.count <= 1)
        }
    }

    @Test("unknown function suggests the nearest name")
    func suggestion() throws {
        guard case .failure(let d) = evaluate("sinh(1) + sni(2)") else { Issue.record("no error"); return }
        #expect(d.help.first == "did you mean `sin`?")
        #expect(d.range == SourceRange(10, 13))
    }

    @Test("wrong arity shows the definition")
    func arityHelp() throws {
        guard case .failure(let d) = evaluate("f(x, y) = x + y; f(1)") else { Issue.record("no error"); return }
        #expect(d.help.first == "`f` is defined as f(x, y) = x + y")
    }

    @Test("parameters shadow globals; functions read globals when called")
    func scoping() {
        let s = Session()
        #expect(evalText("x = 10; f(x) = x + 1; f(1)", session: s) == "2")
        #expect(evalText("k = 2; g(t) = k*t; k = 5; g(1)", session: s) == "5")
    }

    @Test("the last result is ans, and ; silences output")
    func ans() {
        let s = Session()
        let (events, _) = s.run("3*4;\nans + 1")
        let results = events.compactMap { if case .result(let r) = $0 { return r }; return nil }
        #expect(results == ["13"])
    }

    @Test("meta commands")
    func meta() {
        let s = Session()
        _ = s.run("a = 1\nf(x) = x\n:digits 3\n")
        #expect(evalText("pi", session: s) == "3.14")
        #expect(evalText(":format unicode\nx^2", session: s) == "x²")
        if case .success(let vars) = evaluate(":vars", session: s) { #expect(vars.contains("a = 1") && vars.contains("f(x) = x")) }
        _ = s.run(":clear a")
        #expect(!s.userNames.contains("a"))
        #expect(s.userNames.contains("f"))
        if case .failure(let d) = evaluate(":digits 99", session: s) { #expect(d.id == .meta) } else { Issue.record("no error") }
        if case .failure(let d) = evaluate(":frobnicate", session: s) { #expect(d.help.first == nil || d.help[0].contains(":")) } else { Issue.record("no error") }
        #expect(s.run(":quit").status == .quit)
    }
}
