// PortugueseSyntaxTests — the Brazilian Portuguese of SyntaxMessage,
// NumericMessage and TerminalMessage: every row of the English tables
// (SyntaxExample.table, numericWordings) has Portuguese of its own in the
// house style, and representative messages have their exact words — among
// them the composition "esperava X depois de A, encontrou Y", plurals, a
// domain error with its help, and the terminal's texts.

import Testing
@testable import CalcCore

/// A message and its exact Portuguese, named for the test list.
struct PortugueseWording: Sendable, CustomTestStringConvertible {
    let id: String
    let message: Message
    let portuguese: String
    init(_ id: String, _ message: Message, _ portuguese: String) {
        self.id = id; self.message = message; self.portuguese = portuguese
    }
    var testDescription: String { id }
}

/// A row of the English tables, seen only for its id and message.
struct TranslatedRow: Sendable, CustomTestStringConvertible {
    let id: String
    let message: Message
    var testDescription: String { id }

    static let all: [TranslatedRow] =
        SyntaxExample.table.map { TranslatedRow(id: "syntax: " + $0.id, message: .syntax($0.message)) }
        + numericWordings.map { TranslatedRow(id: "numeric: " + $0.id, message: $0.message) }
}

private func s(_ id: String, _ m: SyntaxMessage, _ pt: String) -> PortugueseWording { .init(id, .syntax(m), pt) }
private func n(_ id: String, _ m: NumericMessage, _ pt: String) -> PortugueseWording { .init(id, .numeric(m), pt) }
private func t(_ id: String, _ m: TerminalMessage, _ pt: String) -> PortugueseWording { .init(id, .terminal(m), pt) }

let portugueseWordings: [PortugueseWording] = [
    // characters, numbers, strings
    s("unexpected character", .unexpectedCharacter("$"), "caractere inesperado `$`"),
    s("malformed", .malformedNumber, "número malformado"),
    s("digit separator", .misplacedDigitSeparator, "o separador de dígitos `_` deve ficar entre dois dígitos"),
    s("largest finite", .largestFiniteNumber, "o maior número finito é aproximadamente 1.8e308; use `inf` para infinito"),
    s("unterminated", .unterminatedString, "string não fechada"),
    // partial derivatives, both plurals
    s("∂f without /∂", .partialNeedsVariables(function: "f"), "esperava `/∂` e uma variável depois de `∂f`"),
    s("∂² one variable", .partialOrderMismatch(order: 2, variables: 1), "`∂²` indica ordem 2, mas foi dada 1 variável"),
    s("∂ three variables", .partialOrderMismatch(order: 1, variables: 3), "`∂` indica ordem 1, mas foram dadas 3 variáveis"),
    // expected X after A, found Y
    s("expected after `^`", .expected(.expression, after: .token(.symbol("^")), found: .endOfLine),
      "esperava uma expressão depois de `^`, encontrou o fim da linha"),
    s("expected symbol, found end", .expected(.symbol(")"), found: .endOfInput), "esperava `)`, encontrou o fim da entrada"),
    s("after a name", .expected(.expression, after: .token(.name("x")), found: .symbol(")")),
      "esperava uma expressão depois do nome `x`, encontrou `)`"),
    s("found a number", .expected(.name, found: .number("3")), "esperava um nome, encontrou o número `3`"),
    s("both, after the target", .expected(.both(.symbol("from"), .startPoint), after: .target, found: .endOfInput),
      "esperava `from` e um ponto inicial depois da função objetivo, encontrou o fim da entrada"),
    s("after the number of starts", .expected(.both(.symbol("in"), .box), after: .numberOfStarts, found: .endOfInput),
      "esperava `in` e uma região depois do número de pontos iniciais, encontrou o fim da entrada"),
    s("either", .expected(.either(.functionName, .symbol("(")), after: .token(.symbol("∇")), found: .number("2")),
      "esperava um nome de função ou `(` depois de `∇`, encontrou o número `2`"),
    s("meta command", .expected(.point, after: .token(.symbol("at")), found: .metaCommand("vars")),
      "esperava um ponto depois de `at`, encontrou o metacomando `:vars`"),
    s("after a string", .expected(.endOfStatement, after: .token(.string), found: .superscriptExponent),
      "esperava o fim da instrução depois de uma string, encontrou um expoente sobrescrito"),
    s("maximize target", .expected(.targetToOptimize(maximize: true), found: .name("from")),
      "esperava uma função ou expressão a maximizar, encontrou o nome `from`"),
    s("unclosed label", .unclosedOpenedHere(opener: "("), "`(` aberto aqui não foi fechado"),
    // statements, commands, limits
    s("equals", .equalsBindsOrDefines,
      "`=` atribui um valor a um nome (`x = 1`) ou define uma função (`f(x) = x^2`); o calc não tem comparações"),
    s("rate needed", .everyRunNeedsRate,
      "toda execução precisa de uma taxa de aprendizagem η, por exemplo `rate 0.01`; uma lista `rate 0.001, 0.01, 0.1` compara várias"),
    s("options with suggestion", .optionsAre(suggestion: "steps", all: ["steps", "tol"]),
      "você quis dizer `steps`? as opções são `steps`, `tol`"),
    s("diff variable", .diffNeedsVariable, "`diff` precisa da variável em relação à qual derivar"),
    s("too many", .tooManyErrors(limit: 20), "erros demais; parando depois de 20"),
    // numeric: a domain error and its help
    n("logarithmOfZero", .logarithmOfZero(function: "ln", value: "0"), "ln não está definido para 0 (o logaritmo de 0 é -∞)"),
    n("logarithmsTakePositive", .logarithmsTakePositive, "os logaritmos só aceitam números positivos"),
    n("dividesByZero", .dividesByZero(function: "cot", value: "0"), "cot(0) é uma divisão por zero"),
    n("negativeToFractionalPower", .negativeToFractionalPower(base: "-8"),
      "um número negativo (-8) elevado a um expoente fracionário não é um número real"),
    n("listLengths", .listLengths(2, 3), "listas de tamanhos diferentes (2 e 3) na mesma expressão"),
    n("interrupted", .interrupted, "interrompido"),
    n("abstractFunction", .abstractFunction("z"), "`z` é uma função abstrata: não tem valor"),
    n("defineAbstractFunction", .defineAbstractFunction("z"), "defina `z` antes para que tenha valor, por exemplo `z(u, v) = u*v`"),
    // terminal
    t("abstract", .abstract, "Uma linguagem de cálculo que ensina: derivadas exatas e gradiente descendente."),
    t("banner", .banner(version: "1.2.0"), "calc 1.2.0 — :help para ajuda, Tab completa, Ctrl-D sai"),
    t("progress", .progress(step: 1024, value: "0.5", gradientNorm: "0.01"),
      "passo 1 024   f = 0.5   |∇f| = 0.01   (Ctrl-C interrompe)"),
    t("unknownFormat", .unknownFormat("html"), "formato desconhecido 'html'; os formatos são plain, unicode e latex"),
    t("cannotReadScript", .cannotReadScript(path: "a.calc", reason: "é uma pasta"), "não foi possível ler `a.calc`: é uma pasta"),
    t("cannotWriteOutput", .cannotWriteOutput(reason: "no space left on device"), "não foi possível escrever a saída: no space left on device"),
    t("noHome", .noHome, "não há pasta pessoal (HOME não está definida); o histórico não será salvo"),
    t("historyIsSymbolicLink", .historyIsSymbolicLink(path: "/h/history"),
      "não é possível usar o arquivo de histórico /h/history: é um link simbólico; o histórico não será salvo"),
]

