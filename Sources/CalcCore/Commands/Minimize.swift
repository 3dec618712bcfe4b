// Minimize — the `minimize` / `maximize` command: checks the target, start
// point and options (each mistake an error at its own position), builds the
// problem (f, its exact gradient and, when a report needs it, its Hessian,
// each compiled once), runs the Minimizer, and judges the outcome:
// converged, stopped at the step limit, diverging or diverged (with the rate
// the start point's curvature allows, η < 2/λmax), a domain error mid-run,
// or interrupted. Several rates run side by side; a random multi-start
// groups the distinct end points; `over rows of (…)` runs batch by batch
// (MinimizeOverRows). The result is data (MinimizeOutcome);
// Rendering/MinimizeText writes the report.

#if canImport(Glibc)
import Glibc
#endif

struct MinimizeCommand {
    let it: Interpreter
    let command: Optimize
    let scope: Scope
    let sampling: (toTerminal: Sampling, toFile: Sampling)

    func run(progress: ((Int, Double, Double) -> Void)?) throws -> MinimizeOutcome {
        let t0 = Minimizer.now()
        if let rows = command.rows { return try runOverRows(rows, startedAt: t0) }
        let target = try self.target()
        var base = MinimizeOptions(rate: 1)
        base.maximize = command.maximize
        var seed: UInt64 = 1
        for opt in command.options { try apply(opt, to: &base, seed: &seed) }
        try checkTraceRows(base)
        let rates = try command.rates.map { node -> Double in
            let r = try it.numberValue(of: node, scope, what: .command(.theRate))
            guard r > 0 && r.isFinite else {
                throw it.fail(.badOption, .rateNotPositive(found: NumberFormat.format(r, digits: 6)), node.range, scope, help: .typicalRates)
            }
            return r
        }
        if case .random = command.start, rates.count > 1 {
            // rate 1,5 with random starts ran rate 1 alone and never said so
            let extra = command.rates[1].range.to(command.rates[command.rates.count - 1].range)
            throw it.fail(.badOption, .severalRatesWithRandomStarts(count: rates.count), extra, scope,
                          help: .oneRatePerMultiStart)
        }
        if let plot = command.plot {
            if case .random = command.start {
                throw it.fail(.badOption, .plotWithRandomStarts, plot.keyword, scope, help: .plotOneStart)
            }
            base.record = true
        }
        let problem = try OptimizationProblem(target, interpreter: it, command: command, scope: scope)
        var minimizer = Minimizer(function: problem.f, gradient: problem.g, interrupt: it.interrupt)
        minimizer.progress = progress

        switch command.start {
        case .point(let p):
            let start = try it.coordinates(p, problem.variables, .start(label: problem.label), scope)
            try problem.checkDifferentiable(at: start, p.range)
            var outcome: MinimizeOutcome
            if rates.count == 1 {
                var opts = base
                opts.rate = rates[0]
                outcome = try problem.judge(minimizer.run(from: start, opts), opts, start: start)
                if case .single(var d) = outcome.report {
                    d.setupSeconds = max(0, Minimizer.now() - t0 - d.run.seconds)
                    outcome.report = .single(d)
                }
            } else {
                outcome = problem.compareRates(rates, base, minimizer, start)
            }
            if let out = command.plot {
                let runs = zip(rates, outcome.runs).map { (rate: $0, run: $1) }
                outcome.figures = DescentPlots(problem: problem, sampling: sampling).figures(runs, several: rates.count > 1, out)
            }
            return outcome
        case .random(let countNode, let box, let range):
            let count = try it.integerValue(of: countNode, scope, what: .command(.numberOfStarts), max: 10_000)
            let bounds = try it.boxBounds(box, problem.variables, label: problem.label, range, scope)
            var rng = SeededRandom(seed: seed)
            var opts = base
            opts.rate = rates[0]
            var runs: [MinimizeRun] = []
            for _ in 0..<count {
                let start = bounds.map { rng.uniform($0.0, $0.1) }
                runs.append(minimizer.run(from: start, opts))
                if it.interrupt.isSet { break }
            }
            // Ctrl-C: the starts done so far, grouped at once (the flag stays set for the caller)
            return problem.multiStart(runs, bounds, seed, opts, planned: count, interrupted: it.interrupt.isSet)
        }
    }

    // MARK: target and options

