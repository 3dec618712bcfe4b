// PlotTests — the plot renderers: golden terminal plots at a fixed size
// (60 × 15, colour off) kept in golden/plots/*.txt, narrow widths, undefined
// and partly undefined data, log axes, colour on and off, the tick helper,
// and the SVG output parsed as XML (root, axes, one path command per drawn
// sample, start and end circles, escaped text).
//
// To regenerate the golden files after a deliberate change, run with
// CALC_UPDATE_PLOT_GOLDEN=1 and read the diff by eye before committing.

import Testing
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
@testable import CalcCore

enum PlotGolden {
    static let dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("golden/plots")

    /// Compares `actual` with golden/plots/`name`.txt (written instead when
    /// CALC_UPDATE_PLOT_GOLDEN is set).
    static func check(_ name: String, _ actual: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let url = dir.appendingPathComponent(name + ".txt")
        if ProcessInfo.processInfo.environment["CALC_UPDATE_PLOT_GOLDEN"] != nil {
            try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            try? (actual + "\n").write(to: url, atomically: true, encoding: .utf8)
            return
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            Issue.record("missing golden file \(url.path); run with CALC_UPDATE_PLOT_GOLDEN=1", sourceLocation: sourceLocation)
            return
        }
        #expect(actual + "\n" == expected, "plot differs from golden/plots/\(name).txt:\n\(actual)", sourceLocation: sourceLocation)
    }
}

func plotSamples(_ a: Double, _ b: Double, _ n: Int, _ f: (Double) -> Double) -> LineSeries {
    let xs = PlotMath.linspace(a, b, n)
    return LineSeries(label: "", xs: xs, ys: xs.map(f))
}

func plotLabeled(_ s: LineSeries, _ label: String) -> LineSeries {
    var s = s
    s.label = label
    return s
}

/// Gradient descent on a quadratic bowl, for the path over a contour map.
func plotBowlPath(start: (Double, Double), rate: Double, steps: Int) -> [(Double, Double)] {
    var p = start
    var out = [p]
    for _ in 0..<steps {
        p = (p.0 - rate * 2 * p.0, p.1 - rate * 6 * p.1)
        out.append(p)
    }
    return out
}

let plotBrailleRange: ClosedRange<UInt32> = 0x2801...0x28FF

/// The plot-area rows of a terminal plot (the lines with a y axis), with the
/// label and axis character removed.
func plotAreaRows(_ text: String) -> [String] {
    text.split(separator: "\n", omittingEmptySubsequences: false).compactMap { line in
        guard let i = line.firstIndex(where: { $0 == "│" || $0 == "┤" }) else { return nil }
        return String(line[line.index(after: i)...])
    }
}

func plotStripANSI(_ s: String) -> String {
    var out = "", inEscape = false
    for ch in s {
        if inEscape { if ch == "m" { inEscape = false }; continue }
        if ch == "\u{1B}" { inEscape = true; continue }
        out.append(ch)
    }
    return out
}

@Suite struct PlotTests {
    let term = BraillePlot(width: 60, height: 15, color: false)

    // MARK: golden terminal plots

    @Test func goldenSine() {
        let s = plotLabeled(plotSamples(0, 2 * Double.pi, 241, sin), "sin(x)")
        PlotGolden.check("sin", term.render(LinePlot(series: [s], xLabel: "x", yLabel: "y")))
    }

    @Test func goldenTwoSeriesWithMarkers() {
        let a = plotLabeled(plotSamples(-Double.pi, Double.pi, 241, sin), "sin(x)")
        let b = plotLabeled(plotSamples(-Double.pi, Double.pi, 241, cos), "cos(x)")
        PlotGolden.check("sin-cos", term.render(LinePlot(series: [a, b], xLabel: "x", title: "sin and cos")))
    }

    @Test func goldenLogLoss() {
        let steps = (0...200).map(Double.init)
        let loss = steps.map { 25 * pow(0.93, $0) + 1e-4 }
        #expect(shouldUseLogScale(loss))
        let plot = LinePlot(series: [LineSeries(label: "loss", xs: steps, ys: loss)], xLabel: "step", yLabel: "f", logY: true)
        PlotGolden.check("loss-log", term.render(plot))
    }

