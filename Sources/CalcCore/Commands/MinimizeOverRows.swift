// MinimizeOverRows — `minimize L from θ₀ over rows of (xs, ys) batch b
// epochs E rate η [shuffle] [seed S]`: stochastic (b = 1) and mini-batch
// gradient descent over the rows of data lists.
//
// One epoch is one pass over the rows in batches of b rows (the last may be
// smaller); `shuffle` reorders the rows each epoch with SeededRandom, so a
// seed reproduces a run exactly. Each batch step is θ ← θ − η·∇L_batch(θ)
// (or the momentum, nesterov or adam update on that gradient), L_batch being
// L with every list named in `rows of` cut down to the batch's rows
// (BatchEvaluator). After each epoch the loss over ALL rows is taken: it is
// what the trace (`every k` epochs), the plot and the divergence test read.
// The run comes back as a MinimizeRun whose steps are epochs, so the loss
// plot is drawn as for any descent.

extension MinimizeCommand {
    /// Runs the descent over rows (the command has `over rows of (…)`).
    func runOverRows(_ rows: RowsClause, startedAt t0: Double) throws -> MinimizeOutcome {
        let target = try self.target()
        var base = MinimizeOptions(rate: 1)
        base.maximize = command.maximize
        var seed: UInt64 = 1
        var batchNode: Node? = nil, epochsNode: Node? = nil, shuffle = false
        for opt in command.options {
            switch opt {
            case .batch(let n, _): batchNode = n
            case .epochs(let n, _): epochsNode = n
            case .shuffle: shuffle = true
            case .steps(_, let kw), .tol(_, let kw):
                throw it.fail(.badOption, .optionNotOverRows(option: opt.option.rawValue), kw, scope, help: .epochsNotSteps)
            default: try apply(opt, to: &base, seed: &seed)
            }
        }
        if command.rates.count > 1 {
            let extra = command.rates[1].range.to(command.rates[command.rates.count - 1].range)
            throw it.fail(.badOption, .severalRatesOverRows(count: command.rates.count), extra, scope, help: .oneRunOverRows)
        }
        guard case .point(let p) = command.start else {
            if case .random(_, _, let range) = command.start {
                throw it.fail(.badOption, .randomStartsOverRows, range, scope, help: .oneRunOverRows)
            }
            fatalError("unreachable: a start is a point or random starts")
        }
        let rate = try it.numberValue(of: command.rates[0], scope, what: .command(.theRate))
        guard rate > 0 && rate.isFinite else {
            throw it.fail(.badOption, .rateNotPositive(found: NumberFormat.format(rate, digits: 6)), command.rates[0].range, scope,
                          help: .typicalRates)
        }
        base.rate = rate
        // the data lists: each name a data list of the loss, all of one length
        let lists = BatchEvaluator.dataLists(in: target.expr)
        var count: (name: Name, rows: Int)? = nil
        for name in rows.names {
            guard let list = lists.first(where: { $0.name == name.text }) else {
                throw it.fail(.badOption, .notADataList(name: name.text), name.range, scope, help: .dataListsOfLoss(lists.map(\.name)))
            }
            if let first = count, first.rows != list.count {
                var d = it.fail(.badOption, .rowsLengthsDiffer(first: first.name.text, firstCount: first.rows, second: name.text,
                                                               secondCount: list.count), name.range, scope, help: .sameLengthRows)
                d.labels = [Diagnostic.Label(range: first.name.range, text: .command(.listHasRows(name: first.name.text, count: first.rows)))]
                throw d
            }
            if count == nil { count = (name, list.count) }
        }
        let n = count?.rows ?? 0
        guard let epochsNode else {
            throw it.fail(.badOption, .epochsMissing, rows.range, scope, help: .epochsExample)
        }
        let epochs = try withHelp(.epochsExample) {
            try it.integerValue(of: epochsNode, scope, what: .evaluation(.quoted("epochs")), max: 100_000_000)
        }
        var batch = 1
        if let batchNode {
            batch = try withHelp(.batchHelp(rows: n)) {
                try it.integerValue(of: batchNode, scope, what: .evaluation(.quoted("batch")), max: 1_000_000_000)
            }
            guard batch <= n else {
                throw it.fail(.badOption, .batchExceedsRows(batch: batch, rows: n), batchNode.range, scope, help: .batchHelp(rows: n))
            }
        }
        base.steps = epochs
        try checkTraceRows(base)
        if command.plot != nil { base.record = true }

        let problem = try OptimizationProblem(target, interpreter: it, command: command, scope: scope)
        let start = try it.coordinates(p, problem.variables, .start(label: problem.label), scope)
        try problem.checkDifferentiable(at: start, p.range)
        let evaluator = BatchEvaluator(context: it.ctx, gradients: problem.gradients, variables: problem.variables,
                                       rowNames: Set(rows.names.map(\.text)), rowCount: n,
                                       fullLoss: problem.f, fullGradient: problem.g, interrupt: it.interrupt)
        var rng = shuffle ? SeededRandom(seed: seed) : nil
        let run: MinimizeRun
        do {
            run = try descend(evaluator, from: start, base, batch: batch, epochs: epochs, shuffle: &rng)
        } catch {
            if error.message == .interrupted { throw it.interrupted(command.target.range, scope) }
            throw it.fail(.typeMismatch, .cannotMinimize(reason: error.message), command.target.range, scope)
        }
        if run.reason == .notFinite, let d = problem.domainFailure(run) { throw d }
        var report = StochasticDescent(problem: problem.description, run: run, options: base, epochs: epochs, rows: n,
                                       batch: batch, shuffleSeed: shuffle ? seed : nil)
        report.setupSeconds = max(0, Minimizer.now() - t0 - run.seconds)
        var outcome = MinimizeOutcome(report: .stochastic(report),
                                      value: OptimizationProblem.pointValue(run.reason.isFailure ? (run.lastGood ?? start) : run.point),
                                      runs: [run])
        if let out = command.plot {
            outcome.figures = DescentPlots(problem: problem, sampling: sampling).figures([(rate: rate, run: run)], several: false, out)
        }
        return outcome
    }

