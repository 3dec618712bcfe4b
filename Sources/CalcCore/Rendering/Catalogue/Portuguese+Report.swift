// Portuguese+Report — the Brazilian Portuguese words of every ReportMessage.
//
// Numbers arrive formatted by calc (1,000 with its comma separator, 1e-8)
// and stay as given, as do code, names and formulas. The terms follow the
// course notes: taxa (de aprendizagem), gradiente descendente, convergir /
// divergir, matriz hessiana e autovalores, mínimo local, máximo local,
// ponto de sela, regra da cadeia, regra do produto, regra da potência;
// backpropagation's passes are "propagação para frente" / "retropropagação"
// (the notes' word); a random start is "ponto inicial" as everywhere.

extension Catalogue {
    func portuguese(_ m: ReportMessage) -> String {
        func steps(_ n: Int) -> String { "\(grouped(n)) \(n == 1 ? "passo" : "passos")" }
        switch m {
        case .help: return "ajuda"
        case .note: return "nota"
        case .severity(let s):
            switch s {
            case .error: return "erro"
            case .warning: return "aviso"
            case .note: return "nota"
            }
        case .converged(let n, let g, let tol): return "convergiu em \(steps(n)): |∇f| = \(g) ≤ tol \(tol)"
        case .stepLimit(let n, let g, let tol):
            return "não convergiu: parou no limite de passos (\(steps(n))) com |∇f| = \(g)" + (tol.map { ", acima de tol \($0)" } ?? "")
        case .interrupted(let n, let g): return "interrompido no passo \(grouped(n)): |∇f| = \(g)"
        case .diverging(let n, let from, let to, let rate):
            return "divergindo: após \(steps(n)), f foi de \(from) para \(to) — a taxa \(rate) é grande demais"
        case .divergedUnbounded(let step, let cause, let maximize, let reached):
            return "divergiu no passo \(step): \(cause) enquanto f continuava \(maximize ? "crescendo" : "diminuindo") (até \(reached))"
        case .unboundedAlongPath(let label, let maximize):
            return maximize ? "`\(label)` cresce sem limite ao longo deste caminho: não há máximo a encontrar"
                            : "`\(label)` decresce sem limite ao longo deste caminho: não há mínimo a encontrar"
        case .divergedRateTooLarge(let step, let cause, let rate): return "divergiu no passo \(step): \(cause) — a taxa \(rate) é grande demais"
        case .reachedBy(let point): return "até então, havia chegado a \(point)"
        case .saddleOrSlope: return "um ponto de sela ou um declive desvia o gradiente descendente; tente outro ponto inicial ou confira a função"
        case .overflowed: return "f ou ∇f estourou (overflow)"
        case .pointUnbounded: return "θ ultrapassou todos os limites"
        case .gradientGrew(let from, let to): return "|∇f| cresceu de \(from) para \(to)"
        case .valueGrew(let f): return "f ultrapassou \(f)"
        case .at(let point): return "em \(point)"
        case .fEquals(let v): return "f = \(v)"
        case .hessianUnavailable: return "matriz hessiana: indisponível neste ponto"
        case .hessianEigenvalues(let count, let values, let kind):
            return "\(count == 1 ? "autovalor" : "autovalores") da hessiana \(values): \(kind)"
        case .pointKind(let shape, let stationary):
            let notYet = "(ainda não é um ponto estacionário)"
            switch (shape, stationary) {
            case (nil, _): return "indisponível neste ponto"
            case (.singular?, true): return "indeterminado (a hessiana é singular)"
            case (.singular?, false), (.nearlySingular?, false): return "sem curvatura em alguma direção \(notYet)"
            case (.nearlySingular?, true): return "indeterminado (a hessiana é quase singular)"
            case (.positive?, true): return "um mínimo local"
            case (.positive?, false): return "curvatura para cima em todas as direções \(notYet)"
            case (.negative?, true): return "um máximo local"
            case (.negative?, false): return "curvatura para baixo em todas as direções \(notYet)"
            case (.mixed?, true): return "um ponto de sela"
            case (.mixed?, false): return "curvatura para cima e para baixo \(notYet)"
            }
        case .time(let t, let setup): return "tempo \(t)" + (setup.map { " (preparação \($0))" } ?? "")
        case .eigenvalueCount(let n): return "(\(n) valores)"
        case .curvatureLimit(let lmax, let limit):
            return "a curvatura no ponto inicial é λmax = \(lmax), então o gradiente descendente só é estável com taxa < 2/λmax = \(limit)"
        case .tryRate(let r): return "tente a taxa \(r)"
        case .belowLimitTryRate(let r):
            return "no ponto inicial a taxa está abaixo desse limite, mas a curvatura cresce ao longo do caminho; tente a taxa \(r)"
        case .trySmallerRate(let r): return "tente uma taxa menor, por exemplo \(r)"
        case .edgeOfStability(let limit, let r):
            return "aqui a taxa está no limite da estabilidade (2/λmax = \(limit)), então os pontos oscilam de um lado para o outro do vale; tente a taxa \(r)"
        case .moreSteps(let momentum): return "aumente `steps`, ou tente uma taxa maior" + (momentum ? " ou `method momentum`" : "")
        case .stepColumn: return "passo"
        case .rateColumn: return "taxa"
        case .resultColumn: return "resultado"
        case .stepsColumn: return "passos"
        case .endPointColumn: return "ponto final"
        case .startsColumn: return "pontos iniciais"
        case .kindColumn: return "tipo"
        case .status(let s):
            switch s {
            case .converged: return "convergiu"
            case .stepLimit: return "limite de passos"
            case .diverging: return "divergindo"
            case .diverged: return "divergiu"
            case .interrupted: return "interrompido"
            }
        case .ratesHeading(let start, let method, let steps):
            return "a partir de \(start), \(method), no máximo \(steps) \(steps == "1" ? "passo" : "passos"):"
        case .best(let value, let point): return "melhor: f = \(value) em \(point)"
        case .multiStartHeading(let starts, let box, let seed, let rate):
            let drawn = starts == 1 ? "1 ponto inicial sorteado" : "\(starts) pontos iniciais sorteados"
            return "\(drawn) uniformemente em \(box) (semente \(seed)), taxa \(rate):"
        case .startsFailed(let n):
            return n == 1 ? "a partir de 1 ponto inicial, a descida divergiu ou saiu do domínio"
                          : "a partir de \(n) pontos iniciais, as descidas divergiram ou saíram do domínio"
        case .explainStep(let k, let x, let e): return "passo \(k): d/d\(x) \(e)"
        case .primeOf(let written, let definition): return "\(written), sendo \(definition)"
        case .partialOf(let x, let e): return "∂/∂\(x) de \(e)"
        case .doesNotDepend(let e, let x): return "\(e) não depende de \(x), então sua derivada é 0"
        case .asAbove: return "(como acima)"
        case .chainRule(let outer, let inner): return "regra da cadeia: externa \(outer), interna u = \(inner)"
        case .outer(let rule): return "externa: \(rule)"
        case .ruleOf(let f): return "regra de \(f)"
        case .powerRuleOfVariable: return "regra da potência: d/dx x^n = n*x^(n-1)"
        case .powerRuleWithChain(let inner): return "regra da potência com a regra da cadeia, interna u = \(inner)"
        case .productRule: return "regra do produto: (uv)' = u'v + uv'"
        case .constantMultiple: return "regra do múltiplo constante: (c·u)' = c·u'"
        case .sumRule: return "regra da soma: derive termo a termo"
        case .exponentialRule: return "regra da exponencial: (a^u)' = a^u·ln(a)·u'"
        case .generalPowerRule: return "regra geral da potência: (b^u)' = b^u·(u'·ln(b) + u·b'/b)"
        case .linearity(let f): return "linearidade de \(f): a derivada de \(f)(u) é \(f)(u')"
        case .tooManyPieces(let n): return "(a expressão tem \(n) partes; os números passo a passo são mostrados para até 60)"
        case .holdsList: return "(os números passo a passo são mostrados para expressões escalares; esta contém uma lista)"
        case .forwardPass(let values): return "propagação para frente (valores em \(values)):"
        case .backwardPass: return "retropropagação (adjuntos ∂f/∂v, da saída para as entradas):"
        case .theOutput: return "(a saída)"
        case .gradient(let vars, let values): return "gradiente (\(vars)) = (\(values))"
        case .unnamedData: return "dados"
        case .stepAxis: return "passo"
        case .lossTitle(let logScale): return "f por passo" + (logScale ? " (escala logarítmica)" : "")
        case .rateSeries(let r): return "taxa \(r)"
        case .descentPathTitle(let target): return "caminho da descida em \(target)"
        case .legendStart: return "início"
        case .legendEnd: return "fim"
        case .legendUndefined: return "em branco: sem valor"
        case .legendLog: return "(log)"
        case .legendLogScale: return "escala logarítmica"
        case .wrote(let path): return "salvo em \(path)"
        case .wroteReplacing(let path): return "salvo em \(path) (substituído)"
        case .undefinedThroughoutRange(let label): return "`\(label)` não tem valor definido em nenhum ponto do intervalo"
        case .legendPoints: return "dados"
        case .plateau(let n, let g, let tol, let value):
            return "parou num platô ou num ponto simétrico após \(steps(n)): |∇f| = \(g) ≤ tol \(tol), mas f = \(value) não é pequeno"
        case .tryOtherStarts:
            return "aqui o gradiente se anula mas f não é pequeno: uma região plana (saturada) ou um ponto simétrico, não um mínimo; tente outros pontos iniciais, por exemplo `from random 20 in (…)`"
        case .oscillating(let ratio, let lmax, let limit, let r):
            return "os pontos oscilam de um lado para o outro do vale: na direção mais íngreme (λmax = \(lmax)) cada passo inverte o sentido e encolhe só por \(ratio), "
                + "e o gradiente descendente só é estável com taxa < 2/λmax = \(limit), então uma taxa maior não ajudaria; tente uma taxa menor, como \(r) (1/λmax)"
        case .bestMark: return "← melhor"
        case .stuckStarts(let list, let n, let total, let best):
            return (n == 1 ? "o ponto inicial \(list)" : "os pontos iniciais \(list)") + " (\(n) de \(total)) \(n == 1 ? "parou" : "pararam") num valor pior que o melhor, f = \(best): \(n == 1 ? "preso" : "presos") num platô ou num mínimo local"
        case .multiStartInterrupted(let done, let planned):
            return "interrompido após \(done) de \(planned) pontos iniciais: os pontos finais até aqui (sem classificação)"
        case .quotientRule(let u, let v): return "regra do quociente: (u/v)' = (u'v - uv')/v^2, u = \(u), v = \(v)"
        case .severalVariablesChainRule(let sum): return "regra da cadeia em várias variáveis: \(sum)"
        case .abstractFunctionDerivative(let f): return "\(f) é uma função não especificada: sua derivada fica escrita como \(f)'"
        case .backwardPassNamed(let p): return "retropropagação (adjuntos ∂f/∂\(p), da saída para as entradas):"
        case .dataAdjoints(let n): return "(sobre dados: listas de \(n), valores e adjuntos elemento a elemento)"
        case .stochasticHeading(let e, let rows, let b, let k, let seed):
            let kind = b == 1 ? "descida de gradiente estocástica" : (b == rows ? "descida com lote completo" : "descida em minilotes")
            return "\(kind): \(grouped(e)) \(e == 1 ? "época" : "épocas") sobre \(grouped(rows)) linhas, lote \(b) (\(steps(k)) por época"
                + (seed.map { ", embaralhadas com semente \($0))" } ?? ")")
        case .fullLoss(let v): return "f = \(v) sobre todas as linhas"
        case .fullGradientNorm(let g): return "|∇f| = \(g) sobre todas as linhas"
        case .epochColumn: return "época"
        case .stochasticDiverged(let e, let cause, let rate): return "divergiu na época \(grouped(e)): \(cause) — a taxa \(rate) é grande demais"
        case .stochasticInterrupted(let e): return "interrompido na época \(grouped(e))"
        }
    }
}
