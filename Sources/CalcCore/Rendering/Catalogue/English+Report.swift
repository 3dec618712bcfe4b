// English+Report — the English words of every ReportMessage.

extension Catalogue {
    func english(_ m: ReportMessage) -> String {
        func steps(_ n: Int) -> String { "\(NumberFormat.grouped(n)) \(n == 1 ? "step" : "steps")" }
        switch m {
        case .help: return "help"
        case .note: return "note"
        case .converged(let n, let g, let tol): return "converged in \(steps(n)): |∇f| = \(g) ≤ tol \(tol)"
        case .stepLimit(let n, let g, let tol):
            return "did not converge: stopped at the step limit (\(steps(n))) with |∇f| = \(g)" + (tol.map { ", above tol \($0)" } ?? "")
        case .interrupted(let n, let g): return "interrupted at step \(NumberFormat.grouped(n)): |∇f| = \(g)"
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
        case .at(let point): return "at \(point)"
        case .fEquals(let v): return "f = \(v)"
        case .hessianUnavailable: return "Hessian: not available at this point"
        case .hessianEigenvalues(let count, let values, let kind): return "Hessian eigenvalue\(count == 1 ? "" : "s") \(values): \(kind)"
        case .pointKind(let shape, let stationary):
            switch (shape, stationary) {
            case (nil, _): return "not available at this point"
            case (.singular?, true): return "undetermined (the Hessian is singular)"
            case (.singular?, false): return "flat in some direction (not yet a stationary point)"
            case (.positive?, true): return "a local minimum"
            case (.positive?, false): return "curving up in every direction (not yet a stationary point)"
            case (.negative?, true): return "a local maximum"
            case (.negative?, false): return "curving down in every direction (not yet a stationary point)"
            case (.mixed?, true): return "a saddle point"
            case (.mixed?, false): return "curving up and down (not yet a stationary point)"
            }
        case .time(let t): return "time \(t)"
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
        case .wrote(let path): return "wrote \(path)"
        case .undefinedThroughoutRange(let label): return "`\(label)` is undefined throughout the range"
        }
    }
}
