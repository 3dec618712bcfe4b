// SuggestionTests — the "did you mean" help of Syntax/Suggestions.swift and
// the session's answers to a new user's habits (issue 14, "Help and errors"),
// each from the exact input of the issue, in English and Portuguese:
// command typos, `cos x`, `sigmoid(x) at x = 2`, `help plot`, `help`/`quit`/
// `exit` without the colon (at a prompt and in a script), `sqrt(-4)`, and
// `rate 1,5`. Also the English of the new SyntaxMessage cases for
// SyntaxMessageTests' table.

import Testing
@testable import CalcCore

extension SyntaxExample {
    static let suggestions: [SyntaxExample] = [
        .init("not a command", .notACommand("minimze"), "`minimze` is not a command"),
        .init("did you mean command", .didYouMeanCommandWord("minimize"), "did you mean the command `minimize`?"),
        .init("meta needs colon", .metaCommandNeedsColon("help"), "`help` is a meta command: meta commands start with `:`"),
        .init("write meta", .writeMetaCommand(":help plot"), "write `:help plot`"),
        .init("call needs parentheses", .callNeedsParentheses(call: "cos(x)"),
              "did you mean `cos(x)`? a function's argument goes in parentheses"),
        .init("point needs parentheses", .pointNeedsParentheses(point: "(x = 2)"),
              "to evaluate at a point, put it in parentheses: `at (x = 2)`"),
    ]
}

/// An input whose first error has this message over this text, with this help, in both languages.
struct SuggestionCase: Sendable, CustomTestStringConvertible {
    let input: String
    let covers: String
    let message: String
    let help: String
    let mensagem: String
    let ajuda: String
    var testDescription: String { input }
}

@Suite("did you mean: the habits of a new user")
struct SuggestionTests {
    static let cases: [SuggestionCase] = [
        .init(input: "minimze x^2 from 1 rate 0.1", covers: "minimze", message: "`minimze` is not a command",
              help: "did you mean the command `minimize`?",
              mensagem: "`minimze` não é um comando", ajuda: "você quis dizer o comando `minimize`?"),
        .init(input: "explian diff(x^2, x)", covers: "explian", message: "`explian` is not a command",
              help: "did you mean the command `explain`?",
              mensagem: "`explian` não é um comando", ajuda: "você quis dizer o comando `explain`?"),
        .init(input: "plto sin(x) from 0 to 1", covers: "plto", message: "`plto` is not a command",
              help: "did you mean the command `plot`?",
              mensagem: "`plto` não é um comando", ajuda: "você quis dizer o comando `plot`?"),
        .init(input: "maximise -x^2 from 0 rate 0.1", covers: "maximise", message: "`maximise` is not a command",
              help: "did you mean the command `maximize`?",
              mensagem: "`maximise` não é um comando", ajuda: "você quis dizer o comando `maximize`?"),
        .init(input: "help plot", covers: "help", message: "`help` is a meta command: meta commands start with `:`",
              help: "write `:help plot`",
              mensagem: "`help` é um metacomando: os metacomandos começam com `:`", ajuda: "escreva `:help plot`"),
        .init(input: "cos x", covers: "x", message: "expected end of statement, found name `x`",
              help: "did you mean `cos(x)`? a function's argument goes in parentheses",
              mensagem: "esperava o fim da instrução, encontrou o nome `x`",
              ajuda: "você quis dizer `cos(x)`? o argumento de uma função vai entre parênteses"),
        .init(input: "y = cos x", covers: "x", message: "expected end of statement, found name `x`",
              help: "did you mean `cos(x)`? a function's argument goes in parentheses",
              mensagem: "esperava o fim da instrução, encontrou o nome `x`",
              ajuda: "você quis dizer `cos(x)`? o argumento de uma função vai entre parênteses"),
        .init(input: "sigmoid(x) at x = 2", covers: "=", message: "expected end of statement, found `=`",
              help: "to evaluate at a point, put it in parentheses: `at (x = 2)`",
              mensagem: "esperava o fim da instrução, encontrou `=`",
              ajuda: "para calcular em um ponto, ponha-o entre parênteses: `at (x = 2)`"),
    ]

    func firstError(_ input: String, _ language: Language = .english) -> (Diagnostic, [Event])? {
        let session = Session()
        session.settings.language = language
        let (events, status) = session.run(input)
        #expect(status == .failed)
        for case .diagnostic(let d) in events where d.severity == .error { return (d, events) }
        return nil
    }

    @Test("each slip gets its own help, not \"to multiply, write `*`\"", arguments: cases)
    func english(_ c: SuggestionCase) throws {
        let (d, _) = try #require(firstError(c.input))
        #expect(d.message == c.message)
        #expect(d.help == [c.help])
        #expect(SourceFile(name: "t", text: c.input).text(in: d.range) == c.covers)
        #expect(!d.help.joined().contains("multiply"))
    }

    @Test("the same in Portuguese", arguments: cases)
    func portuguese(_ c: SuggestionCase) throws {
        let (d, _) = try #require(firstError(c.input, .portuguese))
        let pt = Catalogue(.portuguese)
        #expect(pt.text(d.text) == c.mensagem)
        #expect(d.helpText.map(pt.text) == [c.ajuda])
    }

