// English+Numeric — the English words of every NumericMessage.

extension Catalogue {
    func english(_ m: NumericMessage) -> String {
        switch m {
        case .undefinedFor(let f, let x): return "\(f) is undefined for \(x)"
        case .infiniteAtOne(let f, let x): return "\(f) is undefined for \(x) (it is infinite at ±1)"
        case .logarithmOfZero(let f, let x): return "\(f) is undefined for \(x) (the logarithm of 0 is -∞)"
        case .dividesByZero(let f, let x): return "\(f)(\(x)) divides by zero"
        case .takesMinusOneToOne(let f): return "\(f) takes values from -1 to 1"
        case .acoshDomain: return "acosh takes values ≥ 1"
        case .atanhDomain: return "atanh takes values strictly between -1 and 1"
        case .logarithmsTakePositive: return "logarithms take positive numbers"
        case .logarithmsTakePositiveReal: return "logarithms take positive numbers; calc works with real numbers only"
        case .noValueHere(let s): return "`\(s)` has no value here"
        case .giveEveryVariableAValue: return "give every variable a value, e.g. `at (x = 1, y = 2)`"
        case .zeroToNegativePower: return "division by zero: 0 raised to a negative power"
        case .negativeToFractionalPower(let p): return "a negative number (\(p)) to a fractional power is not a real number"
        case .realNumbersUseCbrt: return "calc works with real numbers; use cbrt(x) for a cube root"
        case .squareRootNeedsNonNegative: return "calc works with real numbers: sqrt(x) and x^(1/2) are real only for x ≥ 0"
        case .listLengths(let a, let b): return "lists of different lengths (\(a) and \(b)) in one expression"
        case .sameLengthLists: return "element-wise arithmetic needs lists of the same length"
        case .tooLargeToCompile: return "the function is too large to compile"
        case .listLengthsDiffer: return "lists of different lengths in one expression"
        case .valueIsList: return "the value is a list, not a number; reduce it with sum(…) or mean(…)"
        case .noValue(let s): return "`\(s)` has no value"
        case .listNotCompilable: return "a list cannot be compiled here"
        case .interrupted: return "interrupted"
        case .abstractFunction(let f): return "`\(f)` is an abstract function: it has no value"
        case .defineAbstractFunction(let f): return "define `\(f)` first to give it a value, e.g. `\(f)(u, v) = u*v`"
        }
    }
}