    /// Adds a help line to a diagnostic thrown by `body`.
    func withHelp<T>(_ help: CommandMessage, _ body: () throws -> T) throws -> T {
        do { return try body() } catch var d as Diagnostic {
            if d.helpText.isEmpty { d.helpText = [.command(help)] }
            throw d
        }
    }

    /// The epochs: batch steps over the (shuffled) rows, then the loss over
    /// all rows. Stops early when θ, ∇L_batch or the full loss stop being
    /// finite, when the loss grows past 1e12·max(1, |L(θ₀)|), or on Ctrl-C.
    func descend(_ ev: BatchEvaluator, from start: [Double], _ o: MinimizeOptions, batch: Int, epochs: Int,
                 shuffle rng: inout SeededRandom?) throws(CompileError) -> MinimizeRun {
        let t0 = Minimizer.now()
        let n = ev.rowCount
        let sign: Double = o.maximize ? -1 : 1
        var theta = start, lastGood = start
        var step = DescentStep(method: o.method, rate: o.rate, beta: o.beta, maximize: o.maximize, count: start.count)
        var order = Array(0..<n)
        var trace: [TraceRow] = [], values = StepRecord(), path: [[Double]] = []
        let pathStride = max(1, epochs / 4000)
        let f0 = ev.loss(at: start)
        let bound = Swift.max(1e12, Swift.abs(f0) * 1e12)
        func norm(_ g: [Double]) -> Double { g.map { $0 * $0 }.reduce(0, +).squareRoot() }
        func record(_ epoch: Int, _ f: Double) {
            if o.record {
                values.append(step: epoch, value: f)
                if epoch % pathStride == 0 { path.append(theta) }
            }
            if let k = o.every, epoch % k == 0 {
                trace.append(TraceRow(step: epoch, point: theta, value: f, gradientNorm: norm(ev.fullGradient(at: theta))))
            }
        }
        func finish(_ reason: StopReason, _ epoch: Int) -> MinimizeRun {
            let failed = reason.isFailure
            let g = ev.fullGradient(at: theta)
            return MinimizeRun(reason: reason, steps: epoch, point: theta, value: ev.loss(at: theta), gradient: g,
                               gradientNorm: norm(g), seconds: Minimizer.now() - t0, trace: trace, values: values.finished(),
                               path: path, failedAt: failed ? epoch : nil, lastGood: failed ? lastGood : nil)
        }
        record(0, f0)
        if !f0.isFinite { return finish(.notFinite, 0) }
        var epoch = 0
        while epoch < epochs {
            epoch += 1
            if rng != nil {
                // Fisher–Yates with the seeded generator: one order per epoch
                for i in stride(from: n - 1, to: 0, by: -1) {
                    let j = Int(rng!.next() % UInt64(i + 1))
                    order.swapAt(i, j)
                }
            }
            var first = 0
            while first < n {
                let rows = order[first..<Swift.min(first + batch, n)].sorted()
                first += batch
                let g = try ev.gradient(at: theta, rows: rows)
                guard g.allSatisfy(\.isFinite) else { return finish(.notFinite, epoch) }
                let largest = step.apply(&theta, g)
                if !(largest <= 1e150) { return finish(.diverged(.pointUnbounded), epoch) }
            }
            let f = ev.loss(at: theta)
            if !f.isFinite { return finish(.notFinite, epoch) }
            if f * sign > bound { return finish(.diverged(.valueGrew(to: f)), epoch) }
            lastGood = theta
            record(epoch, f)
            if it.interrupt.isSet { return finish(.interrupted, epoch) }
        }
        return finish(.stepLimit, epoch)
    }
}
