// Plot — `plot e₁, e₂ from a to b` and `plot f over (x from a to b, y from
// c to d)` (optionally marking data: `with points (xs, ys, labels)`, a
// classifier's prediction map), and the plots of `minimize … plot`: checks the ranges and
// samples the expressions with compiled code (a value outside the domain is
// a gap, not an error). The result is data — the figures and where each
// goes; Rendering/FigureOutput draws them in braille or writes SVG.
// Ctrl-C stops compiling and sampling (the flag is read once per sample,
// far less than a sample costs) with the `interrupted` error, never a plot.

/// A plot and where it goes.
struct Figure {
    enum Kind {
        case line(LinePlot)
        case contour(ContourPlot)
    }
    let kind: Kind
    /// The SVG file to write (and the range of its name, for errors); nil: the terminal.
    let file: (path: String, range: SourceRange)?
    /// Words the renderer puts in (titles, an axis, series names), in the user's language.
    var wording: Wording? = nil

    enum Wording: Equatable {
        /// `minimize … plot`: f per step; with several rates each curve is named by its rate.
        case lossCurve(logScale: Bool, rates: [Double]?)
        /// The descent path on the map of the target.
        case descentPath(target: String)
    }

    /// `descent.svg` → `descent-loss.svg`.
    static func insertSuffix(_ path: String, _ suffix: String) -> String {
        if path.hasSuffix(".svg") { return String(path.dropLast(4)) + suffix + ".svg" }
        return path + suffix
    }
}

/// What a plot command produced.
struct PlotOutcome {
    var figures: [Figure]
    /// Curves that have no finite point in the range.
    var undefined: [String] = []
}

/// How finely to sample: a terminal plot needs no more points than it has
/// dots, and the caller knows the terminal.
struct Sampling {
    let curvePoints: Int
    let mapColumns: Int
    let mapRows: Int
}

struct PlotCommand {
    let it: Interpreter
    let scope: Scope
    let sampling: (toTerminal: Sampling, toFile: Sampling)

    func run(_ p: Plot) throws -> PlotOutcome {
        switch p.domain {
        case .interval(_, let fromNode, let toNode): return try curves(p, fromNode, toNode)
        case .area(let boxes): return try map(p, boxes)
        }
    }

    /// An expression to plot: a function name (its parameters) or an expression (its free names).
    func target(_ node: Node) throws -> (Expr, [String], String) {
        let t = try it.commandTarget(node, scope)
        if let f = t.function {
            guard case .symbolic(let e, _) = t.value else { throw it.fail(.typeMismatch, .cannotPlotFunction(f.name), node.range, scope) }
            return (e, f.parameters, f.signature)
        }
        switch t.value {
        case .number(let n): return (it.ctx.number(n), [], ASTPrinter.print(node))
        case .symbolic(let e, _): return (e, t.variables, ASTPrinter.print(node))
        default:
            throw it.fail(.typeMismatch, .cannotPlot(found: t.value.kind), node.range, scope, help: .plotOneVariable)
        }
    }

    /// The compiled program, or the error: `interrupted` after Ctrl-C, else "cannot plot this".
    func compile(_ outputs: [Expr], variables: [String], _ range: SourceRange) throws -> CompiledProgram {
        do { return try Compiler.compile(outputs, variables: variables, context: it.ctx, interrupt: it.interrupt) } catch {
            if error.message == .interrupted { throw it.interrupted(range, scope) }
            throw it.fail(.typeMismatch, .cannotPlotThis(reason: error.message), range, scope)
        }
    }

    func range(_ lo: Node, _ hi: Node) throws -> (Double, Double) {
        let a = try it.numberValue(of: lo, scope, what: .command(.rangeStart))
        let b = try it.numberValue(of: hi, scope, what: .command(.rangeEnd))
        guard a.isFinite && b.isFinite else {
            throw it.fail(.badRange, .rangeNotFinite, lo.range.to(hi.range), scope)
        }
        guard a < b else {
            let fmt = it.valueText.number
            throw it.fail(.badRange, a == b ? .rangeEmpty(at: fmt(a)) : .rangeReversed(low: fmt(a), high: fmt(b)), lo.range.to(hi.range), scope,
                          help: .smallerBoundFirst(low: fmt(min(a, b)), high: fmt(max(a, b) == min(a, b) ? a + 1 : max(a, b))))
        }
        return (a, b)
    }

