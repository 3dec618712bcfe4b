// PortugueseReportTests — the Brazilian Portuguese of what the commands say
// (CommandMessage) and of their reports (ReportMessage): every command
// message is translated and keeps the rustc style; a table of ids with
// their exact Portuguese (every kind of point, both plurals, divergence,
// advice, explain's rules); and a whole `minimize` report in Portuguese.

import Testing
@testable import CalcCore

/// A command or report message with its exact Portuguese.
struct PortugueseReportWording: CustomTestStringConvertible, Sendable {
    enum Id: Sendable { case command(CommandMessage), report(ReportMessage) }
    let id: String
    let message: Id
    let portuguese: String
    var testDescription: String { id }

    var text: String {
        let pt = Catalogue(.portuguese)
        switch message {
        case .command(let c): return pt.text(.command(c))
        case .report(let r): return pt.text(r)
        }
    }
}

private func r(_ id: String, _ m: ReportMessage, _ pt: String) -> PortugueseReportWording { PortugueseReportWording(id: id, message: .report(m), portuguese: pt) }
private func c(_ id: String, _ m: CommandMessage, _ pt: String) -> PortugueseReportWording { PortugueseReportWording(id: id, message: .command(m), portuguese: pt) }

let portugueseReportWordings: [PortugueseReportWording] = [
    // labels
    r("help", .help, "ajuda"),
    r("note", .note, "nota"),
    r("severity error", .severity(.error), "erro"),
    r("severity warning", .severity(.warning), "aviso"),
    r("severity note", .severity(.note), "nota"),
    // how a run ended, with both plurals of passo
    r("converged many", .converged(steps: 43605, gradientNorm: "1e-8", tol: "1e-8"), "convergiu em 43 605 passos: |∇f| = 1e-8 ≤ tol 1e-8"),
    r("converged one", .converged(steps: 1, gradientNorm: "0", tol: "1e-8"), "convergiu em 1 passo: |∇f| = 0 ≤ tol 1e-8"),
    r("stepLimit tol", .stepLimit(steps: 100, gradientNorm: "1.64", tol: "1e-8"),
      "não convergiu: parou no limite de passos (100 passos) com |∇f| = 1.64, acima de tol 1e-8"),
    r("stepLimit tol 0", .stepLimit(steps: 1, gradientNorm: "2", tol: nil), "não convergiu: parou no limite de passos (1 passo) com |∇f| = 2"),
    r("interrupted", .interrupted(step: 1024, gradientNorm: "0.5"), "interrompido no passo 1 024: |∇f| = 0.5"),
    r("diverging", .diverging(steps: 40, from: "9", to: "1.2e4", rate: "1.05"),
      "divergindo: após 40 passos, f foi de 9 para 1.2e4 — a taxa 1.05 é grande demais"),
    r("divergedRateTooLarge", .divergedRateTooLarge(step: "34", cause: "f ultrapassou 1.52e19", rate: "1.5"),
      "divergiu no passo 34: f ultrapassou 1.52e19 — a taxa 1.5 é grande demais"),
    r("divergedUnbounded minimize", .divergedUnbounded(step: "12", cause: "θ ultrapassou todos os limites", maximize: false, reached: "-1e300"),
      "divergiu no passo 12: θ ultrapassou todos os limites enquanto f continuava diminuindo (até -1e300)"),
    r("unboundedAlongPath maximize", .unboundedAlongPath(label: "x^3", maximize: true),
      "`x^3` cresce sem limite ao longo deste caminho: não há máximo a encontrar"),
    r("unboundedAlongPath minimize", .unboundedAlongPath(label: "x^3", maximize: false),
      "`x^3` decresce sem limite ao longo deste caminho: não há mínimo a encontrar"),
    r("reachedBy", .reachedBy(point: "x = 1"), "até então, havia chegado a x = 1"),
    r("gradientGrew", .gradientGrew(from: "1", to: "1e10"), "|∇f| cresceu de 1 para 1e10"),
    // the end point and the Hessian's verdict, every kind of point
    r("at", .at(point: "(x, y) = (1, 2)"), "em (x, y) = (1, 2)"),
    r("hessianUnavailable", .hessianUnavailable, "matriz hessiana: indisponível neste ponto"),
    r("hessianEigenvalue one", .hessianEigenvalues(count: 1, values: "2", kind: "um mínimo local"), "autovalor da hessiana 2: um mínimo local"),
    r("hessianEigenvalues two", .hessianEigenvalues(count: 2, values: "0.338096, 23.6619", kind: "um mínimo local"),
      "autovalores da hessiana 0.338096, 23.6619: um mínimo local"),
    r("pointKind none", .pointKind(nil, stationary: true), "indisponível neste ponto"),
    r("pointKind singular", .pointKind(.singular, stationary: true), "indeterminado (a hessiana é singular)"),
    r("pointKind flat", .pointKind(.singular, stationary: false), "sem curvatura em alguma direção (ainda não é um ponto estacionário)"),
    r("time", .time("41 ms", setup: nil), "tempo 41 ms"),
    r("time with set-up", .time("41 ms", setup: "1,2 s"), "tempo 41 ms (preparação 1,2 s)"),
    r("pointKind nearly singular", .pointKind(.nearlySingular, stationary: true), "indeterminado (a hessiana é quase singular)"),
    r("pointKind minimum", .pointKind(.positive, stationary: true), "um mínimo local"),
    r("pointKind curving up", .pointKind(.positive, stationary: false), "curvatura para cima em todas as direções (ainda não é um ponto estacionário)"),
    r("pointKind maximum", .pointKind(.negative, stationary: true), "um máximo local"),
    r("pointKind curving down", .pointKind(.negative, stationary: false), "curvatura para baixo em todas as direções (ainda não é um ponto estacionário)"),
    r("pointKind saddle", .pointKind(.mixed, stationary: true), "um ponto de sela"),
    r("pointKind up and down", .pointKind(.mixed, stationary: false), "curvatura para cima e para baixo (ainda não é um ponto estacionário)"),
    // advice
    r("curvatureLimit", .curvatureLimit(lambdaMax: "6", limit: "0.333333"),
      "a curvatura no ponto inicial é λmax = 6, então o gradiente descendente só é estável com taxa < 2/λmax = 0.333333"),
    r("tryRate", .tryRate("0.5"), "tente a taxa 0.5"),
    r("trySmallerRate", .trySmallerRate("0.01"), "tente uma taxa menor, por exemplo 0.01"),
    r("moreSteps momentum", .moreSteps(suggestMomentum: true), "aumente `steps`, ou tente uma taxa maior ou `method momentum`"),
    // tables and several starts, both plurals of início
    r("rateColumn", .rateColumn, "taxa"),
    r("endPointColumn", .endPointColumn, "ponto final"),
    r("status stepLimit", .status(.stepLimit), "limite de passos"),
    r("ratesHeading", .ratesHeading(start: "x = 3", method: "gd", steps: "1,000"), "a partir de x = 3, gd, no máximo 1,000 passos:"),
    r("multiStartHeading", .multiStartHeading(starts: 20, box: "x ∈ [-5, 5]", seed: 7, rate: "0.01"),
      "20 pontos iniciais sorteados uniformemente em x ∈ [-5, 5] (semente 7), taxa 0.01:"),
    r("startsFailed one", .startsFailed(1), "a partir de 1 ponto inicial, a descida divergiu ou saiu do domínio"),
    r("startsFailed two", .startsFailed(2), "a partir de 2 pontos iniciais, as descidas divergiram ou saíram do domínio"),
    // explain
    r("chainRule", .chainRule(outer: "sigmoid", inner: "w*x + b"), "regra da cadeia: externa sigmoid, interna u = w*x + b"),
    r("productRule", .productRule, "regra do produto: (uv)' = u'v + uv'"),
    r("powerRuleOfVariable", .powerRuleOfVariable, "regra da potência: d/dx x^n = n*x^(n-1)"),
    r("sumRule", .sumRule, "regra da soma: derive termo a termo"),
    r("forwardPass", .forwardPass(values: "w = 0.5"), "propagação para frente (valores em w = 0.5):"),
    r("backwardPass", .backwardPass, "retropropagação (adjuntos ∂f/∂v, da saída para as entradas):"),
    r("quotientRule", .quotientRule(numerator: "x", denominator: "x + 1"), "regra do quociente: (u/v)' = (u'v - uv')/v^2, u = x, v = x + 1"),
    r("severalVariablesChainRule", .severalVariablesChainRule(sum: "∂z/∂x = ∂z/∂u·du/dx"), "regra da cadeia em várias variáveis: ∂z/∂x = ∂z/∂u·du/dx"),
    r("abstractFunctionDerivative", .abstractFunctionDerivative("u"), "u é uma função não especificada: sua derivada fica escrita como u'"),
    r("dataAdjoints", .dataAdjoints(count: 3), "(sobre dados: listas de 3, valores e adjuntos elemento a elemento)"),
    r("backwardPassNamed", .backwardPassNamed(prefix: "t"), "retropropagação (adjuntos ∂f/∂t, da saída para as entradas):"),
    // command messages
    c("rateNotPositive", .rateNotPositive(found: "-0.1"), "a taxa deve ser um número positivo, mas é -0.1"),
    c("targetNotNumeric", .targetNotNumeric(found: .tuple(count: 2)),
      "a função objetivo deve ser uma função ou expressão com valor numérico, mas é uma tupla de 2"),
    c("methodsAre suggested", .methodsAre(suggestion: "adam", all: ["gd", "adam"]), "você quis dizer `adam`? os métodos são gd, adam"),
    c("undefinedThroughout one", .undefinedThroughout(labels: ["ln(x)"], low: "-2", high: "-1"),
      "`ln(x)` não tem valor definido em nenhum ponto de [-2, -1]"),
    c("undefinedThroughout several", .undefinedThroughout(labels: ["a", "b"], low: "0", high: "1"),
      "nenhuma destas expressões tem valor definido em [0, 1]"),
]

