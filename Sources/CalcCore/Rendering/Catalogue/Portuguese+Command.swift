// Portuguese+Command — the Brazilian Portuguese words of every CommandMessage.
//
// Diagnostics keep the rustc style: lowercase start, no final period. Code,
// names, numbers and formulas stay as given; only the prose is translated.
// The terms follow the course notes: taxa (de aprendizagem), função de
// perda, gradiente descendente, ponto inicial (also for a random start),
// função objetivo (the target), bico (a kink), mapa (a two-variable plot),
// região (a box); `plot` is "plotar", files are "salvos" in a "pasta".

extension Catalogue {
    func portuguese(_ m: CommandMessage) -> String {
        switch m {
        case .theRate: return "a taxa"
        case .numberOfStarts: return "o número de pontos iniciais"
        case .rangeStart: return "o início do intervalo"
        case .rangeEnd: return "o fim do intervalo"
        case .rateNotPositive(let found): return "a taxa deve ser um número positivo, mas é \(found)"
        case .typicalRates: return "taxas de aprendizagem típicas vão de 0.001 a 0.1"
        case .plotWithRandomStarts: return "`plot` desenha uma única descida; não pode ser combinado com pontos iniciais aleatórios"
        case .plotOneStart: return "plote a partir de um único ponto inicial: `minimize … from (1, 2) rate 0.01 plot`"
        case .targetIgnoresParameters(let f): return "`\(f)` não depende dos seus parâmetros"
        case .targetHasNoVariables: return "a função objetivo não tem variáveis livres"
        case .giveFunctionOrExpression(let verb):
            return "dê o nome de uma função (`\(verb) f from …`) ou uma expressão com nomes sem valor, como `x^2 + y^2`"
        case .boundNameIsNotVariable(let name):
            return "`\(name)` tem um valor, então não é uma variável aqui; use uma função `f(\(name)) = …` ou `:clear \(name)`"
        case .targetNotNumeric(let found):
            return "a função objetivo deve ser uma função ou expressão com valor numérico, mas é \(portuguese(found))"
        case .reduceLossOverData: return "uma função de perda sobre dados reduz a lista com `mean(…)` ou `sum(…)`"
        case .unknownMethod(let name): return "método desconhecido `\(name)`"
        case .methodsAre(let suggestion, let all):
            return (suggestion.map { "você quis dizer `\($0)`? " } ?? "") + "os métodos são " + all.joined(separator: ", ")
        case .tolNegative: return "`tol` deve ser zero ou um número positivo"
        case .tolHelp: return "`tol 0` executa todos os passos; o padrão é 1e-8"
        case .betaOutOfRange: return "`beta` deve ser no mínimo 0 e menor que 1"
        case .usualMomentum: return "0.9 é o valor usual do momentum"
        case .seedNotWhole: return "`seed` deve ser um número inteiro ≥ 0"
        case .traceTooLong(let every, let steps, let rows, let limit):
            return "`every \(every)` em \(grouped(steps)) passos geraria uma tabela de \(grouped(rows)) linhas, mais que o limite de \(grouped(limit))"
        case .traceLessOften(let every): return "mostre a tabela com menos frequência, como `every \(every)`"
        case .cannotMinimize(let reason): return "não é possível minimizar isto: \(portuguese(reason))"
        case .notDifferentiableAtStart(let target, let point, let piece):
            return "`\(target)` não é diferenciável no ponto inicial \(point): `\(piece)` tem um bico ali"
        case .startAwayFromKink: return "comece um pouco afastado dele, por exemplo deslocando uma coordenada em 0.1"
        case .cannotEvaluateMidRun(let which, let step, let reason):
            return "não é possível avaliar \(which) no passo \(grouped(step)): \(portuguese(reason))"
        case .happenedAt(let point, let expression):
            return "isso aconteceu em \(point), em `\(expression)`; com uma taxa menor ou outro ponto inicial, a descida pode ficar dentro do domínio"
        case .nothingToDifferentiate: return "não há nada para derivar"
        case .explainPrimeNeedsOneVariable: return "`explain f'` precisa de uma função de uma variável"
        case .noVariablesToDifferentiate: return "não há variáveis em relação às quais derivar"
        case .explainShowsDerivatives: return "`explain` mostra como se obtém uma derivada"
        case .explainForms:
            return "escreva `explain diff(e, x)`, `explain ∂f/∂x`, `explain grad f` ou `explain f'`, opcionalmente seguido de `at (…)`"
        case .explainOneExpression(let found): return "`explain` trabalha com uma expressão por vez, mas recebeu \(portuguese(found))"
        case .explanationTooManyLines(let limit):
            return "a explicação é grande demais para ser exibida (mais de \(grouped(limit)) linhas)"
        case .explanationTooLongWritten(let limit):
            return "a explicação é grande demais para ser exibida (suas expressões somam mais de \(grouped(limit)) termos escritos por extenso)"
        case .explainSmallerPiece:
            return "explique uma parte menor da expressão, ou use `diff` para obter a derivada sem os passos"
        case .atThisPoint(let reason): return "neste ponto: \(portuguese(reason))"
        case .cannotPlotFunction(let f): return "não é possível plotar `\(f)`"
        case .cannotPlot(let found): return "não é possível plotar \(portuguese(found))"
        case .plotOneVariable: return "plote expressões de uma variável, como `plot sin(x) from 0 to 2π`"
        case .rangeNotFinite: return "o intervalo deve ser finito"
        case .rangeEmpty(let at): return "o intervalo está vazio: começa e termina em \(at)"
        case .rangeReversed(let low, let high): return "o intervalo está invertido: \(low) é maior que \(high)"
        case .smallerBoundFirst(let low, let high): return "escreva primeiro o limite menor: `from \(low) to \(high)`"
        case .curveNeedsOneVariable(let vars):
            return "uma curva precisa de expressões de uma variável, mas estas têm \(vars.count): \(vars.joined(separator: ", "))"
        case .drawAMap(let x, let y): return "para duas variáveis, desenhe um mapa: `plot … over (\(x) from -2 to 2, \(y) from -2 to 2)`"
        case .bindAllButOne: return "antes, atribua valores a todas as variáveis menos uma"
        case .cannotPlotThis(let reason): return "não é possível plotar isto: \(portuguese(reason))"
        case .undefinedThroughout(let labels, let low, let high):
            return labels.count == 1 ? "`\(labels[0])` não tem valor definido em nenhum ponto de [\(low), \(high)]"
                                     : "nenhuma destas expressões tem valor definido em [\(low), \(high)]"
        case .noFinitePoint: return "nenhum ponto do intervalo dá um valor finito; tente outro intervalo"
        case .mapShowsOneFunction: return "um mapa mostra uma única função"
        case .mapNeedsTwoRanges: return "um mapa precisa de dois intervalos, um por variável"
        case .mapRangesHelp: return "escreva `over (x from -2 to 2, y from -2 to 2)`"
        case .noRangeFor(let v): return "falta o intervalo de `\(v)`"
        case .dependsOn(let label, let vars): return "`\(label)` depende de \(vars.joined(separator: ", "))"
        case .sameVariableTwice: return "os dois intervalos são da mesma variável"
        case .undefinedThroughoutArea(let label): return "`\(label)` não tem valor definido em nenhum ponto da região"
        case .writingNotAvailable: return "não é possível salvar arquivos aqui"
        case .cannotWrite(let path, let reason): return "não foi possível salvar `\(path)`: \(reason)"
        case .checkFolderWritable: return "verifique se a pasta existe e se há permissão de escrita nela"
        case .fileNameHasNul: return "um nome de arquivo não pode conter o caractere NUL (U+0000)"
        case .removeNul: return "remova o caractere NUL do nome"
        case .symbolicLinkNotFollowed: return "o calc não grava através de um link simbólico nem o substitui: remova o link ou escolha outro nome"
        case .pointsNotNumbers(let found): return "`with points` recebe listas de números, encontrou \(portuguese(found))"
        case .pointsLengths(let counts):
            return "as listas de `with points` têm tamanhos diferentes (\(counts.map(String.init).joined(separator: ", ")))"
        case .severalRatesWithRandomStarts(let n): return "pontos iniciais aleatórios usam uma única taxa, mas foram dadas \(n) taxas"
        case .oneRatePerMultiStart:
            return "dê uma única taxa (um decimal se escreve `1.5`), ou compare taxas a partir de um único ponto: `minimize … from (1, 2) rate 0.01, 0.1`"
        case .optionNeedsRows(let o): return "`\(o)` precisa de linhas de dados para percorrer, mas não há `over rows of (…)`"
        case .overRowsUsage: return "nomeie as listas de dados: `minimize L from (0, 0) over rows of (xs, ys) batch 2 epochs 100 rate 0.1`"
        case .optionNotOverRows(let o): return "`\(o)` não se aplica sobre linhas: uma execução sobre linhas dura um número de épocas"
        case .epochsNotSteps: return "sobre linhas, `epochs N` diz quantas passagens pelos dados fazer; retire `steps` e `tol`"
        case .epochsMissing: return "uma descida sobre linhas precisa de `epochs N`"
        case .epochsExample: return "acrescente o número de passagens pelas linhas, como `… over rows of (xs, ys) batch 2 epochs 100 rate 0.1`"
        case .batchHelp(let rows): return "`batch` é quantas linhas cada passo usa: um número inteiro de 1 a \(rows)"
        case .batchExceedsRows(let b, let rows): return "o lote \(b) é maior que os dados, que têm \(rows) \(rows == 1 ? "linha" : "linhas")"
        case .notADataList(let name): return "`\(name)` não é uma lista de dados da perda"
        case .dataListsOfLoss(let names):
            if names.isEmpty { return "a perda não contém lista de dados: defina uma, como `xs = [1, 2, 3]`, e use-a na perda" }
            return "a perda contém \(names.count == 1 ? "a lista" : "as listas") de dados " + names.map { "`\($0)`" }.joined(separator: ", ")
        case .rowsLengthsDiffer(let a, let na, let b, let nb):
            return "as listas de `rows of` têm tamanhos diferentes: `\(a)` tem \(na), `\(b)` tem \(nb)"
        case .listHasRows(let name, let n): return "`\(name)` tem \(n) \(n == 1 ? "linha" : "linhas")"
        case .sameLengthRows: return "cada lista em `rows of (…)` deve ter um valor por linha"
        case .severalRatesOverRows(let n): return "uma descida sobre linhas usa uma única taxa, mas foram dadas \(n) taxas"
        case .randomStartsOverRows: return "uma descida sobre linhas parte de um único ponto, não de pontos aleatórios"
        case .oneRunOverRows: return "dê um ponto inicial e uma taxa: `minimize L from (0, 0) over rows of (xs, ys) epochs 100 rate 0.1`"
        }
    }
}
