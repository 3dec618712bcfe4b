// ElementsTests — the parts of a tuple and what minimize leaves behind
// (issue 15), and two cases of issue 14 from their exact inputs:
// destructuring `(a, b) = e`, named results `θ = minimize …` with `θ.W` and
// `θ[1]`, spreading a tuple over a call's trailing parameters, a parameter
// named like a global function shadowing it, and `(∂f/∂x)(1, 2)`. Each
// misuse is an error at the position the «…» markers show.

import Testing
@testable import CalcCore

/// The first error of running `marked` (markers removed), and the range the markers give.
private func firstError(_ marked: String) -> (Diagnostic?, SourceRange) {
    let (text, range) = unmark(marked)
    if case .failure(let d) = evaluate(text) { return (d, range) }
    return (nil, range)
}

/// A quadratic bowl with its minimum at (w, b) = (3, -1): a run that converges there.
private let bowl = "L(w, b) = (w - 3)^2 + (b + 1)^2\nθ = minimize L from (0, 0) rate 0.1 steps 500 tol 1e-12\n"

@Suite("tuple elements and named results")
struct ElementsTests {
    @Test("destructuring binds each element", arguments: [
        ("(a, b) = (1, 2); a", "1"),
        ("(a, b) = (1, 2); b", "2"),
        ("(a, b) = (1, 2)", "(a, b) = (1, 2)"),
        ("p = (4, 5, 6); (a, b, c) = p; a*100 + b*10 + c", "456"),
        ("f(x, y) = x^2 + y^2; (gx, gy) = grad f at (1, 2); gy", "4"),
        ("(a, b) = (x + 1, 2); a", "x + 1"),
        ("(a, b) = (1, 2); ans", "(1, 2)"),
        // ans after minimize, as the issue wrote it
        ("minimize (w - 3)^2 + (b + 1)^2 from (0, 0) rate 0.1 steps 500 tol 1e-12; (a, b) = ans; floor(a + 0.5) + floor(b + 0.5)", "2"),
    ])
    func destructuring(_ input: String, _ expected: String) {
        #expect(evalText(input) == expected)
    }

    @Test("destructuring errors point at the mistake", arguments: [
        ("«(a, b)» = (1, 2, 3)", DiagnosticID.arity, "2 names on the left but the tuple has 3 elements"),
        ("«(a, b, c)» = (1, 2)", .arity, "3 names on the left but the tuple has 2 elements"),
        ("(a, b) = «3»", .typeMismatch, "expected a tuple to destructure, found a number"),
        ("(a, b) = «[1, 2]»", .typeMismatch, "expected a tuple to destructure, found a list of 2"),
        ("(a, «2») = (1, 2)", .invalidAssignment, "each element of the left side must be a name"),
        ("(a, «pi») = (1, 2)", .constantRebound, "cannot assign to the constant `pi`"),
        ("(a, «a») = (1, 2)", .duplicateParameter, "parameter `a` appears twice"),
    ])
    func destructuringErrors(_ marked: String, _ id: DiagnosticID, _ message: String) {
        let (d, range) = firstError(marked)
        #expect(d?.id == id)
        #expect(d?.range == range)
        #expect(d.map { Catalogue.english.text($0.text) } == message)
    }

    @Test("a count mismatch shows both sides")
    func countMismatchShowsBothSides() {
        let (d, lhs) = firstError("«(a, b)» = (1, 2, 3)")
        #expect(d?.range == lhs)
        let rhs = SourceRange(9, 18)   // (1, 2, 3)
        #expect(d?.labels.map(\.range) == [rhs])
        #expect(d?.labels.map { Catalogue.english.text($0.text) } == ["this has 3 elements"])
    }

    @Test("a named result binds the end point with the parameters' names", arguments: [
        (bowl + "floor(θ.w*1000 + 0.5)/1000", "3"),
        (bowl + "floor(θ.b*1000 + 0.5)/1000", "-1"),
        (bowl + "floor(θ[1]*1000 + 0.5)/1000", "3"),
        (bowl + "floor(θ[2]*1000 + 0.5)/1000", "-1"),
        (bowl + "floor(θ*1000 + 0.5)/1000", "(3, -1)"),
        (bowl + "θ[1] - θ.w", "0"),
    ])
    func namedResult(_ input: String, _ expected: String) {
        #expect(evalText(input) == expected)
    }

