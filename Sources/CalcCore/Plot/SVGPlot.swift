// SVGPlot — the same plots as BraillePlot, as standalone SVG 1.1 files.
//
// The output is a complete document (XML declaration, `svg` root with xmlns,
// width, height and viewBox) that any browser shows as is. Its parts carry
// classes so that tests (and curious readers) can find them:
//
//   line plots     `grid` lines at the ticks, the `axis x-axis`/`axis y-axis`
//                  lines, `tick` marks and `tick-label` texts, `x-label`,
//                  `y-label`, `title`, one `<path class="series">` per curve
//                  (M/L commands, one per drawn sample; a gap starts a new
//                  subpath, an isolated sample also gets a small circle), and
//                  a `legend` to the right of the plot.
//   contour plots  the grid as `<rect>` cells coloured along a viridis-like
//                  ramp (runs of equal colour merged), white `isolines`, the
//                  `descent-path` with a dot per iterate (up to 300), its
//                  `start` and `end` as circles, and a `colorbar`.
//
// Coordinates carry at most two decimals. Curves are clipped to the plot
// area in data space, so no coordinate is ever huge; undefined cells are
// light grey. All text is escaped for XML.

public struct SVGPlot: Sendable {
    public var width: Int
    public var height: Int
    /// The legend's words.
    public var words: PlotWords

    public init(width: Int = 720, height: Int = 440, words: PlotWords = PlotWords()) {
        self.width = width
        self.height = height
        self.words = words
    }

    /// Series colours (Okabe–Ito, readable by colour-blind people), in order.
    public static let palette = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#F0E442"]

    /// Samples of the viridis colour map, low to high.
    static let rampAnchors: [(Int, Int, Int)] = [
        (0x44, 0x01, 0x54), (0x48, 0x28, 0x78), (0x3E, 0x49, 0x89), (0x31, 0x68, 0x8E), (0x26, 0x82, 0x8E),
        (0x1F, 0x9E, 0x89), (0x35, 0xB7, 0x79), (0x6D, 0xCD, 0x59), (0xB4, 0xDE, 0x2C), (0xFD, 0xE7, 0x25),
    ]

    /// The ramp colour at t in [0, 1], interpolated between the anchors.
    static func rampColor(_ t: Double) -> (Int, Int, Int) {
        let x = Swift.min(1, Swift.max(0, t.isFinite ? t : 0)) * Double(rampAnchors.count - 1)
        let i = Swift.min(rampAnchors.count - 2, Int(x))
        let f = x - Double(i)
        let a = rampAnchors[i], b = rampAnchors[i + 1]
        func mix(_ u: Int, _ v: Int) -> Int { Int((Double(u) + (Double(v) - Double(u)) * f).rounded()) }
        return (mix(a.0, b.0), mix(a.1, b.1), mix(a.2, b.2))
    }

    static func hex(_ c: (Int, Int, Int)) -> String {
        let digits = Array("0123456789abcdef")
        var s = "#"
        for v in [c.0, c.1, c.2] { s.append(digits[(v >> 4) & 15]); s.append(digits[v & 15]) }
        return s
    }

    /// Text and attribute values safe inside XML: `& < > " '` escaped,
    /// control characters XML 1.0 does not allow dropped.
    public static func escape(_ s: String) -> String {
        var out = ""
        for u in s.unicodeScalars {
            switch u {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            default:
                if u.value < 0x20 && u != "\t" && u != "\n" && u != "\r" { continue }
                if u.value == 0xFFFE || u.value == 0xFFFF { continue }
                out.unicodeScalars.append(u)
            }
        }
        return out
    }

    // Text metrics (sans-serif at 12 px), for layout only.
    static let fontSize = 12.0
    static let charWidth = 7.0

    /// The plot area in pixels.
    struct Frame {
        var x0: Double, y0: Double, x1: Double, y1: Double
        func x(_ u: Double) -> Double { x0 + u * (x1 - x0) }
        func y(_ v: Double) -> Double { y1 - v * (y1 - y0) }
    }

    /// The plot area inside a W×H picture: room above for the title, below
    /// for the x label, left for the y tick labels (as wide as the widest) and
    /// the y label, and `right` for a legend or colour bar; with the y ticks.
    /// The most y ticks a W×H picture shows: one per 40 units of the plot area's height.
    static func yTickCount(_ H: Double, title: String?, xLabel: String) -> Int {
        let top = (title ?? "").isEmpty ? 20.0 : 40.0
        let bottom = 30.0 + (xLabel.isEmpty ? 0 : 20)
        return max(2, Int((H - top - bottom) / 40))
    }

