// Portuguese+Numeric — the Brazilian Portuguese words of every NumericMessage.

extension Catalogue {
    func portuguese(_ m: NumericMessage) -> String {
        switch m {
        case .undefinedFor(let f, let x): return "\(f) não está definido para \(x)"
        case .infiniteAtOne(let f, let x): return "\(f) não está definido para \(x) (tende ao infinito em ±1)"
        case .logarithmOfZero(let f, let x): return "\(f) não está definido para \(x) (o logaritmo de 0 é -∞)"
        case .dividesByZero(let f, let x): return "\(f)(\(x)) é uma divisão por zero"
        case .takesMinusOneToOne(let f): return "\(f) aceita valores de -1 a 1"
        case .acoshDomain: return "acosh aceita valores ≥ 1"
        case .atanhDomain: return "atanh aceita valores estritamente entre -1 e 1"
        case .logarithmsTakePositive: return "os logaritmos só aceitam números positivos"
        case .logarithmsTakePositiveReal: return "os logaritmos só aceitam números positivos; o calc trabalha apenas com números reais"
        case .noValueHere(let s): return "`\(s)` não tem valor aqui"
        case .giveEveryVariableAValue: return "dê um valor a cada variável, por exemplo `at (x = 1, y = 2)`"
        case .zeroToNegativePower: return "divisão por zero: 0 elevado a um expoente negativo"
        case .negativeToFractionalPower(let p):
            return "um número negativo (\(p)) elevado a um expoente fracionário não é um número real"
        case .realNumbersUseCbrt: return "o calc trabalha com números reais; para a raiz cúbica, use cbrt(x)"
        case .squareRootNeedsNonNegative: return "o calc trabalha com números reais: sqrt(x) e x^(1/2) só são reais para x ≥ 0"
        case .listLengths(let a, let b): return "listas de tamanhos diferentes (\(a) e \(b)) na mesma expressão"
        case .sameLengthLists: return "a aritmética elemento a elemento exige listas do mesmo tamanho"
        case .tooLargeToCompile: return "a função é grande demais para ser compilada"
        case .listLengthsDiffer: return "listas de tamanhos diferentes na mesma expressão"
        case .valueIsList: return "o valor é uma lista, não um número; reduza a lista com sum(…) ou mean(…)"
        case .noValue(let s): return "`\(s)` não tem valor"
        case .listNotCompilable: return "uma lista não pode ser compilada aqui"
        case .interrupted: return "interrompido"
        case .abstractFunction(let f): return "`\(f)` é uma função abstrata: não tem valor"
        case .defineAbstractFunction(let f): return "defina `\(f)` antes para que tenha valor, por exemplo `\(f)(u, v) = u*v`"
        }
    }
}
