// CommandMessageTests — the catalogue's English for what the commands and
// the numeric engines say (CommandMessage, NumericMessage): every case in a
// table with its exact text, the rustc style of diagnostics, and the help
// topics, each reachable by its name.

import Foundation
import Testing
@testable import CalcCore

private func c(_ id: String, _ m: CommandMessage, _ english: String) -> Wording { Wording(id, .command(m), english) }
private func n(_ id: String, _ m: NumericMessage, _ english: String) -> Wording { Wording(id, .numeric(m), english) }

let commandWordings: [Wording] = [
    c("theRate", .theRate, "the rate"),
    c("numberOfStarts", .numberOfStarts, "the number of starts"),
    c("rangeStart", .rangeStart, "the start of the range"),
    c("rangeEnd", .rangeEnd, "the end of the range"),
    c("rateNotPositive", .rateNotPositive(found: "-0.1"), "the rate must be a positive number, found -0.1"),
    c("typicalRates", .typicalRates, "typical learning rates are 0.001 to 0.1"),
    c("plotWithRandomStarts", .plotWithRandomStarts, "`plot` draws one descent; it does not combine with random starts"),
    c("plotOneStart", .plotOneStart, "plot one start: `minimize … from (1, 2) rate 0.01 plot`"),
    c("targetIgnoresParameters", .targetIgnoresParameters(function: "f"), "`f` does not depend on its parameters"),
    c("targetHasNoVariables", .targetHasNoVariables, "the target has no free variables"),
    c("giveFunctionOrExpression", .giveFunctionOrExpression(verb: "maximize"),
      "give a function name (`maximize f from …`) or an expression with unbound names, like `x^2 + y^2`"),
    c("boundNameIsNotVariable", .boundNameIsNotVariable(name: "w"),
      "`w` has a value, so it is not a variable here; use a function `f(w) = …` or `:clear w`"),
    c("targetNotNumeric", .targetNotNumeric(found: .tuple(count: 2)), "the target must be a number-valued function or expression, found a tuple of 2"),
    c("reduceLossOverData", .reduceLossOverData, "a loss over data reduces its list with `mean(…)` or `sum(…)`"),
    c("unknownMethod", .unknownMethod("adma"), "unknown method `adma`"),
    c("methodsAre suggested", .methodsAre(suggestion: "adam", all: ["gd", "adam"]), "did you mean `adam`? methods are gd, adam"),
    c("methodsAre plain", .methodsAre(suggestion: nil, all: ["gd", "adam"]), "methods are gd, adam"),
    c("tolNegative", .tolNegative, "`tol` must be zero or a positive number"),
    c("tolHelp", .tolHelp, "`tol 0` runs every step; the default is 1e-8"),
    c("betaOutOfRange", .betaOutOfRange, "`beta` must be at least 0 and below 1"),
    c("usualMomentum", .usualMomentum, "0.9 is the usual momentum"),
    c("seedNotWhole", .seedNotWhole, "`seed` must be a whole number ≥ 0"),
    c("traceTooLong", .traceTooLong(every: 1, steps: 100_000_000, rows: 100_000_001, limit: 100_000),
      "`every 1` over 100,000,000 steps would make a trace of 100,000,001 rows, more than the limit of 100,000"),
    c("traceLessOften", .traceLessOften(every: 2_000), "trace less often, like `every 2000`"),
    c("cannotMinimize", .cannotMinimize(reason: .valueIsList),
      "cannot minimize this: the value is a list, not a number; reduce it with sum(…) or mean(…)"),
    c("notDifferentiableAtStart", .notDifferentiableAtStart(target: "f", point: "x = 0", piece: "abs(x)"),
      "`f` is not differentiable at the start point x = 0: `abs(x)` has a kink there"),
    c("startAwayFromKink", .startAwayFromKink, "start a little away from it, e.g. shift a coordinate by 0.1"),
    c("cannotEvaluateMidRun", .cannotEvaluateMidRun(which: "f", step: 1024, reason: .dividesByZero(function: "csc", value: "0")),
      "f cannot be evaluated at step 1,024: csc(0) divides by zero"),
    c("happenedAt", .happenedAt(point: "x = 0", expression: "ln(x)"),
      "it happened at x = 0, in `ln(x)`; a smaller rate or another start may stay inside the domain"),
    c("nothingToDifferentiate", .nothingToDifferentiate, "nothing to differentiate"),
    c("explainPrimeNeedsOneVariable", .explainPrimeNeedsOneVariable, "`explain f'` needs a function of one variable"),
    c("noVariablesToDifferentiate", .noVariablesToDifferentiate, "this has no variables to differentiate by"),
    c("explainShowsDerivatives", .explainShowsDerivatives, "`explain` shows how a derivative is found"),
    c("explainForms", .explainForms,
      "write `explain diff(e, x)`, `explain ∂f/∂x`, `explain grad f` or `explain f'`, optionally followed by `at (…)`"),
    c("explainOneExpression", .explainOneExpression(found: .list(count: 3)), "`explain` works on one expression at a time, found a list of 3"),
    c("atThisPoint", .atThisPoint(reason: .zeroToNegativePower), "at this point: division by zero: 0 raised to a negative power"),
    c("explanationTooManyLines", .explanationTooManyLines(limit: 2_000), "the explanation is too large to show (more than 2,000 lines)"),
    c("explanationTooLongWritten", .explanationTooLongWritten(limit: 200_000),
      "the explanation is too large to show (its expressions come to more than 200,000 terms written out)"),
    c("explainSmallerPiece", .explainSmallerPiece,
      "explain a smaller piece of the expression, or use `diff` to get the derivative without the steps"),
    c("cannotPlotFunction", .cannotPlotFunction("f"), "cannot plot `f`"),
    c("cannotPlot", .cannotPlot(found: .function(name: "g")), "cannot plot the function `g`"),
    c("plotOneVariable", .plotOneVariable, "plot expressions of one variable, like `plot sin(x) from 0 to 2π`"),
    c("rangeNotFinite", .rangeNotFinite, "the range must be finite"),
    c("rangeEmpty", .rangeEmpty(at: "1"), "the range is empty: it starts and ends at 1"),
    c("rangeReversed", .rangeReversed(low: "2", high: "1"), "the range is reversed: 2 is above 1"),
    c("smallerBoundFirst", .smallerBoundFirst(low: "1", high: "2"), "write the smaller bound first: `from 1 to 2`"),
    c("curveNeedsOneVariable", .curveNeedsOneVariable(variables: ["x", "y"]), "a curve needs expressions of one variable, but these have 2: x, y"),
    c("drawAMap", .drawAMap(x: "x", y: "y"), "for two variables draw a map: `plot … over (x from -2 to 2, y from -2 to 2)`"),
    c("bindAllButOne", .bindAllButOne, "bind all but one variable first"),
    c("cannotPlotThis", .cannotPlotThis(reason: .tooLargeToCompile), "cannot plot this: the function is too large to compile"),
    c("undefinedThroughout one", .undefinedThroughout(labels: ["ln(x)"], low: "-2", high: "-1"), "`ln(x)` is undefined throughout [-2, -1]"),
    c("undefinedThroughout several", .undefinedThroughout(labels: ["a", "b"], low: "0", high: "1"), "these are undefined throughout [0, 1]"),
    c("noFinitePoint", .noFinitePoint, "no point of the range gives a finite value; try another range"),
    c("mapShowsOneFunction", .mapShowsOneFunction, "a map shows one function"),
    c("mapNeedsTwoRanges", .mapNeedsTwoRanges, "a map needs two ranges, one per variable"),
    c("mapRangesHelp", .mapRangesHelp, "write `over (x from -2 to 2, y from -2 to 2)`"),
    c("noRangeFor", .noRangeFor("y"), "no range for `y`"),
    c("dependsOn", .dependsOn(label: "f(x, y)", variables: ["x", "y"]), "`f(x, y)` depends on x, y"),
    c("sameVariableTwice", .sameVariableTwice, "the two ranges name the same variable"),
    c("undefinedThroughoutArea", .undefinedThroughoutArea("f"), "`f` is undefined throughout the area"),
    c("writingNotAvailable", .writingNotAvailable, "writing files is not available here"),
    c("cannotWrite", .cannotWrite(path: "a.svg", reason: "permission denied"), "cannot write `a.svg`: permission denied"),
    c("checkFolderWritable", .checkFolderWritable, "check that the folder exists and is writable"),
    c("fileNameHasNul", .fileNameHasNul, "a file name cannot contain a NUL character (U+0000)"),
    c("removeNul", .removeNul, "remove the NUL character from the name"),
    c("symbolicLinkNotFollowed", .symbolicLinkNotFollowed,
      "calc neither writes through a symbolic link nor replaces one: remove the link or choose another name"),
    c("pointsNotNumbers", .pointsNotNumbers(found: .tuple(count: 2)), "`with points` takes lists of numbers, found a tuple of 2"),
    c("pointsLengths", .pointsLengths([4, 4, 3]), "the lists of `with points` differ in length (4, 4, 3)"),
    c("severalRatesWithRandomStarts", .severalRatesWithRandomStarts(count: 2), "random starts run with one rate, but 2 rates were given"),
    c("oneRatePerMultiStart", .oneRatePerMultiStart,
      "give one rate (a decimal is written `1.5`), or compare rates from one start: `minimize … from (1, 2) rate 0.01, 0.1`"),
    c("optionNeedsRows", .optionNeedsRows(option: "batch"), "`batch` needs data rows to descend over, but there is no `over rows of (…)`"),
    c("overRowsUsage", .overRowsUsage, "name the data lists: `minimize L from (0, 0) over rows of (xs, ys) batch 2 epochs 100 rate 0.1`"),
    c("optionNotOverRows", .optionNotOverRows(option: "steps"), "`steps` does not apply over rows: a run over rows lasts a number of epochs"),
    c("epochsNotSteps", .epochsNotSteps, "over rows, `epochs N` says how many passes over the data to make; leave out `steps` and `tol`"),
    c("epochsMissing", .epochsMissing, "a descent over rows needs `epochs N`"),
    c("epochsExample", .epochsExample, "add the number of passes over the rows, like `… over rows of (xs, ys) batch 2 epochs 100 rate 0.1`"),
    c("batchHelp", .batchHelp(rows: 6), "`batch` is how many rows each step uses: a whole number from 1 to 6"),
    c("batchExceedsRows", .batchExceedsRows(batch: 7, rows: 6), "batch 7 is larger than the data, which have 6 rows"),
    c("batchExceedsRows one", .batchExceedsRows(batch: 2, rows: 1), "batch 2 is larger than the data, which have 1 row"),
    c("notADataList", .notADataList(name: "q"), "`q` is not a data list of the loss"),
    c("dataListsOfLoss", .dataListsOfLoss(["xs", "ys"]), "the loss holds the data lists `xs`, `ys`"),
    c("dataListsOfLoss none", .dataListsOfLoss([]), "the loss holds no data list: define one, like `xs = [1, 2, 3]`, and use it in the loss"),
    c("rowsLengthsDiffer", .rowsLengthsDiffer(first: "xs", firstCount: 6, second: "zs", secondCount: 2),
      "the lists of `rows of` differ in length: `xs` has 6, `zs` has 2"),
    c("listHasRows", .listHasRows(name: "xs", count: 6), "`xs` has 6 rows"),
    c("sameLengthRows", .sameLengthRows, "every list in `rows of (…)` must have one entry per row"),
    c("severalRatesOverRows", .severalRatesOverRows(count: 2), "a descent over rows runs with one rate, but 2 rates were given"),
    c("randomStartsOverRows", .randomStartsOverRows, "a descent over rows starts from one point, not from random starts"),
    c("oneRunOverRows", .oneRunOverRows, "give one start point and one rate: `minimize L from (0, 0) over rows of (xs, ys) epochs 100 rate 0.1`"),
]

