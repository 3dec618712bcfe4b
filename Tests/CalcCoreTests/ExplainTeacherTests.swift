// ExplainTeacherTests — explain as a teacher writes it (issue 12) and
// abstract functions in diff (issue 14): the quotient rule whenever the user
// wrote a quotient, the rule names in both languages, the notes'
// multivariable chain rule ∂z/∂x = ∂z/∂u·∂u/∂x + ∂z/∂v·∂v/∂x, and clear
// errors where an abstract function would need a value.

import Testing
@testable import CalcCore

func portugueseSession() -> Session {
    let s = Session()
    var settings = s.settings
    settings.language = .portuguese
    s.settings = settings
    return s
}

struct RuleName: CustomTestStringConvertible, Sendable {
    let id: String
    let input: String
    let english: String
    let portuguese: String
    var testDescription: String { id }
}

@Suite("explain as a teacher writes it")
struct ExplainTeacherTests {
    static let rules: [RuleName] = [
        RuleName(id: "quotient", input: "explain diff(x/(1 + x), x)",
                 english: "quotient rule: (u/v)' = (u'v - uv')/v^2, u = x, v = x + 1",
                 portuguese: "regra do quociente: (u/v)' = (u'v - uv')/v^2, u = x, v = x + 1"),
        RuleName(id: "quotient of functions", input: "explain diff(sin(x)/x, x)",
                 english: "quotient rule: (u/v)' = (u'v - uv')/v^2, u = sin(x), v = x",
                 portuguese: "regra do quociente: (u/v)' = (u'v - uv')/v^2, u = sin(x), v = x"),
        RuleName(id: "quotient inside a chain", input: "explain diff(exp(x/(x + 2)), x)",
                 english: "quotient rule", portuguese: "regra do quociente"),
        RuleName(id: "product", input: "explain diff(x^2*sin(x), x)",
                 english: "product rule: (uv)' = u'v + uv'", portuguese: "regra do produto: (uv)' = u'v + uv'"),
        RuleName(id: "chain", input: "explain diff(sin(x^2), x)",
                 english: "chain rule: outer sin, inner u = x^2", portuguese: "regra da cadeia: externa sin, interna u = x^2"),
        RuleName(id: "power", input: "explain diff(x^5, x)",
                 english: "power rule: d/dx x^n = n*x^(n-1)", portuguese: "regra da potência: d/dx x^n = n*x^(n-1)"),
        RuleName(id: "power with chain", input: "explain diff((x + 1)^5, x)",
                 english: "power rule with the chain rule, inner u = x + 1",
                 portuguese: "regra da potência com a regra da cadeia, interna u = x + 1"),
        RuleName(id: "several variables", input: "explain diff(z(u(x), v(x)), x)",
                 english: "chain rule in several variables: ∂z/∂x = ∂z/∂u·du/dx + ∂z/∂v·dv/dx",
                 portuguese: "regra da cadeia em várias variáveis: ∂z/∂x = ∂z/∂u·du/dx + ∂z/∂v·dv/dx"),
    ]

    @Test("each rule is named, in English", arguments: rules)
    func english(_ r: RuleName) {
        let text = explainText(r.input)
        #expect(text.contains(r.english), "\(text)")
    }

    @Test("each rule is named, in Portuguese", arguments: rules)
    func portuguese(_ r: RuleName) {
        let text = explainText(r.input, session: portugueseSession())
        #expect(text.contains(r.portuguese), "\(text)")
    }

    @Test("a product that is not written as a quotient keeps the product rule")
    func writtenProduct() {
        let text = explainText("explain diff(x*(x + 1)^(-1), x)")
        #expect(!text.contains("quotient rule"), "\(text)")
        #expect(text.contains("product rule"), "\(text)")
    }

    @Test("a quotient in a function's definition is a quotient too")
    func quotientInDefinition() {
        let s = Session()
        _ = s.run("f(x) = x/(1 + x)")
        #expect(explainText("explain f'", session: s).contains("quotient rule"))
        #expect(explainText("explain f'", session: s).hasSuffix("= 1/(x + 1)^2"))
    }

