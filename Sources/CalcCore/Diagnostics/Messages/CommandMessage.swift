// CommandMessage — what minimize, explain and plot say when their input is
// wrong or their work fails: targets, options, kinks at the start, domain
// errors mid-run, ranges, files. (Their reports are ReportMessages, in
// Rendering.) Worded by Rendering/Catalogue/English+Command.swift.

public enum CommandMessage: Sendable, Equatable {
    // MARK: what a number is for (inside "… must be a number")
    case theRate
    case numberOfStarts
    case rangeStart
    case rangeEnd

    // MARK: minimize: target and options
    case rateNotPositive(found: String)
    case typicalRates
    case plotWithRandomStarts
    case plotOneStart
    case targetIgnoresParameters(function: String)
    case targetHasNoVariables
    /// `verb`: minimize or maximize.
    case giveFunctionOrExpression(verb: String)
    case boundNameIsNotVariable(name: String)
    case targetNotNumeric(found: ValueKind)
    case reduceLossOverData
    case unknownMethod(String)
    /// A suggestion (if any) and the list of methods.
    case methodsAre(suggestion: String?, all: [String])
    case tolNegative
    case tolHelp
    case betaOutOfRange
    case usualMomentum
    case seedNotWhole
    /// `every k` over `steps` would make a trace table of more rows than the limit.
    case traceTooLong(every: Int, steps: Int, rows: Int, limit: Int)
    /// Help under `traceTooLong`: an `every` whose table fits.
    case traceLessOften(every: Int)
    case cannotMinimize(reason: NumericMessage)

    // MARK: minimize: at the start and on the way
    case notDifferentiableAtStart(target: String, point: String, piece: String)
    case startAwayFromKink
    /// `which`: f or ∇f.
    case cannotEvaluateMidRun(which: String, step: Int, reason: NumericMessage)
    case happenedAt(point: String, expression: String)

    // MARK: explain
    case nothingToDifferentiate
    case explainPrimeNeedsOneVariable
    case noVariablesToDifferentiate
    case explainShowsDerivatives
    case explainForms
    case explainOneExpression(found: ValueKind)
    /// A backpropagation point outside the domain.
    case atThisPoint(reason: NumericMessage)
    /// The derivation would print more lines than the limit (measured before it is written).
    case explanationTooManyLines(limit: Int)
    /// The derivation's expressions written out would come to more terms than the limit.
    case explanationTooLongWritten(limit: Int)
    /// Help under both: a smaller piece, or `diff` alone.
    case explainSmallerPiece

    // MARK: plot
    case cannotPlotFunction(String)
    case cannotPlot(found: ValueKind)
    case plotOneVariable
    case rangeNotFinite
    case rangeEmpty(at: String)
    case rangeReversed(low: String, high: String)
    case smallerBoundFirst(low: String, high: String)
    case curveNeedsOneVariable(variables: [String])
    case drawAMap(x: String, y: String)
    case bindAllButOne
    case cannotPlotThis(reason: NumericMessage)
    /// `labels`: one curve's label, or several curves.
    case undefinedThroughout(labels: [String], low: String, high: String)
    case noFinitePoint
    case mapShowsOneFunction
    case mapNeedsTwoRanges
    case mapRangesHelp
    case noRangeFor(String)
    case dependsOn(label: String, variables: [String])
    case sameVariableTwice
    case undefinedThroughoutArea(String)

    // MARK: files
    case writingNotAvailable
    case cannotWrite(path: String, reason: String)
    case checkFolderWritable
    /// A file name with a NUL character (the system would cut the name there).
    case fileNameHasNul
    case removeNul
    /// Help when the target is a symbolic link (which is neither followed nor replaced).
    case symbolicLinkNotFollowed

    // MARK: marked points (`plot … with points (xs, ys, labels)`)
    case pointsNotNumbers(found: ValueKind)
    /// The lists of `with points` have different lengths.
    case pointsLengths([Int])

    // MARK: several rates with random starts
    /// `from random N in (…) rate 1, 5`: a multi-start runs one rate.
    case severalRatesWithRandomStarts(count: Int)
    /// Help under it.
    case oneRatePerMultiStart

    // MARK: descent over data rows (`minimize … over rows of (xs, ys)`)
    /// `batch`, `epochs` or `shuffle` without `over rows of (…)`.
    case optionNeedsRows(option: String)
    /// Help: how to descend over rows.
    case overRowsUsage
    /// `steps` or `tol` with `over rows of (…)`: epochs count the passes.
    case optionNotOverRows(option: String)
    /// Help under it.
    case epochsNotSteps
    /// `over rows of (…)` without `epochs N`.
    case epochsMissing
    /// Help under it.
    case epochsExample
    /// Help under a bad `batch`: a whole number of rows.
    case batchHelp(rows: Int)
    /// `batch` larger than the number of rows.
    case batchExceedsRows(batch: Int, rows: Int)
    /// A name in `rows of (…)` that is not a data list of the loss.
    case notADataList(name: String)
    /// Help: the data lists the loss holds (none: how to make one).
    case dataListsOfLoss([String])
    /// The lists of `rows of (…)` have different lengths.
    case rowsLengthsDiffer(first: String, firstCount: Int, second: String, secondCount: Int)
    /// A label under one of them: "`xs` has 3 rows".
    case listHasRows(name: String, count: Int)
    /// Help: one entry per row.
    case sameLengthRows
    /// `over rows` with several rates.
    case severalRatesOverRows(count: Int)
    /// `over rows` with random starts.
    case randomStartsOverRows
    /// Help under either: one start, one rate.
    case oneRunOverRows
}