    func layout(_ W: Double, _ H: Double, yAxis: PlotAxis, title: String?, xLabel: String, yLabel: String,
                right: Double) -> (Frame, [(Double, String)]) {
        let top = (title ?? "").isEmpty ? 20.0 : 40.0
        let bottom = 30.0 + (xLabel.isEmpty ? 0 : 20)
        let yTicks = yAxis.ticks(maxCount: Self.yTickCount(H, title: title, xLabel: xLabel))
        let tickWidth = Double(yTicks.map { $0.1.count }.max() ?? 1) * Self.charWidth
        let left = (yLabel.isEmpty ? 12.0 : 32.0) + tickWidth + 10
        return (Frame(x0: left, y0: top, x1: max(left + 40, W - right), y1: max(top + 40, H - bottom)), yTicks)
    }

    // MARK: line plots

    public func render(_ plot: LinePlot) -> String {
        let W = Double(max(width, 200)), H = Double(max(height, 150))
        let xAxis = PlotAxis.fitting(plot.series.flatMap { s in s.xs.prefix(s.ys.count) }, log: false)
        let yAxis = PlotAxis.fitting(plot.series.flatMap { $0.ys } + (plot.marks?.finiteYs ?? []), log: plot.logY, fixed: plot.yRange,
                                     niceEnds: Self.yTickCount(H, title: plot.title, xLabel: plot.xLabel))
        let labels = plot.series.map(\.label) + (plot.marks == nil ? [] : [words.points])
        let legendWidth = labels.allSatisfy(\.isEmpty) ? 0 : 44 + Double(labels.map(\.count).max() ?? 0) * Self.charWidth
        let (frame, yTicks) = layout(W, H, yAxis: yAxis, title: plot.title, xLabel: plot.xLabel, yLabel: plot.yLabel,
                                     right: 20 + legendWidth)

        var svg = header(W, H, title: plot.title)
        let xTicks = xAxis.ticksFitting(length: frame.x1 - frame.x0, perChar: Self.charWidth, gap: 16)
        svg += axes(frame, xAxis: xAxis, xTicks: xTicks, yAxis: yAxis, yTicks: yTicks)

        svg += "<g class=\"series-group\" fill=\"none\" stroke-width=\"1.8\" stroke-linejoin=\"round\" stroke-linecap=\"round\">\n"
        for (k, s) in plot.series.enumerated() {
            let colour = Self.palette[k % Self.palette.count]
            var points: [(Double, Double)?] = []
            for i in 0..<min(s.xs.count, s.ys.count) {
                if let y = yAxis.axisValue(s.ys[i]), s.xs[i].isFinite { points.append((xAxis.unit(s.xs[i]), yAxis.unit(y))) }
                else { points.append(nil) }
            }
            let runs = Self.clippedRuns(points)
            svg += "<path class=\"series\" id=\"series-\(k + 1)\" data-label=\"\(Self.escape(s.label))\" stroke=\"\(colour)\" d=\"\(pathData(runs, frame))\"/>\n"
            for run in runs where run.count == 1 {
                svg += "<circle class=\"point\" cx=\"\(c(frame.x(run[0].0)))\" cy=\"\(c(frame.y(run[0].1)))\" r=\"2\" fill=\"\(colour)\"/>\n"
            }
        }
        svg += "</g>\n"
        var marked = false
        if let m = plot.marks {
            var dots = ""
            for i in 0..<min(m.xs.count, m.ys.count) where m.xs[i].isFinite {
                guard let y = yAxis.axisValue(m.ys[i]) else { continue }
                let q = (xAxis.unit(m.xs[i]), yAxis.unit(y))
                guard Self.inside(q) else { continue }
                dots += "<circle class=\"data-point\" cx=\"\(c(frame.x(q.0)))\" cy=\"\(c(frame.y(q.1)))\" r=\"4\" fill=\"white\" stroke=\"black\" stroke-width=\"1.5\"/>\n"
            }
            if !dots.isEmpty { svg += "<g class=\"data-points\">\n" + dots + "</g>\n"; marked = true }
        }
        svg += axisLabels(frame, W, H, xLabel: plot.xLabel, yLabel: plot.yLabel)

        if legendWidth > 0 {
            svg += "<g class=\"legend\">\n"
            var y = frame.y0 + 10
            for (k, s) in plot.series.enumerated() where !s.label.isEmpty {
                let colour = Self.palette[k % Self.palette.count]
                let x = frame.x1 + 14
                svg += "<line x1=\"\(c(x))\" y1=\"\(c(y))\" x2=\"\(c(x + 22))\" y2=\"\(c(y))\" stroke=\"\(colour)\" stroke-width=\"2.5\"/>\n"
                svg += "<text class=\"legend-label\" x=\"\(c(x + 28))\" y=\"\(c(y + 4))\">\(Self.escape(s.label))</text>\n"
                y += 20
            }
            if marked {
                svg += "<circle class=\"legend-points\" cx=\"\(c(frame.x1 + 25))\" cy=\"\(c(y))\" r=\"4\" fill=\"white\" stroke=\"black\" stroke-width=\"1.5\"/>\n"
                svg += "<text class=\"legend-label\" x=\"\(c(frame.x1 + 42))\" y=\"\(c(y + 4))\">\(Self.escape(words.points))</text>\n"
            }
            svg += "</g>\n"
        }
        return svg + "</svg>\n"
    }

