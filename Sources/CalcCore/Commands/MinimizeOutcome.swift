// MinimizeOutcome — what `minimize` / `maximize` found, as data.
//
// The command judges a run (converged, step limit, diverging, diverged,
// interrupted), reads the Hessian at the end point (its eigenvalues and
// what kind of point they make it), and works out advice (a rate the
// curvature allows, more steps). None of it is text: Rendering/MinimizeText
// writes the report from these values, so a translation or another output
// form plugs in there, and tests can ask what the command concluded
// without parsing sentences.

/// What a minimize command produced: the report and the value bound to `ans`.
struct MinimizeOutcome {
    var report: MinimizeReport
    var value: Value
    var runs: [MinimizeRun]
    /// The plots `… plot` asked for (the loss curve, the path on the map).
    var figures: [Figure] = []
}

enum MinimizeReport {
    case single(SingleDescent)
    case rates(RateComparison)
    case multiStart(MultiStart)
    case stochastic(StochasticDescent)
}

/// What the problem is, as the report names it.
struct ProblemDescription {
    let label: String
    let variables: [String]
    let maximize: Bool
}

/// One descent from one start with one rate.
struct SingleDescent {
    let problem: ProblemDescription
    let run: MinimizeRun
    let options: MinimizeOptions
    let verdict: Verdict
    /// The Hessian at the end point (converged, step limit, interrupted).
    let curvature: Curvature?
    let advice: [Advice]
    /// The command's time outside the steps: compiling f, ∇f and the Hessian
    /// (over data: unrolling it), the classification, the advice. Said apart
    /// from the steps' time, which alone would hide a slow set-up.
    var setupSeconds: Double? = nil
    /// Converged where the gradient vanishes but f is not small and the
    /// Hessian shows no minimum (`OptimizationProblem.isPlateau`): a flat,
    /// saturated region or a symmetric point; the report says so.
    var onPlateau = false
}

/// How a run ended, as the command judges it.
enum Verdict {
    case converged
    case stepLimit
    /// The step limit came with f worse than at the start.
    case diverging(startValue: Double)
    case interrupted
    /// θ, f or ∇f stopped being finite or f grew without bound.
    /// `unbounded`: f kept improving meanwhile (to `reachedValue`): the function has no minimum there.
    case diverged(why: DivergenceCause, unbounded: Bool, reachedValue: Double, reached: [Double]?)
}

/// Why a run diverged, as the report says it.
enum DivergenceCause {
    /// What the Minimizer saw (`StopReason.diverged`).
    case minimizer(Divergence)
    /// f or ∇f overflowed, though every operation was inside its domain.
    case overflow
}

/// What the Hessian's eigenvalues say about a point.
struct Curvature {
    let eigenvalues: [Double]
    /// Below this an eigenvalue counts as zero.
    let tiny: Double
    /// max(1, |λ|max): eigenvalues below 1e-12 of it print as 0.
    let scale: Double
    let shape: Shape
    /// Whether |∇f| is small enough to call the point stationary.
    let stationary: Bool

    enum Shape {
        /// Some eigenvalue is (numerically) zero.
        case singular
        /// At a stationary point, some eigenvalue is too small for the gradient
        /// left there to tell from zero (x³ near 0): nearly singular.
        case nearlySingular
        case positive
        case negative
        case mixed
    }
}

/// What to try next.
enum Advice {
    /// The Hessian at the start gives the curvature λmax and the stable rates.
    case curvatureLimit(lambdaMax: Double, limit: Double)
    case tryRate(Double)
    /// The rate was below 2/λmax at the start, yet the run failed: the curvature grows along the way.
    case belowLimitTryRate(Double)
    /// No curvature is known: just a smaller rate.
    case trySmallerRate(Double)
    /// At the step limit on the edge of stability (rate·λmax ≈ 2): the iterates bounce.
    case edgeOfStability(limit: Double, rate: Double)
    /// At the step limit but slow: more steps, a larger rate, or momentum.
    case moreSteps(suggestMomentum: Bool)
    /// At the step limit, plain gd bouncing across a valley below the edge:
    /// the step along the top eigenvector reverses every step, shrinking by
    /// `ratio` (measured from extra steps; 1 − rate·λmax on a quadratic), so
    /// a larger rate cannot help; `rate` = 1/λmax stops the bouncing.
    case oscillating(ratio: Double, lambdaMax: Double, limit: Double, rate: Double)
    /// Converged on a plateau or at a symmetric point: try other starts.
    case tryOtherStarts
}

/// `rate a, b, c`: the same start with each rate.
struct RateComparison {
    let problem: ProblemDescription
    let start: [Double]
    let method: Method
    let steps: Int
    let rows: [Row]
    let best: MinimizeRun?
    /// The first line of the rate advice when some rate failed.
    let advice: Advice?

    struct Row {
        let rate: Double
        let run: MinimizeRun
        let status: Status
    }
    enum Status {
        case converged, stepLimit, diverging, diverged, interrupted
        var failed: Bool { self == .diverged || self == .diverging }
    }
}

/// `from random N in (…)`: distinct end points, grouped.
struct MultiStart {
    let problem: ProblemDescription
    let starts: Int
    let bounds: [(Double, Double)]
    let seed: UInt64
    let rate: Double
    let groups: [Group]
    /// Starts that diverged or left the domain.
    let failed: Int
    /// Ctrl-C stopped the starts after `starts` of `planned`; the groups are
    /// those done so far, unclassified (no Hessian work after an interrupt).
    var interrupted = false
    var planned = 0

    struct Group {
        let point: [Double]
        let value: Double
        let count: Int
        let curvature: Curvature?
        /// Which starts (1-based, in the order drawn) ended here.
        var starts: [Int] = []
        /// Marked only when some group is stuck: `best` (f within
        /// `clearlyWorse` of the best value found), `worse` (converged, so
        /// |∇f| ≤ tol, at a clearly worse f: stuck), or neither (`alone`:
        /// stopped at the step limit at a worse f, merely unfinished).
        var standing: Standing = .alone
    }

    enum Standing { case alone, best, worse }

    /// A group is clearly worse than the best when its f exceeds the best by
    /// more than 1e-6·max(1, |best|) (Himmelblau's four minima, all 0 up to
    /// 1e-18, are equally good: nothing is marked then).
    static func clearlyWorse(_ value: Double, than best: Double, maximize: Bool) -> Bool {
        let gap = maximize ? best - value : value - best
        return gap > 1e-6 * max(1, abs(best))
    }
}

/// `over rows of (…)`: one descent, batch by batch, over the data's rows.
/// `run.steps` counts epochs; its trace rows and recorded values are per
/// epoch, with f and |∇f| over all the rows.
struct StochasticDescent {
    let problem: ProblemDescription
    let run: MinimizeRun
    let options: MinimizeOptions
    let epochs: Int
    let rows: Int
    let batch: Int
    /// The seed when the rows were shuffled each epoch.
    let shuffleSeed: UInt64?
    var setupSeconds: Double? = nil

    /// Batch steps in one epoch (the last batch may be smaller).
    var stepsPerEpoch: Int { (rows + batch - 1) / batch }
}
