// CatalogueTests — the English catalogue word for word: a table of
// representative EvaluationMessage and SessionMessage values (every case at
// least once, plurals both ways) with their exact text, and the house style
// every text follows (rustc's: lowercase first, no final period, never empty).

import Testing
@testable import CalcCore

/// A message and its English, named for the test list.
struct Wording: CustomTestStringConvertible, Sendable {
    let id: String
    let message: Message
    let english: String
    init(_ id: String, _ message: Message, _ english: String) {
        self.id = id
        self.message = message
        self.english = english
    }
    var testDescription: String { id }
}

private func e(_ id: String, _ m: EvaluationMessage, _ english: String) -> Wording { Wording(id, .evaluation(m), english) }
private func s(_ id: String, _ m: SessionMessage, _ english: String) -> Wording { Wording(id, .session(m), english) }

let evaluationWordings: [Wording] = [
    // places
    e("calledAt", .calledAt(function: "f", file: "a.calc", line: 3, column: 7), "in `f`, called at a.calc:3:7"),
    e("inExpression", .inExpression("ln(x)"), "in `ln(x)`"),
    e("helpInExpression", .helpInExpression(.verbatim("logarithms take positive numbers"), expression: "ln(x)"),
      "logarithms take positive numbers (in `ln(x)`)"),
    // names
    e("builtinNotAValue", .builtinNotAValue(name: "sin"), "`sin` is a built-in function, not a value"),
    e("callWithArgument", .callWithArgument(name: "sin"), "call it with an argument: `sin(x)`"),
    e("needsArgument", .needsArgument(name: "grad"), "`grad` needs its argument"),
    e("diffExample", .diffExample, "write `diff(x^2, x)`"),
    e("operatorExample", .operatorExample(name: "grad"), "write `grad f` or `grad(x^2 + y^2)`"),
    e("constantNotAFunction", .constantNotAFunction(name: "pi"), "`pi` is a constant, not a function"),
    e("multiplyConstant", .multiplyConstant(name: "pi"), "to multiply, write `pi*(…)`"),
    e("notAFunction named", .notAFunction(name: "a", found: .number), "`a` is a number, not a function"),
    e("notAFunction unnamed", .notAFunction(name: nil, found: .tuple(count: 2)), "this is a tuple of 2, not a function"),
    e("multiplyWithStar", .multiplyWithStar(left: "a"), "to multiply, write `*`: `a*(…)`"),
    e("unknownFunction", .unknownFunction(name: "foo"), "unknown function `foo`"),
    e("defineFirst", .defineFirst(signature: "foo(x)"), "define it first, e.g. `foo(x) = …`"),
    e("didYouMean", .didYouMean("sin"), "did you mean `sin`?"),
    // calls
    e("arity one", .arity(function: "f", expected: [1], given: 2), "`f` takes 1 argument but 2 were given"),
    e("arity many, one given", .arity(function: "g", expected: [2], given: 1), "`g` takes 2 arguments but 1 was given"),
    e("arity alternatives", .arity(function: "log", expected: [1, 2], given: 0), "`log` takes 1 or 2 arguments but 0 were given"),
    e("definedAs", .definedAs(function: "f", definition: "f(x) = x^2"), "`f` is defined as f(x) = x^2"),
    e("usage", .usage("sqrt(x)"), "usage: `sqrt(x)`"),
    e("logUsage", .logUsage, "usage: `log(x) is ln(x); log(b, x) is the base-b logarithm`"),
    e("callsItself", .callsItself(function: "f"), "`f` calls itself"),
    e("callsItselfThrough", .callsItselfThrough(function: "f", via: "g"), "`f` would call itself through `g`"),
    e("recursionUnsupported", .recursionUnsupported,
      "recursion is not supported (calc has no conditionals, so it would never end); write the function in closed form"),
    e("recursionThrough", .recursionThrough(caller: "h", callee: "f"), "recursion is not supported; `h` calls `f`"),
    e("callsTooDeep", .callsTooDeep(limit: 64), "functions nested too deeply (more than 64 calls)"),
    e("tooDeep", .tooDeep(limit: 2000), "expression is too deep (more than 2000 levels)"),
    e("buildInSmallerSteps", .buildInSmallerSteps, "build it in smaller steps, or evaluate with numbers"),
    e("interrupted", .interrupted, "interrupted"),
    // bindings
    e("assignToConstant", .assignToConstant(name: "pi"), "cannot assign to the constant `pi`"),
    e("constantMeaning pi", .constantMeaning(name: "π", constant: .pi), "`π` always means π = 3.14159…; choose another name"),
    e("constantMeaning e", .constantMeaning(name: "e", constant: .e), "`e` always means Euler's number 2.718…; choose another name"),
    e("constantMeaning inf", .constantMeaning(name: "∞", constant: .infinity), "`∞` always means infinity; choose another name"),
    e("constantMeaning nan", .constantMeaning(name: "nan", constant: .notANumber), "`nan` always means not-a-number; choose another name"),
    e("cannotRedefine", .cannotRedefine(name: "sin"), "cannot redefine `sin`"),
    e("ansIsReserved", .ansIsReserved, "`ans` always holds the last result; choose another name"),
    e("builtinIsReserved", .builtinIsReserved(name: "sin"), "`sin` is a built-in; choose another name"),
    e("constantAsParameter", .constantAsParameter(name: "e"), "the constant `e` cannot be a parameter"),
    e("chooseAnotherParameterName", .chooseAnotherParameterName, "choose another name for the parameter"),
    e("builtinAsParameter", .builtinAsParameter(name: "cos"), "the built-in `cos` cannot be a parameter"),
    e("duplicateParameter", .duplicateParameter(name: "x"), "parameter `x` appears twice"),
    // values
    e("divisionByZero", .divisionByZero, "division by zero"),
    e("zeroOverZero", .zeroOverZero, "0/0 has no value"),
    e("zeroToNegativePower", .zeroToNegativePower, "division by zero: 0 raised to a negative power"),
    e("negativeToFractionalPower", .negativeToFractionalPower, "a negative number to a fractional power is not a real number"),
    e("useCbrt", .useCbrt, "calc works with real numbers; for a cube root use `cbrt(x)`"),
    e("squareRootNeedsNonNegative", .squareRootNeedsNonNegative, "calc works with real numbers: sqrt(x) and x^(1/2) are real only for x ≥ 0"),
    e("functionNotAValue", .functionNotAValue(name: "f"), "`f` is a function, not a value"),
    e("callWithArguments", .callWithArguments(signature: "f(x, y)"), "call it with arguments: `f(x, y)`"),
    e("isAFunction", .isAFunction(name: "f"), "`f` is a function"),
    e("applyToParameters", .applyToParameters(signature: "f(x)"), "apply it to its parameters: `f(x)`"),
    e("listLengths", .listLengths(2, 3), "lists of different lengths (2 and 3)"),
    e("sameLengthNeeded", .sameLengthNeeded, "element-wise arithmetic needs lists of the same length"),
    e("tupleSizes", .tupleSizes(2, 3), "tuples of different sizes (2 and 3)"),
    e("listWithTuple", .listWithTuple, "cannot combine a list with a tuple"),
    e("listsAndTuples", .listsAndTuples, "lists `[…]` hold data; tuples `(…)` are points"),
    e("cannotCombine", .cannotCombine(.list(count: 3), .function(name: "f")), "cannot combine a list of 3 with the function `f`"),
    e("listInExpression", .listInExpression, "a list of expressions cannot be used inside an expression here"),
    e("listsHoldNumbers", .listsHoldNumbers, "lists inside expressions must hold numbers (data)"),
    e("tupleInExpression", .tupleInExpression, "a tuple cannot be used inside an expression here"),
    e("tuplesArePoints", .tuplesArePoints, "tuples are points: use one inside `at` or as a start point"),
    e("logBaseOne", .logBaseOne, "log base 1 is undefined"),
    e("logBaseRule", .logBaseRule, "the base must be positive and not 1"),
    e("meanOfEmptyList", .meanOfEmptyList, "mean of an empty list"),
    // derivatives
    e("partialOfBuiltin", .partialOfBuiltin(name: "sin"), "`∂sin/…` needs a function you defined"),
    e("differentiateBuiltinCall", .differentiateBuiltinCall(name: "sin"), "for a built-in, differentiate an expression: `diff(sin(x), x)`"),
    e("gradOfBuiltinCall", .gradOfBuiltinCall(name: "sin"), "for a built-in, write `grad(sin(x))`"),
    e("noParameter", .noParameter(function: "f", parameter: "z"), "`f` has no parameter `z`"),
    e("itsParameters", .itsParameters(["x", "y"]), "its parameters are `x`, `y`"),
    e("differentiateFunctionItself", .differentiateFunctionItself(name: "f"), "cannot differentiate the function `f` itself"),
    e("differentiateACall", .differentiateACall(signature: "f(x)", variable: "x", notation: "f'"),
      "differentiate a call: `diff(f(x), x)`, or write `f'`"),
    e("constantVariable", .constantVariable(name: "pi"), "cannot differentiate with respect to the constant `pi`"),
    e("differentiateByVariable", .differentiateByVariable, "differentiate with respect to a variable, e.g. `x`"),
    e("functionNotAVariable", .functionNotAVariable(name: "f"), "`f` is a function, not a variable"),
    e("differentiateByParameter", .differentiateByParameter(signature: "f(x, y)", parameter: "x"),
      "differentiate with respect to one of its parameters, e.g. `diff(f(x, y), x)`"),
    e("builtinNotAVariable", .builtinNotAVariable(name: "sin"), "`sin` is a built-in function, not a variable"),
    e("orderIsAName", .orderIsAName(name: "n", value: "2"), "`n` is a name, so this differentiates by `n` (giving 0), not 2 times"),
    e("orderMustBeLiteral", .orderMustBeLiteral, "the order must be an integer literal: write `diff(e, x, 2)`"),
    e("primeNeedsOneVariable", .primeNeedsOneVariable(function: "f", parameters: 2),
      "`f'` needs a function of one variable, but `f` has 2 parameters"),
    e("usePartial", .usePartial(function: "f", parameters: ["x", "y"]), "use a partial derivative: `∂f/∂x`, `∂f/∂y`"),
    e("primeOfNonFunction", .primeOfNonFunction(found: .expression), "`'` differentiates a function of one variable; this is an expression"),
    e("primeUsage", .primeUsage, "write `f'` for a function `f(x) = …`, or `diff(e, x)`"),
    e("noVariablesToDifferentiate", .noVariablesToDifferentiate, "this has no variables to differentiate by"),
    e("hessianTooLarge", .hessianTooLarge(variables: 8_000, entries: 64_000_000, limit: 1_000_000),
      "the Hessian of 8,000 variables has 64,000,000 entries, more than the limit of 1,000,000"),
    e("useGradientInstead", .useGradientInstead, "`grad` has one entry per variable; evaluate it at a point with `grad f at (…)`"),
    e("gradientVariables", .gradientVariables,
      "the gradient is taken with respect to the unbound names of an expression or a function's parameters"),
    // points
    e("mustBeNumberHere", .mustBeNumberHere(name: "x", found: .list(count: 2)), "`x` must be a number here, found a list of 2"),
    e("notAVariableOfExpression", .notAVariableOfExpression(name: "z"), "`z` is not a variable of this expression"),
    e("hasNoVariables", .hasNoVariables, "it has no variables"),
    e("itsVariables", .itsVariables(["x", "y"]), "its variables are `x`, `y`"),
    e("itsVariablesListed", .itsVariablesListed(["x", "y"]), "its variables are x, y"),
    e("noValue", .noValue(name: "y"), "no value for `y`"),
    e("mustBeNumber", .mustBeNumber(what: .evaluation(.lowerBound), found: .expression), "the lower bound must be a number, found an expression"),
    e("mustBePositiveWholeNumber", .mustBePositiveWholeNumber(what: .evaluation(.quoted("steps")), found: "2.5"),
      "`steps` must be a positive whole number, found 2.5"),
    e("limitedTo", .limitedTo(what: .verbatim("the number of starts"), limit: 10_000), "the number of starts is limited to 10,000"),
    e("quoted", .quoted("tol"), "`tol`"),
    e("lowerBound", .lowerBound, "the lower bound"),
    e("upperBound", .upperBound, "the upper bound"),
    e("startNotFinite", .startNotFinite, "the start point must be finite"),
    e("notAVariableOf", .notAVariableOf(name: "z", target: "f"), "`z` is not a variable of `f`"),
    e("noStartValue", .noStartValue(name: "y"), "no start value for `y`"),
    e("targetVariables one", .targetVariables(target: "f", variables: ["x"]), "`f` has 1 variable (x)"),
    e("targetVariables two", .targetVariables(target: "f", variables: ["x", "y"]), "`f` has 2 variables (x, y)"),
    e("startNotAPoint", .startNotAPoint(found: .list(count: 1)), "the start point must be a number or a tuple, found a list of 1"),
    e("startExamples", .startExamples, "write `from (1, 2)` or `from (x = 1, y = 2)`"),
    e("notAPoint", .notAPoint(found: .function(name: "g")), "a point is a number or a tuple of numbers, found the function `g`"),
    e("pointExamples", .pointExamples, "write `at 2`, `at (1, 2)` or `at (x = 1, y = 2)`"),
    e("startCoordinatesNotNumbers", .startCoordinatesNotNumbers(found: .expression),
      "the start point's coordinates must be numbers, found an expression"),
    e("coordinatesNotNumbers", .coordinatesNotNumbers(found: .tuple(count: 2)), "a point's coordinates must be numbers, found a tuple of 2"),
    e("pointCoordinates one", .pointCoordinates(count: 1, variables: ["x", "y"]),
      "the point has 1 coordinate but the expression has 2 variables (x, y)"),
    e("pointCoordinates many", .pointCoordinates(count: 3, variables: ["x"]),
      "the point has 3 coordinates but the expression has 1 variable (x)"),
    e("giveOneValueOrNameThem", .giveOneValueOrNameThem(variables: ["x", "y"]),
      "give one value for each variable, or name them: `at (x = …, y = …)`"),
    e("nameThem", .nameThem(variables: ["x", "y"]), "name them: `at (x = …, y = …)`"),
    e("startCoordinates", .startCoordinates(count: 1, target: "f", variables: ["x", "y"]),
      "the start point has 1 coordinate but `f` has 2 variables (x, y)"),
    e("giveOneValuePerVariable", .giveOneValuePerVariable(variables: ["x"]), "give one value per variable: `from (x = …)`"),
    e("badBoxRange", .badBoxRange(name: "x"), "the range of `x` must go from a smaller to a larger finite number"),
    e("noRange", .noRange(name: "y"), "no range for `y`"),
    e("giveEveryVariableRange", .giveEveryVariableRange(variables: ["x", "y"]),
      "give every variable a range: (x from -5 to 5, y from -5 to 5)"),
    // destructuring, named results, indexing, spreading
    e("destructureNotTuple", .destructureNotTuple(found: .number), "expected a tuple to destructure, found a number"),
    e("destructureCount", .destructureCount(names: 2, elements: 3), "2 names on the left but the tuple has 3 elements"),
    e("destructureCount one", .destructureCount(names: 1, elements: 1), "1 name on the left but the tuple has 1 element"),
    e("tupleHasElements", .tupleHasElements(count: 3), "this has 3 elements"),
    e("oneNamePerElement", .oneNamePerElement, "give one name per element: `(a, b) = (1, 2)`"),
    e("spreadArity", .spreadArity(function: "net", expected: 11, before: 2, elements: 8),
      "`net` takes 11 arguments but 2 and a tuple of 8 make 10"),
    e("noNamedElements", .noNamedElements(name: "p", found: .tuple(count: 2)), "`p` is a tuple of 2 without named elements"),
    e("namedResultsOnly", .namedResultsOnly(name: "p"),
      "a result bound by `p = minimize …` has named elements; otherwise index from 1: `p[1]`"),
    e("noSuchElement", .noSuchElement(name: "θ", element: "nosuch"), "`θ` has no element `nosuch`"),
    e("itsElements", .itsElements(["w", "b"]), "its elements are w, b"),
    e("indexOutOfRange", .indexOutOfRange(index: "0", count: 9), "index 0 is out of range for 9 elements"),
    e("indicesRun", .indicesRun(count: 9), "indices run from 1 to 9"),
    e("indicesRun one", .indicesRun(count: 1), "the only index is 1"),
    e("indexNotWhole", .indexNotWhole(found: "1.5"), "expected a whole number as the index, found 1.5"),
    e("notIndexable", .notIndexable(found: .number), "cannot index a number; only tuples and lists have elements"),
]

