// English+Evaluation — the English words of every EvaluationMessage, and of
// the kinds of value (`ValueKind`) and constants they name.

extension Catalogue {
    func english(_ m: EvaluationMessage) -> String {
        switch m {
        // places
        case .calledAt(let f, let file, let line, let column): return "in `\(f)`, called at \(file):\(line):\(column)"
        case .inExpression(let e): return "in `\(e)`"
        case .helpInExpression(let help, let e): return "\(text(help)) (in `\(e)`)"
        // names
        case .builtinNotAValue(let s): return "`\(s)` is a built-in function, not a value"
        case .callWithArgument(let s): return "call it with an argument: `\(s)(x)`"
        case .needsArgument(let s): return "`\(s)` needs its argument"
        case .diffExample: return "write `diff(x^2, x)`"
        case .operatorExample(let s): return "write `\(s) f` or `\(s)(x^2 + y^2)`"
        case .constantNotAFunction(let f): return "`\(f)` is a constant, not a function"
        case .multiplyConstant(let f): return "to multiply, write `\(f)*(…)`"
        case .notAFunction(let name, let found):
            return "\(name.map { "`\($0)`" } ?? "this") is \(english(found)), not a function"
        case .multiplyWithStar(let left): return "to multiply, write `*`: `\(left)*(…)`"
        case .unknownFunction(let f): return "unknown function `\(f)`"
        case .defineFirst(let signature): return "define it first, e.g. `\(signature) = …`"
        case .didYouMean(let near): return "did you mean `\(near)`?"
        // calls
        case .arity(let f, let expected, let given):
            let plural = expected != [1]
            return "`\(f)` takes \(expected.map(String.init).joined(separator: " or ")) argument\(plural ? "s" : "") but \(given) \(given == 1 ? "was" : "were") given"
        case .definedAs(let f, let definition): return "`\(f)` is defined as \(definition)"
        case .usage(let u): return "usage: `\(u)`"
        case .logUsage: return "usage: `log(x) is ln(x); log(b, x) is the base-b logarithm`"
        case .callsItself(let f): return "`\(f)` calls itself"
        case .callsItselfThrough(let f, let via): return "`\(f)` would call itself through `\(via)`"
        case .recursionUnsupported:
            return "recursion is not supported (calc has no conditionals, so it would never end); write the function in closed form"
        case .recursionThrough(let caller, let callee): return "recursion is not supported; `\(caller)` calls `\(callee)`"
        case .callsTooDeep(let limit): return "functions nested too deeply (more than \(limit) calls)"
        case .tooDeep(let limit): return "expression is too deep (more than \(limit) levels)"
        case .buildInSmallerSteps: return "build it in smaller steps, or evaluate with numbers"
        case .interrupted: return "interrupted"
        // bindings
        case .assignToConstant(let s): return "cannot assign to the constant `\(s)`"
        case .constantMeaning(let s, let c): return "`\(s)` always means \(english(c)); choose another name"
        case .cannotRedefine(let s): return "cannot redefine `\(s)`"
        case .ansIsReserved: return "`ans` always holds the last result; choose another name"
        case .builtinIsReserved(let s): return "`\(s)` is a built-in; choose another name"
        case .constantAsParameter(let s): return "the constant `\(s)` cannot be a parameter"
        case .chooseAnotherParameterName: return "choose another name for the parameter"
        case .builtinAsParameter(let s): return "the built-in `\(s)` cannot be a parameter"
        case .duplicateParameter(let s): return "parameter `\(s)` appears twice"
        // values
        case .divisionByZero: return "division by zero"
        case .zeroOverZero: return "0/0 has no value"
        case .zeroToNegativePower: return "division by zero: 0 raised to a negative power"
        case .negativeToFractionalPower: return "a negative number to a fractional power is not a real number"
        case .useCbrt: return "calc works with real numbers; for a cube root use `cbrt(x)`"
        case .squareRootNeedsNonNegative: return "calc works with real numbers: sqrt(x) and x^(1/2) are real only for x ≥ 0"
        case .functionNotAValue(let f): return "`\(f)` is a function, not a value"
        case .callWithArguments(let signature): return "call it with arguments: `\(signature)`"
        case .isAFunction(let f): return "`\(f)` is a function"
        case .applyToParameters(let signature): return "apply it to its parameters: `\(signature)`"
        case .listLengths(let a, let b): return "lists of different lengths (\(a) and \(b))"
        case .sameLengthNeeded: return "element-wise arithmetic needs lists of the same length"
        case .tupleSizes(let a, let b): return "tuples of different sizes (\(a) and \(b))"
        case .listWithTuple: return "cannot combine a list with a tuple"
        case .listsAndTuples: return "lists `[…]` hold data; tuples `(…)` are points"
        case .cannotCombine(let a, let b): return "cannot combine \(english(a)) with \(english(b))"
        case .listInExpression: return "a list of expressions cannot be used inside an expression here"
        case .listsHoldNumbers: return "lists inside expressions must hold numbers (data)"
        case .tupleInExpression: return "a tuple cannot be used inside an expression here"
        case .tuplesArePoints: return "tuples are points: use one inside `at` or as a start point"
        case .logBaseOne: return "log base 1 is undefined"
        case .logBaseRule: return "the base must be positive and not 1"
        case .meanOfEmptyList: return "mean of an empty list"
        // derivatives
        case .partialOfBuiltin(let f): return "`∂\(f)/…` needs a function you defined"
        case .differentiateBuiltinCall(let f): return "for a built-in, differentiate an expression: `diff(\(f)(x), x)`"
        case .gradOfBuiltinCall(let f): return "for a built-in, write `grad(\(f)(x))`"
        case .noParameter(let f, let p): return "`\(f)` has no parameter `\(p)`"
        case .itsParameters(let ps): return "its parameters are \(quotedList(ps))"
        case .differentiateFunctionItself(let f): return "cannot differentiate the function `\(f)` itself"
        case .differentiateACall(let signature, let x, let notation):
            return "differentiate a call: `diff(\(signature), \(x))`, or write `\(notation)`"
        case .constantVariable(let s): return "cannot differentiate with respect to the constant `\(s)`"
        case .differentiateByVariable: return "differentiate with respect to a variable, e.g. `x`"
        case .functionNotAVariable(let s): return "`\(s)` is a function, not a variable"
        case .differentiateByParameter(let signature, let p):
            return "differentiate with respect to one of its parameters, e.g. `diff(\(signature), \(p))`"
        case .builtinNotAVariable(let s): return "`\(s)` is a built-in function, not a variable"
        case .orderIsAName(let s, let value): return "`\(s)` is a name, so this differentiates by `\(s)` (giving 0), not \(value) times"
        case .orderMustBeLiteral: return "the order must be an integer literal: write `diff(e, x, 2)`"
        case .primeNeedsOneVariable(let f, let n):
            return "`\(f)'` needs a function of one variable, but `\(f)` has \(n) parameter\(n == 1 ? "" : "s")"
        case .usePartial(let f, let ps): return "use a partial derivative: \(ps.map { "`∂\(f)/∂\($0)`" }.joined(separator: ", "))"
        case .primeOfNonFunction(let found): return "`'` differentiates a function of one variable; this is \(english(found))"
        case .primeUsage: return "write `f'` for a function `f(x) = …`, or `diff(e, x)`"
        case .noVariablesToDifferentiate: return "this has no variables to differentiate by"
        case .hessianTooLarge(let n, let entries, let limit):
            return "the Hessian of \(grouped(n)) variables has \(grouped(entries)) entries, more than the limit of \(grouped(limit))"
        case .useGradientInstead: return "`grad` has one entry per variable; evaluate it at a point with `grad f at (…)`"
        case .gradientVariables:
            return "the gradient is taken with respect to the unbound names of an expression or a function's parameters"
        // points
        case .mustBeNumberHere(let s, let found): return "`\(s)` must be a number here, found \(english(found))"
        case .notAVariableOfExpression(let s): return "`\(s)` is not a variable of this expression"
        case .hasNoVariables: return "it has no variables"
        case .itsVariables(let vs): return "its variables are \(quotedList(vs))"
        case .itsVariablesListed(let vs): return "its variables are \(vs.joined(separator: ", "))"
        case .noValue(let s): return "no value for `\(s)`"
        case .mustBeNumber(let what, let found): return "\(text(what)) must be a number, found \(english(found))"
        case .mustBePositiveWholeNumber(let what, let found): return "\(text(what)) must be a positive whole number, found \(found)"
        case .limitedTo(let what, let limit): return "\(text(what)) is limited to \(grouped(limit))"
        case .quoted(let s): return "`\(s)`"
        case .lowerBound: return "the lower bound"
        case .upperBound: return "the upper bound"
        case .startNotFinite: return "the start point must be finite"
        case .notAVariableOf(let s, let target): return "`\(s)` is not a variable of `\(target)`"
        case .noStartValue(let s): return "no start value for `\(s)`"
        case .targetVariables(let target, let vs): return "`\(target)` has \(variables(vs))"
        case .startNotAPoint(let found): return "the start point must be a number or a tuple, found \(english(found))"
        case .startExamples: return "write `from (1, 2)` or `from (x = 1, y = 2)`"
        case .notAPoint(let found): return "a point is a number or a tuple of numbers, found \(english(found))"
        case .pointExamples: return "write `at 2`, `at (1, 2)` or `at (x = 1, y = 2)`"
        case .startCoordinatesNotNumbers(let found): return "the start point's coordinates must be numbers, found \(english(found))"
        case .coordinatesNotNumbers(let found): return "a point's coordinates must be numbers, found \(english(found))"
        case .pointCoordinates(let n, let vs): return "the point has \(coordinates(n)) but the expression has \(variables(vs))"
        case .giveOneValueOrNameThem(let vs): return "give one value for each variable, or name them: `at (\(named(vs)))`"
        case .nameThem(let vs): return "name them: `at (\(named(vs)))`"
        case .startCoordinates(let n, let target, let vs): return "the start point has \(coordinates(n)) but `\(target)` has \(variables(vs))"
        case .giveOneValuePerVariable(let vs): return "give one value per variable: `from (\(named(vs)))`"
        case .badBoxRange(let s): return "the range of `\(s)` must go from a smaller to a larger finite number"
        case .noRange(let s): return "no range for `\(s)`"
        case .giveEveryVariableRange(let vs):
            return "give every variable a range: (\(vs.map { "\($0) from -5 to 5" }.joined(separator: ", ")))"
        // destructuring, named results, indexing, spreading
        case .destructureNotTuple(let found): return "expected a tuple to destructure, found \(english(found))"
        case .destructureCount(let names, let elements):
            return "\(names) name\(names == 1 ? "" : "s") on the left but the tuple has \(elements) element\(elements == 1 ? "" : "s")"
        case .tupleHasElements(let n): return "this has \(n) element\(n == 1 ? "" : "s")"
        case .oneNamePerElement: return "give one name per element: `(a, b) = (1, 2)`"
        case .spreadArity(let f, let expected, let before, let elements):
            return "`\(f)` takes \(expected) argument\(expected == 1 ? "" : "s") but \(before) and a tuple of \(elements) make \(before + elements)"
        case .noNamedElements(let name, let found):
            return "\(name.map { "`\($0)`" } ?? "this") is \(english(found)) without named elements"
        case .namedResultsOnly(let name): return "a result bound by `\(name) = minimize …` has named elements; otherwise index from 1: `\(name)[1]`"
        case .noSuchElement(let name, let element): return "`\(name)` has no element `\(element)`"
        case .itsElements(let names): return "its elements are \(names.joined(separator: ", "))"
        case .indexOutOfRange(let index, let count):
            return "index \(index) is out of range for \(count) element\(count == 1 ? "" : "s")"
        case .indicesRun(let count): return count == 1 ? "the only index is 1" : "indices run from 1 to \(count)"
        case .indexNotWhole(let found): return "expected a whole number as the index, found \(found)"
        case .notIndexable(let found): return "cannot index \(english(found)); only tuples and lists have elements"
        }
    }

    func english(_ k: ValueKind) -> String {
        switch k {
        case .number: return "a number"
        case .expression: return "an expression"
        case .tuple(let n): return "a tuple of \(n)"
        case .list(let n): return "a list of \(n)"
        case .function(let f): return "the function `\(f)`"
        }
    }

    func english(_ c: NamedConstant) -> String {
        switch c {
        case .pi: return "π = 3.14159…"
        case .e: return "Euler's number 2.718…"
        case .infinity: return "infinity"
        case .notANumber: return "not-a-number"
        }
    }

    /// `x`, `y`
    private func quotedList(_ names: [String]) -> String { names.map { "`\($0)`" }.joined(separator: ", ") }
    /// "2 variables (x, y)"
    private func variables(_ vs: [String]) -> String {
        "\(vs.count) variable\(vs.count == 1 ? "" : "s") (\(vs.joined(separator: ", ")))"
    }
    /// "1 coordinate", "2 coordinates"
    private func coordinates(_ n: Int) -> String { "\(n) coordinate\(n == 1 ? "" : "s")" }
    /// `x = …, y = …`: the variables named in a point.
    private func named(_ vs: [String]) -> String { vs.map { "\($0) = …" }.joined(separator: ", ") }
}