    /// The case, whole: the rule with u and v, the working with u' and
    /// v' put in, then the combined form 1/(x + 1)^2 (sympy: simplify(diff(x/(1 + x), x)) = (x + 1)**(-2)).
    @Test("golden: explain diff(x/(1 + x), x)")
    func goldenQuotient() {
        #expect(explainText("explain diff(x/(1 + x), x)") == """
        d/dx x/(1 + x)
          d/dx x/(x + 1) = 1/(x + 1)^2   quotient rule: (u/v)' = (u'v - uv')/v^2, u = x, v = x + 1
            = (1*(x + 1) - x*1)/(x + 1)^2
            d/dx (x + 1) = 1   sum rule: differentiate term by term
        = 1/(x + 1)^2
        """)
    }

    @Test("golden: explain diff(x/(1 + x), x) in Portuguese")
    func goldenQuotientPortuguese() {
        #expect(explainText("explain diff(x/(1 + x), x)", session: portugueseSession()) == """
        d/dx x/(1 + x)
          d/dx x/(x + 1) = 1/(x + 1)^2   regra do quociente: (u/v)' = (u'v - uv')/v^2, u = x, v = x + 1
            = (1*(x + 1) - x*1)/(x + 1)^2
            d/dx (x + 1) = 1   regra da soma: derive termo a termo
        = 1/(x + 1)^2
        """)
    }
}

@Suite("abstract functions in diff")
struct AbstractFunctionTests {
    /// Each checked against SymPy's diff with undefined functions
    /// (python3 -c "from sympy import *; …"): Derivative(z(u(x), v(x)), u(x)) is ∂z/∂u,
    /// Subs(Derivative(z(_xi_1, y), _xi_1), _xi_1, x**2) is ∂₁z(x^2, y).
    @Test("derivatives agree with SymPy", arguments: [
        // sympy: Derivative(u(x), x)*Derivative(z(u(x), v(x)), u(x)) + Derivative(v(x), x)*Derivative(z(u(x), v(x)), v(x))
        ("diff(z(u(x), v(x)), x)", "∂z/∂u*u'(x) + ∂z/∂v*v'(x)"),
        // sympy: Derivative(f(g(x)), g(x))*Derivative(g(x), x)
        ("diff(f(g(x)), x)", "f'(g(x))*g'(x)"),
        // sympy: 2*x*Subs(Derivative(z(_xi_1, y), _xi_1), _xi_1, x**2)
        ("diff(z(x^2, y), x)", "2*x*∂₁z(x^2, y)"),
        // sympy: u(x)**2*Derivative(v(x), x) + 2*u(x)*v(x)*Derivative(u(x), x)
        ("diff(u(x)^2*v(x), x)", "2*u(x)*u'(x)*v(x) + u(x)^2*v'(x)"),
        // sympy: cos(u(x))*Derivative(u(x), x)/v(x) - sin(u(x))*Derivative(v(x), x)/v(x)**2
        ("diff(sin(u(x))/v(x), x)", "cos(u(x))*u'(x)/v(x) - sin(u(x))*v'(x)/v(x)^2"),
        // sympy: Derivative(v(x), x)*Derivative(z(x, v(x)), v(x)) + Subs(Derivative(z(_xi_1, v(x)), _xi_1), _xi_1, x)
        ("diff(z(x, v(x)), x)", "∂z/∂v*v'(x) + ∂z/∂x"),
        // sympy: (u'·z_uu + v'·z_uv)·u' + (u'·z_uv + v'·z_vv)·v' + u''·z_u + v''·z_v
        ("diff(z(u(x), v(x)), x, 2)",
         "(∂²z/∂u²*u'(x) + ∂²z/∂u∂v*v'(x))*u'(x) + (∂²z/∂u∂v*u'(x) + ∂²z/∂v²*v'(x))*v'(x) + ∂z/∂u*u''(x) + ∂z/∂v*v''(x)"),
    ])
    func agreesWithSympy(_ input: String, _ expected: String) {
        #expect(explainText(input) == expected)
    }

    @Test("explain shows the notes' sum of products")
    func explainSum() {
        #expect(explainText("explain diff(z(u(x), v(x)), x)") == """
        d/dx z(u(x), v(x))
          d/dx z(u(x), v(x)) = ∂z/∂u*u'(x) + ∂z/∂v*v'(x)   chain rule in several variables: ∂z/∂x = ∂z/∂u·du/dx + ∂z/∂v·dv/dx
            d/dx u(x) = u'(x)   u is an unspecified function: its derivative stays written as u'
            d/dx v(x) = v'(x)   v is an unspecified function: its derivative stays written as v'
        = ∂z/∂u*u'(x) + ∂z/∂v*v'(x)
        """)
    }

    @Test("unicode and LaTeX", arguments: [
        (Printer.Style.unicode, "∂z/∂u·u'(x) + ∂z/∂v·v'(x)"),
        (Printer.Style.latex, "\\frac{\\partial z}{\\partial u} \\cdot u'\\left(x\\right) + \\frac{\\partial z}{\\partial v} \\cdot v'\\left(x\\right)"),
    ])
    func styles(_ style: Printer.Style, _ expected: String) {
        let s = Session()
        _ = s.run(":format \(style.rawValue)")
        #expect(explainText("diff(z(u(x), v(x)), x)", session: s) == expected)
    }

    @Test("LaTeX of second partials and of partials by position")
    func latexHigher() {
        let c = ExprContext()
        let x = c.symbol("x"), y = c.symbol("y")
        let u = c.applied(AbstractFunction("u"), [x]), v = c.applied(AbstractFunction("v"), [x])
        let p = Printer(style: .latex)
        #expect(p.print(c.applied(AbstractFunction("z", partials: [1, 0]), [u, v])) == "\\frac{\\partial^{2} z}{\\partial u \\partial v}")
        #expect(p.print(c.applied(AbstractFunction("z", partials: [0, 0]), [u, v])) == "\\frac{\\partial^{2} z}{\\partial u^{2}}")
        #expect(p.print(c.applied(AbstractFunction("z", partials: [0]), [c.pow(x, c.two), y])) == "\\partial_{1} z\\left(x^{2}, y\\right)")
    }

    /// The plain form of a one-argument derivative reads back inside diff:
    /// differentiating the printed first derivative gives the second.
    @Test("the plain form re-parses inside diff", arguments: ["u(x)^2", "sin(u(x))*x", "f(g(x))", "u(x)/v(x)"])
    func roundTrip(_ e: String) {
        let s = Session()
        let first = explainText("diff(\(e), x)", session: s)
        #expect(!first.hasPrefix("error"), "\(first)")
        #expect(explainText("diff(\(first), x)", session: s) == explainText("diff(\(e), x, 2)", session: s), "\(first)")
        #expect(explainText("diff(\(e), x) - diff(\(first), y)", session: s) == first)
    }

    @Test("no value: evaluating, compiling, minimizing give a clear error", arguments: [
        "g(x) = diff(z(u(x), v(x)), x)\ng(1)",
        "diff(z(x, y), x) at (x = 1, y = 2)",
        "minimize diff(z(x), x)^2 from 1 rate 0.1",
        "plot diff(z(x), x) from 0 to 1",
        "explain diff(z(u(x), v(x)), x) at (x = 1)",
    ])
    func noValue(_ input: String) {
        let text = explainText(input)
        #expect(text.contains("`z` is an abstract function: it has no value") || text.contains("`u` is an abstract function: it has no value"), "\(text)")
    }

    @Test("inside diff a misspelled built-in is still a did-you-mean, a short or unrelated name is abstract", arguments: [
        ("diff(sni(x), x)", "did you mean `sin`?"), ("diff(sigmod(x), x)", "did you mean `sigmoid`?"),
        ("diff(h(x)^2, x)", "2*h(x)*h'(x)"), ("diff(loss(w), w)", "loss'(w)"),
    ])
    func misspelled(_ input: String, _ expected: String) {
        let (events, _) = Session().run(input)
        let text = events.map { e -> String in
            switch e {
            case .result(let s): return s
            case .diagnostic(let d): return d.help.joined(separator: " ")
            default: return ""
            }
        }.joined()
        #expect(text.contains(expected), "\(text)")
    }

    @Test("outside diff an undefined function is still an error")
    func outsideDiff() {
        #expect(explainText("z(1, 2)").contains("unknown function `z`"))
    }
}

@Suite("explain of abstract functions, more shapes")
struct AbstractExplainTests {
    @Test("rule texts", arguments: [
        ("explain diff(f(g(x)), x)", "chain rule: outer f, inner u = g(x)"),
        ("explain diff(u'(g(x)), x)", "chain rule: outer u', inner u = g(x)"),
        ("explain diff(u'(x), x)", "u' is an unspecified function: its derivative stays written as u''"),
        ("explain diff(z(x, v(x)), x)", "chain rule in several variables: dz/dx = ∂z/∂x + ∂z/∂v·dv/dx"),
        ("explain diff(z(x^2, y), x)", "chain rule in several variables: ∂z/∂x = ∂₁z·d(x^2)/dx"),
        ("explain diff(z(x)/x, x)", "quotient rule: (u/v)' = (u'v - uv')/v^2, u = z(x), v = x"),
    ])
    func rules(_ input: String, _ rule: String) {
        let text = explainText(input)
        #expect(text.contains(rule), "\(text)")
    }

    /// Mixed partials of an abstract function commute (SymPy: Derivative(z(x, y), x, y) == Derivative(z(x, y), y, x)).
    @Test("mixed partials are one node")
    func mixed() {
        #expect(explainText("diff(z(x, y), x, y) - diff(z(x, y), y, x)") == "0")
        #expect(explainText("diff(z(x, y), x, y)") == "∂²z/∂x∂y")
    }

    @Test("a partial in a denominator or a power is parenthesised")
    func parentheses() {
        #expect(explainText("diff(ln(diff(z(u, v), u)), v)") == "∂²z/∂u∂v/(∂z/∂u)")
        #expect(explainText("diff(diff(z(u, v), u)^2, v)") == "2*(∂z/∂u)*(∂²z/∂u∂v)")
    }
}
