// EvaluationMessage — what evaluating an expression says: unknown names,
// arity, domain errors, types that do not combine, derivative notations
// used wrongly, points that do not fit. Worded by
// Rendering/Catalogue/English+Evaluation.swift.
//
// Names and code (`f(x, y)`, a signature, an operand as written) are passed
// as they are; counts are passed as numbers, so the catalogue says "1
// argument" or "2 arguments"; numbers shown in the user's digits arrive
// already formatted. What kind of value was found is a `ValueKind`.

public enum EvaluationMessage: Sendable, Equatable {
    // MARK: places

    /// Where the failing function was called (a help line under an error inside it).
    case calledAt(function: String, file: String, line: Int, column: Int)
    /// Which part of an expression failed.
    case inExpression(String)
    /// A help line from below the evaluator followed by the part of the
    /// expression that failed: "… (in `ln(x)`)". Unlike `inExpression`, it
    /// does not count as naming the place (the call is still named).
    indirect case helpInExpression(Message, expression: String)

    // MARK: names

    case builtinNotAValue(name: String)
    /// Help: "call it with an argument: `sin(x)`".
    case callWithArgument(name: String)
    /// `diff`, `grad`, `hessian` used without their argument.
    case needsArgument(name: String)
    /// Help for `diff` without its argument.
    case diffExample
    /// Help for `grad`/`hessian` without their argument.
    case operatorExample(name: String)
    case constantNotAFunction(name: String)
    /// Help: "to multiply, write `pi*(…)`".
    case multiplyConstant(name: String)
    /// "`f` is a number, not a function"; the name is nil when the callee is not a name ("this").
    case notAFunction(name: String?, found: ValueKind)
    /// Help: "to multiply, write `*`: `a*(…)`", with the left operand as written.
    case multiplyWithStar(left: String)
    case unknownFunction(name: String)
    /// Help: "define it first, e.g. `f(x) = …`", with the left side to write.
    case defineFirst(signature: String)
    /// Help: a close spelling of an unknown name.
    case didYouMean(String)

    // MARK: calls

    /// A call with the wrong number of arguments; `expected` lists the counts allowed.
    case arity(function: String, expected: [Int], given: Int)
    /// Help: "`f` is defined as f(x) = …".
    case definedAs(function: String, definition: String)
    /// Help: "usage: `sqrt(x)`".
    case usage(String)
    /// Help under a wrong call of `log`: its two forms.
    case logUsage
    case callsItself(function: String)
    /// A definition that would reach itself through another function.
    case callsItselfThrough(function: String, via: String)
    /// Help under `callsItself`.
    case recursionUnsupported
    /// Help under `callsItselfThrough`: which function calls back.
    case recursionThrough(caller: String, callee: String)
    case callsTooDeep(limit: Int)
    case tooDeep(limit: Int)
    /// Help under `tooDeep`.
    case buildInSmallerSteps
    case interrupted

    // MARK: bindings

    case assignToConstant(name: String)
    /// Help: "`e` always means Euler's number 2.718…; choose another name".
    case constantMeaning(name: String, constant: NamedConstant)
    case cannotRedefine(name: String)
    /// Help under `cannotRedefine ans`.
    case ansIsReserved
    /// Help under `cannotRedefine` of a built-in.
    case builtinIsReserved(name: String)
    case constantAsParameter(name: String)
    case chooseAnotherParameterName
    case builtinAsParameter(name: String)
    case duplicateParameter(name: String)

    // MARK: values

    case divisionByZero
    /// Help under `divisionByZero` when the numerator is 0 too.
    case zeroOverZero
    case zeroToNegativePower
    case negativeToFractionalPower
    /// Help under `negativeToFractionalPower`.
    case useCbrt
    /// A function used where a value is needed.
    case functionNotAValue(name: String)
    /// Help: "call it with arguments: `f(x, y)`".
    case callWithArguments(signature: String)
    /// A function where an expression is rewritten (`expand(f)`).
    case isAFunction(name: String)
    /// Help: "apply it to its parameters: `f(x, y)`".
    case applyToParameters(signature: String)
    case listLengths(Int, Int)
    /// Help under `listLengths`.
    case sameLengthNeeded
    case tupleSizes(Int, Int)
    case listWithTuple
    /// Help under `listWithTuple`: what each is for.
    case listsAndTuples
    case cannotCombine(ValueKind, ValueKind)
    case listInExpression
    /// Help under `listInExpression`.
    case listsHoldNumbers
    case tupleInExpression
    /// Help under `tupleInExpression`.
    case tuplesArePoints
    case logBaseOne
    /// Help under `logBaseOne`.
    case logBaseRule
    case meanOfEmptyList

    // MARK: derivatives

