// MinimizeText — the report of `minimize` / `maximize`, written from the
// command's outcome (Commands/MinimizeOutcome): the status line, the end
// point, f, the Hessian's verdict, the advice as `help:` lines, the time,
// the trace table, the side-by-side rates and the multi-start groups.
//
// Every sentence a report can say is written here and nowhere else.

struct MinimizeText {
    let text: ValueText

    func render(_ report: MinimizeReport) -> String {
        switch report {
        case .single(let d): return single(d)
        case .rates(let r): return rates(r)
        case .multiStart(let m): return multiStart(m)
        }
    }

    // MARK: one run

    func single(_ d: SingleDescent) -> String {
        let run = d.run, o = d.options, vars = d.problem.variables
        var lines: [String] = []
        let steps = NumberFormat.grouped(run.steps)
        let stepWord = run.steps == 1 ? "step" : "steps"
        switch d.verdict {
        case .converged:
            lines.append("converged in \(steps) \(stepWord): |∇f| = \(text.short(run.gradientNorm)) ≤ tol \(text.short(o.tol))")
        case .stepLimit:
            lines.append("did not converge: stopped at the step limit (\(steps) \(stepWord)) with |∇f| = \(text.short(run.gradientNorm))"
                         + (o.tol > 0 ? ", above tol \(text.short(o.tol))" : ""))
        case .interrupted:
            lines.append("interrupted at step \(steps): |∇f| = \(text.short(run.gradientNorm))")
        case .diverging(let f0):
            lines.append("diverging: after \(steps) \(stepWord) f went from \(text.short(f0)) to \(text.short(run.value)) — the rate \(text.short(o.rate)) is too large")
            lines.append("  at \(text.point(vars, run.point))")
            lines += d.advice.map(advice)
            return traceTable(run.trace, vars) + lines.joined(separator: "\n")
        case .diverged(let why, let unbounded, let fEnd, let reached):
            let step = NumberFormat.grouped(run.failedAt ?? run.steps)
            let maximize = d.problem.maximize
            if unbounded {
                lines = ["diverged at step \(step): \(cause(why)) while f kept \(maximize ? "growing" : "falling") (to \(text.short(fEnd)))",
                         "  `\(d.problem.label)` is unbounded \(maximize ? "above" : "below") along this path: there is no \(maximize ? "maximum" : "minimum") to find"]
                if let good = reached { lines.append("  by then it had reached \(text.point(vars, good))") }
                lines.append("  help: a saddle or a slope sends gradient descent away; try another start or check the function")
            } else {
                lines = ["diverged at step \(step): \(cause(why)) — the rate \(text.short(o.rate)) is too large"]
                if let good = reached { lines.append("  by then it had reached \(text.point(vars, good))") }
                lines += d.advice.map(advice)
            }
            return traceTable(run.trace, vars) + lines.joined(separator: "\n")
        }
        lines.append("  at \(text.point(vars, run.point))")
        lines.append("  f = \(text.number(run.value))")
        lines.append(hessianLine(d.curvature))
        lines += d.advice.map(advice)
        lines.append("  time \(text.duration(run.seconds))")
        return traceTable(run.trace, vars) + lines.joined(separator: "\n")
    }

    /// Why a run diverged, as a clause.
    func cause(_ why: DivergenceCause) -> String {
        switch why {
        case .minimizer(let d): return MinimizeText.divergence(d, text)
        case .overflow: return "f or ∇f overflowed"
        }
    }

    // MARK: the Hessian and advice

    /// "  Hessian eigenvalues 0.4, 1001.6: a local minimum".
    func hessianLine(_ c: Curvature?) -> String {
        guard let c else { return "  Hessian: not available at this point" }
        let ev = c.eigenvalues
        let shown = ev.count <= 8 ? ev.map { text.six(abs($0) < 1e-12 * c.scale ? 0 : $0) }.joined(separator: ", ")
            : "\(text.six(ev.first!)) … \(text.six(ev.last!)) (\(ev.count) values)"
        return "  Hessian eigenvalue\(ev.count == 1 ? "" : "s") \(shown): \(kind(c))"
    }