let sessionWordings: [Wording] = [
    s("internalError", .internalError("oops"), "internal error: oops"),
    s("resultTooLarge", .resultTooLarge(limit: 1_000_000), "the result is too large to print (more than 1,000,000 terms written out)"),
    s("evaluateAtPointOrSilence", .evaluateAtPointOrSilence,
      "evaluate it at a point with `at`, or end the statement with `;` to keep it without printing"),
    s("unknownCommand", .unknownCommand("varz"), "unknown command `:varz`"),
    s("didYouMeanCommand", .didYouMeanCommand("vars"), "did you mean `:vars`?"),
    s("commandList", .commandList(["help", "quit"]), "commands: :help :quit"),
    s("noHelpTopic", .noHelpTopic("foo"), "no help topic `foo`"),
    s("helpTopics", .helpTopics(["diff", "plot"]), "topics: diff, plot"),
    s("noVariablesDefined", .noVariablesDefined, "no variables or functions defined"),
    s("notDefined", .notDefined(name: "x"), "`x` is not defined"),
    s("digitsNeedsNumber", .digitsNeedsNumber, "`:digits` needs a number"),
    s("digitsOutOfRange", .digitsOutOfRange(found: "40", range: 1...17), "`:digits` takes a whole number from 1 to 17, found `40`"),
    s("digitsDefault", .digitsDefault, "12 is the default; 17 shows every digit of a double"),
    s("formatNeedsStyle", .formatNeedsStyle, "`:format` needs a style"),
    s("unknownFormat", .unknownFormat("html"), "unknown format `html`"),
    s("formatStyles", .formatStyles, "formats are plain, unicode and latex"),
    s("loadNeedsFile", .loadNeedsFile, "`:load` needs a file name"),
    s("loadUsage", .loadUsage, "write `:load \"file.calc\"`"),
    s("loadUnavailable", .loadUnavailable, "`:load` is not available here"),
    s("loadTooDeep", .loadTooDeep, "`:load` nested too deeply (a file loading itself?)"),
    s("cannotLoad", .cannotLoad(path: "a.calc", reason: "no such file"), "cannot load `a.calc`: no such file"),
    s("loadStopped", .loadStopped(path: "a.calc"), "`:load a.calc` stopped at an error"),
    s("langNeedsLanguage", .langNeedsLanguage, "`:lang` needs a language"),
    s("unknownLanguage", .unknownLanguage("fr"), "unknown language `fr`"),
    s("languagesAre", .languagesAre(["en", "pt"]), "languages are en, pt"),
]

