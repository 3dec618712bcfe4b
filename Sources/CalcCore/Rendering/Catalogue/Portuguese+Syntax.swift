// Portuguese+Syntax — the Brazilian Portuguese words of every SyntaxMessage,
// and of the parts of "esperava X depois de A, encontrou Y".
//
// The parts carry their article ("uma expressão", "o fim da entrada") so
// that they compose: "depois de" contracts with a definite article
// ("depois do nome `x`", "depois da função objetivo") — see `afterPhrase`.

extension Catalogue {
    func portuguese(_ m: SyntaxMessage) -> String {
        switch m {
        // characters
        case .unexpectedCharacter(let c): return "caractere inesperado `\(c)`"
        case .unexpectedInvalidByte: return "byte inesperado, inválido em UTF-8"
        case .noFactorial: return "o fatorial não é suportado; comparações e `!` não fazem parte do calc"
        case .bracesDoNotGroup: return "use `(` e `)` para agrupar, `[` e `]` para listas"
        case .inputNotUTF8: return "o calc lê texto em UTF-8; a entrada tem bytes inválidos em UTF-8"
        case .metaCommandStartsStatement: return "metacomandos como `:help` só podem vir no início de uma instrução"
        case .noComparisonOperators: return "o calc não tem operadores de comparação nem operadores lógicos"
        // numbers
        case .misplacedDigitSeparator: return "o separador de dígitos `_` deve ficar entre dois dígitos"
        case .digitSeparatorExample: return "escreva números como `1_000_000`"
        case .numberTooLarge: return "literal numérico grande demais"
        case .largestFiniteNumber: return "o maior número finito é aproximadamente 1.8e308; use `inf` para infinito"
        case .malformedNumber: return "número malformado"
        case .superscriptMinusNeedsDigits: return "esperava dígitos sobrescritos depois de `⁻`"
        // strings
        case .unterminatedString: return "string não fechada"
        case .closeStringOnSameLine: return "feche a string com `\"` na mesma linha"
        // partial derivatives
        case .partialNeedsFunction: return "esperava um nome de função depois de `∂`"
        case .partialNeedsVariables(let f): return "esperava `/∂` e uma variável depois de `∂\(f)`"
        case .partialNeedsVariable: return "esperava uma variável depois de `∂`"
        case .partialOrderOutOfRange: return "a ordem de uma derivada deve estar entre 1 e 16"
        case .partialWrittenWithoutSpaces: return "as derivadas parciais são escritas `∂f/∂x`, sem espaços"
        case .partialOrderMismatch(let order, let count):
            let written = "∂" + (order == 1 ? "" : Superscript.text(order))
            let given = count == 1 ? "foi dada 1 variável" : "foram dadas \(count) variáveis"
            return "`\(written)` indica ordem \(order), mas \(given)"
        case .partialOrderExample: return "escreva `∂²f/∂x∂y` ou `∂²f/∂x²`"
        // expected X, found Y
        case .expected(let what, let after, let found):
            let a = after.map { " depois " + afterPhrase(portuguese($0)) } ?? ""
            return "esperava \(portuguese(what))\(a), encontrou \(portuguese(found))"
        case .unclosedOpenedHere(let opener): return "`\(opener)` aberto aqui não foi fechado"
        case .everyOpenerNeedsCloser(let opener, let closer): return "todo `\(opener)` precisa de um `\(closer)` correspondente"
        // statements
        case .separateStatements: return "separe as instruções com uma quebra de linha ou `;`"
        case .multiplyWithStar:
            return "para multiplicar, escreva `*` (a multiplicação implícita só vale depois de um número, como em `2x`)"
        case .equalsBindsOrDefines:
            return "`=` atribui um valor a um nome (`x = 1`) ou define uma função (`f(x) = x^2`); o calc não tem comparações"
        case .bracketWithoutOpening: return "este parêntese ou colchete fecha sem ter sido aberto"
        case .parametersMustBeNames: return "os parâmetros de uma função devem ser nomes"
        case .defineAndCallFunction(let f):
            return "defina funções como `\(f)(x, y) = …` e chame-as com valores: `\(f)(1, 2)`"
        case .functionNeedsParameter: return "uma função precisa de pelo menos um parâmetro"
        case .writeConstantInstead(let f): return "para uma constante, escreva `\(f) = …`"
        case .cannotAssign: return "não é possível atribuir um valor a esta expressão"
        case .bindOrDefine:
            return "atribua um valor a um nome com `x = …` ou defina uma função com `f(x, y) = …`; o calc não tem a comparação `==`"
        // expressions
        case .nameEveryCoordinate: return "dê nome a todas as coordenadas: `(x = 1, y = 2)`"
        case .pointForms: return "informe um número, uma tupla como `(1, 2)` ou valores nomeados como `(x = 1, y = 2)`"
        case .commandWordHere(let w): return "`\(w)` é uma palavra-chave do comando aqui"
        case .dOperatorForms(let v): return "escreva `d/d\(v)(…)` ou `d/d\(v) f(\(v))`"
        case .stringInExpression: return "uma string não pode ser usada em uma expressão"
        case .stringsNameFiles:
            return "strings servem para nomear arquivos, como em `plot … to \"out.svg\"` ou `:load \"file.calc\"`"
        case .superscriptFollowsBase: return "um expoente sobrescrito vem logo depois da sua base: `x²`"
        case .parenthesisWithoutOpening: return "este `)` não tem um `(` correspondente"
        case .starMultipliesTwoOperands: return "`*` multiplica dois operandos"
        case .emptyParentheses: return "parênteses vazios"
        case .putInsideParentheses: return "coloque dentro deles uma expressão ou uma tupla como `(1, 2)`"
        case .gradientForms(let w): return "escreva `\(w) f` para uma função ou `\(w)(x^2 + y^2)` para uma expressão"
        // diff
        case .diffNeedsVariable: return "`diff` precisa da variável em relação à qual derivar"
        case .diffExample: return "escreva `diff(expression, x)`"
        case .orderNotPositiveInteger(let found):
            return "a ordem de uma derivada deve ser um número inteiro positivo, não `\(found)`"
        case .secondDerivativeExample: return "escreva `diff(e, x, 2)` para a segunda derivada"
        case .orderAboveLimit(let k): return "a derivada de ordem \(k) passa do limite de 16"
        case .orderComesAfterVariable: return "a ordem vem depois da variável"
        case .orderExample(let k): return "escreva `diff(e, x, \(k))`"
        case .differentiateByName: return "derive em relação a um nome: `diff(x^2, x)`"
        // commands
        case .optimizeExample(let maximize): return "escreva `\(maximize ? "maximize" : "minimize") f from (0, 0) rate 0.1`"
        case .startPointExample: return "escreva `… from (1, 2) rate 0.01`"
        case .everyRunNeedsRate:
            return "toda execução precisa de uma taxa de aprendizagem η, por exemplo `rate 0.01`; "
                + "uma lista `rate 0.001, 0.01, 0.1` compara várias"
        case .randomStartExample: return "escreva `from random 20 in (x from -5 to 5, y from -5 to 5)`"
        case .startPointForms: return "escreva `from (1, 2)` ou `from (x = 1, y = 2)`"
        case .optionGivenTwice(let w): return "a opção `\(w)` aparece duas vezes"
        case .unknownOption(let w): return "opção desconhecida `\(w)`"
        case .optionsAre(let suggestion, let all):
            return (suggestion.map { "você quis dizer `\($0)`? " } ?? "") + "as opções são " + all.map { "`\($0)`" }.joined(separator: ", ")
        case .knownMethods: return "os métodos são gd, momentum, nesterov, adam"
        case .boxExample: return "escreva uma região como `(x from -5 to 5, y from -5 to 5)`"
        case .boxRangeExample(let v): return "escreva `\(v) from -5 to 5`"
        case .fileTargetExample: return "escreva `to \"plot.svg\"`"
        case .plotExample: return "escreva `plot sin(x) from 0 to 2π`"
        case .plotIntervalExample: return "escreva `plot e from a to b`"
        case .plotForms: return "escreva `plot sin(x) from 0 to 2π` ou `plot f over (x from -2 to 2, y from -2 to 2)`"
        // limits
        case .nestedTooDeeply(let limit): return "expressão aninhada profundamente demais (mais de \(limit) níveis)"
        case .splitExpression: return "divida a expressão em partes menores, cada uma com um nome"
        case .tooManyErrors(let limit): return "erros demais; parando depois de \(limit)"
        // the decimal comma
        case .commaJoinsNumbers(let literal, let first, let second):
            return "`\(literal)` é lido como os dois números \(first) e \(second)"
        case .writeDecimalPoint(let decimal): return "para o número decimal, escreva `\(decimal)`"
        case .spaceSeparatesNumbers(let spaced): return "para dois números, ponha um espaço depois da vírgula: `\(spaced)`"
        // integer literals past 64 bits
        case .integerLiteralInexact(let literal, let nearest):
            return "o inteiro `\(literal)` não cabe em 64 bits; é lido como o número de ponto flutuante mais próximo, \(nearest)"
        case .exactIntegersEndAt(let largest):
            return "os inteiros são exatos até \(largest); resultados calculados a partir deste aparecem com `≈`"
        // destructuring and marked points
        case .tupleTargetsMustBeNames: return "cada elemento do lado esquerdo deve ser um nome"
        case .destructureExample: return "atribua cada elemento de uma tupla com `(a, b) = ans`"
        case .withPointsLists(let n): return "`with points` recebe 2 ou 3 listas (x, y e rótulos), mas \(n == 1 ? "foi dada 1" : "foram dadas \(n)")"
        case .withPointsExample: return "marque dados com `with points (xs, ys)`, ou `with points (xs, ys, rótulos)` para distinguir os pontos"
        case .indexExample: return "os índices começam em 1: `θ[1]` é o primeiro elemento"
        case .memberNeedsName: return "`.` vem depois do nome de um resultado com nomes"
        case .memberExample: return "depois de `θ = minimize L from (0, 0) rate 0.1`, `θ.w` é o elemento de `w`; um decimal se escreve `2.5`"
        case .notACommand(let w): return "`\(w)` não é um comando"
        case .didYouMeanCommandWord(let c): return "você quis dizer o comando `\(c)`?"
        case .metaCommandNeedsColon(let w): return "`\(w)` é um metacomando: os metacomandos começam com `:`"
        case .writeMetaCommand(let text): return "escreva `\(text)`"
        case .callNeedsParentheses(let call): return "você quis dizer `\(call)`? o argumento de uma função vai entre parênteses"
        case .pointNeedsParentheses(let point): return "para calcular em um ponto, ponha-o entre parênteses: `at \(point)`"
        case .shapeMustBePositiveIntegers: return "a forma de um parâmetro deve ser de números inteiros a partir de 1"
        case .tensorParameterExample: return "declare um parâmetro matriz como `W[2, 3]` e um vetor como `b[3]`: `L(W[2, 2], b[2]) = sum(W @ [1, 1] + b)`"
        case .tooManyDimensions(let n): return "um parâmetro tem no máximo 2 dimensões, encontradas \(n)"
        case .tooManyElements(let limit): return "um parâmetro tensorial tem no máximo \(limit) elementos"
        case .overRowsExample: return "escreva `minimize L from (0, 0) over rows of (xs, ys) batch 2 epochs 100 rate 0.1`"
        }
    }