    /// `∂sin/∂x`: a partial derivative of a built-in.
    case partialOfBuiltin(name: String)
    /// Help under `partialOfBuiltin`.
    case differentiateBuiltinCall(name: String)
    /// Help under `grad`/`hessian` of a built-in's name.
    case gradOfBuiltinCall(name: String)
    case noParameter(function: String, parameter: String)
    /// Help: the parameters, each quoted.
    case itsParameters([String])
    case differentiateFunctionItself(name: String)
    /// Help: "differentiate a call: `diff(f(x), x)`, or write `f'`", with that notation.
    case differentiateACall(signature: String, variable: String, notation: String)
    case constantVariable(name: String)
    /// Help under `constantVariable`.
    case differentiateByVariable
    case functionNotAVariable(name: String)
    /// Help under `functionNotAVariable`.
    case differentiateByParameter(signature: String, parameter: String)
    case builtinNotAVariable(name: String)
    /// `diff(e, x, n)` with `n` bound to a number: it differentiates by `n`.
    case orderIsAName(name: String, value: String)
    /// Help under `orderIsAName`.
    case orderMustBeLiteral
    /// `f'` of a function of several variables.
    case primeNeedsOneVariable(function: String, parameters: Int)
    /// Help: the partial derivatives to use instead.
    case usePartial(function: String, parameters: [String])
    /// `'` after something that is not a function.
    case primeOfNonFunction(found: ValueKind)
    /// Help under `primeOfNonFunction`.
    case primeUsage
    case noVariablesToDifferentiate
    /// Help under `noVariablesToDifferentiate` for a gradient.
    case gradientVariables
    /// `hessian` of so many variables that its n² entries pass the budget.
    case hessianTooLarge(variables: Int, entries: Int, limit: Int)
    /// Help under `hessianTooLarge`: the gradient has one entry per variable.
    case useGradientInstead

    // MARK: points

    /// A named coordinate (`at (x = [1])`) that is not a number.
    case mustBeNumberHere(name: String, found: ValueKind)
    case notAVariableOfExpression(name: String)
    /// Help: the expression has no variables.
    case hasNoVariables
    /// Help: the variables, each quoted.
    case itsVariables([String])
    /// Help: the variables as a plain list (a, b).
    case itsVariablesListed([String])
    case noValue(name: String)
    /// `what` (an option, a bound) is not a number.
    indirect case mustBeNumber(what: Message, found: ValueKind)
    /// `what` is not a positive whole number; the number as formatted.
    indirect case mustBePositiveWholeNumber(what: Message, found: String)
    indirect case limitedTo(what: Message, limit: Int)
    /// A name as the subject of another message: "`steps`".
    case quoted(String)
    case lowerBound
    case upperBound
    case startNotFinite
    /// A start coordinate named for a variable the target does not have.
    case notAVariableOf(name: String, target: String)
    case noStartValue(name: String)
    /// Help: "`f` has 2 variables (x, y)".
    case targetVariables(target: String, variables: [String])
    case startNotAPoint(found: ValueKind)
    /// Help under `startNotAPoint`.
    case startExamples
    case notAPoint(found: ValueKind)
    /// Help under `notAPoint`.
    case pointExamples
    case startCoordinatesNotNumbers(found: ValueKind)
    case coordinatesNotNumbers(found: ValueKind)
    /// A point (`at`, `explain … at`) with a coordinate per variable too many or too few.
    case pointCoordinates(count: Int, variables: [String])
    /// Help under `pointCoordinates` after `at`.
    case giveOneValueOrNameThem(variables: [String])
    /// Help under `pointCoordinates` after `explain … at`.
    case nameThem(variables: [String])
    case startCoordinates(count: Int, target: String, variables: [String])
    /// Help under `startCoordinates`.
    case giveOneValuePerVariable(variables: [String])
    /// `from random N in (x from a to b)` with a range that is empty, reversed or infinite.
    case badBoxRange(name: String)
    case noRange(name: String)
    /// Help under `noRange`.
    case giveEveryVariableRange(variables: [String])
    // destructuring, named results, indexing, spreading
    /// `(a, b) = 3`: the right side of a destructuring is not a tuple.
    case destructureNotTuple(found: ValueKind)
    /// `(a, b) = (1, 2, 3)`.
    case destructureCount(names: Int, elements: Int)
    /// Label on the right side of `destructureCount`.
    case tupleHasElements(count: Int)
    /// Help under `destructureCount` and `destructureNotTuple`.
    case oneNamePerElement
    /// `net(u, v, θ)`: the arguments before the tuple and its elements still do not fill the parameters.
    case spreadArity(function: String, expected: Int, before: Int, elements: Int)
    /// `p.W` where `p` is not a named result.
    case noNamedElements(name: String?, found: ValueKind)
    /// Help under `noNamedElements`.
    case namedResultsOnly(name: String)
    /// `θ.nosuch`.
    case noSuchElement(name: String, element: String)
    /// Help under `noSuchElement`.
    case itsElements([String])
    /// `θ[0]`, `θ[10]`.
    case indexOutOfRange(index: String, count: Int)
    /// Help under `indexOutOfRange`.
    case indicesRun(count: Int)
    /// `θ[1.5]`, `θ[x]`.
    case indexNotWhole(found: String)
    /// `3[1]`.
    case notIndexable(found: ValueKind)
    /// Help under `negativeToFractionalPower` for a square root (`sqrt(-4)`, `x^(1/2)`, `x^1.5`).
    case squareRootNeedsNonNegative
}

/// What kind of value a message found where it needed another.
public enum ValueKind: Sendable, Equatable {
    case number
    case expression
    case tuple(count: Int)
    case list(count: Int)
    case function(name: String)
}

/// The constants whose meaning a message explains.
public enum NamedConstant: Sendable, Equatable {
    case pi, e, infinity, notANumber
}
