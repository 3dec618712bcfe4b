// English+Command — the English words of every CommandMessage.

extension Catalogue {
    func english(_ m: CommandMessage) -> String {
        switch m {
        case .theRate: return "the rate"
        case .numberOfStarts: return "the number of starts"
        case .rangeStart: return "the start of the range"
        case .rangeEnd: return "the end of the range"
        case .rateNotPositive(let found): return "the rate must be a positive number, found \(found)"
        case .typicalRates: return "typical learning rates are 0.001 to 0.1"
        case .plotWithRandomStarts: return "`plot` draws one descent; it does not combine with random starts"
        case .plotOneStart: return "plot one start: `minimize … from (1, 2) rate 0.01 plot`"
        case .targetIgnoresParameters(let f): return "`\(f)` does not depend on its parameters"
        case .targetHasNoVariables: return "the target has no free variables"
        case .giveFunctionOrExpression(let verb):
            return "give a function name (`\(verb) f from …`) or an expression with unbound names, like `x^2 + y^2`"
        case .boundNameIsNotVariable(let name):
            return "`\(name)` has a value, so it is not a variable here; use a function `f(\(name)) = …` or `:clear \(name)`"
        case .targetNotNumeric(let found): return "the target must be a number-valued function or expression, found \(english(found))"
        case .reduceLossOverData: return "a loss over data reduces its list with `mean(…)` or `sum(…)`"
        case .unknownMethod(let name): return "unknown method `\(name)`"
        case .methodsAre(let suggestion, let all):
            return (suggestion.map { "did you mean `\($0)`? " } ?? "") + "methods are " + all.joined(separator: ", ")
        case .tolNegative: return "`tol` must be zero or a positive number"
        case .tolHelp: return "`tol 0` runs every step; the default is 1e-8"
        case .betaOutOfRange: return "`beta` must be at least 0 and below 1"
        case .usualMomentum: return "0.9 is the usual momentum"
        case .seedNotWhole: return "`seed` must be a whole number ≥ 0"
        case .traceTooLong(let every, let steps, let rows, let limit):
            return "`every \(every)` over \(grouped(steps)) steps would make a trace of \(grouped(rows)) rows, more than the limit of \(grouped(limit))"
        case .traceLessOften(let every): return "trace less often, like `every \(every)`"
        case .cannotMinimize(let reason): return "cannot minimize this: \(english(reason))"
        case .notDifferentiableAtStart(let target, let point, let piece):
            return "`\(target)` is not differentiable at the start point \(point): `\(piece)` has a kink there"
        case .startAwayFromKink: return "start a little away from it, e.g. shift a coordinate by 0.1"
        case .cannotEvaluateMidRun(let which, let step, let reason): return "\(which) cannot be evaluated at step \(grouped(step)): \(english(reason))"
        case .happenedAt(let point, let expression):
            return "it happened at \(point), in `\(expression)`; a smaller rate or another start may stay inside the domain"
        case .nothingToDifferentiate: return "nothing to differentiate"
        case .explainPrimeNeedsOneVariable: return "`explain f'` needs a function of one variable"
        case .noVariablesToDifferentiate: return "this has no variables to differentiate by"
        case .explainShowsDerivatives: return "`explain` shows how a derivative is found"
        case .explainForms:
            return "write `explain diff(e, x)`, `explain ∂f/∂x`, `explain grad f` or `explain f'`, optionally followed by `at (…)`"
        case .explainOneExpression(let found): return "`explain` works on one expression at a time, found \(english(found))"
        case .explanationTooManyLines(let limit):
            return "the explanation is too large to show (more than \(grouped(limit)) lines)"
        case .explanationTooLongWritten(let limit):
            return "the explanation is too large to show (its expressions come to more than \(grouped(limit)) terms written out)"
        case .explainSmallerPiece:
            return "explain a smaller piece of the expression, or use `diff` to get the derivative without the steps"
        case .atThisPoint(let reason): return "at this point: \(english(reason))"
        case .cannotPlotFunction(let f): return "cannot plot `\(f)`"
        case .cannotPlot(let found): return "cannot plot \(english(found))"
        case .plotOneVariable: return "plot expressions of one variable, like `plot sin(x) from 0 to 2π`"
        case .rangeNotFinite: return "the range must be finite"
        case .rangeEmpty(let at): return "the range is empty: it starts and ends at \(at)"
        case .rangeReversed(let low, let high): return "the range is reversed: \(low) is above \(high)"
        case .smallerBoundFirst(let low, let high): return "write the smaller bound first: `from \(low) to \(high)`"
        case .curveNeedsOneVariable(let vars):
            return "a curve needs expressions of one variable, but these have \(vars.count): \(vars.joined(separator: ", "))"
        case .drawAMap(let x, let y): return "for two variables draw a map: `plot … over (\(x) from -2 to 2, \(y) from -2 to 2)`"
        case .bindAllButOne: return "bind all but one variable first"
        case .cannotPlotThis(let reason): return "cannot plot this: \(english(reason))"
        case .undefinedThroughout(let labels, let low, let high):
            return "\(labels.count == 1 ? "`\(labels[0])` is" : "these are") undefined throughout [\(low), \(high)]"
        case .noFinitePoint: return "no point of the range gives a finite value; try another range"
        case .mapShowsOneFunction: return "a map shows one function"
        case .mapNeedsTwoRanges: return "a map needs two ranges, one per variable"
        case .mapRangesHelp: return "write `over (x from -2 to 2, y from -2 to 2)`"
        case .noRangeFor(let v): return "no range for `\(v)`"
        case .dependsOn(let label, let vars): return "`\(label)` depends on \(vars.joined(separator: ", "))"
        case .sameVariableTwice: return "the two ranges name the same variable"
        case .undefinedThroughoutArea(let label): return "`\(label)` is undefined throughout the area"
        case .writingNotAvailable: return "writing files is not available here"
        case .cannotWrite(let path, let reason): return "cannot write `\(path)`: \(reason)"
        case .checkFolderWritable: return "check that the folder exists and is writable"
        case .fileNameHasNul: return "a file name cannot contain a NUL character (U+0000)"
        case .removeNul: return "remove the NUL character from the name"
        case .symbolicLinkNotFollowed: return "calc neither writes through a symbolic link nor replaces one: remove the link or choose another name"
        case .pointsNotNumbers(let found): return "`with points` takes lists of numbers, found \(english(found))"
        case .pointsLengths(let counts):
            return "the lists of `with points` differ in length (\(counts.map(String.init).joined(separator: ", ")))"
        case .severalRatesWithRandomStarts(let n): return "random starts run with one rate, but \(n) rates were given"
        case .oneRatePerMultiStart:
            return "give one rate (a decimal is written `1.5`), or compare rates from one start: `minimize … from (1, 2) rate 0.01, 0.1`"
        case .optionNeedsRows(let o): return "`\(o)` needs data rows to descend over, but there is no `over rows of (…)`"
        case .overRowsUsage: return "name the data lists: `minimize L from (0, 0) over rows of (xs, ys) batch 2 epochs 100 rate 0.1`"
        case .optionNotOverRows(let o): return "`\(o)` does not apply over rows: a run over rows lasts a number of epochs"
        case .epochsNotSteps: return "over rows, `epochs N` says how many passes over the data to make; leave out `steps` and `tol`"
        case .epochsMissing: return "a descent over rows needs `epochs N`"
        case .epochsExample: return "add the number of passes over the rows, like `… over rows of (xs, ys) batch 2 epochs 100 rate 0.1`"
        case .batchHelp(let rows): return "`batch` is how many rows each step uses: a whole number from 1 to \(rows)"
        case .batchExceedsRows(let b, let rows): return "batch \(b) is larger than the data, which have \(rows) \(rows == 1 ? "row" : "rows")"
        case .notADataList(let name): return "`\(name)` is not a data list of the loss"
        case .dataListsOfLoss(let names):
            if names.isEmpty { return "the loss holds no data list: define one, like `xs = [1, 2, 3]`, and use it in the loss" }
            return "the loss holds the data \(names.count == 1 ? "list" : "lists") " + names.map { "`\($0)`" }.joined(separator: ", ")
        case .rowsLengthsDiffer(let a, let na, let b, let nb):
            return "the lists of `rows of` differ in length: `\(a)` has \(na), `\(b)` has \(nb)"
        case .listHasRows(let name, let n): return "`\(name)` has \(n) \(n == 1 ? "row" : "rows")"
        case .sameLengthRows: return "every list in `rows of (…)` must have one entry per row"
        case .severalRatesOverRows(let n): return "a descent over rows runs with one rate, but \(n) rates were given"
        case .randomStartsOverRows: return "a descent over rows starts from one point, not from random starts"
        case .oneRunOverRows: return "give one start point and one rate: `minimize L from (0, 0) over rows of (xs, ys) epochs 100 rate 0.1`"
        }
    }
}