    /// The X of "esperava X", with its indefinite article.
    func portuguese(_ e: SyntaxMessage.Expectation) -> String {
        switch e {
        case .symbol(let s): return "`\(s)`"
        case .name: return "um nome"
        case .variableName: return "um nome de variável"
        case .variableToDifferentiateBy: return "o nome da variável em relação à qual derivar"
        case .expression: return "uma expressão"
        case .expressionToPlot: return "uma expressão para plotar"
        case .point: return "um ponto"
        case .startPoint: return "um ponto inicial"
        case .learningRate: return "uma taxa de aprendizagem"
        case .box: return "uma região"
        case .value: return "um valor"
        case .methodName: return "um nome de método"
        case .functionName: return "um nome de função"
        case .quotedFileName: return "um nome de arquivo entre aspas"
        case .endOfStatement: return "o fim da instrução"
        case .targetToOptimize(let maximize): return "uma função ou expressão a \(maximize ? "maximizar" : "minimizar")"
        case .either(let a, let b): return "\(portuguese(a)) ou \(portuguese(b))"
        case .both(let a, let b): return "\(portuguese(a)) e \(portuguese(b))"
        }
    }

    /// The A of "depois de A", with its article (contracted by `afterPhrase`).
    func portuguese(_ p: SyntaxMessage.Preceding) -> String {
        switch p {
        case .token(let t): return portuguese(t)
        case .target: return "a função objetivo"
        case .startPoint: return "o ponto inicial"
        case .numberOfStarts: return "o número de pontos iniciais"
        }
    }

    /// The Y of "encontrou Y", with its article.
    func portuguese(_ f: SyntaxMessage.Found) -> String {
        switch f {
        case .symbol(let s): return "`\(s)`"
        case .number(let n): return "o número `\(n)`"
        case .name(let n): return "o nome `\(n)`"
        case .string: return "uma string"
        case .superscriptExponent: return "um expoente sobrescrito"
        case .metaCommand(let c): return "o metacomando `:\(c)`"
        case .endOfLine: return "o fim da linha"
        case .endOfInput: return "o fim da entrada"
        case .expression: return "uma expressão"
        }
    }

    /// "de" before a phrase, contracted with a definite article:
    /// "o nome `x`" → "do nome `x`", "a função" → "da função", "`+`" → "de `+`".
    private func afterPhrase(_ phrase: String) -> String {
        for (article, contracted) in [("o ", "do "), ("a ", "da "), ("os ", "dos "), ("as ", "das ")]
        where phrase.hasPrefix(article) {
            return contracted + phrase.dropFirst(article.count)
        }
        return "de " + phrase
    }
}