    // MARK: contour plots

    public func render(_ plot: ContourPlot) -> String {
        let p = plot.normalized()
        let W = Double(max(width, 200)), H = Double(max(height, 150))
        let xAxis = PlotAxis.fitting(p.xs, log: false)
        let yAxis = PlotAxis.fitting(p.ys, log: false)
        let scale = ValueScale(values: p.values.flatMap { $0 }, shading: p.shading)
        let (frame, yTicks) = layout(W, H, yAxis: yAxis, title: p.title, xLabel: p.xLabel, yLabel: p.yLabel, right: 120)
        var t = [[Double?]]()
        for j in 0..<p.ys.count { t.append((0..<p.xs.count).map { i in scale.t(p.value(i, j)) }) }

        var svg = header(W, H, title: p.title)
        svg += cells(p, t, xAxis: xAxis, yAxis: yAxis, frame: frame)
        svg += isolines(p, t, xAxis: xAxis, yAxis: yAxis, frame: frame)
        svg += axes(frame, xAxis: xAxis, xTicks: xAxis.ticksFitting(length: frame.x1 - frame.x0, perChar: Self.charWidth, gap: 16),
                    yAxis: yAxis, yTicks: yTicks, grid: false)
        svg += axisLabels(frame, W, H, xLabel: p.xLabel, yLabel: p.yLabel)
        var legendY = frame.y1 - 4
        let (descent, startEnd) = descentPath(p, xAxis: xAxis, yAxis: yAxis, frame: frame, legendY: legendY)
        if !descent.isEmpty { svg += descent; legendY -= 40 }
        let (marks, marksLegend) = dataPoints(p, scale, xAxis: xAxis, yAxis: yAxis, frame: frame, legendY: legendY)
        if !marks.isEmpty { svg += marks; legendY -= 22 }
        svg += colorbar(p, scale, frame: frame, bottom: max(frame.y0 + 40, legendY - 10))
        if !startEnd.isEmpty || !marksLegend.isEmpty { svg += "<g class=\"legend\">\n" + startEnd + marksLegend + "</g>\n" }
        return svg + "</svg>\n"
    }