    func curves(_ p: Plot, _ fromNode: Node, _ toNode: Node) throws -> PlotOutcome {
        let targets = try p.expressions.map { try target($0) }
        var variable: [String] = []
        for t in targets { for v in t.1 where !variable.contains(v) { variable.append(v) } }
        let all = p.expressions[0].range.to(p.expressions.last!.range)
        if variable.count > 1 {
            throw it.fail(.typeMismatch, .curveNeedsOneVariable(variables: variable), all, scope,
                          help: variable.count == 2 ? .drawAMap(x: variable[0], y: variable[1]) : .bindAllButOne)
        }
        let x = variable.first ?? "x"
        let (a, b) = try range(fromNode, toNode)
        let n = (p.file == nil ? sampling.toTerminal : sampling.toFile).curvePoints
        let xs = (0..<n).map { a + (b - a) * Double($0) / Double(n - 1) }
        var series: [LineSeries] = []
        for (k, t) in targets.enumerated() {
            let prog = try compile([t.0], variables: [x], p.expressions[k].range)
            var ys: [Double] = []
            ys.reserveCapacity(xs.count)
            for x in xs {
                if it.interrupt.isSet { throw it.interrupted(all, scope) }
                ys.append(prog.evaluate([x])[0])
            }
            series.append(LineSeries(label: t.2, xs: xs, ys: ys))
        }
        let undefined = series.filter { $0.drawablePointCount() == 0 }
        if undefined.count == series.count {
            let fmt = it.valueText.number
            throw it.fail(.domain, .undefinedThroughout(labels: series.map(\.label), low: fmt(a), high: fmt(b)), all, scope, help: .noFinitePoint)
        }
        var plot = LinePlot(series: series, xLabel: x, yLabel: "")
        if let points = p.points { plot.marks = try marks(points) }   // a fit's data over its curve
        return PlotOutcome(figures: [Figure(kind: .line(plot), file: p.file.map { ($0.0, $0.1) })], undefined: undefined.map(\.label))
    }

    func map(_ p: Plot, _ boxes: [Box]) throws -> PlotOutcome {
        guard p.expressions.count == 1 else {
            throw it.fail(.typeMismatch, .mapShowsOneFunction, p.expressions[1].range, scope)
        }
        let (e, vars, label) = try target(p.expressions[0])
        guard boxes.count == 2 else {
            throw it.fail(.badRange, .mapNeedsTwoRanges, p.expressions[0].range, scope, help: .mapRangesHelp)
        }
        let names = boxes.map(\.variable.text)
        for v in vars where !names.contains(v) {
            throw it.fail(.badRange, .noRangeFor(v), boxes[0].variable.range.to(boxes[1].high.range), scope,
                          help: .dependsOn(label: label, variables: vars))
        }
        if names[0] == names[1] { throw it.fail(.badRange, .sameVariableTwice, boxes[1].variable.range, scope) }
        let rx = try range(boxes[0].low, boxes[0].high), ry = try range(boxes[1].low, boxes[1].high)
        let prog = try compile([e], variables: names, p.expressions[0].range)
        let sampling = (p.file == nil ? sampling.toTerminal : sampling.toFile)
        let interrupt = it.interrupt
        // once interrupted the rest of the grid is a gap (cheap), and the plot is never made
        let grid = ContourPlot.sampling(x: rx.0...rx.1, y: ry.0...ry.1, nx: sampling.mapColumns, ny: sampling.mapRows) { x, y in
            interrupt.isSet ? .nan : prog.evaluate([x, y])[0]
        }
        if interrupt.isSet { throw it.interrupted(p.expressions[0].range, scope) }
        var plot = ContourPlot(xs: grid.xs, ys: grid.ys, values: grid.values, xLabel: names[0], yLabel: names[1], title: label)
        if let points = p.points {
            // a prediction map: linear shades, so a classifier's 0.5 boundary is mid-ramp
            plot.marks = try marks(points)
            plot.shading = .linear
        }
        guard plot.hasFiniteValues else {
            throw it.fail(.domain, .undefinedThroughoutArea(label), p.expressions[0].range, scope)
        }
        return PlotOutcome(figures: [Figure(kind: .contour(plot), file: p.file.map { ($0.0, $0.1) })])
    }
}

