// MinimizeText — the report of `minimize` / `maximize`, written from the
// command's outcome (Commands/MinimizeOutcome): the status line, the end
// point, f, the Hessian's verdict, the advice as `help:` lines, the time,
// the trace table, the side-by-side rates and the multi-start groups.
//
// The layout is here; the words come from the catalogue (ReportMessage), so
// the report reads the same in every language calc speaks.

struct MinimizeText {
    let text: ValueText
    var catalogue = Catalogue.english

    func render(_ report: MinimizeReport) -> String {
        switch report {
        case .single(let d): return single(d)
        case .rates(let r): return rates(r)
        case .multiStart(let m): return multiStart(m)
        case .stochastic(let d): return stochastic(d)
        }
    }

    func words(_ m: ReportMessage) -> String { catalogue.text(m) }
    /// An indented line.
    func line(_ m: ReportMessage) -> String { "  " + words(m) }
    /// An indented `help:` line.
    func help(_ m: ReportMessage) -> String { "  " + words(.help) + ": " + words(m) }

    // MARK: one run

    func single(_ d: SingleDescent) -> String {
        let run = d.run, o = d.options, vars = d.problem.variables
        var lines: [String] = []
        let g = text.short(run.gradientNorm)
        switch d.verdict {
        case .converged where d.onPlateau:
            lines.append(words(.plateau(steps: run.steps, gradientNorm: g, tol: text.short(o.tol), value: text.short(run.value))))
        case .converged:
            lines.append(words(.converged(steps: run.steps, gradientNorm: g, tol: text.short(o.tol))))
        case .stepLimit:
            lines.append(words(.stepLimit(steps: run.steps, gradientNorm: g, tol: o.tol > 0 ? text.short(o.tol) : nil)))
        case .interrupted:
            lines.append(words(.interrupted(step: run.steps, gradientNorm: g)))
        case .diverging(let f0):
            lines.append(words(.diverging(steps: run.steps, from: text.short(f0), to: text.short(run.value), rate: text.short(o.rate))))
            lines.append(line(.at(point: text.point(vars, run.point))))
            lines += d.advice.map(advice)
            return traceTable(run.trace, vars) + lines.joined(separator: "\n")
        case .diverged(let why, let unbounded, let fEnd, let reached):
            let step = catalogue.grouped(run.failedAt ?? run.steps)
            let maximize = d.problem.maximize
            if unbounded {
                lines = [words(.divergedUnbounded(step: step, cause: cause(why), maximize: maximize, reached: text.short(fEnd))),
                         line(.unboundedAlongPath(label: d.problem.label, maximize: maximize))]
                if let good = reached { lines.append(line(.reachedBy(point: text.point(vars, good)))) }
                lines.append(help(.saddleOrSlope))
            } else {
                lines = [words(.divergedRateTooLarge(step: step, cause: cause(why), rate: text.short(o.rate)))]
                if let good = reached { lines.append(line(.reachedBy(point: text.point(vars, good)))) }
                lines += d.advice.map(advice)
            }
            return traceTable(run.trace, vars) + lines.joined(separator: "\n")
        }
        lines.append(line(.at(point: text.point(vars, run.point))))
        lines.append(line(.fEquals(text.number(run.value))))
        lines.append(hessianLine(d.curvature))
        lines += d.advice.map(advice)
        lines.append(line(.time(text.duration(run.seconds), setup: d.setupSeconds.map(text.duration))))
        return traceTable(run.trace, vars) + lines.joined(separator: "\n")
    }

    /// Why a run diverged, as a clause.
    func cause(_ why: DivergenceCause) -> String {
        switch why {
        case .minimizer(.pointUnbounded): return words(.pointUnbounded)
        case .minimizer(.gradientGrew(let from, let to)): return words(.gradientGrew(from: text.short(from), to: text.short(to)))
        case .minimizer(.valueGrew(let f)): return words(.valueGrew(text.short(f)))
        case .overflow: return words(.overflowed)
        }
    }

    // MARK: the Hessian and advice

    /// "  Hessian eigenvalues 0.4, 1001.6: a local minimum".
    func hessianLine(_ c: Curvature?) -> String {
        guard let c else { return line(.hessianUnavailable) }
        let ev = c.eigenvalues
        let shown = ev.count <= 8 ? ev.map { text.six(abs($0) < 1e-12 * c.scale ? 0 : $0) }.joined(separator: ", ")
            : "\(text.six(ev.first!)) … \(text.six(ev.last!)) " + words(.eigenvalueCount(ev.count))
        return line(.hessianEigenvalues(count: ev.count, values: shown, kind: kind(c)))
    }

    /// What kind of point the curvature makes.
    func kind(_ c: Curvature?) -> String { words(.pointKind(c?.shape, stationary: c?.stationary ?? false)) }

    func advice(_ a: Advice) -> String {
        switch a {
        case .curvatureLimit(let lmax, let limit): return line(.curvatureLimit(lambdaMax: text.six(lmax), limit: text.six(limit)))
        case .tryRate(let r): return help(.tryRate(text.six(r)))
        case .belowLimitTryRate(let r): return help(.belowLimitTryRate(text.six(r)))
        case .trySmallerRate(let r): return help(.trySmallerRate(text.short(r)))
        case .edgeOfStability(let limit, let r): return help(.edgeOfStability(limit: text.six(limit), rate: text.six(r)))
        case .moreSteps(let momentum): return help(.moreSteps(suggestMomentum: momentum))
        case .oscillating(let ratio, let lmax, let limit, let r):
            return help(.oscillating(ratio: text.short(ratio), lambdaMax: text.six(lmax), limit: text.six(limit), rate: text.six(r)))
        case .tryOtherStarts: return help(.tryOtherStarts)
        }
    }

