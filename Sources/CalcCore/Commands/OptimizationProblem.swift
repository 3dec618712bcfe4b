// OptimizationProblem — one minimize command's function, made ready once:
// f and its exact gradient compiled together, the Hessian on first need
// (the classification, the rate advice and the step-limit advice all read
// it): its exact entries differentiated and compiled when that is small,
// else central differences of the compiled gradient, so the set-up stays
// near-linear in the size of f; and the judgements the
// report is made of: how a run ended, what kind of point it reached, and
// which rate to try instead.

#if canImport(Glibc)
import Glibc
#endif

final class OptimizationProblem {
    let expr: Expr
    let variables: [String]
    let label: String
    let maximize: Bool
    let gradients: [Expr]
    let f: CompiledProgram
    let g: CompiledProgram
    private let it: Interpreter
    private let command: Optimize
    private let scope: Scope

    init(_ target: (expr: Expr, variables: [String], label: String), interpreter: Interpreter, command: Optimize, scope: Scope) throws {
        expr = target.expr
        variables = target.variables
        label = target.label
        maximize = command.maximize
        it = interpreter
        self.command = command
        self.scope = scope
        let ctx = interpreter.ctx
        let interrupt = interpreter.interrupt
        // Ctrl-C while the gradient is derived or compiled: the `interrupted` error, no run
        var stopped = false
        gradients = variables.map { x in
            let d = Differentiator(ctx, variable: ctx.symbol(x), interrupt: interrupt)
            defer { stopped = stopped || d.interrupted }
            return stopped ? ctx.zero : d.derivative(target.expr)
        }
        if stopped { throw interpreter.interrupted(command.target.range, scope) }
        do {
            f = try Compiler.compile([expr], variables: variables, context: ctx, interrupt: interrupt)
            g = try Compiler.compile(gradients, variables: variables, context: ctx, interrupt: interrupt)
        } catch {
            if error.message == .interrupted { throw interpreter.interrupted(command.target.range, scope) }
            throw interpreter.fail(.typeMismatch, .cannotMinimize(reason: error.message), command.target.range, scope)
        }
    }

    var description: ProblemDescription { ProblemDescription(label: label, variables: variables, maximize: maximize) }

    /// f at a point.
    func value(at p: [Double]) -> Double { f.evaluate(p)[0] }

    // MARK: the Hessian

    /// Most variables the Hessian is formed for (its eigenvalues cost n³).
    static let maxHessianVariables = 200
    /// Largest symbolic Hessian worth building: about n × (∇f's distinct
    /// nodes) × (data length) nodes to differentiate and compile. Above it the
    /// Hessian is taken numerically from the compiled gradient (2n gradient
    /// evaluations per point), which costs no set-up at all.
    static let symbolicHessianBudget = 2_000
    /// Most variables for an exact symbolic Hessian.
    static let maxSymbolicHessianVariables = 8

    /// How the Hessian is computed, decided on first need.
    enum HessianSource {
        /// The exact symbolic entries, row by row, compiled once.
        case symbolic(CompiledProgram)
        /// Central differences of the compiled gradient.
        case numeric
        /// Too many variables, or the entries would not compile.
        case unavailable
    }

    private(set) lazy var hessianSource: HessianSource = {
        let n = variables.count
        guard n <= Self.maxHessianVariables else { return .unavailable }
        // the node estimate below misses how much scalarizing the entries over
        // data costs (17 network weights passed it and took 1.3 s in a debug
        // build), so past a few variables the Hessian is always numeric
        if n > Self.maxSymbolicHessianVariables { return .numeric }
        // distinct nodes of ∇f, over the data's length when it is unrolled
        var seen = Set<ObjectIdentifier>()
        var stack = gradients
        while let e = stack.popLast(), seen.count * n <= Self.symbolicHessianBudget {
            if seen.insert(ObjectIdentifier(e)).inserted { stack.append(contentsOf: e.children) }
        }
        let length = expr.hasData ? max(1, Compiler.dataLength(expr)) : 1
        guard seen.count * n * length <= Self.symbolicHessianBudget else { return .numeric }
        // one differentiator per variable, shared by every row (its memo sees the common parts once)
        var entries: [Expr] = []
        let byVariable = variables.map { Differentiator(it.ctx, variable: it.ctx.symbol($0)) }
        for gi in gradients { for d in byVariable { entries.append(d.derivative(gi)) } }
        guard let prog = try? Compiler.compile(entries, variables: variables, context: it.ctx) else { return .numeric }
        return .symbolic(prog)
    }()