/// The name of a message's case (`arity` for `.arity(function: …)`).
func caseName(_ value: Any) -> String {
    let mirror = Mirror(reflecting: value)
    if let label = mirror.children.first?.label { return label }
    return String(describing: value)
}

@Suite("catalogue")
struct CatalogueTests {
    @Test("evaluation messages in English", arguments: evaluationWordings)
    func evaluation(_ w: Wording) {
        #expect(Catalogue.english.text(w.message) == w.english)
    }

    @Test("session messages in English", arguments: sessionWordings)
    func session(_ w: Wording) {
        #expect(Catalogue.english.text(w.message) == w.english)
    }

    @Test("every case is in a table", arguments: [
        ("EvaluationMessage.swift", evaluationWordings),
        ("SessionMessage.swift", sessionWordings),
    ])
    func coverage(_ file: String, _ table: [Wording]) throws {
        // The enum's source is read: a new case needs a row above.
        let missing = try casesWithoutRow(file, table)
        #expect(missing.isEmpty, "\(file): no row for \(missing)")
    }

    @Test("rustc style: not empty, lowercase first unless a name, no final period",
          arguments: evaluationWordings + sessionWordings)
    func style(_ w: Wording) {
        let text = Catalogue.english.text(w.message)
        #expect(!text.isEmpty)
        if let first = text.first, first != "`" {
            #expect(!first.isUppercase, "starts with a capital: \(text)")
        }
        #expect(!text.hasSuffix("."), "ends with a period: \(text)")
    }
}