    @Test("θ prints like a point, and the statement echoes the binding")
    func namedResultPrints() {
        let session = Session()
        var results: [String] = []
        session.run(SourceFile(name: "t", text: "L(w, b) = (w - 3)^2 + (b + 1)^2\nθ = minimize L from (3, -1) rate 0.1\nθ")) { e in
            if case .result(let s) = e { results.append(s) }
        }
        #expect(results.count == 3)
        #expect(results[1].hasPrefix("converged in 0 steps"))
        #expect(results[1].hasSuffix("\nθ = (3, -1)"))
        #expect(results[2] == "(3, -1)")
        // the value is a plain tuple: it works wherever a point does
        #expect(evalText("L(3, -1)", session: session) == "0")
        #expect(evalText("L(θ)", session: session) == "0")
        #expect(evalText("θ.w + θ.b", session: session) == "2")
        #expect(evalText("θ; ans.b", session: session) == "-1")
    }

    @Test("names follow the binding: copies keep them, rebinding drops them")
    func namesFollowTheBinding() {
        let session = Session()
        _ = evalText("L(w, b) = (w - 3)^2 + (b + 1)^2; θ = minimize L from (3, -1) rate 0.1", session: session)
        #expect(evalText("ψ = θ; ψ.b", session: session) == "-1")
        #expect(evalText("θ; ans.w", session: session) == "3")
        #expect(evalText("maximize -(u - 2)^2 from 2 rate 0.1; ans.u", session: session) == "2")
        #expect(evalText("r = maximize -(u - 2)^2 from 2 rate 0.1; r.u", session: session) == "2")
        _ = evalText("θ = (1, 2)", session: session)
        #expect(evalText("θ.w", session: session) == "error: `θ` is a tuple of 2 without named elements")
    }

    @Test("destructuring a minimize result")
    func destructuringMinimize() {
        let session = Session()
        #expect(evalText("(a, b) = minimize (w - 3)^2 + (b + 1)^2 from (3, -1) rate 0.1", session: session).hasSuffix("\n(a, b) = (3, -1)"))
        #expect(evalText("ans.w", session: session) == "3")
        #expect(evalText("a", session: session) == "3")
        #expect(evalText("b", session: session) == "-1")
    }

    @Test("element errors point at the mistake", arguments: [
        (bowl + "θ.«nosuch»", DiagnosticID.unknownParameter, "`θ` has no element `nosuch`", "its elements are w, b"),
        (bowl + "θ[«0»]", .arity, "index 0 is out of range for 2 elements", "indices run from 1 to 2"),
        (bowl + "θ[«10»]", .arity, "index 10 is out of range for 2 elements", "indices run from 1 to 2"),
        (bowl + "θ[«-1»]", .arity, "index -1 is out of range for 2 elements", "indices run from 1 to 2"),
        (bowl + "θ[«1.5»]", .typeMismatch, "expected a whole number as the index, found 1.5", "index from 1: `θ[1]` is the first element"),
        ("p = (1, 2); «p».w", .typeMismatch, "`p` is a tuple of 2 without named elements",
         "a result bound by `p = minimize …` has named elements; otherwise index from 1: `p[1]`"),
        ("x = 3; «x»[1]", .typeMismatch, "cannot index a number; only tuples and lists have elements", nil),
        ("xs = [5, 6]; xs[«3»]", .arity, "index 3 is out of range for 2 elements", "indices run from 1 to 2"),
    ] as [(String, DiagnosticID, String, String?)])
    func elementErrors(_ marked: String, _ id: DiagnosticID, _ message: String, _ help: String?) {
        let (d, range) = firstError(marked)
        #expect(d?.id == id)
        #expect(d?.range == range)
        #expect(d.map { Catalogue.english.text($0.text) } == message)
        #expect(d?.helpText.first.map { Catalogue.english.text($0) } == help)
    }

    @Test("indexing lists and tuples", arguments: [
        ("xs = [5, 6, 7]; xs[3]", "7"), ("(4, 5)[2]", "5"), ("p = (1, (2, 3)); p[2][1]", "2"),
        ("k = 2; (4, 5)[k]", "5"), ("f(x, y) = x*y; (grad f at (2, 3))[1]", "3"), ("(4, 5)[2.0]", "5"),
        ("θ = minimize (x - 2)^2 from 2 rate 0.1; θ[1] + θ.x", "4"),   // a one-variable result is a number
    ])
    func indexing(_ input: String, _ expected: String) {
        #expect(evalText(input) == expected)
    }

