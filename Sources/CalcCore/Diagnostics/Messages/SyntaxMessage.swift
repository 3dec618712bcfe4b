// SyntaxMessage — what the lexer and the parser say: unexpected characters,
// malformed numbers, "expected X, found Y", unclosed brackets, limits.
// Worded by Rendering/Catalogue/English+Syntax.swift.
//
// "expected X, found Y" is data: what was expected (`Expectation`), what it
// should have followed (`Preceding`) and what stood there (`Found`). Their
// words ("an expression", "end of input") are translated; the source text
// they quote (`)`, `from`, a name) is not, so it is carried as a String.

public enum SyntaxMessage: Sendable, Equatable {
    // MARK: characters
    /// The offending character, escaped for display.
    case unexpectedCharacter(String)
    /// A byte that is not valid UTF-8 (decoded as U+FFFD).
    case unexpectedInvalidByte
    case noFactorial
    case bracesDoNotGroup
    case inputNotUTF8
    case metaCommandStartsStatement
    case noComparisonOperators

    // MARK: numbers
    case misplacedDigitSeparator
    case digitSeparatorExample
    case numberTooLarge
    case largestFiniteNumber
    case malformedNumber
    case superscriptMinusNeedsDigits

    // MARK: strings
    case unterminatedString
    case closeStringOnSameLine

    // MARK: partial derivatives (`∂f/∂x`, one token)
    case partialNeedsFunction
    /// After `∂f` no `/∂` follows.
    case partialNeedsVariables(function: String)
    case partialNeedsVariable
    /// The order of one variable, `∂x³`, outside 1 … 16.
    case partialOrderOutOfRange
    case partialWrittenWithoutSpaces
    /// `∂²f/∂x` — the order of `∂` and the number of variables disagree.
    case partialOrderMismatch(order: Int, variables: Int)
    case partialOrderExample

    // MARK: expected X, found Y
    /// "expected X [after A], found Y"; also the unclosed bracket's message.
    case expected(Expectation, after: Preceding? = nil, found: Found)
    /// The source text of a bracket that was opened and never closed.
    case unclosedOpenedHere(opener: String)
    case everyOpenerNeedsCloser(opener: String, closer: String)

    // MARK: statements
    case separateStatements
    case multiplyWithStar
    /// A `=` where a statement should have ended.
    case equalsBindsOrDefines
    case bracketWithoutOpening
    case parametersMustBeNames
    /// `function` is the name being defined.
    case defineAndCallFunction(function: String)
    case functionNeedsParameter
    /// `name` is the function that has no parameters.
    case writeConstantInstead(name: String)
    case cannotAssign
    case bindOrDefine

    // MARK: expressions
    case nameEveryCoordinate
    case pointForms
    /// A command's stop word (`from`, `rate`, …) where an operand goes.
    case commandWordHere(String)
    /// `variable` is the x of `d/dx`.
    case dOperatorForms(variable: String)
    case stringInExpression
    case stringsNameFiles
    case superscriptFollowsBase
    case parenthesisWithoutOpening
    case starMultipliesTwoOperands
    case emptyParentheses
    case putInsideParentheses
    /// `word` is how the form was written: `grad`, `∇` or `hessian`.
    case gradientForms(word: String)

    // MARK: diff
    case diffNeedsVariable
    case diffExample
    /// `found` is the source text of the order.
    case orderNotPositiveInteger(found: String)
    case secondDerivativeExample
    case orderAboveLimit(Int)
    case orderComesAfterVariable
    case orderExample(Int)
    case differentiateByName

    // MARK: commands
    case optimizeExample(maximize: Bool)
    case startPointExample
    case everyRunNeedsRate
    case randomStartExample
    case startPointForms
    case optionGivenTwice(String)
    case unknownOption(String)
    /// The nearest option (if any) and the list of options.
    case optionsAre(suggestion: String?, all: [String])
    case knownMethods
    case boxExample
    /// `variable from -5 to 5`.
    case boxRangeExample(variable: String)
    case fileTargetExample
    case plotExample
    case plotIntervalExample
    case plotForms