/// Rows whose text is pure code and so the same in both languages (none so far).
let sameInBothLanguages: Set<String> = []

@Suite("catalogue: Portuguese syntax, numeric and terminal messages")
struct PortugueseSyntaxTests {
    let pt = Catalogue(.portuguese)

    @Test("exact Portuguese", arguments: portugueseWordings)
    func exact(_ w: PortugueseWording) {
        #expect(pt.text(w.message) == w.portuguese)
    }

    @Test("the exact table is large enough and its ids are unique")
    func table() {
        #expect(portugueseWordings.count >= 25)
        #expect(Set(portugueseWordings.map(\.id)).count == portugueseWordings.count)
    }

    @Test("every English row has its own Portuguese", arguments: TranslatedRow.all)
    func translated(_ row: TranslatedRow) {
        let text = pt.text(row.message)
        #expect(!text.isEmpty)
        if !sameInBothLanguages.contains(row.id) {
            #expect(text != Catalogue.english.text(row.message), "not translated: \(text)")
        }
    }

    @Test("rustc style: lowercase first unless code, no final period", arguments: TranslatedRow.all)
    func style(_ row: TranslatedRow) throws {
        let text = pt.text(row.message)
        let first = try #require(text.first)
        #expect(first == "`" || first == "\"" || !first.isUppercase, "starts with a capital: \(text)")
        #expect(!text.hasSuffix("."), "ends with a period: \(text)")
        #expect(text.trimmingCharacters(in: .whitespaces) == text)
    }

    @Test("--help texts are sentences: capital first, final period",
          arguments: [TerminalMessage.abstract, .discussion, .scriptsHelp, .statementsHelp, .loadHelp, .formatHelp,
                      .digitsHelp, .noColorHelp, .keepGoingHelp, .quietHelp, .langHelp])
    func helpSentences(_ m: TerminalMessage) throws {
        let text = pt.text(.terminal(m))
        let first = try #require(text.first)
        #expect(first.isUppercase, "starts lowercase: \(text)")
        #expect(text.hasSuffix("."), "no final period: \(text)")
        #expect(text != Catalogue.english.text(.terminal(m)))
    }
}