extension PlotCommand {
    /// `with points (xs, ys [, labels])`: lists of numbers of one length.
    func marks(_ points: PlotPoints) throws -> MarkedPoints {
        var lists: [[Double]] = []
        for node in points.lists {
            let v = try it.collapse(try it.eval(node, scope), node.range, scope)
            guard let xs = v.numericList else { throw it.fail(.typeMismatch, .pointsNotNumbers(found: v.kind), node.range, scope) }
            lists.append(xs)
        }
        guard Set(lists.map(\.count)).count == 1 else {
            throw it.fail(.lengthMismatch, .pointsLengths(lists.map(\.count)), points.range, scope)
        }
        return MarkedPoints(xs: lists[0], ys: lists[1], labels: lists.count > 2 ? lists[2] : nil)
    }
}

/// The plots of `minimize … plot`: f per step, and for two variables the path on the map.
struct DescentPlots {
    let problem: OptimizationProblem
    let sampling: (toTerminal: Sampling, toFile: Sampling)

    func figures(_ runs: [(rate: Double, run: MinimizeRun)], several: Bool, _ out: PlotOutput) -> [Figure] {
        var series: [LineSeries] = []
        var all: [Double] = []
        var rates: [Double] = []
        for (rate, run) in runs where !run.values.isEmpty {
            // at most about 2,000 points per curve (every k-th step, and the last);
            // the record kept every step of a short run, every `stride`-th of a long one
            let record = run.values, count = record.steps.last! + 1
            let stride = max(record.stride, max(1, count / 2000) / record.stride * record.stride)
            var idx = record.steps.indices.filter { record.steps[$0] % stride == 0 }
            if idx.last != record.steps.count - 1 { idx.append(record.steps.count - 1) }
            let ys = idx.map { record.values[$0] }
            all += ys.filter(\.isFinite)
            series.append(LineSeries(label: "f", xs: idx.map { Double(record.steps[$0]) }, ys: ys))
            rates.append(rate)
        }
        guard !series.isEmpty else { return [] }
        let twoVariables = problem.variables.count == 2
        // log scale when the positive values span decades (an exact 0 is then a gap)
        let positive = all.filter { $0 > 0 }
        let logY = positive.count * 2 >= all.count && shouldUseLogScale(positive)
        let loss = LinePlot(series: series, xLabel: "", yLabel: "f", logY: logY)
        let file = out.file.map { (path: $0.0, range: $0.1) }
        var figures = [Figure(kind: .line(loss), file: file.map { (twoVariables ? Figure.insertSuffix($0.path, "-loss") : $0.path, $0.range) },
                              wording: .lossCurve(logScale: logY, rates: several ? rates : nil))]
        if twoVariables, let first = runs.first?.run, first.path.count >= 1 {
            let pts = first.path.filter { $0.allSatisfy(\.isFinite) }
            let xs = pts.map { $0[0] }, ys = pts.map { $0[1] }
            if let x0 = xs.min(), let x1 = xs.max(), let y0 = ys.min(), let y1 = ys.max() {
                let mx = max((x1 - x0) * 0.15, 0.5), my = max((y1 - y0) * 0.15, 0.5)
                let sampling = (out.file == nil ? sampling.toTerminal : sampling.toFile)
                let grid = ContourPlot.sampling(x: (x0 - mx)...(x1 + mx), y: (y0 - my)...(y1 + my),
                                                nx: sampling.mapColumns, ny: sampling.mapRows) { x, y in problem.value(at: [x, y]) }
                let map = ContourPlot(xs: grid.xs, ys: grid.ys, values: grid.values, xLabel: problem.variables[0], yLabel: problem.variables[1],
                                      path: zip(xs, ys).map { ($0, $1) })
                figures.append(Figure(kind: .contour(map), file: file, wording: .descentPath(target: problem.label)))
            }
        }
        return figures
    }
}
