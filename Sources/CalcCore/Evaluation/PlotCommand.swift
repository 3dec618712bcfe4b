// PlotCommand — `plot e₁, e₂ from a to b`, `plot f over (x from a to b, y from
// c to d)` and the plots of `minimize … plot`: samples the expressions with
// compiled code (a value outside the domain is a gap, not an error), checks
// the ranges, and renders with BraillePlot in the terminal or SVGPlot to a
// file (`… to "file.svg"`), written through the caller's `writeFile`.

extension Interpreter {
    func plot(_ p: Plot, _ scope: Scope) throws -> String {
        switch p.domain {
        case .interval(_, let fromNode, let toNode):
            return try plotCurves(p, fromNode, toNode, scope)
        case .area(let boxes):
            return try plotArea(p, boxes, scope)
        }
    }

    /// An expression to plot: a function name (its parameters) or an expression (its free names).
    func plotTarget(_ node: Node, _ scope: Scope) throws -> (Expr, [String], String) {
        if case .name(let name) = node.kind, case .function(let f)? = scope.locals[name] ?? globals[name] {
            let v = try lower(f, node.range, scope)
            guard case .symbolic(let e, _) = v else { throw error(.typeMismatch, "cannot plot `\(name)`", node.range, scope) }
            return (e, f.parameters, f.signature)
        }
        let v = try collapse(try eval(node, scope), node.range, scope)
        switch v {
        case .number(let n): return (ctx.number(n), [], ASTPrinter.print(node))
        case .symbolic(let e, let vars):
            let free = vars.filter { e.contains(ctx.symbol($0)) }
            return (e, free + ctx.freeNames(e).filter { !free.contains($0) }, ASTPrinter.print(node))
        default:
            throw error(.typeMismatch, "cannot plot \(v.typeName)", node.range, scope,
                        help: "plot expressions of one variable, like `plot sin(x) from 0 to 2π`")
        }
    }

    func plotRange(_ lo: Node, _ hi: Node, _ scope: Scope) throws -> (Double, Double) {
        let a = try numberValue(of: lo, scope, what: "the start of the range")
        let b = try numberValue(of: hi, scope, what: "the end of the range")
        guard a.isFinite && b.isFinite else {
            throw error(.badRange, "the range must be finite", lo.range.to(hi.range), scope)
        }
        guard a < b else {
            throw error(.badRange, a == b ? "the range is empty: it starts and ends at \(fmt(a))" : "the range is reversed: \(fmt(a)) is above \(fmt(b))",
                        lo.range.to(hi.range), scope, help: "write the smaller bound first: `from \(fmt(min(a, b))) to \(fmt(max(a, b) == min(a, b) ? a + 1 : max(a, b)))`")
        }
        return (a, b)
    }

    func plotCurves(_ p: Plot, _ fromNode: Node, _ toNode: Node, _ scope: Scope) throws -> String {
        let targets = try p.expressions.map { try plotTarget($0, scope) }
        var variable: [String] = []
        for t in targets { for v in t.1 where !variable.contains(v) { variable.append(v) } }
        if variable.count > 1 {
            throw error(.typeMismatch, "a curve needs expressions of one variable, but these have \(variable.count): \(variable.joined(separator: ", "))",
                        p.expressions[0].range.to(p.expressions.last!.range), scope,
                        help: variable.count == 2 ? "for two variables draw a map: `plot … over (\(variable[0]) from -2 to 2, \(variable[1]) from -2 to 2)`" : "bind all but one variable first")
        }
        let x = variable.first ?? "x"
        let (a, b) = try plotRange(fromNode, toNode, scope)
        let n = p.file == nil ? max(40, settings.plotWidth * 2) : 600
        let xs = (0..<n).map { a + (b - a) * Double($0) / Double(n - 1) }
        var series: [LineSeries] = []
        for (k, t) in targets.enumerated() {
            let prog: CompiledProgram
            do { prog = try Compiler.compile([t.0], variables: [x], context: ctx) } catch {
                throw self.error(.typeMismatch, "cannot plot this: \(error.message)", p.expressions[k].range, scope)
            }
            let ys = xs.map { prog.evaluate([$0])[0] }
            series.append(LineSeries(label: t.2, xs: xs, ys: ys))
        }
        let undefined = zip(series, p.expressions).filter { $0.0.drawablePointCount() == 0 }
        if undefined.count == series.count {
            throw error(.domain, "\(series.count == 1 ? "`\(series[0].label)` is" : "these are") undefined throughout [\(fmt(a)), \(fmt(b))]",
                        p.expressions[0].range.to(p.expressions.last!.range), scope,
                        help: "no point of the range gives a finite value; try another range")
        }
        let plot = LinePlot(series: series, xLabel: x, yLabel: "")
        var note = undefined.map { "note: `\($0.0.label)` is undefined throughout the range" }.joined(separator: "\n")
        if !note.isEmpty { note = "\n" + note }
        return try output(plot: plot, contour: nil, file: p.file, scope) + note
    }