    /// The Hessian at a point: from its exact symbolic entries when small, else
    /// by central differences of the compiled gradient (nil where not finite).
    func hessian(at p: [Double]) -> [[Double]]? {
        let n = variables.count
        switch hessianSource {
        case .unavailable: return nil
        case .symbolic(let prog):
            let flat = prog.evaluate(p)
            guard flat.allSatisfy(\.isFinite) else { return nil }
            return (0..<n).map { i in (0..<n).map { j in 0.5 * (flat[i * n + j] + flat[j * n + i]) } }
        case .numeric:
            return numericHessian(at: p)
        }
    }

    /// ∂²f/∂θᵢ∂θⱼ ≈ (∂f/∂θᵢ(p + hⱼeⱼ) − ∂f/∂θᵢ(p − hⱼeⱼ)) / 2hⱼ, symmetrized.
    /// hⱼ = ε^(1/3)·max(1, |pⱼ|) balances the O(h²) truncation against the
    /// gradient's rounding over 2h, so entries are good to about 10 digits.
    func numericHessian(at p: [Double]) -> [[Double]]? {
        let n = p.count
        guard p.allSatisfy(\.isFinite) else { return nil }
        var columns: [[Double]] = []
        columns.reserveCapacity(n)
        var q = p
        for j in 0..<n {
            let h = 6.0554544523933395e-06 * max(1, abs(p[j]))
            let up = p[j] + h, down = p[j] - h
            q[j] = up
            let gp = g.evaluate(q)
            q[j] = down
            let gm = g.evaluate(q)
            q[j] = p[j]
            let width = up - down
            columns.append((0..<n).map { i in (gp[i] - gm[i]) / width })
        }
        let h = (0..<n).map { i in (0..<n).map { j in 0.5 * (columns[j][i] + columns[i][j]) } }
        return h.allSatisfy { $0.allSatisfy(\.isFinite) } ? h : nil
    }

    /// The largest |eigenvalue| of the Hessian at a point, when positive.
    func lambdaMax(at p: [Double]) -> Double? {
        guard let h = hessian(at: p), let l = symmetricEigenvalues(h).map({ abs($0) }).max(), l > 0 else { return nil }
        return l
    }

    /// What the Hessian's eigenvalues make the point. An eigenvalue counts as zero
    /// below 1e-8·max(1, |λ|max) (rounding in the Hessian's own entries).
    ///
    /// At a stationary point a further test: |∇f| there is small but not zero,
    /// so the true stationary point lies about |H⁻¹∇f| away, and the curvature
    /// found here holds there only if it changes little over that distance.
    /// Curvature λ along a direction where the Hessian changes at rate T
    /// (a third derivative) is told apart from flat only when λ² ≫ |∇f|·T:
    /// `tiny` = 2·√(|∇f|·T), T measured from the exact Hessian at p ± H⁻¹∇f.
    /// This scales with f and with x as the eigenvalues do, so it needs no
    /// fixed constant: x³ stopped at 5.8e-5 (λ = 3.5e-4, T = 6) and x⁴ near 0
    /// are undetermined (for xⁿ, λ² = |∇f|·T·(n−1)/(n−2) ≤ 2·|∇f|·T), while
    /// 1e-5·x² (λ = 2e-5, T = 0) is a minimum. Where the Hessian is not finite
    /// within that distance nothing is confirmed: undetermined too.
    func curvature(at p: [Double], stationary: Bool, tol: Double = 1e-8) -> Curvature? {
        guard let h = hessian(at: p) else { return nil }
        let ev = symmetricEigenvalues(h)
        let scale = max(1, ev.map { abs($0) }.max() ?? 1)
        var tiny = 1e-8 * scale
        var shape: Curvature.Shape
        if ev.contains(where: { abs($0) <= tiny }) { shape = .singular }
        else if ev.allSatisfy({ $0 > 0 }) { shape = .positive }
        else if ev.allSatisfy({ $0 < 0 }) { shape = .negative }
        else { shape = .mixed }
        if stationary, shape != .singular {
            let persists = curvatureSpread(at: p, hessian: h, eigenvalues: ev)
            tiny = max(tiny, persists)
            if ev.contains(where: { abs($0) <= tiny }) { shape = .nearlySingular }
        }
        return Curvature(eigenvalues: ev, tiny: tiny, scale: scale, shape: shape, stationary: stationary)
    }