let numericWordings: [Wording] = [
    n("undefinedFor", .undefinedFor(function: "asin", value: "2"), "asin is undefined for 2"),
    n("infiniteAtOne", .infiniteAtOne(function: "atanh", value: "1"), "atanh is undefined for 1 (it is infinite at ±1)"),
    n("logarithmOfZero", .logarithmOfZero(function: "ln", value: "0"), "ln is undefined for 0 (the logarithm of 0 is -∞)"),
    n("dividesByZero", .dividesByZero(function: "cot", value: "0"), "cot(0) divides by zero"),
    n("takesMinusOneToOne", .takesMinusOneToOne(function: "acos"), "acos takes values from -1 to 1"),
    n("acoshDomain", .acoshDomain, "acosh takes values ≥ 1"),
    n("atanhDomain", .atanhDomain, "atanh takes values strictly between -1 and 1"),
    n("logarithmsTakePositive", .logarithmsTakePositive, "logarithms take positive numbers"),
    n("logarithmsTakePositiveReal", .logarithmsTakePositiveReal, "logarithms take positive numbers; calc works with real numbers only"),
    n("noValueHere", .noValueHere("y"), "`y` has no value here"),
    n("giveEveryVariableAValue", .giveEveryVariableAValue, "give every variable a value, e.g. `at (x = 1, y = 2)`"),
    n("zeroToNegativePower", .zeroToNegativePower, "division by zero: 0 raised to a negative power"),
    n("negativeToFractionalPower", .negativeToFractionalPower(base: "-8"), "a negative number (-8) to a fractional power is not a real number"),
    n("realNumbersUseCbrt", .realNumbersUseCbrt, "calc works with real numbers; use cbrt(x) for a cube root"),
    n("squareRootNeedsNonNegative", .squareRootNeedsNonNegative, "calc works with real numbers: sqrt(x) and x^(1/2) are real only for x ≥ 0"),
    n("listLengths", .listLengths(2, 3), "lists of different lengths (2 and 3) in one expression"),
    n("sameLengthLists", .sameLengthLists, "element-wise arithmetic needs lists of the same length"),
    n("tooLargeToCompile", .tooLargeToCompile, "the function is too large to compile"),
    n("listLengthsDiffer", .listLengthsDiffer, "lists of different lengths in one expression"),
    n("valueIsList", .valueIsList, "the value is a list, not a number; reduce it with sum(…) or mean(…)"),
    n("noValue", .noValue("t"), "`t` has no value"),
    n("listNotCompilable", .listNotCompilable, "a list cannot be compiled here"),
    n("interrupted", .interrupted, "interrupted"),
    n("abstractFunction", .abstractFunction("z"), "`z` is an abstract function: it has no value"),
    n("defineAbstractFunction", .defineAbstractFunction("z"), "define `z` first to give it a value, e.g. `z(u, v) = u*v`"),
]