    func plotArea(_ p: Plot, _ boxes: [Box], _ scope: Scope) throws -> String {
        guard p.expressions.count == 1 else {
            throw error(.typeMismatch, "a map shows one function", p.expressions[1].range, scope)
        }
        let (e, vars, label) = try plotTarget(p.expressions[0], scope)
        guard boxes.count == 2 else {
            throw error(.badRange, "a map needs two ranges, one per variable", p.expressions[0].range, scope,
                        help: "write `over (x from -2 to 2, y from -2 to 2)`")
        }
        let names = boxes.map(\.variable.text)
        for v in vars where !names.contains(v) {
            throw error(.badRange, "no range for `\(v)`", boxes[0].variable.range.to(boxes[1].high.range), scope,
                        help: "`\(label)` depends on \(vars.joined(separator: ", "))")
        }
        if names[0] == names[1] { throw error(.badRange, "the two ranges name the same variable", boxes[1].variable.range, scope) }
        let rx = try plotRange(boxes[0].low, boxes[0].high, scope), ry = try plotRange(boxes[1].low, boxes[1].high, scope)
        let prog: CompiledProgram
        do { prog = try Compiler.compile([e], variables: names, context: ctx) } catch {
            throw self.error(.typeMismatch, "cannot plot this: \(error.message)", p.expressions[0].range, scope)
        }
        let nx = p.file == nil ? max(20, settings.plotWidth - 8) : 80, ny = p.file == nil ? settings.plotHeight * 2 : 80
        let grid = ContourPlot.sampling(x: rx.0...rx.1, y: ry.0...ry.1, nx: nx, ny: ny) { x, y in prog.evaluate([x, y])[0] }
        let plot = ContourPlot(xs: grid.xs, ys: grid.ys, values: grid.values, xLabel: names[0], yLabel: names[1], title: label)
        guard plot.hasFiniteValues else {
            throw error(.domain, "`\(label)` is undefined throughout the area", p.expressions[0].range, scope)
        }
        return try output(plot: nil, contour: plot, file: p.file, scope)
    }

    /// Renders to the terminal, or writes an SVG file and says where.
    func output(plot: LinePlot?, contour: ContourPlot?, file: (String, SourceRange)?, _ scope: Scope, suffix: String = "") throws -> String {
        if let (path, range) = file {
            let target = suffix.isEmpty ? path : Self.insertSuffix(path, suffix)
            let svg = plot.map { SVGPlot().render($0) } ?? contour.map { SVGPlot().render($0) } ?? ""
            guard let writeFile else { throw error(.io, "writing files is not available here", range, scope) }
            if case .failure(let f) = writeFile(target, svg) {
                throw error(.io, "cannot write `\(target)`: \(f.message)", range, scope,
                            help: "check that the folder exists and is writable")
            }
            return "wrote \(target)"
        }
        let r = BraillePlot(width: settings.plotWidth, height: settings.plotHeight, color: settings.color)
        return plot.map { r.render($0) } ?? contour.map { r.render($0) } ?? ""
    }

    static func insertSuffix(_ path: String, _ suffix: String) -> String {
        if path.hasSuffix(".svg") { return String(path.dropLast(4)) + suffix + ".svg" }
        return path + suffix
    }

    /// The plots of `minimize … plot`: f per step, and for two variables the path on the map.
    func descentPlots(_ runs: [(label: String, run: MinimizeRun)], _ t: OptimizationTarget, _ out: PlotOutput, _ scope: Scope) throws -> String {
        var series: [LineSeries] = []
        var all: [Double] = []
        for (label, run) in runs where !run.values.isEmpty {
            // at most about 2,000 points per curve (every k-th step, and the last)
            let stride = max(1, run.values.count / 2000)
            var idx = Array(Swift.stride(from: 0, to: run.values.count, by: stride))
            if idx.last != run.values.count - 1 { idx.append(run.values.count - 1) }
            let ys = idx.map { run.values[$0] }
            all += ys.filter(\.isFinite)
            series.append(LineSeries(label: label, xs: idx.map(Double.init), ys: ys))
        }
        guard !series.isEmpty else { return "" }
        // log scale when the positive values span decades (an exact 0 is then a gap)
        let positive = all.filter { $0 > 0 }
        let logY = positive.count * 2 >= all.count && shouldUseLogScale(positive)
        let loss = LinePlot(series: series, xLabel: "step", yLabel: "f", logY: logY, title: "f per step" + (logY ? " (log scale)" : ""))
        var parts = [try output(plot: loss, contour: nil, file: out.file, scope, suffix: t.variables.count == 2 ? "-loss" : "")]
        if t.variables.count == 2, let first = runs.first?.run, first.path.count >= 1 {
            let pts = first.path.filter { $0.allSatisfy(\.isFinite) }
            let xs = pts.map { $0[0] }, ys = pts.map { $0[1] }
            if let x0 = xs.min(), let x1 = xs.max(), let y0 = ys.min(), let y1 = ys.max() {
                let mx = max((x1 - x0) * 0.15, 0.5), my = max((y1 - y0) * 0.15, 0.5)
                let prog = try? Compiler.compile([t.expr], variables: t.variables, context: ctx)
                if let prog {
                    let nx = out.file == nil ? max(20, settings.plotWidth - 8) : 80, ny = out.file == nil ? settings.plotHeight * 2 : 80
                    let grid = ContourPlot.sampling(x: (x0 - mx)...(x1 + mx), y: (y0 - my)...(y1 + my), nx: nx, ny: ny) { x, y in prog.evaluate([x, y])[0] }
                    let map = ContourPlot(xs: grid.xs, ys: grid.ys, values: grid.values, xLabel: t.variables[0], yLabel: t.variables[1],
                                          path: zip(xs, ys).map { ($0, $1) }, title: "descent path on \(t.label)")
                    parts.append(try output(plot: nil, contour: map, file: out.file, scope))
                }
            }
        }
        return parts.joined(separator: "\n")
    }
}
