// English+Report — the English words of every ReportMessage.

extension Catalogue {
    func english(_ m: ReportMessage) -> String {
        func steps(_ n: Int) -> String { "\(grouped(n)) \(n == 1 ? "step" : "steps")" }
        switch m {
        case .help: return "help"
        case .note: return "note"
        case .severity(let s): return s.rawValue
        case .converged(let n, let g, let tol): return "converged in \(steps(n)): |∇f| = \(g) ≤ tol \(tol)"
        case .stepLimit(let n, let g, let tol):
            return "did not converge: stopped at the step limit (\(steps(n))) with |∇f| = \(g)" + (tol.map { ", above tol \($0)" } ?? "")
        case .interrupted(let n, let g): return "interrupted at step \(grouped(n)): |∇f| = \(g)"
        case .diverging(let n, let from, let to, let rate):
            return "diverging: after \(steps(n)) f went from \(from) to \(to) — the rate \(rate) is too large"
        case .divergedUnbounded(let step, let cause, let maximize, let reached):
            return "diverged at step \(step): \(cause) while f kept \(maximize ? "growing" : "falling") (to \(reached))"
        case .unboundedAlongPath(let label, let maximize):
            return "`\(label)` is unbounded \(maximize ? "above" : "below") along this path: there is no \(maximize ? "maximum" : "minimum") to find"
        case .divergedRateTooLarge(let step, let cause, let rate): return "diverged at step \(step): \(cause) — the rate \(rate) is too large"
        case .reachedBy(let point): return "by then it had reached \(point)"
        case .saddleOrSlope: return "a saddle or a slope sends gradient descent away; try another start or check the function"
        case .overflowed: return "f or ∇f overflowed"
        case .pointUnbounded: return "θ left every bound"
        case .gradientGrew(let from, let to): return "|∇f| grew from \(from) to \(to)"
        case .valueGrew(let f): return "f grew past \(f)"
        case .at(let point): return "at \(point)"
        case .fEquals(let v): return "f = \(v)"
        case .hessianUnavailable: return "Hessian: not available at this point"
        case .hessianEigenvalues(let count, let values, let kind): return "Hessian eigenvalue\(count == 1 ? "" : "s") \(values): \(kind)"
        case .pointKind(let shape, let stationary):
            switch (shape, stationary) {
            case (nil, _): return "not available at this point"
            case (.singular?, true): return "undetermined (the Hessian is singular)"
            case (.singular?, false), (.nearlySingular?, false): return "flat in some direction (not yet a stationary point)"
            case (.nearlySingular?, true): return "undetermined (the Hessian is nearly singular)"
            case (.positive?, true): return "a local minimum"
            case (.positive?, false): return "curving up in every direction (not yet a stationary point)"
            case (.negative?, true): return "a local maximum"
            case (.negative?, false): return "curving down in every direction (not yet a stationary point)"
            case (.mixed?, true): return "a saddle point"
            case (.mixed?, false): return "curving up and down (not yet a stationary point)"
            }
        case .time(let t, let setup): return "time \(t)" + (setup.map { " (set-up \($0))" } ?? "")
        case .eigenvalueCount(let n): return "(\(n) values)"
        case .curvatureLimit(let lmax, let limit):
            return "the curvature at the start is λmax = \(lmax), so gradient descent is stable only for rate < 2/λmax = \(limit)"
        case .tryRate(let r): return "try rate \(r)"
        case .belowLimitTryRate(let r): return "the rate is below that limit at the start, but the curvature grows along the way; try rate \(r)"
        case .trySmallerRate(let r): return "try a smaller rate, e.g. \(r)"
        case .edgeOfStability(let limit, let r):
            return "the rate is at the edge of stability here (2/λmax = \(limit)), so the iterates bounce across the valley; try rate \(r)"
        case .moreSteps(let momentum): return "raise `steps`, or try a larger rate" + (momentum ? " or `method momentum`" : "")
        case .stepColumn: return "step"
        case .rateColumn: return "rate"
        case .resultColumn: return "result"
        case .stepsColumn: return "steps"
        case .endPointColumn: return "end point"
        case .startsColumn: return "starts"
        case .kindColumn: return "kind"
        case .status(let s):
            switch s {
            case .converged: return "converged"
            case .stepLimit: return "step limit"
            case .diverging: return "diverging"
            case .diverged: return "diverged"
            case .interrupted: return "interrupted"
            }
        case .ratesHeading(let start, let method, let steps): return "from \(start), \(method), at most \(steps) steps:"
        case .best(let value, let point): return "best: f = \(value) at \(point)"
        case .multiStartHeading(let starts, let box, let seed, let rate):
            return "\(starts) starts drawn uniformly from \(box) (seed \(seed)), rate \(rate):"
        case .startsFailed(let n): return "\(n) start\(n == 1 ? "" : "s") diverged or left the domain"
        case .explainStep(let k, let x, let e): return "step \(k): d/d\(x) \(e)"
        case .primeOf(let written, let definition): return "\(written) for \(definition)"
        case .partialOf(let x, let e): return "∂/∂\(x) of \(e)"
        case .doesNotDepend(let e, let x): return "\(e) does not depend on \(x), so its derivative is 0"
        case .asAbove: return "(as above)"
        case .chainRule(let outer, let inner): return "chain rule: outer \(outer), inner u = \(inner)"
        case .outer(let rule): return "outer: \(rule)"
        case .ruleOf(let f): return "rule of \(f)"
        case .powerRuleOfVariable: return "power rule: d/dx x^n = n*x^(n-1)"
        case .powerRuleWithChain(let inner): return "power rule with the chain rule, inner u = \(inner)"
        case .productRule: return "product rule: (uv)' = u'v + uv'"
        case .constantMultiple: return "constant multiple: (c·u)' = c·u'"
        case .sumRule: return "sum rule: differentiate term by term"
        case .exponentialRule: return "exponential rule: (a^u)' = a^u·ln(a)·u'"
        case .generalPowerRule: return "general power rule: (b^u)' = b^u·(u'·ln(b) + u·b'/b)"
        case .linearity(let f): return "linearity of \(f): the derivative of a \(f) is the \(f) of the derivatives"
        case .tooManyPieces(let n): return "(the expression has \(n) pieces; the step-by-step numbers are shown for up to 60)"
        case .holdsList: return "(step-by-step numbers are shown for scalar expressions; this one holds a list)"
        case .forwardPass(let values): return "forward pass (values at \(values)):"
        case .backwardPass: return "backward pass (adjoints ∂f/∂v, from the output down):"
        case .theOutput: return "(the output)"
        case .gradient(let vars, let values): return "gradient (\(vars)) = (\(values))"
        case .unnamedData: return "data"
        case .stepAxis: return "step"
        case .lossTitle(let logScale): return "f per step" + (logScale ? " (log scale)" : "")
        case .rateSeries(let r): return "rate \(r)"
        case .descentPathTitle(let target): return "descent path on \(target)"
        case .legendStart: return "start"
        case .legendEnd: return "end"
        case .legendUndefined: return "blank: undefined"
        case .legendLog: return "(log)"
        case .legendLogScale: return "log scale"
        case .wrote(let path): return "wrote \(path)"
        case .wroteReplacing(let path): return "wrote \(path) (replaced)"
        case .undefinedThroughoutRange(let label): return "`\(label)` is undefined throughout the range"
        case .legendPoints: return "data"
        case .plateau(let n, let g, let tol, let value):
            return "stopped on a plateau or at a symmetric point after \(steps(n)): |∇f| = \(g) ≤ tol \(tol), but f = \(value) is not small"
        case .tryOtherStarts:
            return "the gradient vanishes here but f is not small: a flat (saturated) region or a symmetric point, not a minimum; try other starts, e.g. `from random 20 in (…)`"
        case .oscillating(let ratio, let lmax, let limit, let r):
            return "the iterates bounce across the valley: along the steepest direction (λmax = \(lmax)) each step reverses and shrinks only by \(ratio), "
                + "and gradient descent is stable only for rate < 2/λmax = \(limit), so a larger rate would not help; try a smaller rate such as \(r) (1/λmax)"
        case .bestMark: return "← best"
        case .stuckStarts(let list, let n, let total, let best):
            return "\(n == 1 ? "start" : "starts") \(list) (\(n) of \(total)) stopped at a worse value than the best, f = \(best): stuck on a plateau or in a local minimum"
        case .multiStartInterrupted(let done, let planned):
            return "interrupted after \(done) of \(planned) starts: the end points so far (not classified)"
        case .quotientRule(let u, let v): return "quotient rule: (u/v)' = (u'v - uv')/v^2, u = \(u), v = \(v)"
        case .severalVariablesChainRule(let sum): return "chain rule in several variables: \(sum)"
        case .abstractFunctionDerivative(let f): return "\(f) is an unspecified function: its derivative stays written as \(f)'"
        case .backwardPassNamed(let p): return "backward pass (adjoints ∂f/∂\(p), from the output down):"
        case .dataAdjoints(let n): return "(over data: lists of \(n), values and adjoints element by element)"
        case .stochasticHeading(let e, let rows, let b, let k, let seed):
            let kind = b == 1 ? "stochastic gradient descent" : (b == rows ? "full-batch descent" : "mini-batch descent")
            return "\(kind): \(grouped(e)) \(e == 1 ? "epoch" : "epochs") over \(grouped(rows)) rows, batch \(b) (\(steps(k)) an epoch"
                + (seed.map { ", shuffled with seed \($0))" } ?? ")")
        case .fullLoss(let v): return "f = \(v) over all rows"
        case .fullGradientNorm(let g): return "|∇f| = \(g) over all rows"
        case .epochColumn: return "epoch"
        case .stochasticDiverged(let e, let cause, let rate): return "diverged in epoch \(grouped(e)): \(cause) — the rate \(rate) is too large"
        case .stochasticInterrupted(let e): return "interrupted in epoch \(grouped(e))"
        }
    }
}