    /// The marked data points inside the plot area, one circle each (class
    /// `data-point`), filled with the colour its label has on the map's scale
    /// (white without labels), so a point the map predicts well blends with
    /// its background; with its legend entry at `legendY`.
    func dataPoints(_ p: ContourPlot, _ scale: ValueScale, xAxis: PlotAxis, yAxis: PlotAxis, frame: Frame,
                    legendY: Double) -> (String, String) {
        guard let m = p.marks else { return ("", "") }
        var svg = ""
        for i in 0..<min(m.xs.count, m.ys.count) where m.xs[i].isFinite && m.ys[i].isFinite {
            let q = (xAxis.unit(m.xs[i]), yAxis.unit(m.ys[i]))
            guard Self.inside(q) else { continue }
            var fill = "white"
            if let labels = m.labels, i < labels.count, labels[i].isFinite {
                let t = scale.t(labels[i]) ?? (labels[i] <= scale.minValue ? 0 : 1)
                fill = Self.hex(Self.rampColor(min(1, max(0, t))))
            }
            svg += "<circle class=\"data-point\" cx=\"\(c(frame.x(q.0)))\" cy=\"\(c(frame.y(q.1)))\" r=\"5\" fill=\"\(fill)\" stroke=\"black\" stroke-width=\"2\"/>\n"
        }
        guard !svg.isEmpty else { return ("", "") }
        let legend = "<circle class=\"legend-points\" cx=\"\(c(frame.x1 + 20))\" cy=\"\(c(legendY))\" r=\"5\" fill=\"white\" stroke=\"black\" stroke-width=\"2\"/>\n"
            + "<text class=\"legend-label\" x=\"\(c(frame.x1 + 32))\" y=\"\(c(legendY + 4))\">\(Self.escape(words.points))</text>\n"
        return ("<g class=\"data-points\">\n" + svg + "</g>\n", legend)
    }

    /// The grid as cells: each grid point owns the rectangle halfway to its
    /// neighbours, coloured by its shade `t` (grey where undefined); a run of
    /// equal colours along a row is one rectangle.
    func cells(_ p: ContourPlot, _ t: [[Double?]], xAxis: PlotAxis, yAxis: PlotAxis, frame: Frame) -> String {
        func edges(_ vs: [Double], _ axis: PlotAxis) -> [Double] {
            guard !vs.isEmpty else { return [] }
            var e = [vs[0]]
            for i in 1..<max(1, vs.count) { e.append((vs[i - 1] + vs[i]) / 2) }
            e.append(vs[vs.count - 1])
            return e.map { axis.unit($0) }
        }
        let xe = edges(p.xs, xAxis), ye = edges(p.ys, yAxis)
        var svg = "<g class=\"cells\" shape-rendering=\"crispEdges\">\n"
        for j in 0..<p.ys.count {
            let yTop = c(frame.y(ye[j + 1])), yBottom = frame.y(ye[j])
            let h = c(yBottom - frame.y(ye[j + 1]))
            var i = 0
            while i < p.xs.count {
                let fill = t[j][i].map { Self.hex(Self.rampColor($0)) } ?? "#d9d9d9"
                var k = i + 1
                while k < p.xs.count, (t[j][k].map { Self.hex(Self.rampColor($0)) } ?? "#d9d9d9") == fill { k += 1 }
                let x = frame.x(xe[i]), w = frame.x(xe[k]) - x
                let cls = t[j][i] == nil ? " class=\"undefined\"" : ""
                svg += "<rect\(cls) x=\"\(c(x))\" y=\"\(yTop)\" width=\"\(c(w))\" height=\"\(h)\" fill=\"\(fill)\"/>\n"
                i = k
            }
        }
        return svg + "</g>\n"
    }

    /// The descent path (clipped to the plot area), a dot per iterate up to
    /// 300, and its start and end as circles; with the legend entries for
    /// start and end, stacked up from `legendY`. Both empty without a path.
    func descentPath(_ p: ContourPlot, xAxis: PlotAxis, yAxis: PlotAxis, frame: Frame, legendY: Double) -> (String, String) {
        guard let path = p.path, !path.isEmpty else { return ("", "") }
        let pathColour = "#ff2d2d"
        let pts: [(Double, Double)?] = path.map { q in q.0.isFinite && q.1.isFinite ? (xAxis.unit(q.0), yAxis.unit(q.1)) : nil }
        let runs = Self.clippedRuns(pts)
        var svg = "<g class=\"descent\">\n", startEnd = ""
        svg += "<path class=\"descent-path\" id=\"descent-path\" fill=\"none\" stroke=\"\(pathColour)\" stroke-width=\"2\" stroke-linejoin=\"round\" d=\"\(pathData(runs, frame))\"/>\n"
        if path.count <= 300 {
            for q in pts {
                guard let q, Self.inside(q) else { continue }
                svg += "<circle class=\"iterate\" cx=\"\(c(frame.x(q.0)))\" cy=\"\(c(frame.y(q.1)))\" r=\"1.8\" fill=\"\(pathColour)\"/>\n"
            }
        }
        if let s = pts.first ?? nil, Self.inside(s) {
            svg += "<circle id=\"start\" class=\"start\" cx=\"\(c(frame.x(s.0)))\" cy=\"\(c(frame.y(s.1)))\" r=\"6\" fill=\"white\" stroke=\"black\" stroke-width=\"1.5\"/>\n"
            startEnd += legendCircle(frame.x1 + 20, legendY - 18, fill: "white", label: words.start)
        }
        if let e = pts.last ?? nil, Self.inside(e) {
            svg += "<circle id=\"end\" class=\"end\" cx=\"\(c(frame.x(e.0)))\" cy=\"\(c(frame.y(e.1)))\" r=\"6\" fill=\"\(pathColour)\" stroke=\"black\" stroke-width=\"1.5\"/>\n"
            startEnd += legendCircle(frame.x1 + 20, legendY, fill: pathColour, label: words.end)
        }
        return (svg + "</g>\n", startEnd)
    }