    // MARK: spreading

    @Test("a tuple fills the trailing parameters", arguments: [
        ("n(u, v, a, b, c) = u + 10v + 100a + 1000b + 10000c; θ = (1, 2, 3); n(4, 5, θ)", "32154"),
        ("n(u, a, b) = u*a + b; n(2, (3, 4))", "10"),
        ("n(u, a, b) = u*a + b; n(x, (3, 4))", "3*x + 4"),
        ("n(a, b) = a - b; n((5, 2))", "3"),   // the whole point, as before
        ("n(u, a, b) = u*a + b; g(u) = n(u, (3, 4)); g(2)", "10"),
    ])
    func spreading(_ input: String, _ expected: String) {
        #expect(evalText(input) == expected)
    }

    @Test("a spread that still does not fill the parameters is an error", arguments: [
        ("n(u, v, a, b, c) = u; «n(1, 2, (1, 2))»", "`n` takes 5 arguments but 2 and a tuple of 2 make 4"),
        ("n(u, a, b) = u; «n(1, (1, 2, 3))»", "`n` takes 3 arguments but 1 and a tuple of 3 make 4"),
        ("n(u, a, b) = u; «n(1, 2)»", "`n` takes 3 arguments but 2 were given"),
    ])
    func spreadingErrors(_ marked: String, _ message: String) {
        let (d, range) = firstError(marked)
        #expect(d?.id == .arity)
        #expect(d?.range == range)
        #expect(d.map { Catalogue.english.text($0.text) } == message)
    }

    @Test("the issue's network: net(u, v, θ) after θ = minimize")
    func networkSpread() {
        let session = Session()
        let program = """
        net(u, v, w1, w2, w3) = sigmoid(w1*u + w2*v + w3)
        L(w1, w2, w3) = (net(0, 0, w1, w2, w3) - 0)^2 + (net(1, 1, w1, w2, w3) - 1)^2
        θ = minimize L from (0, 0, 0) rate 1 steps 50;
        g(u, v) = net(u, v, θ)
        """
        _ = evalText(program, session: session)
        // the spread call is the call with every weight typed out
        let typed = evalText("net(0.3, 0.7, θ.w1, θ.w2, θ.w3)", session: session)
        #expect(evalText("g(0.3, 0.7)", session: session) == typed)
        #expect(evalText("net(0.3, 0.7, θ)", session: session) == typed)
    }

    // MARK: issue 14

    @Test("a parameter shadows a global function of its name (issue 14's input)")
    func parameterShadowsGlobalFunction() {
        #expect(evalText("g(x) = x^2; h(g) = diff(g^3, g); h(2)") == "12")
        #expect(evalText("g(x) = x^2; h(g) = g^3 + 1; h(2)") == "9")
        // outside the body, g is still the function
        #expect(evalText("g(x) = x^2; h(g) = diff(g^3, g); h(2); g(3)") == "9")
        #expect(evalText("g(x) = x^2; diff(g^3, g)").hasPrefix("error: `g` is a function"))
    }

    @Test("a derivative notation in parentheses is called at a point", arguments: [
        ("f(x, y) = x^2*y + y^3; (∂f/∂x)(1, 2)", "4"),          // docs/language.md's example: 2xy at (1, 2)
        ("f(x, y) = x^2*y + y^3; (∂f/∂y)(1, 2)", "13"),         // x² + 3y²
        ("f(x, y) = x^2*y + y^3; (∂²f/∂x∂y)(1, 2)", "2"),
        ("f(x, y) = x^2*y + y^3; ((∂f/∂x))(1, 2)", "4"),
        ("f(x, y) = x^2*y + y^3; (∇f)(1, 2)", "(4, 13)"),
        ("(d/dx x^3)(2)", "12"),
        ("(diff(x^2*y, x))(3, 5)", "30"),
        ("f(x, y) = x^2*y + y^3; p = (1, 2); (∂f/∂x)(p)", "4"),
    ])
    func parenthesisedDerivativeCall(_ input: String, _ expected: String) {
        #expect(evalText(input) == expected)
    }

    @Test("a called derivative is undefined where its function is")
    func calledDerivativeDomain() {
        let (d, _) = firstError("q(x) = ln(x); (∂q/∂x)(-1)")
        #expect(d?.id == .domain)
        #expect(d.map { Catalogue.english.text($0.text) } == "ln is undefined for -1")
    }

