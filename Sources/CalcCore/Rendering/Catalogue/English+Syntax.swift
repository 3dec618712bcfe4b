// English+Syntax — the English words of every SyntaxMessage, and of the
// parts of "expected X after A, found Y".

extension Catalogue {
    func english(_ m: SyntaxMessage) -> String {
        switch m {
        // characters
        case .unexpectedCharacter(let c): return "unexpected character `\(c)`"
        case .unexpectedInvalidByte: return "unexpected invalid UTF-8 byte"
        case .noFactorial: return "factorial is not supported; comparisons and `!` are not part of calc"
        case .bracesDoNotGroup: return "use `(` and `)` for grouping, `[` and `]` for lists"
        case .inputNotUTF8: return "calc reads UTF-8 text; the input has bytes that are not valid UTF-8"
        case .metaCommandStartsStatement: return "meta commands such as `:help` start a statement"
        case .noComparisonOperators: return "calc has no comparison or logic operators"
        // numbers
        case .misplacedDigitSeparator: return "a digit separator `_` must stand between two digits"
        case .digitSeparatorExample: return "write numbers like `1_000_000`"
        case .numberTooLarge: return "number literal is too large"
        case .largestFiniteNumber: return "the largest finite number is about 1.8e308; use `inf` for infinity"
        case .malformedNumber: return "malformed number literal"
        case .superscriptMinusNeedsDigits: return "expected superscript digits after `⁻`"
        // strings
        case .unterminatedString: return "unterminated string"
        case .closeStringOnSameLine: return "close the string with `\"` on the same line"
        // partial derivatives
        case .partialNeedsFunction: return "expected a function name after `∂`"
        case .partialNeedsVariables(let f): return "expected `/∂` and a variable after `∂\(f)`"
        case .partialNeedsVariable: return "expected a variable after `∂`"
        case .partialOrderOutOfRange: return "the order of a derivative must be between 1 and 16"
        case .partialWrittenWithoutSpaces: return "partial derivatives are written `∂f/∂x` with no spaces"
        case .partialOrderMismatch(let order, let count):
            let written = "∂" + (order == 1 ? "" : Superscript.text(order))
            return "`\(written)` says order \(order) but \(count) variable\(count == 1 ? " is" : "s are") given"
        case .partialOrderExample: return "write `∂²f/∂x∂y` or `∂²f/∂x²`"
        // expected X, found Y
        case .expected(let what, let after, let found):
            let a = after.map { " after " + english($0) } ?? ""
            return "expected \(english(what))\(a), found \(english(found))"
        case .unclosedOpenedHere(let opener): return "unclosed `\(opener)` opened here"
        case .everyOpenerNeedsCloser(let opener, let closer): return "every `\(opener)` needs a matching `\(closer)`"
        // statements
        case .separateStatements: return "separate statements with a newline or `;`"
        case .multiplyWithStar: return "to multiply, write `*` (implicit multiplication only follows a number, as in `2x`)"
        case .equalsBindsOrDefines:
            return "`=` binds a name (`x = 1`) or defines a function (`f(x) = x^2`); calc has no comparisons"
        case .bracketWithoutOpening: return "this bracket has no matching opening bracket"
        case .parametersMustBeNames: return "a function's parameters must be names"
        case .defineAndCallFunction(let f): return "define functions as `\(f)(x, y) = …` and call them with values: `\(f)(1, 2)`"
        case .functionNeedsParameter: return "a function needs at least one parameter"
        case .writeConstantInstead(let f): return "for a constant, write `\(f) = …`"
        case .cannotAssign: return "cannot assign to this expression"
        case .bindOrDefine: return "bind a name with `x = …` or define a function with `f(x, y) = …`; calc has no `==` comparison"
        // expressions
        case .nameEveryCoordinate: return "name every coordinate: `(x = 1, y = 2)`"
        case .pointForms: return "give a number, a tuple like `(1, 2)`, or named values like `(x = 1, y = 2)`"
        case .commandWordHere(let w): return "`\(w)` is a command word here"
        case .dOperatorForms(let v): return "write `d/d\(v)(…)` or `d/d\(v) f(\(v))`"
        case .stringInExpression: return "a string cannot be used in an expression"
        case .stringsNameFiles: return "strings name files, as in `plot … to \"out.svg\"` or `:load \"file.calc\"`"
        case .superscriptFollowsBase: return "a superscript exponent follows its base: `x²`"
        case .parenthesisWithoutOpening: return "this `)` has no matching `(`"
        case .starMultipliesTwoOperands: return "`*` multiplies two operands"
        case .emptyParentheses: return "empty parentheses"
        case .putInsideParentheses: return "put an expression or a tuple like `(1, 2)` inside"
        case .gradientForms(let w): return "write `\(w) f` for a function or `\(w)(x^2 + y^2)` for an expression"
        // diff
        case .diffNeedsVariable: return "`diff` needs the variable to differentiate by"
        case .diffExample: return "write `diff(expression, x)`"
        case .orderNotPositiveInteger(let found): return "the order of a derivative must be a positive integer, found `\(found)`"
        case .secondDerivativeExample: return "write `diff(e, x, 2)` for the second derivative"
        case .orderAboveLimit(let k): return "derivative order \(k) is above the limit of 16"
        case .orderComesAfterVariable: return "the order comes after the variable"
        case .orderExample(let k): return "write `diff(e, x, \(k))`"
        case .differentiateByName: return "differentiate with respect to a name: `diff(x^2, x)`"
        // commands
        case .optimizeExample(let maximize): return "write `\(maximize ? "maximize" : "minimize") f from (0, 0) rate 0.1`"
        case .startPointExample: return "write `… from (1, 2) rate 0.01`"
        case .everyRunNeedsRate:
            return "every run needs a learning rate η, e.g. `rate 0.01`; a list `rate 0.001, 0.01, 0.1` compares several"
        case .randomStartExample: return "write `from random 20 in (x from -5 to 5, y from -5 to 5)`"
        case .startPointForms: return "write `from (1, 2)` or `from (x = 1, y = 2)`"
        case .optionGivenTwice(let w): return "option `\(w)` is given twice"
        case .unknownOption(let w): return "unknown option `\(w)`"
        case .optionsAre(let suggestion, let all):
            return (suggestion.map { "did you mean `\($0)`? " } ?? "") + "options are " + all.map { "`\($0)`" }.joined(separator: ", ")
        case .knownMethods: return "methods are gd, momentum, nesterov, adam"
        case .boxExample: return "write a box like `(x from -5 to 5, y from -5 to 5)`"
        case .boxRangeExample(let v): return "write `\(v) from -5 to 5`"
        case .fileTargetExample: return "write `to \"plot.svg\"`"
        case .plotExample: return "write `plot sin(x) from 0 to 2π`"
        case .plotIntervalExample: return "write `plot e from a to b`"
        case .plotForms: return "write `plot sin(x) from 0 to 2π` or `plot f over (x from -2 to 2, y from -2 to 2)`"
        // limits
        case .nestedTooDeeply(let limit): return "expression nested too deeply (more than \(limit) levels)"
        case .splitExpression: return "split the expression into smaller named parts"
        case .tooManyErrors(let limit): return "too many errors; stopping after \(limit)"
        // the decimal comma
        case .commaJoinsNumbers(let literal, let first, let second):
            return "`\(literal)` is read as the two numbers \(first) and \(second)"
        case .writeDecimalPoint(let decimal): return "for the decimal number write `\(decimal)`"
        case .spaceSeparatesNumbers(let spaced): return "for two numbers put a space after the comma: `\(spaced)`"
        // integer literals past 64 bits
        case .integerLiteralInexact(let literal, let nearest):
            return "integer `\(literal)` does not fit in 64 bits; it is read as the nearest floating-point number, \(nearest)"
        case .exactIntegersEndAt(let largest):
            return "integers are exact up to \(largest); results computed from this one print with `≈`"
        // destructuring and marked points
        case .tupleTargetsMustBeNames: return "each element of the left side must be a name"
        case .destructureExample: return "bind each element of a tuple with `(a, b) = ans`"
        case .withPointsLists(let n): return "`with points` takes 2 or 3 lists (x, y and labels), but \(n) \(n == 1 ? "was" : "were") given"
        case .withPointsExample: return "mark data as `with points (xs, ys)`, or `with points (xs, ys, labels)` to tell the points apart"
        case .indexExample: return "index from 1: `θ[1]` is the first element"
        case .memberNeedsName: return "`.` follows the name of a named result"
        case .memberExample: return "after `θ = minimize L from (0, 0) rate 0.1`, `θ.w` is the element for `w`; a decimal is written `2.5`"
        case .notACommand(let w): return "`\(w)` is not a command"
        case .didYouMeanCommandWord(let c): return "did you mean the command `\(c)`?"
        case .metaCommandNeedsColon(let w): return "`\(w)` is a meta command: meta commands start with `:`"
        case .writeMetaCommand(let text): return "write `\(text)`"
        case .callNeedsParentheses(let call): return "did you mean `\(call)`? a function's argument goes in parentheses"
        case .pointNeedsParentheses(let point): return "to evaluate at a point, put it in parentheses: `at \(point)`"
        case .shapeMustBePositiveIntegers: return "a parameter's shape must be whole numbers from 1"
        case .tensorParameterExample: return "declare a matrix parameter as `W[2, 3]` and a vector as `b[3]`: `L(W[2, 2], b[2]) = sum(W @ [1, 1] + b)`"
        case .tooManyDimensions(let n): return "a parameter has at most 2 dimensions, found \(n)"
        case .tooManyElements(let limit): return "a tensor parameter has at most \(limit) elements"
        case .overRowsExample: return "write `minimize L from (0, 0) over rows of (xs, ys) batch 2 epochs 100 rate 0.1`"
        }
    }