/// The cases of the enum a file in Diagnostics/Messages is named after.
func declaredCases(_ file: String) throws -> Set<String> {
    let url = Layering.coreRoot.appendingPathComponent("Diagnostics/Messages").appendingPathComponent(file)
    let text = try String(contentsOf: url, encoding: .utf8)
    let name = file.replacingOccurrences(of: ".swift", with: "")
    var cases = Set<String>(), depth = 0, inside = false
    for line in text.split(separator: "\n") {
        let t = line.trimmingCharacters(in: .whitespaces)
        if depth == 0 { inside = t.contains("enum \(name)") }   // only the enum the file is named after
        if inside, depth == 1, t.hasPrefix("case ") || t.hasPrefix("indirect case ") {
            let body = t.hasPrefix("case ") ? t.dropFirst(5) : t.dropFirst(14)
            for part in body.split(separator: ",") {   // `case a, b` and `case a(x: Int)`
                let name = part.trimmingCharacters(in: .whitespaces).prefix { $0.isLetter || $0.isNumber }
                if !name.isEmpty, part.trimmingCharacters(in: .whitespaces).first?.isLetter == true { cases.insert(String(name)) }
                if part.contains("(") { break }
            }
        }
        depth += t.filter { $0 == "{" }.count - t.filter { $0 == "}" }.count
    }
    return cases
}

