// Optimize — the `minimize` / `maximize` command: checks the target, start
// point and options (each mistake an error at its own position), compiles f
// and its exact gradient, runs the Minimizer, and diagnoses the outcome:
// converged, stopped at the step limit, diverged (with the rate the start
// point's curvature allows, η < 2/λmax), a domain error mid-run, or
// interrupted. The report ends with the Hessian's eigenvalues at the end
// point and what kind of point it is. Several rates run side by side; a
// random multi-start groups the distinct end points.

#if canImport(Glibc)
import Glibc
#endif

struct OptimizationTarget {
    let expr: Expr
    let variables: [String]
    let label: String           // `f` or the expression's text
}

/// What a run of `minimize` produced: text for the user and the value bound to `ans`.
struct OptimizationOutcome {
    var text: String
    var value: Value
    var runs: [MinimizeRun] = []
}

extension Interpreter {
    func optimize(_ o: Optimize, _ scope: Scope, progress: ((Int, Double, Double) -> Void)?) throws -> OptimizationOutcome {
        let target = try optimizationTarget(o, scope)
        let n = target.variables.count
        var base = MinimizeOptions(rate: 1)
        base.maximize = o.maximize
        var seed: UInt64 = 1
        for opt in o.options { try apply(opt, to: &base, seed: &seed, scope) }
        let rates = try o.rates.map { node -> Double in
            let r = try numberValue(of: node, scope, what: "the rate")
            guard r > 0 && r.isFinite else {
                throw error(.badOption, "the rate must be a positive number, found \(NumberFormat.format(r, digits: 6))", node.range, scope,
                            help: "typical learning rates are 0.001 to 0.1")
            }
            return r
        }
        if o.plot != nil {
            if case .random = o.start {
                throw error(.badOption, "`plot` draws one descent; it does not combine with random starts", o.plot!.keyword, scope,
                            help: "plot one start: `minimize … from (1, 2) rate 0.01 plot`")
            }
            base.record = true
        }

        // the exact gradient, compiled together with f
        let gradientExprs = target.variables.map { Differentiator.derivative(target.expr, by: $0, in: ctx) }
        let f: CompiledProgram, g: CompiledProgram
        do {
            f = try Compiler.compile([target.expr], variables: target.variables, context: ctx)
            g = try Compiler.compile(gradientExprs, variables: target.variables, context: ctx)
        } catch {
            throw self.error(.typeMismatch, "cannot minimize this: \(error.message)", o.target.range, scope)
        }
        var minimizer = Minimizer(function: f, gradient: g, interrupt: interrupt)
        minimizer.progress = progress

        switch o.start {
        case .point(let p):
            let start = try startPoint(p, target, scope)
            try checkDifferentiable(target, at: start, o.start, scope)
            var outcome: OptimizationOutcome
            if rates.count == 1 {
                var opts = base
                opts.rate = rates[0]
                let run = minimizer.run(from: start, opts)
                outcome = try report(run, opts, target, gradientExprs, start, o, scope)
            } else {
                outcome = try compareRates(rates, base, minimizer, start, target, gradientExprs, o, scope)
            }
            if let out = o.plot {
                let labelled = zip(rates, outcome.runs).map { (rates.count == 1 ? "f" : "rate \(short($0))", $1) }
                let plots = try descentPlots(labelled, target, out, scope)
                if !plots.isEmpty { outcome.text += "\n" + plots }
            }
            return outcome
        case .random(let countNode, let box, let range):
            let count = try integerValue(of: countNode, scope, what: "the number of starts", max: 10_000)
            let bounds = try boxBounds(box, target, range, scope)
            var rng = SeededRandom(seed: seed)
            var opts = base
            opts.rate = rates[0]
            var runs: [(start: [Double], run: MinimizeRun)] = []
            for _ in 0..<count {
                let start = bounds.map { rng.uniform($0.0, $0.1) }
                runs.append((start, minimizer.run(from: start, opts)))
                if interrupt.isSet { break }
            }
            return multiStartReport(runs, bounds, count, seed, opts, target, gradientExprs, scope)
        }
    }

