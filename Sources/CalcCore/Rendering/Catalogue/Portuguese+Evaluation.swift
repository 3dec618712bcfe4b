// Portuguese+Evaluation — the Brazilian Portuguese words of every
// EvaluationMessage, and of the kinds of value (`ValueKind`) and constants
// they name. The vocabulary follows the course notes (derivada, derivada
// parcial, gradiente, "derivar em relação a"); code in backticks, names,
// numbers and file:line:col are calc's and stay as in English.
//
// Where English says "found X", Portuguese says "…, não X" (or "mas é X"),
// which needs no agreement with the gender of what was found.

extension Catalogue {
    func portuguese(_ m: EvaluationMessage) -> String {
        switch m {
        // places
        case .calledAt(let f, let file, let line, let column): return "na função `\(f)`, chamada em \(file):\(line):\(column)"
        case .inExpression(let e): return "em `\(e)`"
        case .helpInExpression(let help, let e): return "\(text(help)) (em `\(e)`)"
        // names
        case .builtinNotAValue(let s): return "`\(s)` é uma função embutida, não um valor"
        case .callWithArgument(let s): return "chame-a com um argumento: `\(s)(x)`"
        case .needsArgument(let s): return "`\(s)` precisa de um argumento"
        case .diffExample: return "escreva `diff(x^2, x)`"
        case .operatorExample(let s): return "escreva `\(s) f` ou `\(s)(x^2 + y^2)`"
        case .constantNotAFunction(let f): return "`\(f)` é uma constante, não uma função"
        case .multiplyConstant(let f): return "para multiplicar, escreva `\(f)*(…)`"
        case .notAFunction(let name, let found):
            return "\(name.map { "`\($0)`" } ?? "isto") é \(portuguese(found)), não uma função"
        case .multiplyWithStar(let left): return "para multiplicar, escreva `*`: `\(left)*(…)`"
        case .unknownFunction(let f): return "função desconhecida `\(f)`"
        case .defineFirst(let signature): return "defina-a antes, por exemplo `\(signature) = …`"
        case .didYouMean(let near): return "você quis dizer `\(near)`?"
        // calls
        case .arity(let f, let expected, let given):
            let plural = expected != [1]
            return "`\(f)` recebe \(expected.map(String.init).joined(separator: " ou ")) argumento\(plural ? "s" : ""), mas "
                + (given == 1 ? "foi dado 1" : "foram dados \(given)")
        case .definedAs(let f, let definition): return "`\(f)` foi definida como \(definition)"
        case .usage(let u): return "uso: `\(u)`"
        case .logUsage: return "uso: `log(x)` é `ln(x)`; `log(b, x)` é o logaritmo na base `b`"
        case .callsItself(let f): return "`\(f)` chama a si mesma"
        case .callsItselfThrough(let f, let via): return "`\(f)` chamaria a si mesma por meio de `\(via)`"
        case .recursionUnsupported:
            return "o calc não suporta recursão (ele não tem condicionais, então ela nunca terminaria); escreva a função em forma fechada"
        case .recursionThrough(let caller, let callee): return "o calc não suporta recursão; `\(caller)` chama `\(callee)`"
        case .callsTooDeep(let limit): return "funções aninhadas profundamente demais (mais de \(limit) chamadas)"
        case .tooDeep(let limit): return "a expressão é profunda demais (mais de \(limit) níveis)"
        case .buildInSmallerSteps: return "construa-a em etapas menores, ou avalie com números"
        case .interrupted: return "interrompido"
        // bindings
        case .assignToConstant(let s): return "não é possível atribuir um valor à constante `\(s)`"
        case .constantMeaning(let s, let c): return "`\(s)` sempre significa \(portuguese(c)); escolha outro nome"
        case .cannotRedefine(let s): return "não é possível redefinir `\(s)`"
        case .ansIsReserved: return "`ans` sempre guarda o último resultado; escolha outro nome"
        case .builtinIsReserved(let s): return "`\(s)` é um nome reservado do calc; escolha outro nome"
        case .constantAsParameter(let s): return "a constante `\(s)` não pode ser um parâmetro"
        case .chooseAnotherParameterName: return "escolha outro nome para o parâmetro"
        case .builtinAsParameter(let s): return "a função embutida `\(s)` não pode ser um parâmetro"
        case .duplicateParameter(let s): return "o parâmetro `\(s)` aparece duas vezes"
        // values
        case .divisionByZero: return "divisão por zero"
        case .zeroOverZero: return "0/0 não tem valor"
        case .zeroToNegativePower: return "divisão por zero: 0 elevado a um expoente negativo"
        case .negativeToFractionalPower: return "um número negativo elevado a um expoente fracionário não é um número real"
        case .useCbrt: return "o calc trabalha com números reais; para a raiz cúbica, use `cbrt(x)`"
        case .squareRootNeedsNonNegative: return "o calc trabalha com números reais: sqrt(x) e x^(1/2) só são reais para x ≥ 0"
        case .functionNotAValue(let f): return "`\(f)` é uma função, não um valor"
        case .callWithArguments(let signature): return "chame-a com argumentos: `\(signature)`"
        case .isAFunction(let f): return "`\(f)` é uma função"
        case .applyToParameters(let signature): return "aplique-a aos seus parâmetros: `\(signature)`"
        case .listLengths(let a, let b): return "listas de tamanhos diferentes (\(a) e \(b))"
        case .sameLengthNeeded: return "a aritmética elemento a elemento exige listas do mesmo tamanho"
        case .tupleSizes(let a, let b): return "tuplas de tamanhos diferentes (\(a) e \(b))"
        case .listWithTuple: return "não é possível combinar uma lista com uma tupla"
        case .listsAndTuples: return "listas `[…]` guardam dados; tuplas `(…)` são pontos"
        case .cannotCombine(let a, let b): return "não é possível combinar \(portuguese(a)) com \(portuguese(b))"
        case .listInExpression: return "uma lista de expressões não pode ser usada dentro de uma expressão aqui"
        case .listsHoldNumbers: return "listas dentro de expressões devem conter números (dados)"
        case .tupleInExpression: return "uma tupla não pode ser usada dentro de uma expressão aqui"
        case .tuplesArePoints: return "tuplas são pontos: use uma depois de `at` ou como ponto inicial"
        case .logBaseOne: return "o logaritmo na base 1 não está definido"
        case .logBaseRule: return "a base deve ser positiva e diferente de 1"
        case .meanOfEmptyList: return "média de uma lista vazia"
        // derivatives
        case .partialOfBuiltin(let f): return "`∂\(f)/…` precisa de uma função definida por você"
        case .differentiateBuiltinCall(let f): return "para uma função embutida, derive uma expressão: `diff(\(f)(x), x)`"
        case .gradOfBuiltinCall(let f): return "para uma função embutida, escreva `grad(\(f)(x))`"
        case .noParameter(let f, let p): return "`\(f)` não tem o parâmetro `\(p)`"
        case .itsParameters(let ps):
            return ps.count == 1 ? "seu parâmetro é \(quoted(ps))" : "seus parâmetros são \(quoted(ps))"
        case .differentiateFunctionItself(let f): return "não é possível derivar a própria função `\(f)`"
        case .differentiateACall(let signature, let x, let notation):
            return "derive uma chamada: `diff(\(signature), \(x))`, ou escreva `\(notation)`"
        case .constantVariable(let s): return "não é possível derivar em relação à constante `\(s)`"
        case .differentiateByVariable: return "derive em relação a uma variável, por exemplo `x`"
        case .functionNotAVariable(let s): return "`\(s)` é uma função, não uma variável"
        case .differentiateByParameter(let signature, let p):
            return "derive em relação a um dos seus parâmetros, por exemplo `diff(\(signature), \(p))`"
        case .builtinNotAVariable(let s): return "`\(s)` é uma função embutida, não uma variável"
        case .orderIsAName(let s, let value):
            return "`\(s)` é um nome, então isto deriva em relação a `\(s)` (o que dá 0), e não \(value) \(value == "1" ? "vez" : "vezes")"
        case .orderMustBeLiteral: return "a ordem deve ser um literal inteiro: escreva `diff(e, x, 2)`"
        case .primeNeedsOneVariable(let f, let n):
            return "`\(f)'` precisa de uma função de uma variável, mas `\(f)` tem \(n) parâmetro\(n == 1 ? "" : "s")"
        case .usePartial(let f, let ps):
            return "use uma derivada parcial: \(ps.map { "`∂\(f)/∂\($0)`" }.joined(separator: ", "))"
        case .primeOfNonFunction(let found): return "`'` deriva uma função de uma variável; isto é \(portuguese(found))"
        case .primeUsage: return "escreva `f'` para uma função `f(x) = …`, ou `diff(e, x)`"
        case .noVariablesToDifferentiate: return "não há variáveis em relação às quais derivar"
        case .hessianTooLarge(let n, let entries, let limit):
            return "a matriz hessiana de \(grouped(n)) variáveis tem \(grouped(entries)) entradas, mais que o limite de \(grouped(limit))"
        case .useGradientInstead: return "`grad` tem uma entrada por variável; calcule-o em um ponto com `grad f at (…)`"
        case .gradientVariables:
            return "o gradiente é calculado em relação aos nomes sem valor de uma expressão ou aos parâmetros de uma função"
        // points
        case .mustBeNumberHere(let s, let found): return "`\(s)` deve ser um número aqui, não \(portuguese(found))"
        case .notAVariableOfExpression(let s): return "`\(s)` não é uma variável desta expressão"
        case .hasNoVariables: return "a expressão não tem variáveis"
        case .itsVariables(let vs):
            return vs.count == 1 ? "sua variável é \(quoted(vs))" : "suas variáveis são \(quoted(vs))"
        case .itsVariablesListed(let vs):
            return vs.count == 1 ? "sua variável é \(vs[0])" : "suas variáveis são \(vs.joined(separator: ", "))"
        case .noValue(let s): return "falta o valor de `\(s)`"
        case .mustBeNumber(let what, let found): return "\(text(what)) deve ser um número, não \(portuguese(found))"
        case .mustBePositiveWholeNumber(let what, let found): return "\(text(what)) deve ser um número inteiro positivo, mas é \(found)"
        case .limitedTo(let what, let limit): return "\(text(what)) não pode passar de \(grouped(limit))"
        case .quoted(let s): return "`\(s)`"
        case .lowerBound: return "o limite inferior"
        case .upperBound: return "o limite superior"
        case .startNotFinite: return "o ponto inicial deve ser finito"
        case .notAVariableOf(let s, let target): return "`\(s)` não é uma variável de `\(target)`"
        case .noStartValue(let s): return "falta o valor inicial de `\(s)`"
        case .targetVariables(let target, let vs): return "`\(target)` tem \(variables(vs))"
        case .startNotAPoint(let found): return "o ponto inicial deve ser um número ou uma tupla, não \(portuguese(found))"
        case .startExamples: return "escreva `from (1, 2)` ou `from (x = 1, y = 2)`"
        case .notAPoint(let found): return "um ponto deve ser um número ou uma tupla de números, não \(portuguese(found))"
        case .pointExamples: return "escreva `at 2`, `at (1, 2)` ou `at (x = 1, y = 2)`"
        case .startCoordinatesNotNumbers(let found):
            return "as coordenadas do ponto inicial devem ser números, não \(portuguese(found))"
        case .coordinatesNotNumbers(let found): return "as coordenadas de um ponto devem ser números, não \(portuguese(found))"
        case .pointCoordinates(let n, let vs): return "o ponto tem \(coordinates(n)), mas a expressão tem \(variables(vs))"
        case .giveOneValueOrNameThem(let vs):
            return "dê um valor a cada variável, ou nomeie as coordenadas: `at (\(named(vs)))`"
        case .nameThem(let vs): return "nomeie as coordenadas: `at (\(named(vs)))`"
        case .startCoordinates(let n, let target, let vs):
            return "o ponto inicial tem \(coordinates(n)), mas `\(target)` tem \(variables(vs))"
        case .giveOneValuePerVariable(let vs): return "dê um valor por variável: `from (\(named(vs)))`"
        case .badBoxRange(let s): return "o intervalo de `\(s)` deve ir de um número finito menor até um maior"
        case .noRange(let s): return "falta o intervalo de `\(s)`"
        case .giveEveryVariableRange(let vs):
            return "dê um intervalo a cada variável: (\(vs.map { "\($0) from -5 to 5" }.joined(separator: ", ")))"
        // destructuring, named results, indexing, spreading
        case .destructureNotTuple(let found): return "esperava uma tupla para desmembrar, encontrou \(portuguese(found))"
        case .destructureCount(let names, let elements):
            return "\(names) nome\(names == 1 ? "" : "s") à esquerda, mas a tupla tem \(elements) elemento\(elements == 1 ? "" : "s")"
        case .tupleHasElements(let n): return "isto tem \(n) elemento\(n == 1 ? "" : "s")"
        case .oneNamePerElement: return "dê um nome por elemento: `(a, b) = (1, 2)`"
        case .spreadArity(let f, let expected, let before, let elements):
            return "`\(f)` recebe \(expected) argumento\(expected == 1 ? "" : "s"), mas \(before) e uma tupla de \(elements) somam \(before + elements)"
        case .noNamedElements(let name, let found):
            return "\(name.map { "`\($0)`" } ?? "isto") é \(portuguese(found)) sem elementos com nome"
        case .namedResultsOnly(let name):
            return "um resultado atribuído com `\(name) = minimize …` tem elementos com nome; senão, use índices a partir de 1: `\(name)[1]`"
        case .noSuchElement(let name, let element): return "`\(name)` não tem o elemento `\(element)`"
        case .itsElements(let names): return "seus elementos são \(names.joined(separator: ", "))"
        case .indexOutOfRange(let index, let count):
            return "o índice \(index) está fora do intervalo para \(count) elemento\(count == 1 ? "" : "s")"
        case .indicesRun(let count): return count == 1 ? "o único índice é 1" : "os índices vão de 1 a \(count)"
        case .indexNotWhole(let found): return "esperava um número inteiro como índice, encontrou \(found)"
        case .notIndexable(let found): return "não é possível indexar \(portuguese(found)); só tuplas e listas têm elementos"
        }
    }