    /// The `every k` table: step, point (or θ when long), f, |∇f|.
    func traceTable(_ rows: [TraceRow], _ vars: [String], first: ReportMessage = .stepColumn) -> String {
        guard !rows.isEmpty else { return "" }
        let cols = [words(first)] + (vars.count <= 4 ? vars : ["θ"]) + ["f", "|∇f|"]
        var table: [[String]] = [cols]
        for r in rows {
            let pt = vars.count <= 4 ? r.point.map(text.number) : ["(" + r.point.prefix(3).map(text.number).joined(separator: ", ") + ", …)"]
            table.append([catalogue.grouped(r.step)] + pt + [text.number(r.value), text.short(r.gradientNorm)])
        }
        return ValueText.table(table) + "\n"
    }

    // MARK: over data rows

    /// `over rows of (…)`: the heading, the end point, f and |∇f| over all
    /// rows (or how it diverged), the time; the epoch table first.
    func stochastic(_ d: StochasticDescent) -> String {
        let run = d.run, vars = d.problem.variables
        var lines = [words(.stochasticHeading(epochs: d.epochs, rows: d.rows, batch: d.batch, stepsPerEpoch: d.stepsPerEpoch,
                                              shuffleSeed: d.shuffleSeed))]
        switch run.reason {
        case .diverged(let why):
            lines.append(line(.stochasticDiverged(epoch: run.failedAt ?? run.steps, cause: cause(.minimizer(why)), rate: text.short(d.options.rate))))
        case .notFinite:
            lines.append(line(.stochasticDiverged(epoch: run.failedAt ?? run.steps, cause: cause(.overflow), rate: text.short(d.options.rate))))
        case .interrupted:
            lines.append(line(.stochasticInterrupted(epoch: run.steps)))
        case .converged, .stepLimit: break
        }
        if run.reason.isFailure {
            if let good = run.lastGood { lines.append(line(.reachedBy(point: text.point(vars, good)))) }
            lines.append(help(.trySmallerRate(text.short(OptimizationProblem.niceRate(d.options.rate / 10)))))
        } else {
            lines.append(line(.at(point: text.point(vars, run.point))))
            lines.append(line(.fullLoss(text.number(run.value))))
            lines.append(line(.fullGradientNorm(text.short(run.gradientNorm))))
        }
        lines.append(line(.time(text.duration(run.seconds), setup: d.setupSeconds.map(text.duration))))
        return traceTable(run.trace, vars, first: .epochColumn) + lines.joined(separator: "\n")
    }

    // MARK: several runs

    func rates(_ r: RateComparison) -> String {
        var rows: [[String]] = [[words(.rateColumn), words(.resultColumn), words(.stepsColumn), "f", "|∇f|"]]
        for row in r.rows {
            let failed = row.status.failed
            rows.append([text.short(row.rate), words(.status(row.status)), catalogue.grouped(row.run.failedAt ?? row.run.steps),
                         failed ? "—" : text.number(row.run.value), failed ? "—" : text.short(row.run.gradientNorm)])
        }
        let vars = r.problem.variables
        var out = words(.ratesHeading(start: text.point(vars, r.start), method: r.method.rawValue, steps: catalogue.grouped(r.steps))) + "\n"
        out += ValueText.indentedTable(rows)
        if let best = r.best { out += "\n" + line(.best(value: text.number(best.value), point: text.point(vars, best.point))) }
        if let a = r.advice { out += "\n" + advice(a) }
        return out
    }

    func multiStart(_ m: MultiStart) -> String {
        let box = zip(m.problem.variables, m.bounds).map { "\($0) ∈ [\(text.number($1.0)), \(text.number($1.1))]" }.joined(separator: ", ")
        var out = m.interrupted ? words(.multiStartInterrupted(done: m.starts, planned: m.planned)) + "\n" : ""
        out += words(.multiStartHeading(starts: m.starts, box: box, seed: m.seed, rate: text.short(m.rate))) + "\n"
        // the best groups are marked after their kind, only when some group is stuck at a worse value
        let marked = m.groups.contains { $0.standing == .worse }
        var rows: [[String]] = [[words(.endPointColumn), "f", words(.startsColumn), words(.kindColumn)]]
        for g in m.groups {
            let pt = g.point.count == 1 ? text.number(g.point[0]) : "(" + g.point.map(text.six).joined(separator: ", ") + ")"
            let kindText = m.interrupted ? "—" : kind(g.curvature)
            rows.append([pt, text.six(g.value), "\(g.count)", kindText + (marked && g.standing == .best ? "  " + words(.bestMark) : "")])
        }
        out += ValueText.indentedTable(rows)
        if m.failed > 0 { out += "\n" + line(.startsFailed(m.failed)) }
        if marked, let best = m.groups.first {
            let stuck = m.groups.filter { $0.standing == .worse }.flatMap(\.starts).sorted()
            let shown = stuck.prefix(12).map(String.init).joined(separator: ", ") + (stuck.count > 12 ? ", …" : "")
            out += "\n" + line(.stuckStarts(starts: shown, count: stuck.count, of: m.starts, best: text.six(best.value)))
        }
        return out
    }
}