    @Test func goldenGaps() {
        // sqrt is undefined left of 0; infinite samples for 2.5 < x < 3
        var s = plotLabeled(plotSamples(-2, 4, 121, { sqrt($0) }), "sqrt(x)")
        for i in 91..<100 { s.ys[i] = .infinity }
        PlotGolden.check("gaps", term.render(LinePlot(series: [s], xLabel: "x")))
    }

    @Test func goldenContourWithPath() {
        let g = ContourPlot.sampling(x: -2...2, y: -2...2, nx: 41, ny: 41) { x, y in x * x + 3 * y * y }
        let plot = ContourPlot(xs: g.xs, ys: g.ys, values: g.values, path: plotBowlPath(start: (-1.8, 1.6), rate: 0.1, steps: 40),
                               title: "x^2 + 3y^2, rate 0.1")
        PlotGolden.check("contour-bowl", term.render(plot))
    }

    @Test func goldenContourLogShading() {
        let g = ContourPlot.sampling(x: -2...2, y: -1...3, nx: 61, ny: 61) { x, y in (1 - x) * (1 - x) + 100 * (y - x * x) * (y - x * x) }
        let plot = ContourPlot(xs: g.xs, ys: g.ys, values: g.values)
        PlotGolden.check("contour-rosenbrock", term.render(plot))
    }

    // MARK: terminal behaviour

