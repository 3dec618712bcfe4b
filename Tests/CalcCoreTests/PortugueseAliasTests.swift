// PortugueseAliasTests — the Portuguese function names (`sen`, `tg`, …,
// `raiz`) are aliases: each evaluates and differentiates exactly as its
// canonical function, results print with the canonical name, the names are
// reserved like every built-in, and "did you mean" suggests across both
// languages.

import Testing
@testable import CalcCore

/// A Portuguese name and the canonical function it calls.
struct PortugueseAlias: Sendable, CustomTestStringConvertible {
    let alias: String
    let canonical: String
    /// Points inside the function's domain, for comparing values.
    let points: [String]
    var testDescription: String { "\(alias) → \(canonical)" }

    static let all: [PortugueseAlias] = [
        .init(alias: "sen", canonical: "sin", points: ["0", "0.5", "-2", "pi/6"]),
        .init(alias: "tg", canonical: "tan", points: ["0", "0.5", "-1.2", "pi/4"]),
        .init(alias: "cotg", canonical: "cot", points: ["0.5", "-1.2", "pi/4"]),
        .init(alias: "cossec", canonical: "csc", points: ["0.5", "-2", "pi/2"]),
        .init(alias: "arcsen", canonical: "asin", points: ["0", "0.5", "-1", "1/2"]),
        .init(alias: "arccos", canonical: "acos", points: ["0", "0.5", "-1", "1/2"]),
        .init(alias: "arctg", canonical: "atan", points: ["0", "0.5", "-3", "1"]),
        .init(alias: "senh", canonical: "sinh", points: ["0", "0.5", "-3", "2"]),
        .init(alias: "tgh", canonical: "tanh", points: ["0", "0.5", "-3", "2"]),
        .init(alias: "raiz", canonical: "sqrt", points: ["0", "0.5", "4", "8", "2/9"]),
    ]
}

/// Inner expressions the aliases are applied to, to exercise the chain rule.
let aliasInnerExpressions = ["x", "x^2", "2*x + 1", "x*y", "exp(x)", "sin(x)/3", "w*x + b"]

@Suite("Portuguese function names")
struct PortugueseAliasTests {
    /// The printed result of one statement (or `error: …`), in a fresh session.
    func printed(_ text: String) -> String { evalText(text) }

    @Test("every alias is in Callee.names and resolves to its canonical callee", arguments: PortugueseAlias.all)
    func resolves(_ a: PortugueseAlias) throws {
        #expect(Callee.names.contains(a.alias))
        let callee = try #require(Callee.named(a.alias))
        #expect(callee == Callee.named(a.canonical))
        #expect(callee.name == a.canonical)
        #expect(callee.portugueseName == a.alias)
        #expect(Callee.portugueseNames.contains(a.alias))
    }

    @Test("an alias differentiates exactly as its canonical function", arguments: PortugueseAlias.all)
    func derivatives(_ a: PortugueseAlias) {
        for inner in aliasInnerExpressions {
            for v in ["x", "y"] {
                let viaAlias = printed("diff(\(a.alias)(\(inner)), \(v))")
                let viaCanonical = printed("diff(\(a.canonical)(\(inner)), \(v))")
                #expect(viaAlias == viaCanonical, "diff(\(a.alias)(\(inner)), \(v))")
                #expect(!viaAlias.hasPrefix("error"), "diff(\(a.alias)(\(inner)), \(v)) is \(viaAlias)")
            }
            // second derivatives and powers of the call, through the chain rule again
            #expect(printed("diff(\(a.alias)(\(inner))^2, x, 2)") == printed("diff(\(a.canonical)(\(inner))^2, x, 2)"))
            // the result is printed with the canonical name only
            #expect(!printed("\(a.alias)(\(inner))").contains(a.alias + "("))
            #expect(printed("\(a.alias)(\(inner))") == printed("\(a.canonical)(\(inner))"))
        }
    }