    // MARK: target, start, options

    func optimizationTarget(_ o: Optimize, _ scope: Scope) throws -> OptimizationTarget {
        let verb = o.maximize ? "maximize" : "minimize"
        if case .name(let name) = o.target.kind, case .function(let fn)? = scope.locals[name] ?? globals[name] {
            guard case .symbolic(let e, _) = try lower(fn, o.target.range, scope) else {
                throw error(.noVariables, "`\(name)` does not depend on its parameters", o.target.range, scope)
            }
            return OptimizationTarget(expr: e, variables: fn.parameters, label: name)
        }
        let v = try collapse(try eval(o.target, scope), o.target.range, scope)
        switch v {
        case .symbolic(let e, let vars):
            let free = vars.filter { e.contains(ctx.symbol($0)) }
            let rest = ctx.freeNames(e).filter { !free.contains($0) }
            guard !e.hasData || Compiler.dataLength(e) >= 0 else { break }
            return OptimizationTarget(expr: e, variables: free + rest, label: ASTPrinter.print(o.target))
        case .number:
            var help = "give a function name (`\(verb) f from …`) or an expression with unbound names, like `x^2 + y^2`"
            if let bound = boundNames(in: o.target).first {
                help = "`\(bound)` has a value, so it is not a variable here; use a function `f(\(bound)) = …` or `:clear \(bound)`"
            }
            throw error(.noVariables, "the target has no free variables", o.target.range, scope, help: help)
        default: break
        }
        throw error(.typeMismatch, "the target must be a number-valued function or expression, found \(v.typeName)", o.target.range, scope,
                    help: "a loss over data reduces its list with `mean(…)` or `sum(…)`")
    }

