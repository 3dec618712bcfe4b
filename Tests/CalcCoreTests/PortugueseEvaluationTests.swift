// PortugueseEvaluationTests — the Brazilian Portuguese catalogue of
// EvaluationMessage and SessionMessage: every row of the English tables in
// CatalogueTests is translated (not left in English) and follows the house
// style; a table of representative messages fixes their exact Portuguese
// (plurals both ways, kinds of value, a nested message, the constants).

import Testing
@testable import CalcCore

private let portuguese = Catalogue(.portuguese)

/// Rows whose text is pure code, the same in every language.
private let sameInEveryLanguage: Set<String> = ["quoted"]

/// The SessionMessage cases the English table does not list yet.
private let languageWordings: [Wording] = [
    Wording("langNeedsLanguage", .session(.langNeedsLanguage), "`:lang` needs a language"),
    Wording("unknownLanguage", .session(.unknownLanguage("fr")), "unknown language `fr`"),
    Wording("languagesAre", .session(.languagesAre(["en", "pt"])), "languages are en, pt"),
]

/// A message and its exact Portuguese, named for the test list.
struct Traducao: CustomTestStringConvertible, Sendable {
    let id: String
    let message: Message
    let portuguese: String
    init(_ id: String, _ message: Message, _ portuguese: String) {
        self.id = id
        self.message = message
        self.portuguese = portuguese
    }
    var testDescription: String { id }
}

private func e(_ id: String, _ m: EvaluationMessage, _ pt: String) -> Traducao { Traducao(id, .evaluation(m), pt) }
private func s(_ id: String, _ m: SessionMessage, _ pt: String) -> Traducao { Traducao(id, .session(m), pt) }