/// The declared cases of `file` that no row of `table` names.
func casesWithoutRow(_ file: String, _ table: [Wording]) throws -> [String] {
    let named = Set(table.map { w -> String in
        switch w.message {
        case .command(let m): return caseName(m)
        case .numeric(let m): return caseName(m)
        case .evaluation(let m): return caseName(m)
        case .session(let m): return caseName(m)
        case .syntax(let m): return caseName(m)
        case .terminal(let m): return caseName(m)
        case .tensor(let m): return caseName(m)
        case .verbatim: return ""
        }
    })
    let declared = try declaredCases(file)
    #expect(!declared.isEmpty, "no cases found in \(file)")
    return declared.subtracting(named).sorted()
}

@Suite("catalogue: commands and numbers")
struct CommandMessageTests {
    @Test("command and numeric messages in English", arguments: commandWordings + numericWordings)
    func english(_ w: Wording) {
        #expect(Catalogue.english.text(w.message) == w.english)
    }

    @Test("every case is in a table")
    func coverage() throws {
        for (file, table) in [("CommandMessage.swift", commandWordings), ("NumericMessage.swift", numericWordings)] {
            let missing = try casesWithoutRow(file, table)
            #expect(missing.isEmpty, "\(file): no row for \(missing)")
        }
    }

    @Test("rustc style: not empty, lowercase first unless a name, no final period", arguments: commandWordings + numericWordings)
    func style(_ w: Wording) {
        let text = Catalogue.english.text(w.message)
        #expect(!text.isEmpty)
        if let first = text.first, first != "`" { #expect(!first.isUppercase, "starts with a capital: \(text)") }
        #expect(!text.hasSuffix("."), "ends with a period: \(text)")
    }

    @Test("every help topic answers to its name and has text", arguments: HelpTopic.allCases)
    func helpTopic(_ topic: HelpTopic) {
        #expect(HelpTopic.named(topic.rawValue) == topic)
        #expect(Help.text(topic: topic.rawValue)?.isEmpty == false)
    }
}