    /// Names in an expression that are bound to numbers (why a target has no variables).
    func boundNames(in n: Node) -> [String] {
        var out: [String] = []
        func walk(_ n: Node) {
            switch n.kind {
            case .name(let s): if case .number? = globals[s] { out.append(s) }
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

    func numberValue(of node: Node, _ scope: Scope, what: String) throws -> Double {
        let v = try collapse(try eval(node, scope), node.range, scope)
        guard case .number(let x) = v else {
            throw error(.badOption, "\(what) must be a number, found \(v.typeName)", node.range, scope)
        }
        return x.double
    }

    func integerValue(of node: Node, _ scope: Scope, what: String, max: Int) throws -> Int {
        let x = try numberValue(of: node, scope, what: what)
        guard x.isFinite, x == x.rounded(), x >= 1 else {
            throw error(.badOption, "\(what) must be a positive whole number, found \(NumberFormat.format(x, digits: 6))", node.range, scope)
        }
        guard x <= Double(max) else {
            throw error(.limit, "\(what) is limited to \(NumberFormat.grouped(max))", node.range, scope)
        }
        return Int(x)
    }

    func apply(_ opt: OptimizeOption, to o: inout MinimizeOptions, seed: inout UInt64, _ scope: Scope) throws {
        let name = opt.name.text
        switch name {
        case "method":
            let w = opt.word!
            guard let m = Method(rawValue: w.text) else {
                let all = Method.allCases.map(\.rawValue)
                throw error(.badOption, "unknown method `\(w.text)`", w.range, scope,
                            help: (closestWord(w.text, in: all).map { "did you mean `\($0)`? " } ?? "") + "methods are " + all.joined(separator: ", "))
            }
            o.method = m
        case "steps":
            o.steps = try integerValue(of: opt.value!, scope, what: "`steps`", max: 1_000_000_000)
        case "every":
            o.every = try integerValue(of: opt.value!, scope, what: "`every`", max: 1_000_000_000)
        case "tol":
            let t = try numberValue(of: opt.value!, scope, what: "`tol`")
            guard t >= 0 && t.isFinite else {
                throw error(.badOption, "`tol` must be zero or a positive number", opt.value!.range, scope,
                            help: "`tol 0` runs every step; the default is 1e-8")
            }
            o.tol = t
        case "beta":
            let b = try numberValue(of: opt.value!, scope, what: "`beta`")
            guard b >= 0 && b < 1 else {
                throw error(.badOption, "`beta` must be at least 0 and below 1", opt.value!.range, scope, help: "0.9 is the usual momentum")
            }
            o.beta = b
        case "seed":
            let s = try numberValue(of: opt.value!, scope, what: "`seed`")
            guard s.isFinite, s == s.rounded(), s >= 0, s < 1e18 else {
                throw error(.badOption, "`seed` must be a whole number ≥ 0", opt.value!.range, scope)
            }
            seed = UInt64(s)
        default: break
        }
    }

    func startPoint(_ p: Point, _ t: OptimizationTarget, _ scope: Scope) throws -> [Double] {
        let vars = t.variables
        let describe = "`\(t.label)` has \(vars.count) variable\(vars.count == 1 ? "" : "s") (\(vars.joined(separator: ", ")))"
        switch p {
        case .positional(let node):
            let v = try collapse(try eval(node, scope), node.range, scope)
            var coords: [Double] = []
            switch v {
            case .number(let x): coords = [x.double]
            case .tuple(let xs):
                for x in xs {
                    guard case .number(let c) = x else {
                        throw error(.badStart, "the start point's coordinates must be numbers, found \(x.typeName)", node.range, scope)
                    }
                    coords.append(c.double)
                }
            default:
                throw error(.badStart, "the start point must be a number or a tuple, found \(v.typeName)", node.range, scope,
                            help: "write `from (1, 2)` or `from (x = 1, y = 2)`")
            }
            guard coords.count == vars.count else {
                throw error(.badStart, "the start point has \(coords.count) coordinate\(coords.count == 1 ? "" : "s") but \(describe)",
                            node.range, scope, help: "give one value per variable: `from (\(vars.map { "\($0) = …" }.joined(separator: ", ")))`")
            }
            for c in coords where !c.isFinite {
                throw error(.badStart, "the start point must be finite", node.range, scope)
            }
            return coords
        case .named(let items, let range):
            var values: [String: Double] = [:]
            for (name, node) in items {
                guard vars.contains(name.text) else {
                    throw error(.badStart, "`\(name.text)` is not a variable of `\(t.label)`", name.range, scope,
                                help: "its variables are \(vars.joined(separator: ", "))")
                }
                let x = try numberValue(of: node, scope, what: "`\(name.text)`")
                guard x.isFinite else { throw error(.badStart, "the start point must be finite", node.range, scope) }
                values[name.text] = x
            }
            if let missing = vars.first(where: { values[$0] == nil }) {
                throw error(.badStart, "no start value for `\(missing)`", range, scope, help: describe)
            }
            return vars.map { values[$0]! }
        }
    }

    func boxBounds(_ box: [Box], _ t: OptimizationTarget, _ range: SourceRange, _ scope: Scope) throws -> [(Double, Double)] {
        var bounds: [String: (Double, Double)] = [:]
        for b in box {
            guard t.variables.contains(b.variable.text) else {
                throw error(.badStart, "`\(b.variable.text)` is not a variable of `\(t.label)`", b.variable.range, scope,
                            help: "its variables are \(t.variables.joined(separator: ", "))")
            }
            let lo = try numberValue(of: b.low, scope, what: "the lower bound"), hi = try numberValue(of: b.high, scope, what: "the upper bound")
            guard lo.isFinite, hi.isFinite, lo < hi else {
                throw error(.badRange, "the range of `\(b.variable.text)` must go from a smaller to a larger finite number", b.low.range.to(b.high.range), scope)
            }
            bounds[b.variable.text] = (lo, hi)
        }
        if let missing = t.variables.first(where: { bounds[$0] == nil }) {
            throw error(.badStart, "no range for `\(missing)`", range, scope,
                        help: "give every variable a range: (\(t.variables.map { "\($0) from -5 to 5" }.joined(separator: ", ")))")
        }
        return t.variables.map { bounds[$0]! }
    }

    /// A kink exactly at the start (abs, relu, sign, step, min/max ties, floor/ceil at an integer).
    func checkDifferentiable(_ t: OptimizationTarget, at start: [Double], _ s: StartPoint, _ scope: Scope) throws {
        var values: [String: NumericValue] = [:]
        for (v, x) in zip(t.variables, start) { values[v] = .scalar(x) }
        var ev = Evaluator(context: ctx, values: values)
        var seen = Set<ObjectIdentifier>()
        var stack = [t.expr]
        while let e = stack.popLast() {
            guard seen.insert(ObjectIdentifier(e)).inserted else { continue }
            stack.append(contentsOf: e.children)
            guard case .call(let f, let args) = e.kind, let kinkTest = f.kinkTest, !e.free.isEmpty, !e.hasData else { continue }
            let values = args.compactMap { (try? ev.evaluate($0))?.scalar }
            if values.count == args.count && kinkTest(values) {
                let point = formatPoint(t.variables, start)
                var r = scope.file.scalars.isEmpty ? SourceRange.none : SourceRange.none
                if case .point(let p) = s { r = p.range }
                throw error(.notDifferentiable, "`\(t.label)` is not differentiable at the start point \(point): `\(e)` has a kink there",
                            r, scope, help: "start a little away from it, e.g. shift a coordinate by 0.1")
            }
        }
    }

    // MARK: reports

    func fmt(_ x: Double) -> String { NumberFormat.format(x, digits: settings.digits) }
    func short(_ x: Double) -> String { NumberFormat.format(x, digits: 3) }

    func formatPoint(_ vars: [String], _ p: [Double]) -> String {
        if vars.count == 1 { return "\(vars[0]) = \(fmt(p[0]))" }
        let shown = vars.count <= 8 ? p.map(fmt) : p.prefix(6).map(fmt) + ["…"] + [fmt(p.last!)]
        let names = vars.count <= 8 ? vars.joined(separator: ", ") : "\(vars[0]), …, \(vars.last!)"
        return "(\(names)) = (\(shown.joined(separator: ", ")))"
    }

    func pointValue(_ p: [Double]) -> Value {
        p.count == 1 ? .number(.float(p[0])) : .tuple(p.map { .number(.float($0)) })
    }

    func formatTime(_ s: Double) -> String {
        if s < 1e-3 { return "\(short(s * 1e6)) µs" }
        if s < 1 { return "\(short(s * 1e3)) ms" }
        return "\(short(s)) s"
    }

    /// The Hessian at a point, numerically from its exact symbolic entries.
    func hessian(_ grads: [Expr], _ vars: [String], at p: [Double]) -> [[Double]]? {
        guard vars.count <= 200 else { return nil }
        var entries: [Expr] = []
        for gi in grads { for v in vars { entries.append(Differentiator.derivative(gi, by: v, in: ctx)) } }
        guard let prog = try? Compiler.compile(entries, variables: vars, context: ctx) else { return nil }
        let flat = prog.evaluate(p)
        let n = vars.count
        guard flat.allSatisfy(\.isFinite) else { return nil }
        return (0..<n).map { i in (0..<n).map { j in 0.5 * (flat[i * n + j] + flat[j * n + i]) } }
    }

    /// "Hessian eigenvalues 0.4, 1001.6: a local minimum".
    /// An eigenvalue counts as zero below max(1e-8, √tol)·max(1, |λ|max): where |∇f| ≤ tol is
    /// all we know, curvature that small cannot be told apart from flat (x⁴ at its minimum).
    func classify(_ grads: [Expr], _ vars: [String], at p: [Double], stationary: Bool, tol: Double = 1e-8) -> String {
        guard let h = hessian(grads, vars, at: p) else { return "  Hessian: not available at this point" }
        let ev = symmetricEigenvalues(h)
        let scale = max(1, ev.map { abs($0) }.max() ?? 1)
        let tiny = max(1e-8, tol > 0 ? tol.squareRoot() : 0) * scale
        let shown = ev.count <= 8 ? ev.map { NumberFormat.format(abs($0) < 1e-12 * scale ? 0 : $0, digits: 6) }.joined(separator: ", ")
            : "\(NumberFormat.format(ev.first!, digits: 6)) … \(NumberFormat.format(ev.last!, digits: 6)) (\(ev.count) values)"
        let kind: String
        if ev.contains(where: { abs($0) <= tiny }) { kind = stationary ? "undetermined (the Hessian is singular)" : "flat in some direction (not yet a stationary point)" }
        else if ev.allSatisfy({ $0 > 0 }) { kind = stationary ? "a local minimum" : "curving up in every direction (not yet a stationary point)" }
        else if ev.allSatisfy({ $0 < 0 }) { kind = stationary ? "a local maximum" : "curving down in every direction (not yet a stationary point)" }
        else { kind = stationary ? "a saddle point" : "curving up and down (not yet a stationary point)" }
        return "  Hessian eigenvalue\(ev.count == 1 ? "" : "s") \(shown): \(kind)"
    }

    /// The largest curvature at the start and the rates it allows.
    func rateAdvice(_ grads: [Expr], _ vars: [String], at p: [Double], rate: Double, method: Method) -> [String] {
        guard let h = hessian(grads, vars, at: p) else { return ["  help: try a smaller rate, e.g. \(short(rate / 10))"] }
        let ev = symmetricEigenvalues(h)
        guard let lmax = ev.map({ abs($0) }).max(), lmax > 0 else { return ["  help: try a smaller rate, e.g. \(short(rate / 10))"] }
        let limit = 2 / lmax
        var lines = ["  the curvature at the start is λmax = \(NumberFormat.format(lmax, digits: 6)), so gradient descent is stable only for rate < 2/λmax = \(NumberFormat.format(limit, digits: 6))"]
        if rate >= limit || method != .gd {
            lines.append("  help: try rate \(NumberFormat.format(Self.niceRate(1 / lmax), digits: 6))")
        } else {
            lines.append("  help: the rate is below that limit at the start, but the curvature grows along the way; try rate \(NumberFormat.format(Self.niceRate(rate / 10), digits: 6))")
        }
        return lines
    }

    /// What to change when the steps ran out: more steps or a larger rate when
    /// the descent is merely slow; a smaller rate when plain gd sits at the edge
    /// of stability where it stopped (rate·λmax near 2: the iterates bounce
    /// across the valley, as `minimize x^2 from 1 rate 1` does between 1 and -1).
    func stepLimitAdvice(_ grads: [Expr], _ vars: [String], at p: [Double], _ o: MinimizeOptions) -> String {
        if o.method == .gd, let h = hessian(grads, vars, at: p),
           let lmax = symmetricEigenvalues(h).map({ abs($0) }).max(), lmax > 0, o.rate * lmax >= 1.9 {
            return "  help: the rate is at the edge of stability here (2/λmax = \(NumberFormat.format(2 / lmax, digits: 6))), "
                + "so the iterates bounce across the valley; try rate \(NumberFormat.format(Self.niceRate(1 / lmax), digits: 6))"
        }
        return "  help: raise `steps`, or try a larger rate" + (o.method == .gd ? " or `method momentum`" : "")
    }

    /// Rounds down to 1, 2 or 5 times a power of ten.
    static func niceRate(_ x: Double) -> Double {
        guard x > 0, x.isFinite else { return x }
        let p = Glibc.pow(10, Glibc.floor(Glibc.log10(x)))
        for m in [5.0, 2.0, 1.0] where m * p <= x { return m * p }
        return p
    }

    func traceTable(_ rows: [TraceRow], _ vars: [String]) -> String {
        guard !rows.isEmpty else { return "" }
        let cols = ["step"] + (vars.count <= 4 ? vars : ["θ"]) + ["f", "|∇f|"]
        var table: [[String]] = [cols]
        for r in rows {
            let pt = vars.count <= 4 ? r.point.map(fmt) : ["(" + r.point.prefix(3).map(fmt).joined(separator: ", ") + ", …)"]
            table.append([NumberFormat.grouped(r.step)] + pt + [fmt(r.value), short(r.gradientNorm)])
        }
        return renderTable(table) + "\n"
    }

    func renderTable(_ rows: [[String]]) -> String {
        var widths = [Int](repeating: 0, count: rows.map(\.count).max() ?? 0)
        for r in rows { for (i, c) in r.enumerated() { widths[i] = max(widths[i], c.count) } }
        return rows.map { r in
            r.enumerated().map { i, c in
                i == r.count - 1 ? c : c + String(repeating: " ", count: widths[i] - c.count)
            }.joined(separator: "  ")
        }.joined(separator: "\n")
    }

    func report(_ run: MinimizeRun, _ o: MinimizeOptions, _ t: OptimizationTarget, _ grads: [Expr], _ start: [Double],
                _ cmd: Optimize, _ scope: Scope) throws -> OptimizationOutcome {
        var lines: [String] = []
        let steps = NumberFormat.grouped(run.steps)
        let stepWord = run.steps == 1 ? "step" : "steps"
        switch run.reason {
        case .converged:
            lines.append("converged in \(steps) \(stepWord): |∇f| = \(short(run.gradientNorm)) ≤ tol \(short(o.tol))")
        case .stepLimit:
            let f0 = value(t, at: start)
            if grew(run, o, f0) {
                lines.append("diverging: after \(steps) \(stepWord) f went from \(short(f0)) to \(short(run.value)) — the rate \(short(o.rate)) is too large")
                lines.append("  at \(formatPoint(t.variables, run.point))")
                lines += rateAdvice(grads, t.variables, at: start, rate: o.rate, method: o.method)
                let text = traceTable(run.trace, t.variables) + lines.joined(separator: "\n")
                return OptimizationOutcome(text: text, value: pointValue(run.point), runs: [run])
            }
            lines.append("did not converge: stopped at the step limit (\(steps) \(stepWord)) with |∇f| = \(short(run.gradientNorm))" + (o.tol > 0 ? ", above tol \(short(o.tol))" : ""))
        case .interrupted:
            lines.append("interrupted at step \(steps): |∇f| = \(short(run.gradientNorm))")
        case .diverged(let why):
            return divergence(run, why, o, t, grads, start)
        case .notFinite:
            if let d = domainFailure(run, t, grads, cmd, scope) { throw d }
            return divergence(run, "f or ∇f overflowed", o, t, grads, start)
        }
        lines.append("  at \(formatPoint(t.variables, run.point))")
        lines.append("  f = \(fmt(run.value))")
        let stationary = run.reason == .converged || run.gradientNorm <= max(o.tol, 1e-6)
        lines.append(classify(grads, t.variables, at: run.point, stationary: stationary, tol: o.tol))
        if run.reason == .stepLimit {
            lines.append(stepLimitAdvice(grads, t.variables, at: run.point, o))
        }
        lines.append("  time \(formatTime(run.seconds))")
        let text = traceTable(run.trace, t.variables) + lines.joined(separator: "\n")
        return OptimizationOutcome(text: text, value: pointValue(run.point), runs: [run])
    }

    func divergence(_ run: MinimizeRun, _ why: String, _ o: MinimizeOptions, _ t: OptimizationTarget, _ grads: [Expr], _ start: [Double]) -> OptimizationOutcome {
        // Running off to -∞ (or +∞ when maximizing) is the function's doing, not the rate's.
        let f0 = (try? Compiler.compile([t.expr], variables: t.variables, context: ctx))?.evaluate(start)[0] ?? .nan
        let fEnd = reached(run).flatMap { (try? Compiler.compile([t.expr], variables: t.variables, context: ctx))?.evaluate($0)[0] } ?? .nan
        let improving = fEnd.isFinite && f0.isFinite && (o.maximize ? fEnd > f0 + 1 : fEnd < f0 - 1)
        var lines: [String]
        if improving {
            lines = ["diverged at step \(NumberFormat.grouped(run.failedAt ?? run.steps)): \(why) while f kept \(o.maximize ? "growing" : "falling") (to \(short(fEnd)))",
                     "  `\(t.label)` is unbounded \(o.maximize ? "above" : "below") along this path: there is no \(o.maximize ? "maximum" : "minimum") to find"]
            if let good = reached(run) { lines.append("  by then it had reached \(formatPoint(t.variables, good))") }
            lines.append("  help: a saddle or a slope sends gradient descent away; try another start or check the function")
        } else {
            lines = ["diverged at step \(NumberFormat.grouped(run.failedAt ?? run.steps)): \(why) — the rate \(short(o.rate)) is too large"]
            if let good = reached(run) { lines.append("  by then it had reached \(formatPoint(t.variables, good))") }
            lines += rateAdvice(grads, t.variables, at: start, rate: o.rate, method: o.method)
        }
        let text = traceTable(run.trace, t.variables) + lines.joined(separator: "\n")
        return OptimizationOutcome(text: text, value: pointValue(run.lastGood ?? start), runs: [run])
    }

    /// f at a point, through the compiled function (NaN if it cannot be compiled).
    func value(_ t: OptimizationTarget, at p: [Double]) -> Double {
        (try? Compiler.compile([t.expr], variables: t.variables, context: ctx))?.evaluate(p)[0] ?? .nan
    }

    /// A run that stopped at the step limit with f worse than at its start is diverging.
    func grew(_ run: MinimizeRun, _ o: MinimizeOptions, _ f0: Double) -> Bool {
        guard run.reason == .stepLimit, f0.isFinite, run.value.isFinite else { return false }
        return o.maximize ? run.value < f0 : run.value > f0
    }

    /// Where a failed run stood: its last point if finite, else the last checkpoint.
    func reached(_ run: MinimizeRun) -> [Double]? {
        run.point.allSatisfy(\.isFinite) ? run.point : run.lastGood
    }

    /// Finds which operation failed, with the checked evaluator, at the point where a NaN appeared.
    func domainFailure(_ run: MinimizeRun, _ t: OptimizationTarget, _ grads: [Expr], _ cmd: Optimize, _ scope: Scope) -> Diagnostic? {
        for p in [run.point, run.lastGood].compactMap({ $0 }) {
            var values: [String: NumericValue] = [:]
            for (v, x) in zip(t.variables, p) { values[v] = .scalar(x) }
            var ev = Evaluator(context: ctx, values: values)
            for e in [t.expr] + grads {
                do { _ = try ev.evaluate(e) } catch {
                    let which = e === t.expr ? "f" : "∇f"
                    return self.error(error.isDivisionByZero ? .divisionByZero : .domain,
                                      "\(which) cannot be evaluated at step \(NumberFormat.grouped(run.failedAt ?? run.steps)): \(error.message)",
                                      cmd.keyword, scope,
                                      help: "it happened at \(formatPoint(t.variables, p)), in `\(error.expression)`; a smaller rate or another start may stay inside the domain")
                }
            }
        }
        return nil
    }

    func compareRates(_ rates: [Double], _ base: MinimizeOptions, _ m: Minimizer, _ start: [Double], _ t: OptimizationTarget,
                      _ grads: [Expr], _ cmd: Optimize, _ scope: Scope) throws -> OptimizationOutcome {
        var rows: [[String]] = [["rate", "result", "steps", "f", "|∇f|"]]
        var runs: [MinimizeRun] = []
        var best: MinimizeRun? = nil
        let f0 = value(t, at: start)
        for r in rates {
            var o = base
            o.rate = r
            let run = m.run(from: start, o)
            runs.append(run)
            let status: String
            switch run.reason {
            case .converged: status = "converged"
            case .stepLimit: status = grew(run, o, f0) ? "diverging" : "step limit"
            case .diverged, .notFinite: status = "diverged"
            case .interrupted: status = "interrupted"
            }
            let failed = status == "diverged" || status == "diverging"
            rows.append([short(r), status, NumberFormat.grouped(run.failedAt ?? run.steps),
                         failed ? "—" : fmt(run.value), failed ? "—" : short(run.gradientNorm)])
            if !failed, run.value.isFinite, best == nil || (base.maximize ? run.value > best!.value : run.value < best!.value) { best = run }
            if run.reason == .interrupted { break }
        }
        var text = "from \(formatPoint(t.variables, start)), \(base.method.rawValue), at most \(NumberFormat.grouped(base.steps)) steps:\n"
        text += renderTable(rows).split(separator: "\n").map { "  " + $0 }.joined(separator: "\n")
        if let best {
            text += "\n  best: f = \(fmt(best.value)) at \(formatPoint(t.variables, best.point))"
        }
        if runs.contains(where: { if case .diverged = $0.reason { return true }; return $0.reason == .notFinite || grew($0, base, f0) }) {
            text += "\n" + rateAdvice(grads, t.variables, at: start, rate: rates.max()!, method: base.method)[0]
        }
        return OptimizationOutcome(text: text, value: best.map { pointValue($0.point) } ?? pointValue(start), runs: runs)
    }

    func multiStartReport(_ runs: [(start: [Double], run: MinimizeRun)], _ bounds: [(Double, Double)], _ count: Int, _ seed: UInt64,
                          _ o: MinimizeOptions, _ t: OptimizationTarget, _ grads: [Expr], _ scope: Scope) -> OptimizationOutcome {
        // group end points closer than a small fraction of the box
        let scale = bounds.map { $0.1 - $0.0 }.max() ?? 1
        var groups: [(point: [Double], value: Double, count: Int, converged: Int)] = []
        var failed = 0
        for (_, run) in runs {
            guard run.reason == .converged || run.reason == .stepLimit || run.reason == .interrupted, run.value.isFinite else { failed += 1; continue }
            if let k = groups.firstIndex(where: { g in
                zip(g.point, run.point).map { ($0 - $1) * ($0 - $1) }.reduce(0, +).squareRoot() <= 1e-3 * scale
            }) {
                groups[k].count += 1
                if run.reason == .converged { groups[k].converged += 1 }
            } else {
                groups.append((run.point, run.value, 1, run.reason == .converged ? 1 : 0))
            }
        }
        groups.sort { o.maximize ? $0.value > $1.value : $0.value < $1.value }
        let box = zip(t.variables, bounds).map { "\($0) ∈ [\(fmt($1.0)), \(fmt($1.1))]" }.joined(separator: ", ")
        var text = "\(runs.count) starts drawn uniformly from \(box) (seed \(seed)), rate \(short(o.rate)):\n"
        var rows: [[String]] = [["end point", "f", "starts", "kind"]]
        for g in groups {
            let pt = g.point.count == 1 ? fmt(g.point[0]) : "(" + g.point.map { NumberFormat.format($0, digits: 6) }.joined(separator: ", ") + ")"
            let kind = classify(grads, t.variables, at: g.point, stationary: g.converged > 0)
                .replacingOccurrences(of: "  Hessian eigenvalues ", with: "").split(separator: ":").last.map { String($0.dropFirst()) } ?? ""
            rows.append([pt, NumberFormat.format(g.value, digits: 6), "\(g.count)", kind])
        }
        text += renderTable(rows).split(separator: "\n").map { "  " + $0 }.joined(separator: "\n")
        if failed > 0 { text += "\n  \(failed) start\(failed == 1 ? "" : "s") diverged or left the domain" }
        let value = groups.first.map { pointValue($0.point) } ?? .tuple([])
        return OptimizationOutcome(text: text, value: value, runs: runs.map(\.run))
    }
}

extension String {
    func replacingOccurrences(of target: String, with replacement: String) -> String {
        guard !target.isEmpty else { return self }
        var out = ""
        var rest = Substring(self)
        while let r = rest.range(of: target) {
            out += rest[..<r.lowerBound] + replacement
            rest = rest[r.upperBound...]
        }
        return out + rest
    }
}

extension Substring {
    func range(of target: String) -> Range<Substring.Index>? {
        guard !target.isEmpty, count >= target.count else { return nil }
        var i = startIndex
        while i < endIndex {
            if self[i...].hasPrefix(target) { return i..<index(i, offsetBy: target.count) }
            i = index(after: i)
        }
        return nil
    }
}