    /// What kind of point the curvature makes.
    func kind(_ c: Curvature?) -> String {
        guard let c else { return "not available at this point" }
        switch (c.shape, c.stationary) {
        case (.singular, true): return "undetermined (the Hessian is singular)"
        case (.singular, false): return "flat in some direction (not yet a stationary point)"
        case (.positive, true): return "a local minimum"
        case (.positive, false): return "curving up in every direction (not yet a stationary point)"
        case (.negative, true): return "a local maximum"
        case (.negative, false): return "curving down in every direction (not yet a stationary point)"
        case (.mixed, true): return "a saddle point"
        case (.mixed, false): return "curving up and down (not yet a stationary point)"
        }
    }

    func advice(_ a: Advice) -> String {
        switch a {
        case .curvatureLimit(let lmax, let limit):
            return "  the curvature at the start is λmax = \(text.six(lmax)), so gradient descent is stable only for rate < 2/λmax = \(text.six(limit))"
        case .tryRate(let r): return "  help: try rate \(text.six(r))"
        case .belowLimitTryRate(let r):
            return "  help: the rate is below that limit at the start, but the curvature grows along the way; try rate \(text.six(r))"
        case .trySmallerRate(let r): return "  help: try a smaller rate, e.g. \(text.short(r))"
        case .edgeOfStability(let limit, let r):
            return "  help: the rate is at the edge of stability here (2/λmax = \(text.six(limit))), "
                + "so the iterates bounce across the valley; try rate \(text.six(r))"
        case .moreSteps(let momentum):
            return "  help: raise `steps`, or try a larger rate" + (momentum ? " or `method momentum`" : "")
        }
    }

    /// The `every k` table: step, point (or θ when long), f, |∇f|.
    func traceTable(_ rows: [TraceRow], _ vars: [String]) -> String {
        guard !rows.isEmpty else { return "" }
        let cols = ["step"] + (vars.count <= 4 ? vars : ["θ"]) + ["f", "|∇f|"]
        var table: [[String]] = [cols]
        for r in rows {
            let pt = vars.count <= 4 ? r.point.map(text.number) : ["(" + r.point.prefix(3).map(text.number).joined(separator: ", ") + ", …)"]
            table.append([NumberFormat.grouped(r.step)] + pt + [text.number(r.value), text.short(r.gradientNorm)])
        }
        return ValueText.table(table) + "\n"
    }

    // MARK: several runs

    func rates(_ r: RateComparison) -> String {
        var rows: [[String]] = [["rate", "result", "steps", "f", "|∇f|"]]
        for row in r.rows {
            let failed = row.status.failed
            rows.append([text.short(row.rate), status(row.status), NumberFormat.grouped(row.run.failedAt ?? row.run.steps),
                         failed ? "—" : text.number(row.run.value), failed ? "—" : text.short(row.run.gradientNorm)])
        }
        let vars = r.problem.variables
        var out = "from \(text.point(vars, r.start)), \(r.method.rawValue), at most \(NumberFormat.grouped(r.steps)) steps:\n"
        out += ValueText.indentedTable(rows)
        if let best = r.best { out += "\n  best: f = \(text.number(best.value)) at \(text.point(vars, best.point))" }
        if let a = r.advice { out += "\n" + advice(a) }
        return out
    }

    func status(_ s: RateComparison.Status) -> String {
        switch s {
        case .converged: return "converged"
        case .stepLimit: return "step limit"
        case .diverging: return "diverging"
        case .diverged: return "diverged"
        case .interrupted: return "interrupted"
        }
    }

    func multiStart(_ m: MultiStart) -> String {
        let box = zip(m.problem.variables, m.bounds).map { "\($0) ∈ [\(text.number($1.0)), \(text.number($1.1))]" }.joined(separator: ", ")
        var out = "\(m.starts) starts drawn uniformly from \(box) (seed \(m.seed)), rate \(text.short(m.rate)):\n"
        var rows: [[String]] = [["end point", "f", "starts", "kind"]]
        for g in m.groups {
            let pt = g.point.count == 1 ? text.number(g.point[0]) : "(" + g.point.map(text.six).joined(separator: ", ") + ")"
            rows.append([pt, text.six(g.value), "\(g.count)", kind(g.curvature)])
        }
        out += ValueText.indentedTable(rows)
        if m.failed > 0 { out += "\n  \(m.failed) start\(m.failed == 1 ? "" : "s") diverged or left the domain" }
        return out
    }
}
