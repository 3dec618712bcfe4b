// ParserTests — precedence and associativity as S-expressions, error
// positions marked inline in the source with «…», recovery over several
// errors, the nesting limit, and the print → parse round trip.

import Testing
@testable import CalcCore

/// A fully parenthesised dump of an AST, for comparing shapes.
func sexpr(_ n: Node) -> String {
    switch n.kind {
    case .number(let v): return v.description
    case .name(let s): return s
    case .group(let e): return sexpr(e)
    case .tuple(let xs): return "(tuple " + xs.map(sexpr).joined(separator: " ") + ")"
    case .list(let xs): return "(list " + xs.map(sexpr).joined(separator: " ") + ")"
    case .diff(let e, let specs):
        return "(diff \(sexpr(e)) " + specs.map { s -> String in
            switch s { case .variable(let v): return v.text; case .order(let k, _): return "#\(k)" }
        }.joined(separator: " ") + ")"
    case .dOperator(let v, let e): return "(d/d\(v.text) \(sexpr(e)))"
    case .partial(let f, let vs): return "(∂ \(f.text) " + vs.map(\.text).joined(separator: " ") + ")"
    case .grad(.function(let f)): return "(grad \(f.text))"
    case .grad(.expression(let e)): return "(grad \(sexpr(e)))"
    case .hessian(.function(let f)): return "(hessian \(f.text))"
    case .hessian(.expression(let e)): return "(hessian \(sexpr(e)))"
    case .call(let f, let args): return "(call \(sexpr(f))" + args.map { " " + sexpr($0) }.joined() + ")"
    case .prime(let f, let k): return "(prime\(k) \(sexpr(f)))"
    case .power(let b, let e): return "(^ \(sexpr(b)) \(sexpr(e)))"
    case .unary(let op, let e): return "(\(op == .negate ? "neg" : op == .plus ? "pos" : "√") \(sexpr(e)))"
    case .product(let first, let rest):
        return rest.reduce(sexpr(first)) { acc, item in "(\(item.0 == .divide ? "/" : item.0 == .matmul ? "@" : "*") \(acc) \(sexpr(item.1)))" }
    case .sum(let first, let rest):
        return rest.reduce(sexpr(first)) { acc, item in "(\(item.0 == .plus ? "+" : "-") \(acc) \(sexpr(item.1)))" }
    case .at(let e, .positional(let p)): return "(at \(sexpr(e)) \(sexpr(p)))"
    case .at(let e, .named(let items, _)): return "(at \(sexpr(e)) " + items.map { "\($0.0.text)=\(sexpr($0.1))" }.joined(separator: " ") + ")"
    case .index(let e, let i): return "(index \(sexpr(e))" + i.map { " " + sexpr($0) }.joined() + ")"
    case .wholeAxis: return ":"
    case .transpose(let e): return "(transpose \(sexpr(e)))"
    case .member(let e, let m): return "(member \(sexpr(e)) \(m.text))"
    }
}

func parseExpression(_ text: String) -> Node? {
    let p = Parser.parse(SourceFile(name: "t", text: text))
    guard p.diagnostics.isEmpty, p.statements.count == 1 else { return nil }
    switch p.statements[0].kind {
    case .expression(let e): return e
    case .assign(_, let e), .funcdef(_, _, let e): return e
    default: return nil
    }
}

/// Strips «…» markers from `marked` and returns the text and the marked range (in scalars).
func unmark(_ marked: String) -> (String, SourceRange) {
    var out = String.UnicodeScalarView()
    var start = 0, end = 0
    for s in marked.unicodeScalars {
        if s == "«" { start = out.count; continue }
        if s == "»" { end = out.count; continue }
        out.append(s)
    }
    return (String(out), SourceRange(start, end))
}