    /// 2·√(|∇f|·T): the smallest curvature the gradient left at p can tell from
    /// flat (see `curvature`); +∞ when the Hessian is not finite at p ± H⁻¹∇f.
    private func curvatureSpread(at p: [Double], hessian h: [[Double]], eigenvalues ev: [Double]) -> Double {
        let grad = g.evaluate(p)
        guard grad.allSatisfy(\.isFinite) else { return .infinity }
        let gNorm = grad.map { $0 * $0 }.reduce(0, +).squareRoot()
        guard gNorm > 0 else { return 0 }
        guard let delta = solveSymmetric(h, grad) else { return .infinity }
        let dNorm = delta.map { $0 * $0 }.reduce(0, +).squareRoot()
        guard dNorm > 0, dNorm.isFinite else { return .infinity }
        let plus = hessian(at: zip(p, delta).map { $0 + $1 }).map(symmetricEigenvalues)
        let minus = hessian(at: zip(p, delta).map { $0 - $1 }).map(symmetricEigenvalues)
        let rate: Double
        switch (plus, minus) {
        case let (a?, b?): rate = zip(a, b).map { abs($0 - $1) }.max()! / (2 * dNorm)
        case let (a?, nil), let (nil, a?): rate = zip(a, ev).map { abs($0 - $1) }.max()! / dNorm
        case (nil, nil): return .infinity
        }
        return 2 * (gNorm * rate).squareRoot()
    }

    // MARK: advice

    /// The largest curvature at the start and the rates it allows.
    func rateAdvice(at start: [Double], rate: Double, method: Method) -> [Advice] {
        guard let lmax = lambdaMax(at: start) else { return [.trySmallerRate(rate / 10)] }
        let limit = 2 / lmax
        if rate >= limit || method != .gd { return [.curvatureLimit(lambdaMax: lmax, limit: limit), .tryRate(Self.niceRate(1 / lmax))] }
        return [.curvatureLimit(lambdaMax: lmax, limit: limit), .belowLimitTryRate(Self.niceRate(rate / 10))]
    }

    /// What to change when the steps ran out: more steps or a larger rate when
    /// the descent is merely slow; a smaller rate when plain gd sits at the edge
    /// of stability where it stopped (rate·λmax near 2: the iterates bounce
    /// across the valley, as `minimize x^2 from 1 rate 1` does between 1 and -1).
    func stepLimitAdvice(at p: [Double], _ o: MinimizeOptions) -> Advice {
        if o.method == .gd, let lmax = lambdaMax(at: p), o.rate * lmax >= 1.9 {
            return .edgeOfStability(limit: 2 / lmax, rate: Self.niceRate(1 / lmax))
        }
        // below the edge but past 1/λmax: bouncing, and a larger rate is worse
        if o.method == .gd, let bounce = bouncing(at: p, rate: o.rate) { return bounce }
        return .moreSteps(suggestMomentum: o.method == .gd)
    }

    /// Rounds down to 1, 2 or 5 times a power of ten.
    static func niceRate(_ x: Double) -> Double {
        guard x > 0, x.isFinite else { return x }
        let p = Glibc.pow(10, Glibc.floor(Glibc.log10(x)))
        for m in [5.0, 2.0, 1.0] where m * p <= x { return m * p }
        return p
    }

    // MARK: judging runs

    /// A run that stopped at the step limit with f worse than at its start is diverging.
    func grew(_ run: MinimizeRun, _ f0: Double) -> Bool {
        guard run.reason == .stepLimit, f0.isFinite, run.value.isFinite else { return false }
        return maximize ? run.value < f0 : run.value > f0
    }

    /// Where a failed run stood: its last point if finite, else the last checkpoint.
    func reached(_ run: MinimizeRun) -> [Double]? {
        run.point.allSatisfy(\.isFinite) ? run.point : run.lastGood
    }