    /// The function or expression to minimize, with its variables.
    func target() throws -> (expr: Expr, variables: [String], label: String) {
        let verb = command.maximize ? "maximize" : "minimize"
        let t = try it.commandTarget(command.target, scope)
        if let f = t.function {
            guard case .symbolic(let e, _) = t.value else {
                throw it.fail(.noVariables, .targetIgnoresParameters(function: f.name), command.target.range, scope)
            }
            return (e, f.parameters, f.name)
        }
        switch t.value {
        case .symbolic(let e, _):
            guard !e.hasData || Compiler.dataLength(e) >= 0 else { break }
            return (e, t.variables, ASTPrinter.print(command.target))
        case .number:
            let help = boundNames(in: command.target).first.map(CommandMessage.boundNameIsNotVariable) ?? .giveFunctionOrExpression(verb: verb)
            throw it.fail(.noVariables, .targetHasNoVariables, command.target.range, scope, help: help)
        default: break
        }
        throw it.fail(.typeMismatch, .targetNotNumeric(found: t.value.kind), command.target.range, scope, help: .reduceLossOverData)
    }

    /// Names in an expression that are bound to numbers (why a target has no variables).
    func boundNames(in n: Node) -> [String] {
        var out: [String] = []
        func walk(_ n: Node) {
            switch n.kind {
            case .name(let s): if case .number? = it.globals[s] { out.append(s) }
            case .group(let e), .unary(_, let e): walk(e)
            case .power(let a, let b): walk(a); walk(b)
            case .product(let f, let r): walk(f); r.forEach { walk($0.1) }
            case .sum(let f, let r): walk(f); r.forEach { walk($0.1) }
            case .call(_, let args): args.forEach(walk)
            default: break
            }
        }
        walk(n)
        return out
    }

    /// Most rows a trace table (`every k`) may have: it is built in memory
    /// before it is printed, so `every 1` over 10⁸ steps is refused up front.
    static let maxTraceRows = 100_000

    /// Refuses a trace of more than `maxTraceRows` rows (step 0 and every
    /// k-th step up to the limit), pointing at `every` with one that fits.
    func checkTraceRows(_ o: MinimizeOptions) throws {
        guard let k = o.every, k > 0 else { return }
        let rows = o.steps / k + 1
        guard rows > MinimizeCommand.maxTraceRows else { return }
        var node: Node?
        for case .every(let value, _) in command.options { node = value }
        // the smallest k whose table fits, rounded up to 1, 2 or 5 × 10ⁿ
        let least = (o.steps + MinimizeCommand.maxTraceRows - 2) / (MinimizeCommand.maxTraceRows - 1)
        var nice = 1
        while nice < least {
            if nice * 2 >= least { nice *= 2; break }
            if nice * 5 >= least { nice *= 5; break }
            nice *= 10
        }
        throw it.fail(.badOption, .traceTooLong(every: k, steps: o.steps, rows: rows, limit: MinimizeCommand.maxTraceRows),
                      node?.range ?? command.target.range, scope, help: .traceLessOften(every: nice))
    }

    func apply(_ opt: OptimizeOption, to o: inout MinimizeOptions, seed: inout UInt64) throws {
        switch opt {
        case .method(let w, _):
            guard let m = Method(rawValue: w.text) else {
                let all = Method.allCases.map(\.rawValue)
                throw it.fail(.badOption, .unknownMethod(w.text), w.range, scope, help: .methodsAre(suggestion: closestWord(w.text, in: all), all: all))
            }
            o.method = m
        case .steps(let value, _):
            o.steps = try it.integerValue(of: value, scope, what: .evaluation(.quoted("steps")), max: 1_000_000_000)
        case .every(let value, _):
            o.every = try it.integerValue(of: value, scope, what: .evaluation(.quoted("every")), max: 1_000_000_000)
        case .tol(let value, _):
            let t = try it.numberValue(of: value, scope, what: .evaluation(.quoted("tol")))
            guard t >= 0 && t.isFinite else { throw it.fail(.badOption, .tolNegative, value.range, scope, help: .tolHelp) }
            o.tol = t
        case .beta(let value, _):
            let b = try it.numberValue(of: value, scope, what: .evaluation(.quoted("beta")))
            guard b >= 0 && b < 1 else { throw it.fail(.badOption, .betaOutOfRange, value.range, scope, help: .usualMomentum) }
            o.beta = b
        case .seed(let value, _):
            let s = try it.numberValue(of: value, scope, what: .evaluation(.quoted("seed")))
            guard s.isFinite, s == s.rounded(), s >= 0, s < 1e18 else { throw it.fail(.badOption, .seedNotWhole, value.range, scope) }
            seed = UInt64(s)
        case .batch(_, let kw), .epochs(_, let kw), .shuffle(let kw):
            throw it.fail(.badOption, .optionNeedsRows(option: opt.option.rawValue), kw, scope, help: .overRowsUsage)
        }
    }
}