    /// The colour bar right of the plot, from the top of the plot area down
    /// to `bottom`: the ramp in 48 bands, a frame, the value ticks, and a
    /// note when the scale is logarithmic.
    func colorbar(_ p: ContourPlot, _ scale: ValueScale, frame: Frame, bottom barBottom: Double) -> String {
        var svg = "<g class=\"colorbar\">\n"
        let barX = frame.x1 + 14, barTop = frame.y0
        let steps = 48
        for s in 0..<steps {
            let y0 = barBottom - (barBottom - barTop) * Double(s + 1) / Double(steps)
            let h = (barBottom - barTop) / Double(steps)
            svg += "<rect x=\"\(c(barX))\" y=\"\(c(y0))\" width=\"14\" height=\"\(c(h + 0.5))\" fill=\"\(Self.hex(Self.rampColor((Double(s) + 0.5) / Double(steps))))\"/>\n"
        }
        svg += "<rect x=\"\(c(barX))\" y=\"\(c(barTop))\" width=\"14\" height=\"\(c(barBottom - barTop))\" fill=\"none\" stroke=\"#333\"/>\n"
        if p.hasFiniteValues {
            for (tv, text) in colorbarTicks(scale) {
                let y = barBottom - tv * (barBottom - barTop)
                svg += "<line x1=\"\(c(barX + 14))\" y1=\"\(c(y))\" x2=\"\(c(barX + 18))\" y2=\"\(c(y))\" stroke=\"#333\"/>\n"
                svg += "<text class=\"tick-label\" x=\"\(c(barX + 21))\" y=\"\(c(y + 4))\">\(Self.escape(text))</text>\n"
            }
        }
        if scale.isLog {
            svg += "<text class=\"colorbar-note\" x=\"\(c(barX))\" y=\"\(c(barTop - 12))\" font-size=\"10\">\(Self.escape(words.logScale))</text>\n"
        }
        return svg + "</g>\n"
    }

    // MARK: parts

    func c(_ v: Double) -> String { PlotMath.coord(v) }

    func header(_ W: Double, _ H: Double, title: String?) -> String {
        var s = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        s += "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"\(c(W))\" height=\"\(c(H))\" viewBox=\"0 0 \(c(W)) \(c(H))\" font-family=\"sans-serif\" font-size=\"12\">\n"
        if let title, !title.isEmpty { s += "<title>\(Self.escape(title))</title>\n" }
        s += "<rect class=\"background\" x=\"0\" y=\"0\" width=\"\(c(W))\" height=\"\(c(H))\" fill=\"white\"/>\n"
        if let title, !title.isEmpty {
            s += "<text class=\"title\" x=\"\(c(W / 2))\" y=\"24\" text-anchor=\"middle\" font-size=\"15\" font-weight=\"bold\">\(Self.escape(title))</text>\n"
        }
        return s
    }

