// NumericMessage — what the numeric engines say: a built-in outside its
// domain (Builtin.domainIssue), a checked evaluation that fails (Evaluator),
// an expression the tape cannot compile (Compiler). These are raised below
// the evaluator, which passes them on inside its own diagnostics.
// Worded by Rendering/Catalogue/English+Numeric.swift.

public enum NumericMessage: Sendable, Equatable {
    // MARK: built-ins outside their domain (`value` is formatted)
    case undefinedFor(function: String, value: String)
    /// atanh at ±1 or beyond.
    case infiniteAtOne(function: String, value: String)
    /// A logarithm of 0.
    case logarithmOfZero(function: String, value: String)
    case dividesByZero(function: String, value: String)
    /// asin and acos: the help.
    case takesMinusOneToOne(function: String)
    case acoshDomain
    case atanhDomain
    case logarithmsTakePositive
    case logarithmsTakePositiveReal

    // MARK: checked evaluation
    case noValueHere(String)
    case giveEveryVariableAValue
    case zeroToNegativePower
    case negativeToFractionalPower(base: String)
    case realNumbersUseCbrt
    case listLengths(Int, Int)
    case sameLengthLists

    // MARK: compiling
    case tooLargeToCompile
    case listLengthsDiffer
    case valueIsList
    case noValue(String)
    case listNotCompilable
    /// Ctrl-C while compiling (callers report it as the `interrupted` error).
    case interrupted
    /// An abstract function (`z` in `diff(z(u, v), u)`) has no value to evaluate or compile.
    case abstractFunction(String)
    /// Help for it: define the function to give it a value.
    case defineAbstractFunction(String)
    /// Help under `negativeToFractionalPower` for a square root (`sqrt(x)` at x < 0).
    case squareRootNeedsNonNegative
}