    func portuguese(_ k: ValueKind) -> String {
        switch k {
        case .number: return "um número"
        case .expression: return "uma expressão"
        case .tuple(let n): return "uma tupla de \(n)"
        case .list(let n): return "uma lista de \(n)"
        case .function(let f): return "a função `\(f)`"
        }
    }

    func portuguese(_ c: NamedConstant) -> String {
        switch c {
        case .pi: return "π = 3.14159…"
        case .e: return "o número de Euler 2.718…"
        case .infinity: return "infinito"
        case .notANumber: return "“não é um número” (NaN)"
        }
    }

    /// `x`, `y`
    private func quoted(_ names: [String]) -> String { names.map { "`\($0)`" }.joined(separator: ", ") }
    /// "2 variáveis (x, y)"
    private func variables(_ vs: [String]) -> String {
        "\(vs.count) \(vs.count == 1 ? "variável" : "variáveis") (\(vs.joined(separator: ", ")))"
    }
    /// "1 coordenada", "2 coordenadas"
    private func coordinates(_ n: Int) -> String { "\(n) coordenada\(n == 1 ? "" : "s")" }
    /// `x = …, y = …`: the variables named in a point.
    private func named(_ vs: [String]) -> String { vs.map { "\($0) = …" }.joined(separator: ", ") }
}