    @Test("the user's own functions get the call suggestion too; plain names still get `*`")
    func userFunctionsAndProducts() throws {
        let s = Session()
        _ = s.run("loss(w) = (w - 3)^2")
        let (events, _) = s.run("loss w")
        let d = try #require(events.compactMap { if case .diagnostic(let d) = $0 { return d }; return nil }.first)
        #expect(d.help == ["did you mean `loss(w)`? a function's argument goes in parentheses"])
        let (d2, _) = try #require(firstError("a b"))
        #expect(d2.help.first?.contains("to multiply, write `*`") == true)
        // a real command is not "corrected"
        let (d3, _) = try #require(firstError("plot sin(x) from 0 to 1 x"))
        #expect(!d3.message.contains("not a command"))
    }

    // MARK: help, quit, exit without the colon

    @Test("in a script `help`, `quit`, `exit` alone are an error that says to write the colon",
          arguments: [("help", ":help"), ("quit", ":quit"), ("exit", ":exit")])
    func bareWordsInAScript(_ word: String, _ fix: String) throws {
        let (d, events) = try #require(firstError(word))
        #expect(d.message == "`\(word)` is a meta command: meta commands start with `:`")
        #expect(d.help == ["write `\(fix)`"])
        #expect(!events.contains { if case .result = $0 { return true }; return false })
        let (p, _) = try #require(firstError(word, .portuguese))
        #expect(Catalogue(.portuguese).text(p.text) == "`\(word)` é um metacomando: os metacomandos começam com `:`")
    }

    @Test("at a prompt `help` shows the help and `quit` / `exit` leave")
    func bareWordsAtAPrompt() {
        let s = Session()
        s.interactive = true
        let (events, status) = s.run("help")
        #expect(status == .ok)
        guard case .info(let text)? = events.first else { Issue.record("no help: \(events)"); return }
        #expect(text == Help.text(topic: "", in: s.settings.catalogue))
        #expect(s.run("quit").status == .quit)
        #expect(s.run("exit").status == .quit)
    }

    @Test("a bound `help` or `quit` is the user's value")
    func boundNames() {
        let s = Session()
        #expect(s.run("quit = 3; quit").events.count == 1)
        let (events, status) = s.run("quit + 1")
        #expect(status == .ok)
        guard case .result(let r)? = events.first else { Issue.record("\(events)"); return }
        #expect(r == "4")
    }

    // MARK: sqrt(-4)

    @Test("a square root of a negative number does not suggest cbrt", arguments: [
        "sqrt(-4)", "x = -4; sqrt(x)", "sqrt(-4.5)", "(-4)^(1/2)", "(-2)^1.5", "f(x) = sqrt(x); f(-2)", "raiz(-4)",
    ])
    func squareRoot(_ input: String) throws {
        let (d, _) = try #require(firstError(input))
        // (inside a function a second help line says where it was called)
        #expect(d.help.first == "calc works with real numbers: sqrt(x) and x^(1/2) are real only for x ≥ 0")
        #expect(!d.help.joined().contains("cbrt"))
        let (p, _) = try #require(firstError(input, .portuguese))
        #expect(p.helpText.map(Catalogue(.portuguese).text).first == "o calc trabalha com números reais: sqrt(x) e x^(1/2) só são reais para x ≥ 0")
    }

    @Test("the compiled evaluator says the same for a square root, and cbrt for a cube root")
    func compiledSquareRoot() {
        let e = ExprContext().number(Number(1))
        do { _ = try Evaluator.power(-4, 0.5, e); Issue.record("no error") } catch {
            #expect(error.help == .squareRootNeedsNonNegative)
        }
        do { _ = try Evaluator.power(-8, 1.0 / 3, e); Issue.record("no error") } catch {
            #expect(error.help == .realNumbersUseCbrt)
        }
    }

    @Test("a cube root still suggests cbrt")
    func cubeRoot() throws {
        let (d, _) = try #require(firstError("(-8)^(1/3)"))
        #expect(d.help == ["calc works with real numbers; for a cube root use `cbrt(x)`"])
    }

    // MARK: rate 1,5

    @Test("`rate 1,5` is warned about, in both languages, and the report shows the two rates it ran")
    func rateWithDecimalComma() throws {
        for language in Language.allCases {
            let s = Session()
            s.settings.language = language
            let (events, status) = s.run("minimize x^2 from 1 rate 1,5 steps 20")
            #expect(status == .ok)
            let warnings = events.compactMap { e -> Diagnostic? in if case .diagnostic(let d) = e { return d }; return nil }
            let w = try #require(warnings.first)
            #expect(w.severity == .warning)
            #expect(w.message == "`1,5` is read as the two numbers 1 and 5")
            #expect(w.help.first == "for the decimal number write `1.5`")
            if language == .portuguese {
                #expect(Catalogue(.portuguese).text(w.text) == "`1,5` é lido como os dois números 1 e 5")
            }
            // the warning comes before the result, and the result names both rates
            guard case .diagnostic? = events.first, case .result(let report)? = events.last else { Issue.record("\(events)"); continue }
            let rows = report.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            #expect(rows.contains { $0.hasPrefix("1 ") })
            #expect(rows.contains { $0.hasPrefix("5 ") })
        }
    }
}