    func english(_ e: SyntaxMessage.Expectation) -> String {
        switch e {
        case .symbol(let s): return "`\(s)`"
        case .name: return "a name"
        case .variableName: return "a variable name"
        case .variableToDifferentiateBy: return "a variable name to differentiate by"
        case .expression: return "an expression"
        case .expressionToPlot: return "an expression to plot"
        case .point: return "a point"
        case .startPoint: return "a start point"
        case .learningRate: return "a learning rate"
        case .box: return "a box"
        case .value: return "a value"
        case .methodName: return "a method name"
        case .functionName: return "a function name"
        case .quotedFileName: return "a file name in quotes"
        case .endOfStatement: return "end of statement"
        case .targetToOptimize(let maximize): return "a function or expression to \(maximize ? "maximize" : "minimize")"
        case .either(let a, let b): return "\(english(a)) or \(english(b))"
        case .both(let a, let b): return "\(english(a)) and \(english(b))"
        }
    }

    func english(_ p: SyntaxMessage.Preceding) -> String {
        switch p {
        case .token(let t): return english(t)
        case .target: return "the target"
        case .startPoint: return "the start point"
        case .numberOfStarts: return "the number of starts"
        }
    }

    func english(_ f: SyntaxMessage.Found) -> String {
        switch f {
        case .symbol(let s): return "`\(s)`"
        case .number(let n): return "number `\(n)`"
        case .name(let n): return "name `\(n)`"
        case .string: return "string"
        case .superscriptExponent: return "superscript exponent"
        case .metaCommand(let c): return "meta command `:\(c)`"
        case .endOfLine: return "end of line"
        case .endOfInput: return "end of input"
        case .expression: return "an expression"
        }
    }
}