@Suite("parser")
struct ParserTests {
    @Test("precedence and associativity", arguments: [
        ("1 + 2 * 3", "(+ 1 (* 2 3))"),
        ("1 - 2 - 3", "(- (- 1 2) 3)"),
        ("2^3^2", "(^ 2 (^ 3 2))"),
        ("-x^2", "(neg (^ x 2))"),
        ("2^-1", "(^ 2 (neg 1))"),
        ("a / b * c", "(* (/ a b) c)"),
        ("2x", "(* 2 x)"),
        ("2x^2", "(* 2 (^ x 2))"),
        ("3(x + 1)", "(* 3 (+ x 1))"),
        ("2 sin(x)", "(* 2 (call sin x))"),
        ("4π", "(* 4 π)"),
        ("xy", "xy"),
        ("√x + 1", "(+ (√ x) 1)"),
        ("x² + y³", "(+ (^ x 2) (^ y 3))"),
        ("f'(2)", "(call (prime1 f) 2)"),
        ("f''", "(prime2 f)"),
        ("d/dx x^2", "(d/dx (^ x 2))"),
        ("d / dx", "(/ d dx)"),
        ("diff(x^2, x, 2)", "(diff (^ x 2) x #2)"),
        ("diff(x*y, x, y)", "(diff (* x y) x y)"),
        ("∂f/∂x", "(∂ f x)"),
        ("∂²f/∂x∂y", "(∂ f x y)"),
        ("grad f at (1, 2)", "(at (grad f) (tuple 1 2))"),
        ("∇(x^2)", "(grad (^ x 2))"),
        ("hessian f", "(hessian f)"),
        ("x^2 + y at (x = 1, y = 2)", "(at (+ (^ x 2) y) x=1 y=2)"),
        ("[1, 2, 3]", "(list 1 2 3)"),
        ("(1, 2)", "(tuple 1 2)"),
        ("x +\n 1", "(+ x 1)"),
        ("(x\n + 1)", "(+ x 1)"),
        ("a**b", "(^ a b)"),
        ("a·b×c", "(* (* a b) c)"),
    ])
    func precedence(_ source: String, _ expected: String) throws {
        let e = try #require(parseExpression(source))
        #expect(sexpr(e) == expected)
    }