    func axes(_ f: Frame, xAxis: PlotAxis, xTicks: [(Double, String)], yAxis: PlotAxis, yTicks: [(Double, String)], grid: Bool = true) -> String {
        var s = ""
        if grid {
            s += "<g class=\"grid\" stroke=\"#e6e6e6\" stroke-width=\"1\">\n"
            for (a, _) in xTicks { let x = c(f.x(xAxis.unit(a))); s += "<line x1=\"\(x)\" y1=\"\(c(f.y0))\" x2=\"\(x)\" y2=\"\(c(f.y1))\"/>\n" }
            for (a, _) in yTicks { let y = c(f.y(yAxis.unit(a))); s += "<line x1=\"\(c(f.x0))\" y1=\"\(y)\" x2=\"\(c(f.x1))\" y2=\"\(y)\"/>\n" }
            s += "</g>\n"
        }
        s += "<g class=\"axes\" stroke=\"#333\" stroke-width=\"1\">\n"
        s += "<line class=\"axis x-axis\" x1=\"\(c(f.x0))\" y1=\"\(c(f.y1))\" x2=\"\(c(f.x1))\" y2=\"\(c(f.y1))\"/>\n"
        s += "<line class=\"axis y-axis\" x1=\"\(c(f.x0))\" y1=\"\(c(f.y0))\" x2=\"\(c(f.x0))\" y2=\"\(c(f.y1))\"/>\n"
        for (a, _) in xTicks { let x = c(f.x(xAxis.unit(a))); s += "<line class=\"tick x-tick\" x1=\"\(x)\" y1=\"\(c(f.y1))\" x2=\"\(x)\" y2=\"\(c(f.y1 + 5))\"/>\n" }
        for (a, _) in yTicks { let y = c(f.y(yAxis.unit(a))); s += "<line class=\"tick y-tick\" x1=\"\(c(f.x0 - 5))\" y1=\"\(y)\" x2=\"\(c(f.x0))\" y2=\"\(y)\"/>\n" }
        s += "</g>\n<g class=\"tick-labels\" fill=\"#333\">\n"
        for (a, text) in xTicks {
            s += "<text class=\"tick-label x-tick-label\" x=\"\(c(f.x(xAxis.unit(a))))\" y=\"\(c(f.y1 + 18))\" text-anchor=\"middle\">\(Self.escape(text))</text>\n"
        }
        for (a, text) in yTicks {
            s += "<text class=\"tick-label y-tick-label\" x=\"\(c(f.x0 - 8))\" y=\"\(c(f.y(yAxis.unit(a)) + 4))\" text-anchor=\"end\">\(Self.escape(text))</text>\n"
        }
        return s + "</g>\n"
    }

    func axisLabels(_ f: Frame, _ W: Double, _ H: Double, xLabel: String, yLabel: String) -> String {
        var s = ""
        if !xLabel.isEmpty {
            s += "<text class=\"axis-label x-label\" x=\"\(c((f.x0 + f.x1) / 2))\" y=\"\(c(f.y1 + 40))\" text-anchor=\"middle\" font-size=\"13\">\(Self.escape(xLabel))</text>\n"
        }
        if !yLabel.isEmpty {
            let x = 18.0, y = (f.y0 + f.y1) / 2
            s += "<text class=\"axis-label y-label\" x=\"\(c(x))\" y=\"\(c(y))\" text-anchor=\"middle\" font-size=\"13\" transform=\"rotate(-90 \(c(x)) \(c(y)))\">\(Self.escape(yLabel))</text>\n"
        }
        return s
    }

    func legendCircle(_ x: Double, _ y: Double, fill: String, label: String) -> String {
        "<circle class=\"legend-\(label)\" cx=\"\(c(x))\" cy=\"\(c(y))\" r=\"5\" fill=\"\(fill)\" stroke=\"black\" stroke-width=\"1.5\"/>\n"
            + "<text class=\"legend-label\" x=\"\(c(x + 12))\" y=\"\(c(y + 4))\">\(label)</text>\n"
    }

    /// Colour-bar ticks as (t, label): nice values on a linear scale, decades
    /// on a log scale when at least two fall inside, else quarters of the bar.
    func colorbarTicks(_ scale: ValueScale) -> [(Double, String)] {
        switch scale.kind {
        case .linear:
            let (vs, step) = PlotTicks.nice(scale.minValue, scale.maxValue, maxCount: 6)
            if vs.count >= 2 { return vs.compactMap { v in scale.t(v).map { ($0, PlotTicks.label(v, step: step)) } } }
        case .log:
            let ks = PlotTicks.decades(Int(scale.lo.rounded(.up)), Int(scale.hi.rounded(.down)), maxCount: 7)
            if ks.count >= 2 { return ks.map { (((Double($0)) - scale.lo) / (scale.hi - scale.lo), PlotTicks.powerOfTen($0)) } }
        case .logAboveMin:
            break
        }
        return [0, 0.25, 0.5, 0.75, 1].map { ($0, ValueScale.label(scale.value(at: $0))) }
    }