    @Test("other parenthesised expressions are not called")
    func onlyDerivativesAreCalled() {
        let p = Parser.parse(SourceFile(name: "t", text: "(x + 1)(x - 1)"))
        #expect(p.diagnostics.first?.id == .expectedToken)
    }
}

@Suite("parsing tuple elements and bindings")
struct ElementsParserTests {
    @Test("postfix shapes", arguments: [
        ("θ[1]", "(index θ 1)"), ("θ.w", "(member θ w)"), ("θ[1] + θ.w^2", "(+ (index θ 1) (^ (member θ w) 2))"),
        ("p[2][1]", "(index (index p 2) 1)"), ("-θ[k + 1]", "(neg (index θ (+ k 1)))"), ("2θ.w", "(* 2 (member θ w))"),
        ("(∂f/∂x)(1, 2)", "(call (∂ f x) 1 2)"), ("(d/dx x^3)(2)", "(call (d/dx (^ x 3)) 2)"),
    ])
    func shapes(_ source: String, _ expected: String) throws {
        let e = try #require(parseExpression(source))
        #expect(sexpr(e) == expected)
    }

    @Test("the lexer's dot: only directly before a name", arguments: [
        ("θ.w", [TokenTag.name, .dot, .name]), (".5", [.number]), ("x.5", [.name, .number]), ("2.5", [.number]),
        ("ans.b1", [.name, .dot, .name]),
    ])
    func dotToken(_ source: String, _ tags: [TokenTag]) {
        let (tokens, diagnostics) = Lexer.tokenize(SourceFile(name: "t", text: source))
        #expect(diagnostics.isEmpty)
        #expect(tokens.map(\.tag).dropLast() == tags[...])   // without the end of input
    }

    @Test("round trip", arguments: ["θ[1] + θ.w", "(∂f/∂x)(1, 2)", "net(u, v, θ)[1]"])
    func roundTrip(_ source: String) throws {
        let e = try #require(parseExpression(source))
        let again = try #require(parseExpression(ASTPrinter.print(e)))
        #expect(sexpr(again) == sexpr(e))
    }

    @Test("statements")
    func statements() {
        let p = Parser.parse(SourceFile(name: "t", text: """
        (a, b) = ans
        θ = minimize f from (0, 0) rate 0.1
        (w, b) = maximize f from (0, 0) rate 0.1
        y = minimize
        z = minimize * 2
        plot f over (u from 0 to 1, v from 0 to 1) with points (xs, ys, zs) to "m.svg"
        """))
        #expect(p.diagnostics.isEmpty)
        guard p.statements.count == 6 else { Issue.record("\(p.statements.count) statements"); return }
        if case .destructure(let names, _, _) = p.statements[0].kind { #expect(names.map(\.text) == ["a", "b"]) } else { Issue.record("destructure") }
        if case .namedOptimize(.name(let n), let o) = p.statements[1].kind { #expect(n.text == "θ" && !o.maximize) } else { Issue.record("θ =") }
        if case .namedOptimize(.tuple(let ns, _), let o) = p.statements[2].kind { #expect(ns.map(\.text) == ["w", "b"] && o.maximize) }
        else { Issue.record("(w, b) =") }
        if case .assign(_, let e) = p.statements[3].kind { #expect(sexpr(e) == "minimize") } else { Issue.record("y = minimize") }
        if case .assign(_, let e) = p.statements[4].kind { #expect(sexpr(e) == "(* minimize 2)") } else { Issue.record("z = minimize * 2") }
        if case .plot(let plot) = p.statements[5].kind {
            #expect(plot.points?.lists.map(sexpr) == ["xs", "ys", "zs"])
            #expect(plot.file?.0 == "m.svg")
        } else { Issue.record("plot with points") }
    }

    @Test("syntax errors", arguments: [
        ("2«.»x", DiagnosticID.expectedToken),      // a number has no named elements
        ("θ[«]»", .expectedToken),
        ("θ[1«»", .unclosedBracket),
        ("(a, «b + 1») = (1, 2)", .invalidAssignment),
        ("x«.»5", .expectedToken),
    ])
    func syntaxErrors(_ marked: String, _ id: DiagnosticID) throws {
        let (text, range) = unmark(marked)
        let p = Parser.parse(SourceFile(name: "t", text: text))
        let d = try #require(p.diagnostics.first)
        #expect(d.id == id)
        #expect(d.range.start == range.start)
    }
}