    @Test("statements: definitions, assignments, commands, meta")
    func statements() {
        let p = Parser.parse(SourceFile(name: "t", text: """
        f(x, y) = x + y
        rate = 0.1
        minimize f from (0, 0) rate 0.1 steps 100 method adam
        plot sin(x) from 0 to 1
        explain diff(x^2, x)
        :digits 5
        plot = 3; x
        """))
        #expect(p.diagnostics.isEmpty)
        #expect(p.statements.count == 8)
        guard p.statements.count == 8 else { return }
        if case .funcdef(let f, let ps, _) = p.statements[0].kind { #expect(f.text == "f" && ps.map(\.text) == ["x", "y"]) } else { Issue.record("funcdef") }
        if case .assign(let n, _) = p.statements[1].kind { #expect(n.text == "rate") } else { Issue.record("assign") }
        if case .optimize(let o) = p.statements[2].kind {
            #expect(o.options.map(\.name.text) == ["steps", "method"])
            #expect(o.options[1].word?.text == "adam")
        } else { Issue.record("optimize") }
        if case .plot = p.statements[3].kind {} else { Issue.record("plot") }
        if case .explain = p.statements[4].kind {} else { Issue.record("explain") }
        if case .meta(let c, let a) = p.statements[5].kind { #expect(c == "digits" && a == "5") } else { Issue.record("meta") }
        if case .assign(let n, _) = p.statements[6].kind { #expect(n.text == "plot") } else { Issue.record("plot as a name") }
        #expect(p.statements[6].silent)
        #expect(!p.statements[7].silent)
    }

    @Test("error positions", arguments: [
        ("f(x) = (x - 1)^«»", DiagnosticID.expectedToken),
        ("(1 + 2«»", .unclosedBracket),
        ("x «y»", .expectedToken),
        ("1 +«»", .expectedToken),
        ("f(«x + 1») = 2", .invalidAssignment), ("«x + 1» = 2", .invalidAssignment),
        ("diff(x^2, «2.5»)", .badDerivativeOrder),
        ("diff(x^2, x, «0»)", .badDerivativeOrder),
        ("diff(x^2, «x + 1»)", .badDerivativeVariable),
        ("minimize f from 0 rate 0.1 «speed» 3", .badOption),
        ("minimize f from 0 «steps» 3", .expectedToken),
        ("x = «)»", .expectedToken),
        ("θ + «$»", .unexpectedCharacter),
        ("«\"abc»", .unterminatedString),
        ("«()»", .expectedToken),
    ])
    func errorPositions(_ marked: String, _ id: DiagnosticID) throws {
        let (text, range) = unmark(marked)
        let p = Parser.parse(SourceFile(name: "t", text: text))
        let d = try #require(p.diagnostics.first)
        #expect(d.id == id)
        #expect(d.range.start == range.start)
        if range.end > range.start { #expect(d.range.end == range.end) }
        #expect(d.message == d.message.lowercased() || d.message.contains("`"))
        #expect(!d.message.hasSuffix("."))
    }

    @Test("an unclosed bracket points back at where it was opened")
    func unclosedLabel() throws {
        let p = Parser.parse(SourceFile(name: "t", text: "f(x) = sin((x + 1)"))
        let d = try #require(p.diagnostics.first)
        #expect(d.id == .unclosedBracket)
        #expect(d.labels.first?.message == "unclosed `(` opened here")
        #expect(d.labels.first?.range == SourceRange(10, 11))
    }

    @Test("recovery: independent errors in one script are all reported")
    func recovery() {
        let p = Parser.parse(SourceFile(name: "t", text: "a = 1 +\nb = 2\ny = (3\nz = * 4\nok = 1\n"))
        // `1 +` continues onto the next line, so `a = 1 + b = 2` is the first error; the
        // unclosed `(` is the second; `z = * 4` the third; `ok = 1` parses
        #expect(p.diagnostics.map(\.id) == [.expectedToken, .unclosedBracket, .expectedToken])
        #expect(p.statements.contains { if case .assign(let n, _) = $0.kind { return n.text == "ok" }; return false })
    }

    @Test("errors are capped")
    func capped() {
        let text = String(repeating: "x = )\n", count: 100)
        let p = Parser.parse(SourceFile(name: "t", text: text))
        #expect(p.diagnostics.count == Parser.maxErrors + 1)
        #expect(p.diagnostics.last?.id == .tooManyErrors)
    }

    @Test("deep nesting is an error, not a stack overflow", arguments: [1_001, 100_000])
    func deepNesting(_ depth: Int) {
        let text = String(repeating: "(", count: depth) + "1" + String(repeating: ")", count: depth)
        let p = Parser.parse(SourceFile(name: "t", text: text))
        #expect(p.diagnostics.first?.id == .tooDeep)
    }

    @Test("nesting within the limit parses")
    func okNesting() {
        let text = String(repeating: "(", count: 200) + "1" + String(repeating: ")", count: 200)
        #expect(parseExpression(text) != nil)
    }

    @Test("round trip: print, parse again, same tree", arguments: [
        "(1 - x)^2 + 100*(y - x^2)^2", "2x^2 - 3(x + 1)/4", "-x^2 + +y", "√(x + 1)*2^-1",
        "f'(2) + g''(x)", "diff(sin(x)^2, x, 2) + d/dx cos(x)", "∂f/∂x + ∂²f/∂x∂y", "grad f at (x = 1, y = 2)",
        "hessian(x^2*y) at (1, 2)", "[1, 2, 3]*2 + (1, 2)", "σ(w*x + b)", "a^b^c", "2 sin(x) + 4π",
        "mean((w*xs + b - ys)^2)", "x₁ + θ0 + w_2",
    ])
    func roundTrip(_ source: String) throws {
        let e = try #require(parseExpression(source))
        let printed = ASTPrinter.print(e)
        let again = try #require(parseExpression(printed), "printed form did not parse: \(printed)")
        #expect(sexpr(again) == sexpr(e))
    }
}