    // MARK: limits
    case nestedTooDeeply(limit: Int)
    case splitExpression
    case tooManyErrors(limit: Int)

    // MARK: the decimal comma (a warning: `0,5` where `0.5` was probably meant)
    /// `0,5` (the source text) is read as the numbers `first` and `second`.
    case commaJoinsNumbers(literal: String, first: String, second: String)
    /// The decimal number with a point: `0.5`.
    case writeDecimalPoint(decimal: String)
    /// Where two numbers are valid: the same with a space after the comma, `0, 5`.
    case spaceSeparatesNumbers(spaced: String)

    // MARK: integer literals past 64 bits (a warning: the value is approximate)
    /// The literal as written and the double it is read as (`≈1.2345678901234567e19`).
    case integerLiteralInexact(literal: String, nearest: String)
    /// Where exact integers end, and what that means for results.
    case exactIntegersEndAt(largest: String)
    /// `(a, 2) = …`: every element of a destructuring left side must be a name.
    case tupleTargetsMustBeNames
    /// Help under `tupleTargetsMustBeNames`.
    case destructureExample
    /// `with points (…)` with other than two or three lists.
    case withPointsLists(count: Int)
    /// Help for `with points`.
    case withPointsExample
    /// Help under an empty index `θ[]`.
    case indexExample
    /// `2.x`, `f(1).w`: `.` after something that is not a name.
    case memberNeedsName
    /// Help under `memberNeedsName`.
    case memberExample
    // MARK: did you mean (Syntax/Suggestions.swift)
    /// A statement that starts with a near miss of a command word: `minimze x^2 …`.
    case notACommand(String)
    /// Help: "did you mean the command `minimize`?".
    case didYouMeanCommandWord(String)
    /// `help plot`, `quit`: a meta command's name without its colon.
    case metaCommandNeedsColon(String)
    /// Help: "write `:help plot`".
    case writeMetaCommand(String)
    /// Help under "expected end of statement" after a function's name: `cos x`.
    case callNeedsParentheses(call: String)
    /// Help under `e at x = 2`: "put the point in parentheses: `at (x = 2)`".
    case pointNeedsParentheses(point: String)
    /// A tensor parameter's shape: `W[2, 2]`.
    case shapeMustBePositiveIntegers
    case tensorParameterExample
    case tooManyDimensions(Int)
    case tooManyElements(limit: Int)
    /// Help under a malformed `over rows of (xs, ys)`.
    case overRowsExample
}

extension SyntaxMessage {
    /// The X of "expected X".
    public indirect enum Expectation: Sendable, Equatable {
        /// Source text: `)`, `=`, `from` (shown in backticks).
        case symbol(String)
        case name
        case variableName
        case variableToDifferentiateBy
        case expression
        case expressionToPlot
        case point
        case startPoint
        case learningRate
        case box
        case value
        case methodName
        case functionName
        case quotedFileName
        case endOfStatement
        /// The target of `minimize` or (when `maximize`) `maximize`.
        case targetToOptimize(maximize: Bool)
        /// "X or Y".
        case either(Expectation, Expectation)
        /// "X and Y": `from` and a start point.
        case both(Expectation, Expectation)
    }

    /// The A of "expected X after A".
    public enum Preceding: Sendable, Equatable {
        case token(Found)
        case target
        case startPoint
        case numberOfStarts
    }

    /// The Y of "found Y": a token, or an expression where a name belongs.
    public enum Found: Sendable, Equatable {
        /// Source text of a token with a fixed spelling: `(`, `d/dx`, `∂f/∂x`.
        case symbol(String)
        /// A number literal, as its value prints.
        case number(String)
        case name(String)
        case string
        case superscriptExponent
        /// A meta command's name, without the `:`.
        case metaCommand(String)
        case endOfLine
        case endOfInput
        case expression
    }
}