    @Test("an alias has its canonical function's values, domain errors included", arguments: PortugueseAlias.all)
    func values(_ a: PortugueseAlias) {
        for p in a.points {
            #expect(printed("\(a.alias)(\(p))") == printed("\(a.canonical)(\(p))"), "\(a.alias)(\(p))")
            #expect(printed("f(x) = \(a.alias)(x)^2; f'(\(p))") == printed("f(x) = \(a.canonical)(x)^2; f'(\(p))"))
        }
        for p in ["-4", "2", "0"] {
            #expect(printed("\(a.alias)(\(p))") == printed("\(a.canonical)(\(p))"), "\(a.alias)(\(p))")
        }
    }

    @Test("an alias is reserved like the built-in it names", arguments: PortugueseAlias.all)
    func reserved(_ a: PortugueseAlias) {
        for (input, id) in [("\(a.alias) = 3", DiagnosticID.builtinRedefined), ("\(a.alias)(x) = x", .builtinRedefined),
                            ("f(\(a.alias)) = 1", .builtinRedefined)] {
            switch evaluate(input) {
            case .success(let s): Issue.record("\(input) gave \(s)")
            case .failure(let d): #expect(d.id == id, "\(input)")
            }
        }
        guard case .failure(let d) = evaluate("\(a.alias) = 3") else { return }
        #expect(d.message == "cannot redefine `\(a.alias)`")
        #expect(d.help == ["`\(a.alias)` is a built-in; choose another name"])
    }

    @Test("a wrong argument count names the spelling used", arguments: PortugueseAlias.all)
    func arity(_ a: PortugueseAlias) {
        guard case .failure(let d) = evaluate("\(a.alias)(1, 2)") else { Issue.record("no error"); return }
        #expect(d.id == .arity)
        #expect(d.message == "`\(a.alias)` takes 1 argument but 2 were given")
        #expect(d.help == ["usage: `\(a.alias)(x)`"])
    }

    @Test("did you mean suggests across both languages", arguments: [
        ("sem(x)", "sen"), ("sni(x)", "sin"), ("sinn(x)", "sign"), ("tq(x)", "tg"), ("raix(x)", "raiz"),
        ("arcsin(x)", "arcsen"), ("senhh(x)", "senh"), ("cosec(x)", "cossec"), ("sqr(x)", "sqrt"),
    ])
    func didYouMean(_ input: String, _ suggestion: String) {
        guard case .failure(let d) = evaluate(input) else { Issue.record("no error for \(input)"); return }
        #expect(d.id == .unknownFunction)
        #expect(d.help == ["did you mean `\(suggestion)`?"])
    }

    @Test("a sideways slip to the next key breaks a tie of edit distance, then the alphabet")
    func ties() {
        #expect(closestWord("sem", in: ["sec", "sen"]) == "sen")     // m is next to n, not to c
        #expect(closestWord("sinn", in: ["sinh", "sin", "sign"]) == "sign")   // no sideways slip: alphabetical
        #expect(closestWord("cps", in: ["cas", "cos"]) == "cos")     // o is next to p, a is not
        #expect(besideOnKeyboard("m", "n") && besideOnKeyboard("o", "p") && besideOnKeyboard("g", "h"))
        #expect(!besideOnKeyboard("n", "h") && !besideOnKeyboard("m", "c") && !besideOnKeyboard("a", "a") && !besideOnKeyboard("1", "2"))
    }

    @Test("explain and grad read the alias as the canonical function")
    func explainAndGrad() {
        // the first line echoes the input as written; the steps and the result are sin's
        let steps = { (s: String) in s.split(separator: "\n").dropFirst().joined(separator: "\n") }
        let viaAlias = Session().run("explain diff(sen(x)^2, x)").events.compactMap { e -> String? in
            if case .result(let s) = e { return s }; return nil }.joined()
        let viaCanonical = Session().run("explain diff(sin(x)^2, x)").events.compactMap { e -> String? in
            if case .result(let s) = e { return s }; return nil }.joined()
        #expect(viaAlias.hasPrefix("d/dx sen(x)^2\n"))
        #expect(steps(viaAlias) == steps(viaCanonical))
        #expect(!steps(viaAlias).isEmpty && !steps(viaAlias).contains("sen"))
        #expect(printed("f(x, y) = tg(x*y) + raiz(y); grad f") == printed("f(x, y) = tan(x*y) + sqrt(y); grad f"))
        #expect(printed("grad(arctg(x*y)) at (1, 2)") == printed("grad(atan(x*y)) at (1, 2)"))
    }
}