/// Command messages whose Portuguese may equal the English: pure code.
/// (None today; kept explicit so an addition is a decision.)
let portugueseSameAsEnglish: Set<String> = []

@Suite("Portuguese reports and command messages")
struct PortugueseReportTests {
    let pt = Catalogue(.portuguese)

    @Test("every command message is translated, in the rustc style", arguments: commandWordings)
    func translated(_ w: Wording) {
        let text = pt.text(w.message)
        #expect(!text.isEmpty)
        if !portugueseSameAsEnglish.contains(w.id) { #expect(text != w.english) }
        if let first = text.first, first.isLetter { #expect(first.isLowercase, "starts with a capital: \(text)") }
        #expect(!text.hasSuffix("."), "ends with a period: \(text)")
    }

    @Test("exact Portuguese", arguments: portugueseReportWordings)
    func exact(_ w: PortugueseReportWording) {
        #expect(w.text == w.portuguese)
    }

    @Test("the table covers enough ids")
    func coverage() {
        #expect(portugueseReportWordings.count >= 30)
        #expect(Set(portugueseReportWordings.map(\.id)).count == portugueseReportWordings.count)
    }

    @Test("a whole minimize report in Portuguese")
    func session() {
        let s = Session()
        var settings = s.settings
        settings.language = .portuguese
        s.settings = settings
        let (events, status) = s.run("minimize x^2 from 1 rate 0.1")
        #expect(status == .ok)
        let report = events.compactMap { if case .result(let r) = $0 { return r }; return nil }.joined(separator: "\n")
        #expect(report.hasPrefix("convergiu em "), "\(report)")
        #expect(report.contains(" passos: |∇f| = "))
        #expect(report.contains("\n  em x = "))
        #expect(report.contains("autovalor da hessiana 2: um mínimo local"))
        #expect(report.contains("\n  tempo "))
        // English stays English
        #expect(minimizeReport("minimize x^2 from 1 rate 0.1").hasPrefix("converged in "))
    }
}