    /// One run's outcome: its verdict, the end point's curvature, the advice.
    func judge(_ run: MinimizeRun, _ o: MinimizeOptions, start: [Double]) throws -> MinimizeOutcome {
        let verdict: Verdict
        switch run.reason {
        case .converged: verdict = .converged
        case .stepLimit:
            let f0 = value(at: start)
            verdict = grew(run, f0) ? .diverging(startValue: f0) : .stepLimit
        case .interrupted: verdict = .interrupted
        case .diverged(let why): return divergence(run, .minimizer(why), o, start)
        case .notFinite:
            if let d = domainFailure(run) { throw d }
            return divergence(run, .overflow, o, start)
        }
        var curvature: Curvature? = nil
        var advice: [Advice] = []
        if case .diverging = verdict {
            advice = rateAdvice(at: start, rate: o.rate, method: o.method)
        } else {
            // Only convergence (|∇f| ≤ tol) makes the point stationary: a run stopped
            // at the step limit is described by its curvature, never called a minimum,
            // however small |∇f| got (`tol 0` runs included).
            let stationary = run.reason == .converged
            curvature = self.curvature(at: run.point, stationary: stationary, tol: o.tol)
            if run.reason == .stepLimit { advice = [stepLimitAdvice(at: run.point, o)] }
        }
        let plateau = isPlateau(run, curvature, startValue: value(at: start))
        if plateau { advice.append(.tryOtherStarts) }
        var report = SingleDescent(problem: description, run: run, options: o, verdict: verdict, curvature: curvature, advice: advice)
        report.onPlateau = plateau
        return MinimizeOutcome(report: .single(report), value: Self.pointValue(run.point), runs: [run])
    }

    func divergence(_ run: MinimizeRun, _ why: DivergenceCause, _ o: MinimizeOptions, _ start: [Double]) -> MinimizeOutcome {
        // Running off to -∞ (or +∞ when maximizing) is the function's doing, not the rate's.
        let f0 = value(at: start)
        let good = reached(run)
        let fEnd = good.map { value(at: $0) } ?? .nan
        let unbounded = fEnd.isFinite && f0.isFinite && (maximize ? fEnd > f0 + 1 : fEnd < f0 - 1)
        let verdict = Verdict.diverged(why: why, unbounded: unbounded, reachedValue: fEnd, reached: good)
        let advice = unbounded ? [] : rateAdvice(at: start, rate: o.rate, method: o.method)
        let report = SingleDescent(problem: description, run: run, options: o, verdict: verdict, curvature: nil, advice: advice)
        return MinimizeOutcome(report: .single(report), value: Self.pointValue(run.lastGood ?? start), runs: [run])
    }

    /// Finds which operation failed, with the checked evaluator, at the point where a NaN appeared.
    func domainFailure(_ run: MinimizeRun) -> Diagnostic? {
        for p in [run.point, run.lastGood].compactMap({ $0 }) {
            var values: [String: NumericValue] = [:]
            for (v, x) in zip(variables, p) { values[v] = .scalar(x) }
            var ev = Evaluator(context: it.ctx, values: values)
            for e in [expr] + gradients {
                do { _ = try ev.evaluate(e) } catch {
                    let which = e === expr ? "f" : "∇f"
                    let at = it.valueText.point(variables, p)
                    return it.fail(error.isDivisionByZero ? .divisionByZero : .domain,
                                   .cannotEvaluateMidRun(which: which, step: run.failedAt ?? run.steps, reason: error.message),
                                   command.keyword, scope, help: .happenedAt(point: at, expression: error.expression))
                }
            }
        }
        return nil
    }

    /// A kink exactly at the start (abs, relu, sign, step, min/max ties, floor/ceil at an integer).
    func checkDifferentiable(at start: [Double], _ range: SourceRange) throws {
        var values: [String: NumericValue] = [:]
        for (v, x) in zip(variables, start) { values[v] = .scalar(x) }
        var ev = Evaluator(context: it.ctx, values: values)
        var seen = Set<ObjectIdentifier>()
        var stack = [expr]
        while let e = stack.popLast() {
            guard seen.insert(ObjectIdentifier(e)).inserted else { continue }
            stack.append(contentsOf: e.children)
            guard case .call(let f, let args) = e.kind, let kinkTest = f.kinkTest, !e.free.isEmpty, !e.hasData else { continue }
            let values = args.compactMap { (try? ev.evaluate($0))?.scalar }
            if values.count == args.count && kinkTest(values) {
                let point = it.valueText.point(variables, start)
                throw it.fail(.notDifferentiable, .notDifferentiableAtStart(target: label, point: point, piece: "\(e)"),
                              range, scope, help: .startAwayFromKink)
            }
        }
    }