    /// Marching squares over the grid (in shade space t): white lines where t
    /// crosses each of eight evenly spaced levels.
    func isolines(_ p: ContourPlot, _ t: [[Double?]], xAxis: PlotAxis, yAxis: PlotAxis, frame: Frame) -> String {
        guard p.xs.count >= 2, p.ys.count >= 2 else { return "" }
        var d = ""
        let levels = (1...8).map { Double($0) / 9 }
        for level in levels {
            for j in 0..<(p.ys.count - 1) {
                for i in 0..<(p.xs.count - 1) {
                    guard let a = t[j][i], let b = t[j][i + 1], let cc = t[j + 1][i + 1], let dd = t[j + 1][i] else { continue }
                    // corners counter-clockwise from bottom-left: a (i,j), b (i+1,j), cc (i+1,j+1), dd (i,j+1)
                    let corners = [(p.xs[i], p.ys[j], a), (p.xs[i + 1], p.ys[j], b), (p.xs[i + 1], p.ys[j + 1], cc), (p.xs[i], p.ys[j + 1], dd)]
                    var crossings: [(Double, Double)] = []
                    for e in 0..<4 {
                        let u = corners[e], v = corners[(e + 1) % 4]
                        if (u.2 < level) != (v.2 < level) {
                            let f = (level - u.2) / (v.2 - u.2)
                            crossings.append((u.0 + (v.0 - u.0) * f, u.1 + (v.1 - u.1) * f))
                        }
                    }
                    // two crossings: one segment; four (a saddle): pair them in order
                    var k = 0
                    while k + 1 < crossings.count {
                        let q0 = crossings[k], q1 = crossings[k + 1]
                        d += "M\(c(frame.x(xAxis.unit(q0.0)))) \(c(frame.y(yAxis.unit(q0.1))))L\(c(frame.x(xAxis.unit(q1.0)))) \(c(frame.y(yAxis.unit(q1.1))))"
                        k += 2
                    }
                }
            }
        }
        if d.isEmpty { return "" }
        return "<path class=\"isolines\" fill=\"none\" stroke=\"white\" stroke-opacity=\"0.5\" stroke-width=\"0.8\" d=\"\(d)\"/>\n"
    }

    static func inside(_ p: (Double, Double)) -> Bool {
        let eps = 1e-9
        return p.0 >= -eps && p.0 <= 1 + eps && p.1 >= -eps && p.1 <= 1 + eps
    }

    /// Splits unit-space points into runs of connected points inside the
    /// unit square: nil points end a run, segments leaving the square are
    /// cut at its edge (a run then ends, and one starts where it re-enters).
    static func clippedRuns(_ points: [(Double, Double)?]) -> [[(Double, Double)]] {
        var runs: [[(Double, Double)]] = []
        var current: [(Double, Double)] = []
        func flush() { if !current.isEmpty { runs.append(current); current = [] } }
        var prev: (Double, Double)? = nil
        for p in points {
            guard let p, p.0.isFinite, p.1.isFinite else { flush(); prev = nil; continue }
            if let q = prev {
                if inside(q) && inside(p) {
                    current.append(p)
                } else if let (t0, t1) = PlotMath.clip(q, p, 0, 1, 0, 1) {
                    let a = (q.0 + (p.0 - q.0) * t0, q.1 + (p.1 - q.1) * t0)
                    let b = (q.0 + (p.0 - q.0) * t1, q.1 + (p.1 - q.1) * t1)
                    if !inside(q) { flush(); current.append(a) }
                    current.append(inside(p) ? p : b)
                    if !inside(p) { flush() }
                } else {
                    flush()
                }
            } else if inside(p) {
                current.append(p)
            }
            prev = p
        }
        flush()
        return runs
    }

    /// `M x y L x y …` for each run.
    func pathData(_ runs: [[(Double, Double)]], _ f: Frame) -> String {
        var d = ""
        for run in runs {
            for (k, p) in run.enumerated() {
                if !d.isEmpty { d += " " }
                d += (k == 0 ? "M" : "L") + c(f.x(p.0)) + " " + c(f.y(p.1))
            }
        }
        return d
    }
}
