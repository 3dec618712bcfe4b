// ReportMessage — the sentences of the commands' reports: minimize's status
// lines, the Hessian's verdict, advice, tables' headings; explain's rules
// and passes; what a plot wrote. Layout (indentation, alignment) stays with
// the report writers in Rendering; the words are here, by id, and are
// worded by English+Report.swift.

enum ReportMessage: Sendable, Equatable {
    // MARK: labels
    case help
    case note
    /// A diagnostic's severity as its first word.
    case severity(Severity)

    // MARK: minimize: how a run ended
    case converged(steps: Int, gradientNorm: String, tol: String)
    /// `tol` is nil when it is 0 (every step was run).
    case stepLimit(steps: Int, gradientNorm: String, tol: String?)
    case interrupted(step: Int, gradientNorm: String)
    case diverging(steps: Int, from: String, to: String, rate: String)
    case divergedUnbounded(step: String, cause: String, maximize: Bool, reached: String)
    case unboundedAlongPath(label: String, maximize: Bool)
    case divergedRateTooLarge(step: String, cause: String, rate: String)
    case reachedBy(point: String)
    case saddleOrSlope
    case overflowed
    case pointUnbounded
    case gradientGrew(from: String, to: String)
    case valueGrew(String)

    // MARK: minimize: the end point
    case at(point: String)
    case fEquals(String)
    case hessianUnavailable
    case hessianEigenvalues(count: Int, values: String, kind: String)
    /// What the curvature makes a point (nil: no Hessian there).
    case pointKind(Curvature.Shape?, stationary: Bool)
    /// The steps' time, and the rest of the command's (compiling, classifying) when measured.
    case time(String, setup: String?)
    /// After the first and last of many eigenvalues: how many there are.
    case eigenvalueCount(Int)

    // MARK: minimize: advice
    case curvatureLimit(lambdaMax: String, limit: String)
    case tryRate(String)
    case belowLimitTryRate(String)
    case trySmallerRate(String)
    case edgeOfStability(limit: String, rate: String)
    case moreSteps(suggestMomentum: Bool)

    // MARK: minimize: tables
    case stepColumn
    case rateColumn, resultColumn, stepsColumn, endPointColumn, startsColumn, kindColumn
    case status(RateComparison.Status)
    case ratesHeading(start: String, method: String, steps: String)
    case best(value: String, point: String)
    case multiStartHeading(starts: Int, box: String, seed: UInt64, rate: String)
    case startsFailed(Int)

    // MARK: explain
    case explainStep(number: Int, variable: String, expression: String)
    /// `f'` for the function's definition.
    case primeOf(written: String, definition: String)
    case partialOf(variable: String, expression: String)
    case doesNotDepend(expression: String, variable: String)
    case asAbove
    case chainRule(outer: String, inner: String)
    case outer(String)
    case ruleOf(String)
    case powerRuleOfVariable
    case powerRuleWithChain(inner: String)
    case productRule
    case constantMultiple
    case sumRule
    case exponentialRule
    case generalPowerRule
    case linearity(String)
    case tooManyPieces(Int)
    case holdsList
    case forwardPass(values: String)
    case backwardPass
    case theOutput
    case gradient(variables: String, values: String)
    /// A list of data without a name, in the forward pass.
    case unnamedData

    // MARK: plot
    case stepAxis
    case lossTitle(logScale: Bool)
    case rateSeries(String)
    case descentPathTitle(String)
    case legendStart, legendEnd, legendUndefined, legendLog, legendLogScale
    case wrote(String)
    /// A file of that name was there and was replaced whole.
    case wroteReplacing(String)
    case undefinedThroughoutRange(String)
    /// The legend entry of `plot … with points`.
    case legendPoints

    // MARK: minimize: plateaus, bouncing, multi-start standings (issue 14)
    /// Converged where f is not small and the Hessian shows no minimum.
    case plateau(steps: Int, gradientNorm: String, tol: String, value: String)
    case tryOtherStarts
    case oscillating(ratio: String, lambdaMax: String, limit: String, rate: String)
    /// The multi-start row with the best value, when some are clearly worse.
    case bestMark
    /// `starts` lists which starts (1-based) ended at a clearly worse value.
    case stuckStarts(starts: String, count: Int, of: Int, best: String)
    case multiStartInterrupted(done: Int, planned: Int)

    // MARK: explain (added later)
    /// The quotient rule with the numerator u and denominator v as written.
    case quotientRule(numerator: String, denominator: String)
    /// The chain rule through an abstract function of several arguments: the
    /// sum of partials times inner derivatives, written out (`∂z/∂u·u'(x) + …`).
    case severalVariablesChainRule(sum: String)
    /// A derivative of an abstract function applied to the variable itself.
    case abstractFunctionDerivative(String)
    /// The backward pass over data: every list's adjoint is a list too.
    case dataAdjoints(count: Int)
    /// The backward pass's heading when the pieces are numbered after another letter than v.
    case backwardPassNamed(prefix: String)
    // MARK: descent over data rows (`minimize … over rows of`)
    /// The first line: epochs, rows, batch size, steps per epoch, the shuffle's seed.
    case stochasticHeading(epochs: Int, rows: Int, batch: Int, stepsPerEpoch: Int, shuffleSeed: UInt64?)
    /// f over every row at the end point.
    case fullLoss(String)
    /// |∇f| over every row at the end point.
    case fullGradientNorm(String)
    /// The trace table's first column over rows.
    case epochColumn
    /// Diverged (f over all rows not finite, or θ unbounded) in an epoch.
    case stochasticDiverged(epoch: Int, cause: String, rate: String)
    /// Ctrl-C in an epoch.
    case stochasticInterrupted(epoch: Int)
}