    // MARK: several runs

    func compareRates(_ rates: [Double], _ base: MinimizeOptions, _ m: Minimizer, _ start: [Double]) -> MinimizeOutcome {
        var rows: [RateComparison.Row] = []
        var best: MinimizeRun? = nil
        let f0 = value(at: start)
        for r in rates {
            var o = base
            o.rate = r
            let run = m.run(from: start, o)
            let status: RateComparison.Status
            switch run.reason {
            case .converged: status = .converged
            case .stepLimit: status = grew(run, f0) ? .diverging : .stepLimit
            case .diverged, .notFinite: status = .diverged
            case .interrupted: status = .interrupted
            }
            rows.append(.init(rate: r, run: run, status: status))
            if !status.failed, run.value.isFinite, best == nil || (maximize ? run.value > best!.value : run.value < best!.value) { best = run }
            if run.reason == .interrupted { break }
        }
        let advice = rows.contains { $0.status.failed } ? rateAdvice(at: start, rate: rates.max()!, method: base.method).first : nil
        let report = RateComparison(problem: description, start: start, method: base.method, steps: base.steps,
                                    rows: rows, best: best, advice: advice)
        return MinimizeOutcome(report: .rates(report), value: best.map { Self.pointValue($0.point) } ?? Self.pointValue(start),
                               runs: rows.map(\.run))
    }

    /// The distinct end points of a multi-start, best first; the best marked
    /// and the clearly worse ones named (`MultiStart.clearlyWorse`). After an
    /// interrupt: the starts done so far, grouped, with no Hessian work, so
    /// Ctrl-C returns at once.
    func multiStart(_ runs: [MinimizeRun], _ bounds: [(Double, Double)], _ seed: UInt64, _ o: MinimizeOptions,
                    planned: Int, interrupted: Bool) -> MinimizeOutcome {
        // group end points closer than a small fraction of the box
        let scale = bounds.map { $0.1 - $0.0 }.max() ?? 1
        var groups: [(point: [Double], value: Double, starts: [Int], converged: Int)] = []
        var failed = 0
        for (k, run) in runs.enumerated() {
            guard run.reason == .converged || run.reason == .stepLimit || run.reason == .interrupted, run.value.isFinite else { failed += 1; continue }
            if let i = groups.firstIndex(where: { g in
                zip(g.point, run.point).map { ($0 - $1) * ($0 - $1) }.reduce(0, +).squareRoot() <= 1e-3 * scale
            }) {
                groups[i].starts.append(k + 1)
                if run.reason == .converged { groups[i].converged += 1 }
            } else {
                groups.append((run.point, run.value, [k + 1], run.reason == .converged ? 1 : 0))
            }
        }
        groups.sort { maximize ? $0.value > $1.value : $0.value < $1.value }
        var out = groups.map { g in
            MultiStart.Group(point: g.point, value: g.value, count: g.starts.count,
                             curvature: interrupted ? nil : curvature(at: g.point, stationary: g.converged > 0), starts: g.starts)
        }
        // stuck: converged (|∇f| ≤ tol) at a value clearly worse than the best; a
        // worse end point at the step limit is unfinished, not stuck
        if let best = out.first?.value {
            let stuck = groups.map { $0.converged > 0 && MultiStart.clearlyWorse($0.value, than: best, maximize: maximize) }
            if stuck.contains(true) {
                for i in out.indices where !MultiStart.clearlyWorse(out[i].value, than: best, maximize: maximize) { out[i].standing = .best }
                for i in out.indices where stuck[i] { out[i].standing = .worse }
            }
        }
        var report = MultiStart(problem: description, starts: runs.count, bounds: bounds, seed: seed, rate: o.rate,
                                groups: out, failed: failed)
        report.interrupted = interrupted
        report.planned = planned
        return MinimizeOutcome(report: .multiStart(report), value: groups.first.map { Self.pointValue($0.point) } ?? .tuple([]), runs: runs)
    }

    static func pointValue(_ p: [Double]) -> Value {
        p.count == 1 ? .number(.float(p[0])) : .tuple(p.map { .number(.float($0)) })
    }
}