    @Test(arguments: [1, 5, 12, 20, 21, 25, 40])
    func narrowWidthsDoNotCrash(width: Int) {
        let s = plotLabeled(plotSamples(0, 10, 200, { exp($0) }), "exp(x)")
        let p = BraillePlot(width: width, height: 4)
        let text = p.render(LinePlot(series: [s, plotLabeled(s, "again")], xLabel: "x"))
        #expect(!plotAreaRows(text).isEmpty)
        if width >= 20 {
            for line in text.split(separator: "\n") { #expect(line.count <= width, "line wider than \(width): \(line)") }
        }
        let g = ContourPlot.sampling(x: 0...1, y: 0...1, nx: 5, ny: 5) { $0 + $1 }
        let contour = p.render(ContourPlot(xs: g.xs, ys: g.ys, values: g.values, path: [(0.2, 0.2), (0.8, 0.9)]))
        #expect(contour.contains("S") && contour.contains("E"))
        _ = BraillePlot(width: width, height: 0).render(LinePlot(series: []))
    }

    @Test func oddInputsDoNotCrash() {
        let series: [LineSeries] = [
            LineSeries(label: "", xs: [], ys: []),
            LineSeries(label: "one", xs: [2], ys: [5]),
            LineSeries(label: "short ys", xs: [0, 1, 2, 3], ys: [1]),
            LineSeries(label: "huge", xs: [0, 1, 2], ys: [-1e308, 1e308, .greatestFiniteMagnitude]),
            LineSeries(label: "tiny span", xs: [1, 1 + 1e-15], ys: [1, 1 + 2e-16]),
            LineSeries(label: "nan x", xs: [.nan, .infinity, 1], ys: [1, 2, 3]),
        ]
        for s in series {
            for logY in [false, true] {
                let plot = LinePlot(series: [s], logY: logY)
                #expect(!term.render(plot).isEmpty)
                #expect(throws: Never.self) { try PlotSVGDoc(SVGPlot().render(plot)) }
            }
        }
        #expect(throws: Never.self) { try PlotSVGDoc(SVGPlot().render(LinePlot(series: series, yRange: 0...1))) }
        let contours = [
            ContourPlot(xs: [], ys: [], values: []),
            ContourPlot(xs: [1], ys: [1], values: [[3]], path: [(1, 1)]),
            ContourPlot(xs: [0, 1, 2], ys: [0, 1], values: [[1], [2, 3, 4, 5]]),                 // ragged
            ContourPlot(xs: [2, 1, 0], ys: [1, 0], values: [[1, 2, 3], [4, 5, 6]], path: []),     // descending
            ContourPlot(xs: [0, 1], ys: [0, 1], values: [[-1e308, 1e308], [0, .infinity]], shading: .log),
        ]
        for c in contours {
            #expect(!term.render(c).isEmpty)
            #expect(throws: Never.self) { try PlotSVGDoc(SVGPlot().render(c)) }
        }
        // descending axes draw the same picture as ascending ones
        let up = ContourPlot(xs: [0, 1, 2], ys: [0, 1], values: [[1, 2, 3], [4, 5, 6]])
        let down = ContourPlot(xs: [2, 1, 0], ys: [1, 0], values: [[6, 5, 4], [3, 2, 1]])
        #expect(term.render(up) == term.render(down))
        #expect(PlotTicks.nice(1, 1 + 1e-15, maxCount: 5).values.count <= 5)
    }

    @Test func allUndefinedGivesEmptyArea() {
        let s = LineSeries(label: "log(x)", xs: PlotMath.linspace(-3, -1, 50), ys: [Double](repeating: .nan, count: 50))
        let plot = LinePlot(series: [s], xLabel: "x")
        #expect(!plot.hasDrawablePoints)
        let text = term.render(plot)
        let area = plotAreaRows(text)
        #expect(area.count == 15)
        #expect(area.allSatisfy { $0.allSatisfy { $0 == " " } })
        #expect(text.contains("-3") && text.contains("-1"))   // the x axis still shows the range

        let grid = [[Double]](repeating: [Double](repeating: .nan, count: 4), count: 4)
        let contour = ContourPlot(xs: [0, 1, 2, 3], ys: [0, 1, 2, 3], values: grid)
        #expect(!contour.hasFiniteValues)
        #expect(plotAreaRows(term.render(contour)).allSatisfy { $0.allSatisfy { $0 == " " } })
        _ = SVGPlot().render(contour)
        _ = SVGPlot().render(plot)
    }

    @Test func nonFiniteSamplesSplitTheCurve() {
        // y = 0.5 everywhere but NaN / inf / -inf in the middle third
        let xs = PlotMath.linspace(0, 1, 120)
        let ys = xs.enumerated().map { i, x -> Double in
            guard x > 1.0 / 3, x < 2.0 / 3 else { return 0.5 }
            return [Double.nan, .infinity, -.infinity][i % 3]
        }
        let plot = LinePlot(series: [LineSeries(label: "f", xs: xs, ys: ys)], yRange: 0...1)
        let area = plotAreaRows(term.render(plot))
        let curveRow = area.first { $0.unicodeScalars.contains { plotBrailleRange.contains($0.value) } }!
        let cells = Array(curveRow)
        let drawn = cells.map { $0 != " " }
        // left third drawn, middle third blank, right third drawn
        let n = drawn.count
        #expect(drawn[2] && drawn[n - 3])
        #expect(!drawn[n / 2])
        // the SVG path has two subpaths, and as many points as finite samples
        let svg = SVGPlot().render(plot)
        let doc = try! PlotSVGDoc(svg)
        let d = doc.elements.first { $0.classes.contains("series") }!.attributes["d"]!
        #expect(d.filter { $0 == "M" }.count == 2)
        #expect(plotPathPointCount(d) == ys.filter(\.isFinite).count)
    }

    @Test func logScaleTicksArePowersOfTen() {
        let xs = (0...50).map(Double.init)
        let ys = xs.map { 1000 * pow(10, -$0 / 10) }   // 1e3 … 1e-2
        let text = term.render(LinePlot(series: [LineSeries(label: "loss", xs: xs, ys: ys)], logY: true))
        for label in ["10³", "10²", "10¹", "10⁰", "10⁻¹", "10⁻²"] { #expect(text.contains(label + "┤"), "missing tick \(label)") }
        // a straight line on a log axis: the curve falls one row band per decade
        #expect(!text.contains("1000"))
        // non-positive values are gaps on a log axis, not a crash
        let withZero = LineSeries(label: "z", xs: [0, 1, 2, 3], ys: [1, 0, -1, 100])
        #expect(withZero.drawablePointCount(logY: true) == 2)
        _ = term.render(LinePlot(series: [withZero], logY: true))
    }

    @Test func colourOnAndOff() {
        let a = plotLabeled(plotSamples(0, 6, 100, sin), "sin(x)")
        let b = plotLabeled(plotSamples(0, 6, 100, cos), "cos(x)")
        let plain = BraillePlot(width: 60, height: 10, color: false)
        let coloured = BraillePlot(width: 60, height: 10, color: true)
        let off = plain.render(LinePlot(series: [a, b]))
        let on = coloured.render(LinePlot(series: [a, b]))
        #expect(!off.contains("\u{1B}"))
        #expect(on.contains("\u{1B}[34m") && on.contains("\u{1B}[31m"))   // blue and red series
        // colour off marks the series with glyphs instead, named in the legend
        #expect(off.contains("─*─ sin(x)") && off.contains("─+─ cos(x)"))
        #expect(!plotStripANSI(on).contains("─*─"))
        // one series: the same picture with and without colour
        #expect(plotStripANSI(coloured.render(LinePlot(series: [a]))) == plain.render(LinePlot(series: [a])))
        // contour: shades coloured with 256-colour codes
        let g = ContourPlot.sampling(x: 0...1, y: 0...1, nx: 10, ny: 10) { $0 * $1 }
        let contour = ContourPlot(xs: g.xs, ys: g.ys, values: g.values)
        #expect(coloured.render(contour).contains("\u{1B}[38;5;"))
        #expect(plotStripANSI(coloured.render(contour)) == plain.render(contour))
    }

    @Test func sineCrossesZeroAtPi() {
        // Independent of the golden file: the column where sin changes sign
        // is the column of x = π on the x axis.
        let s = plotSamples(0, 2 * Double.pi, 481, sin)
        let text = term.render(LinePlot(series: [s], xLabel: ""))
        let lines = text.split(separator: "\n").map(String.init)
        let zeroRow = lines.first { $0.hasPrefix("0┤") || $0.hasPrefix("   0┤") || $0.contains(" 0┤") }!
        let cells = Array(zeroRow.drop { $0 != "┤" }.dropFirst())
        let cols = cells.count
        let middle = cells.indices.filter { $0 > 5 && $0 < cols - 5 && cells[$0] != " " }
        let axisLine = lines.first { $0.contains("└") }!
        let axisCells = Array(axisLine.drop { $0 != "└" }.dropFirst())
        // a range given with π is ticked 0, π/2, π, 3π/2, 2π (issue 12)
        let ticks = axisCells.indices.filter { axisCells[$0] == "┬" }
        #expect(ticks.count == 5)
        let colOfPi = Double(ticks[2])
        #expect(!middle.isEmpty)
        #expect(middle.allSatisfy { Swift.abs(Double($0) - colOfPi) <= 1.5 }, "crossing at \(middle), π at \(colOfPi)")
    }

    // MARK: ticks and scales

    @Test func niceTicks() {
        #expect(PlotTicks.nice(0, 10, maxCount: 6).values == [0, 2, 4, 6, 8, 10])
        #expect(PlotTicks.nice(-1, 1, maxCount: 5).values == [-1, -0.5, 0, 0.5, 1])
        #expect(PlotTicks.nice(0, 6.283, maxCount: 8).values == [0, 1, 2, 3, 4, 5, 6])
        #expect(PlotTicks.nice(0.013, 0.087, maxCount: 5).values == [0.02, 0.04, 0.06, 0.08])
        #expect(PlotTicks.nice(.nan, 1, maxCount: 5).values.isEmpty)
        #expect(PlotTicks.nice(1, 1, maxCount: 5).values == [1])
        #expect(PlotTicks.label(0.5, step: 0.5) == "0.5")
        #expect(PlotTicks.label(-2, step: 1) == "-2")
        #expect(PlotTicks.label(3, step: 0.5) == "3")
        #expect(PlotTicks.label(2_000_000, step: 1_000_000) == "2e6")
        #expect(PlotTicks.label(2_500_000, step: 500_000) == "2.5e6")
        #expect(PlotTicks.label(1.5e-5, step: 5e-6) == "1.5e-5")
        #expect(PlotTicks.label(0.0002, step: 0.0001) == "0.0002")
        #expect(PlotTicks.label(-0.0, step: 1) == "0")
        #expect(PlotTicks.powerOfTen(-3) == "10⁻³")
        #expect(PlotTicks.powerOfTen(12) == "10¹²")
        #expect(PlotTicks.decades(-2, 3, maxCount: 10) == [-2, -1, 0, 1, 2, 3])
        #expect(PlotTicks.decades(-12, 0, maxCount: 5) == [-12, -9, -6, -3, 0])
    }

    @Test func logScaleChoice() {
        #expect(shouldUseLogScale([10, 1, 0.1, 0.01]))
        #expect(!shouldUseLogScale([10, 1, 0.1]))              // two decades
        #expect(!shouldUseLogScale([1000, 1, 0, 0.001]))       // not all positive
        #expect(!shouldUseLogScale([-5, 1000, 1]))
        #expect(shouldUseLogScale([.nan, 5000, .infinity, 1])) // non-finite ignored
        #expect(!shouldUseLogScale([42]))
    }

    @Test func axisFitsDegenerateData() {
        let flat = PlotAxis.fitting([3, 3, 3], log: false)
        #expect(flat.lo < 3 && flat.hi > 3)
        let zero = PlotAxis.fitting([0], log: false)
        #expect(zero.lo == -1 && zero.hi == 1)
        let none = PlotAxis.fitting([.nan], log: false)
        #expect(none.lo == 0 && none.hi == 1)
        let log = PlotAxis.fitting([0.05, 700], log: true)
        #expect(log.lo == -2 && log.hi == 3)
    }

    // MARK: SVG

    @Test func svgLinePlotStructure() throws {
        let a = plotLabeled(plotSamples(0, 2 * Double.pi, 101, sin), "sin(x)")
        var b = plotLabeled(plotSamples(0, 2 * Double.pi, 101, cos), "cos(x)")
        b.ys[50] = .nan
        let svg = SVGPlot(width: 640, height: 400).render(LinePlot(series: [a, b], xLabel: "x", yLabel: "y", title: "trig"))
        let doc = try PlotSVGDoc(svg)
        let root = doc.elements[0]
        #expect(root.name == "svg")
        #expect(root.attributes["xmlns"] == "http://www.w3.org/2000/svg")
        #expect(root.attributes["viewBox"] == "0 0 640 400")
        #expect(root.attributes["width"] == "640" && root.attributes["height"] == "400")
        #expect(doc.withClass("x-axis").count == 1 && doc.withClass("y-axis").count == 1)
        #expect(doc.withClass("x-tick").count >= 4 && doc.withClass("y-tick").count >= 3)
        #expect(doc.withClass("x-tick-label").map(\.text).contains("π"))   // [0, 2π] is ticked in π/2
        #expect(doc.withClass("title").first?.text == "trig")
        #expect(doc.withClass("x-label").first?.text == "x")
        #expect(doc.withClass("legend-label").map(\.text) == ["sin(x)", "cos(x)"])
        let paths = doc.withClass("series")
        #expect(paths.count == 2)
        #expect(plotPathPointCount(paths[0].attributes["d"]!) == 101)
        #expect(plotPathPointCount(paths[1].attributes["d"]!) == 100)
        #expect(paths[1].attributes["d"]!.filter { $0 == "M" }.count == 2)
        #expect(paths[0].attributes["stroke"] != paths[1].attributes["stroke"])
        // every coordinate lies inside the viewBox
        for v in plotPathNumbers(paths[0].attributes["d"]!) { #expect(v >= 0 && v <= 640) }
    }

    @Test func svgEscapesText() throws {
        let label = "a<b & \"c\" > 'd'"
        let s = LineSeries(label: label, xs: [0, 1], ys: [0, 1])
        let svg = SVGPlot().render(LinePlot(series: [s], xLabel: "x<1 & y>2", yLabel: "\"q\"", title: "<title> & co\u{1B}"))
        #expect(!svg.contains(label) && svg.contains("a&lt;b &amp; &quot;c&quot; &gt; &apos;d&apos;"))
        let doc = try PlotSVGDoc(svg)
        #expect(doc.withClass("legend-label").first?.text == label)
        #expect(doc.withClass("series").first?.attributes["data-label"] == label)
        #expect(doc.withClass("x-label").first?.text == "x<1 & y>2")
        #expect(doc.withClass("y-label").first?.text == "\"q\"")
        #expect(doc.withClass("title").first?.text == "<title> & co")
    }

    @Test func svgLogScale() throws {
        let xs = (0...40).map(Double.init)
        let ys = xs.map { pow(10, 2 - $0 / 10) }
        let svg = SVGPlot().render(LinePlot(series: [LineSeries(label: "loss", xs: xs, ys: ys)], logY: true))
        let doc = try PlotSVGDoc(svg)
        let labels = doc.withClass("y-tick-label").map(\.text)
        #expect(labels == ["10⁻²", "10⁻¹", "10⁰", "10¹", "10²"])
        #expect(plotPathPointCount(doc.withClass("series")[0].attributes["d"]!) == 41)
        // equal ratios are equal distances: the decade ticks are evenly spaced
        let ys2 = doc.withClass("y-tick").compactMap { Double($0.attributes["y1"]!) }
        let gaps = zip(ys2, ys2.dropFirst()).map { $1 - $0 }
        #expect(gaps.allSatisfy { Swift.abs($0 - gaps[0]) < 0.02 })
    }

    @Test func svgContourWithPath() throws {
        let g = ContourPlot.sampling(x: -2...2, y: -2...2, nx: 30, ny: 25) { x, y in x * x + 3 * y * y }
        let path = plotBowlPath(start: (-1.8, 1.6), rate: 0.1, steps: 25)
        var values = g.values
        values[0][0] = .nan
        let svg = SVGPlot().render(ContourPlot(xs: g.xs, ys: g.ys, values: values, path: path, title: "bowl"))
        let doc = try PlotSVGDoc(svg)
        #expect(doc.elements[0].name == "svg")
        #expect(doc.withClass("x-axis").count == 1 && doc.withClass("y-axis").count == 1)
        #expect(doc.elements.filter { $0.name == "rect" }.count > 30)
        #expect(doc.withClass("undefined").count == 1)
        let d = doc.withClass("descent-path")[0].attributes["d"]!
        #expect(plotPathPointCount(d) == path.count)
        #expect(doc.withClass("iterate").count == path.count)
        let start = doc.elements.first { $0.attributes["id"] == "start" }!
        let end = doc.elements.first { $0.attributes["id"] == "end" }!
        #expect(start.name == "circle" && end.name == "circle")
        // the start circle sits on the first point of the path, the end on the last
        let nums = plotPathNumbers(d)
        #expect(start.attributes["cx"] == PlotMath.coord(nums[0]) && start.attributes["cy"] == PlotMath.coord(nums[1]))
        #expect(end.attributes["cx"] == PlotMath.coord(nums[nums.count - 2]) && end.attributes["cy"] == PlotMath.coord(nums[nums.count - 1]))
        #expect(!doc.withClass("isolines").isEmpty)
        #expect(!doc.withClass("colorbar").isEmpty)
    }

    @Test func svgPathLeavingTheMapIsClipped() throws {
        // a diverging descent: the path leaves the box; no coordinate explodes
        var path: [(Double, Double)] = [(0.5, 0.5)]
        for _ in 0..<30 { let p = path.last!; path.append((p.0 * -3, p.1 * -3)) }
        path.append((.nan, .nan))
        let g = ContourPlot.sampling(x: -1...1, y: -1...1, nx: 8, ny: 8) { $0 * $0 - $1 * $1 }
        let plot = ContourPlot(xs: g.xs, ys: g.ys, values: g.values, path: path)
        let svg = SVGPlot(width: 400, height: 300).render(plot)
        let doc = try PlotSVGDoc(svg)
        #expect(doc.elements.contains { $0.attributes["id"] == "start" })
        #expect(!doc.elements.contains { $0.attributes["id"] == "end" })   // the end is off the map
        for v in plotPathNumbers(doc.withClass("descent-path")[0].attributes["d"]!) { #expect(v >= 0 && v <= 400) }
        let text = term.render(plot)
        #expect(text.contains("S") && !text.contains("E end"))
    }

    @Test func writesAnSVGFileForInspection() throws {
        // Not an assertion about pixels: leaves files to look at with
        // `rsvg-convert` (see docs/plots.md).
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("calc-plot-tests")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let a = plotLabeled(plotSamples(0, 2 * Double.pi, 200, sin), "sin(x)")
        var b = plotLabeled(plotSamples(0, 2 * Double.pi, 200, { 1 / (2 * cos($0)) }), "1/(2cos(x))")
        b.ys = b.ys.map { Swift.abs($0) > 3 ? .nan : $0 }
        try SVGPlot().render(LinePlot(series: [a, b], xLabel: "x", yLabel: "y", title: "sin(x) & 1/(2cos(x))"))
            .write(to: dir.appendingPathComponent("lines.svg"), atomically: true, encoding: .utf8)
        let g = ContourPlot.sampling(x: -2...2, y: -1...3, nx: 80, ny: 80) { x, y in (1 - x) * (1 - x) + 100 * (y - x * x) * (y - x * x) }
        var p = (-1.2, 1.0), path = [p]
        for _ in 0..<3000 {
            let gx = -2 * (1 - p.0) - 400 * p.0 * (p.1 - p.0 * p.0), gy = 200 * (p.1 - p.0 * p.0)
            p = (p.0 - 0.001 * gx, p.1 - 0.001 * gy)
            path.append(p)
        }
        try SVGPlot().render(ContourPlot(xs: g.xs, ys: g.ys, values: g.values, path: path, title: "Rosenbrock, gd rate 0.001"))
            .write(to: dir.appendingPathComponent("rosenbrock.svg"), atomically: true, encoding: .utf8)
        let bowl = ContourPlot.sampling(x: -2...2, y: -2...2, nx: 41, ny: 41) { x, y in x * x + 3 * y * y }
        try SVGPlot(width: 560, height: 460).render(ContourPlot(xs: bowl.xs, ys: bowl.ys, values: bowl.values,
                                                                path: plotBowlPath(start: (-1.8, 1.6), rate: 0.3, steps: 12), title: "x² + 3y², rate 0.3"))
            .write(to: dir.appendingPathComponent("bowl.svg"), atomically: true, encoding: .utf8)
        // terminal versions of the same plots, narrow and in colour
        var text = BraillePlot(width: 20, height: 6).render(LinePlot(series: [a, b], xLabel: "x")) + "\n\n"
        text += BraillePlot(width: 70, height: 16, color: true).render(LinePlot(series: [a, b], xLabel: "x", title: "colour")) + "\n\n"
        text += BraillePlot(width: 70, height: 20, color: true).render(ContourPlot(xs: g.xs, ys: g.ys, values: g.values, path: path)) + "\n\n"
        text += BraillePlot(width: 70, height: 20).render(ContourPlot(xs: g.xs, ys: g.ys, values: g.values, path: path)) + "\n"
        try text.write(to: dir.appendingPathComponent("terminal.txt"), atomically: true, encoding: .utf8)
        let steps = (0...300).map(Double.init)
        let losses = [0.001, 0.01, 0.05].map { rate in
            LineSeries(label: "rate \(rate)", xs: steps, ys: steps.map { 4 * pow(1 - 2 * rate * 1.0, 2 * $0) + 1e-9 })
        }
        try SVGPlot().render(LinePlot(series: losses, xLabel: "step", yLabel: "loss", logY: true, title: "learning rates"))
            .write(to: dir.appendingPathComponent("loss.svg"), atomically: true, encoding: .utf8)
    }
}

// MARK: SVG parsing helpers

/// Every element of an SVG document in document order, with its attributes
/// and its text content.
final class PlotSVGDoc: NSObject, XMLParserDelegate {
    struct Element {
        var name: String
        var attributes: [String: String]
        var text: String = ""
        var classes: [String] { (attributes["class"] ?? "").split(separator: " ").map(String.init) }
    }
    var elements: [Element] = []
    var open: [Int] = []
    var parseError: Error?

    init(_ text: String) throws {
        super.init()
        let parser = XMLParser(data: Data(text.utf8))
        parser.delegate = self
        if !parser.parse() { throw parser.parserError ?? parseError ?? CocoaError(.fileReadCorruptFile) }
    }

    func withClass(_ c: String) -> [Element] { elements.filter { $0.classes.contains(c) } }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        elements.append(Element(name: name, attributes: attributes))
        open.append(elements.count - 1)
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        open.removeLast()
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if let i = open.last { elements[i].text += string }
    }

    func parser(_ parser: XMLParser, parseErrorOccurred error: Error) { parseError = error }
}

/// The number of points (M and L commands) in path data.
func plotPathPointCount(_ d: String) -> Int { d.filter { $0 == "M" || $0 == "L" }.count }

/// All numbers in path data, in order.
func plotPathNumbers(_ d: String) -> [Double] {
    d.split(whereSeparator: { $0 == "M" || $0 == "L" || $0 == " " }).compactMap { Double($0) }
}