private let traducoes: [Traducao] = [
    // places
    e("calledAt", .calledAt(function: "f", file: "a.calc", line: 3, column: 7), "na função `f`, chamada em a.calc:3:7"),
    e("helpInExpression nested", .helpInExpression(.evaluation(.logBaseRule), expression: "log(1, x)"),
      "a base deve ser positiva e diferente de 1 (em `log(1, x)`)"),
    // names
    e("builtinNotAValue", .builtinNotAValue(name: "sin"), "`sin` é uma função embutida, não um valor"),
    e("notAFunction named", .notAFunction(name: "a", found: .number), "`a` é um número, não uma função"),
    e("notAFunction unnamed", .notAFunction(name: nil, found: .tuple(count: 2)), "isto é uma tupla de 2, não uma função"),
    e("unknownFunction", .unknownFunction(name: "foo"), "função desconhecida `foo`"),
    e("defineFirst", .defineFirst(signature: "foo(x)"), "defina-a antes, por exemplo `foo(x) = …`"),
    e("didYouMean", .didYouMean("sin"), "você quis dizer `sin`?"),
    // calls: plurals both ways
    e("arity one", .arity(function: "f", expected: [1], given: 2), "`f` recebe 1 argumento, mas foram dados 2"),
    e("arity many, one given", .arity(function: "g", expected: [2], given: 1), "`g` recebe 2 argumentos, mas foi dado 1"),
    e("arity alternatives", .arity(function: "log", expected: [1, 2], given: 0), "`log` recebe 1 ou 2 argumentos, mas foram dados 0"),
    e("logUsage", .logUsage, "uso: `log(x)` é `ln(x)`; `log(b, x)` é o logaritmo na base `b`"),
    e("recursionUnsupported", .recursionUnsupported,
      "o calc não suporta recursão (ele não tem condicionais, então ela nunca terminaria); escreva a função em forma fechada"),
    // bindings and constants
    e("constantMeaning e", .constantMeaning(name: "e", constant: .e), "`e` sempre significa o número de Euler 2.718…; escolha outro nome"),
    e("constantMeaning nan", .constantMeaning(name: "nan", constant: .notANumber),
      "`nan` sempre significa “não é um número” (NaN); escolha outro nome"),
    e("duplicateParameter", .duplicateParameter(name: "x"), "o parâmetro `x` aparece duas vezes"),
    // values
    e("divisionByZero", .divisionByZero, "divisão por zero"),
    e("zeroToNegativePower", .zeroToNegativePower, "divisão por zero: 0 elevado a um expoente negativo"),
    e("cannotCombine", .cannotCombine(.list(count: 3), .function(name: "f")), "não é possível combinar uma lista de 3 com a função `f`"),
    e("listLengths", .listLengths(2, 3), "listas de tamanhos diferentes (2 e 3)"),
    // derivatives
    e("constantVariable", .constantVariable(name: "pi"), "não é possível derivar em relação à constante `pi`"),
    e("orderIsAName", .orderIsAName(name: "n", value: "2"), "`n` é um nome, então isto deriva em relação a `n` (o que dá 0), e não 2 vezes"),
    e("orderIsAName once", .orderIsAName(name: "n", value: "1"), "`n` é um nome, então isto deriva em relação a `n` (o que dá 0), e não 1 vez"),
    e("primeNeedsOneVariable", .primeNeedsOneVariable(function: "f", parameters: 2),
      "`f'` precisa de uma função de uma variável, mas `f` tem 2 parâmetros"),
    e("usePartial", .usePartial(function: "f", parameters: ["x", "y"]), "use uma derivada parcial: `∂f/∂x`, `∂f/∂y`"),
    e("primeOfNonFunction", .primeOfNonFunction(found: .expression), "`'` deriva uma função de uma variável; isto é uma expressão"),
    e("itsParameters one", .itsParameters(["x"]), "seu parâmetro é `x`"),
    e("itsParameters two", .itsParameters(["x", "y"]), "seus parâmetros são `x`, `y`"),
    e("gradientVariables", .gradientVariables,
      "o gradiente é calculado em relação aos nomes sem valor de uma expressão ou aos parâmetros de uma função"),
    // points
    e("mustBeNumberHere", .mustBeNumberHere(name: "x", found: .list(count: 2)), "`x` deve ser um número aqui, não uma lista de 2"),
    e("mustBeNumber nested", .mustBeNumber(what: .evaluation(.lowerBound), found: .expression),
      "o limite inferior deve ser um número, não uma expressão"),
    e("mustBePositiveWholeNumber", .mustBePositiveWholeNumber(what: .evaluation(.quoted("steps")), found: "2.5"),
      "`steps` deve ser um número inteiro positivo, mas é 2.5"),
    e("limitedTo", .limitedTo(what: .evaluation(.quoted("steps")), limit: 1_000_000_000), "`steps` não pode passar de 1 000 000 000"),
    e("targetVariables one", .targetVariables(target: "f", variables: ["x"]), "`f` tem 1 variável (x)"),
    e("targetVariables two", .targetVariables(target: "f", variables: ["x", "y"]), "`f` tem 2 variáveis (x, y)"),
    e("notAPoint", .notAPoint(found: .function(name: "g")), "um ponto deve ser um número ou uma tupla de números, não a função `g`"),
    e("pointCoordinates one", .pointCoordinates(count: 1, variables: ["x", "y"]),
      "o ponto tem 1 coordenada, mas a expressão tem 2 variáveis (x, y)"),
    e("pointCoordinates many", .pointCoordinates(count: 3, variables: ["x"]),
      "o ponto tem 3 coordenadas, mas a expressão tem 1 variável (x)"),
    e("giveOneValueOrNameThem", .giveOneValueOrNameThem(variables: ["x", "y"]),
      "dê um valor a cada variável, ou nomeie as coordenadas: `at (x = …, y = …)`"),
    e("giveEveryVariableRange", .giveEveryVariableRange(variables: ["x", "y"]),
      "dê um intervalo a cada variável: (x from -5 to 5, y from -5 to 5)"),
    // session
    s("resultTooLarge", .resultTooLarge(limit: 1_000_000),
      "o resultado é grande demais para ser exibido (mais de 1 000 000 termos escritos por extenso)"),
    s("unknownCommand", .unknownCommand("varz"), "comando desconhecido `:varz`"),
    s("didYouMeanCommand", .didYouMeanCommand("vars"), "você quis dizer `:vars`?"),
    s("noVariablesDefined", .noVariablesDefined, "nenhuma variável ou função definida"),
    s("digitsOutOfRange", .digitsOutOfRange(found: "40", range: 1...17), "`:digits` aceita um número inteiro de 1 a 17, mas recebeu `40`"),
    s("languagesAre", .languagesAre(["en", "pt"]), "os idiomas são en, pt"),
    s("cannotLoad", .cannotLoad(path: "a.calc", reason: "no such file"), "não foi possível carregar `a.calc`: no such file"),
    s("loadStopped", .loadStopped(path: "a.calc"), "`:load a.calc` parou por causa de um erro"),
]

@Suite("Portuguese catalogue: evaluation and session")
struct PortugueseEvaluationTests {
    @Test("every message is translated, in rustc style",
          arguments: evaluationWordings + sessionWordings + languageWordings)
    func translated(_ w: Wording) {
        let text = portuguese.text(w.message)
        #expect(!text.isEmpty)
        if !sameInEveryLanguage.contains(w.id) {
            #expect(text != Catalogue.english.text(w.message), "left in English: \(text)")
        }
        if let first = text.first, first != "`" {
            #expect(!first.isUppercase, "starts with a capital: \(text)")
        }
        #expect(!text.hasSuffix("."), "ends with a period: \(text)")
    }

    @Test("the language rows added here are the English", arguments: languageWordings)
    func languageRowsEnglish(_ w: Wording) {
        #expect(Catalogue.english.text(w.message) == w.english)
    }

    @Test("representative messages word for word", arguments: traducoes)
    func exact(_ t: Traducao) {
        #expect(portuguese.text(t.message) == t.portuguese)
    }

    @Test("value kinds and constants")
    func kinds() {
        #expect(portuguese.portuguese(ValueKind.number) == "um número")
        #expect(portuguese.portuguese(ValueKind.expression) == "uma expressão")
        #expect(portuguese.portuguese(ValueKind.tuple(count: 3)) == "uma tupla de 3")
        #expect(portuguese.portuguese(ValueKind.list(count: 1)) == "uma lista de 1")
        #expect(portuguese.portuguese(ValueKind.function(name: "f")) == "a função `f`")
        #expect(portuguese.portuguese(NamedConstant.infinity) == "infinito")
    }
}
