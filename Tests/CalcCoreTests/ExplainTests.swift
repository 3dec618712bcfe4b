// ExplainTests — `explain` names the rule behind each step, and its final
// line is always exactly `diff`'s result (the same differentiator produced
// both); with `at`, the backward pass ends in the numeric gradient.

import Testing
@testable import CalcCore

func explainText(_ text: String, session: Session = Session()) -> String {
    let (events, _) = session.run(text)
    var out: [String] = []
    for e in events {
        switch e {
        case .result(let s): out.append(s)
        case .diagnostic(let d): out.append("error: \(d.message)")
        default: break
        }
    }
    return out.last ?? ""
}

@Suite("explain")
struct ExplainTests {
    @Test("each rule is named", arguments: [
        ("explain diff(x^2*sin(x), x)", "product rule"),
        ("explain diff(x/(x + 1), x)", "quotient rule"),   // a quotient as written (issue 12; was "product rule")
        ("explain diff(sin(x^2), x)", "chain rule: outer sin, inner u = x^2"),
        ("explain diff(x^5, x)", "power rule: d/dx x^n = n*x^(n-1)"),
        ("explain diff((x + 1)^5, x)", "power rule with the chain rule, inner u = x + 1"),
        ("explain diff(3*x^2, x)", "constant multiple"),
        ("explain diff(x + x^2, x)", "sum rule"),
        ("explain diff(2^x, x)", "exponential rule"),
        ("explain diff(x^x, x)", "general power rule"),
        ("explain diff(mean(w*[1, 2]), w)", "linearity of mean"),
    ])
    func rules(_ input: String, _ rule: String) {
        #expect(explainText(input).contains(rule))
    }

    @Test("every built-in's own rule appears", arguments: Builtin.allCases.filter { !$0.isReduction })
    func builtins(_ f: Builtin) {
        let call = f.arity == 2 ? "\(f.name)(x^2, 3)" : "\(f.name)(x^2)"
        let text = explainText("explain diff(\(call), x)")
        #expect(text.contains("chain rule: outer \(f.name)"), "\(text)")
        #expect(text.contains("outer: \(f.ruleText)"))
    }

    @Test("notations: ∂f/∂x, grad f, f', mixed")
    func notations() {
        let s = Session()
        _ = s.run("f(x, y) = x^2*y + sin(y)\ng(t) = t^3")
        #expect(explainText("explain ∂f/∂y", session: s).hasSuffix("= x^2 + cos(y)"))
        let g = explainText("explain grad f", session: s)
        #expect(g.contains("= 2*x*y") && g.contains("= x^2 + cos(y)"))
        #expect(explainText("explain g''", session: s).hasSuffix("= 6*t"))
        #expect(explainText("explain diff(x^2*y^2, x, y)").contains("step 2: d/dy"))
    }

    @Test("the final line equals diff's result", arguments: 0..<150)
    func agreesWithDiff(_ seed: Int) {
        var rng = SeededRandom(seed: UInt64(seed) &+ 11)
        let e = randomExpression(&rng, depth: 4)
        let s = Session()
        let diff = explainText("diff(\(e), x)", session: s)
        let explained = explainText("explain diff(\(e), x)", session: s)
        if explained.hasSuffix("\n= " + diff) { return }
        // a quotient as written ends in the quotient rule's combined form: the same value
        let lines = explained.split(separator: "\n")
        #expect(lines.count > 1 && lines[1].contains("quotient rule"), "\(e)")
        let final = String(explained[explained.range(of: "\n= ", options: .backwards)!.upperBound...])
        _ = s.run("q1(x, y) = \(final)\nq2(x, y) = \(diff)")
        let a = Double(explainText("q1(0.37, 0.61)", session: s)), b = Double(explainText("q2(0.37, 0.61)", session: s))
        if let a, let b { #expect(Swift.abs(a - b) <= 1e-9 * Swift.max(1, Swift.abs(b)), "\(e): \(a) vs \(b)") }
    }

    @Test("with at: forward values, backward adjoints, the gradient")
    func backprop() {
        let text = explainText("explain diff(sigmoid(w*x + b), w) at (w = 0.5, x = 2, b = -1)")
        #expect(text.contains("forward pass"))
        #expect(text.contains("backward pass"))
        // ∂σ(wx + b)/∂(w, x, b) at σ'(0) = 1/4: (x/4, w/4, 1/4)
        #expect(text.hasSuffix("gradient (w, x, b) = (0.5, 0.125, 0.25)"))
    }

    @Test("explain of something that is not a derivative is an error with help")
    func notDerivative() {
        let (events, status) = Session().run("explain x^2")
        #expect(status == .failed)
        if case .diagnostic(let d)? = events.first { #expect(d.help.first?.contains("explain diff(e, x)") == true) }
    }
}

/// A random expression in x (and y) over every operator and most built-ins.
func randomExpression(_ rng: inout SeededRandom, depth: Int) -> String {
    let leaves = ["x", "y", "2", "3", "x", "1/2", "0.5"]
    if depth == 0 || rng.next() % 4 == 0 { return leaves[Int(rng.next() % UInt64(leaves.count))] }
    let functions = ["sin", "cos", "exp", "ln", "sqrt", "tanh", "sigmoid", "softplus", "atan", "abs", "cosh", "asinh"]
    let a = randomExpression(&rng, depth: depth - 1), b = randomExpression(&rng, depth: depth - 1)
    switch rng.next() % 7 {
    case 0: return "(\(a) + \(b))"
    case 1: return "(\(a) - \(b))"
    case 2: return "(\(a))*(\(b))"
    case 3: return "(\(a))/(\(b) + 3)"
    case 4: return "(\(a))^\(Int(rng.next() % 4) + 2)"
    default: return "\(functions[Int(rng.next() % UInt64(functions.count))])(\(a))"
    }
}

@Suite("plot command")
struct PlotCommandTests {
    @Test("a curve with gaps where the function is undefined renders, sized to the width")
    func gaps() {
        let s = Session()
        var settings = s.settings
        settings.plotWidth = 40
        s.settings = settings
        let text = explainText("plot sqrt(x), ln(x) from -1 to 2", session: s)
        let lines = text.split(separator: "\n")
        #expect(lines.count > 10)
        #expect(lines.allSatisfy { $0.count <= 40 })
        #expect(text.contains("sqrt(x)") && text.contains("ln(x)"))
    }

    @Test("SVG goes through the writer; the result names the file")
    func svgFile() {
        let s = Session()
        nonisolated(unsafe) var written: [String: String] = [:]
        s.writeFile = { path, text in written[path] = text; return .success(()) }
        #expect(explainText("plot x^2 from -1 to 1 to \"p.svg\"", session: s) == "wrote p.svg")
        #expect(written["p.svg"]?.hasPrefix("<svg") == true || written["p.svg"]?.contains("<svg") == true)
        _ = s.run("minimize (x - 1)^2 + y^2 from (0, 1) rate 0.1 plot to \"d.svg\"")
        #expect(written["d.svg"]?.contains("<circle") == true)
        #expect(written["d-loss.svg"]?.contains("<path") == true)
    }
}
