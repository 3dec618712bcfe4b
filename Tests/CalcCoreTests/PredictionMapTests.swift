// PredictionMapTests — `plot net(u, v, θ) over (…) with points (xs, ys, labels)`
// (issue 15): a 2-2-1 sigmoid network written with scalar weights learns XOR
// with `minimize`, its end point is bound as θ and spread into the network's
// trailing parameters, and the plot draws the prediction map with the four
// data points marked. The terminal plot is a golden file
// (golden/plots/xor-prediction.txt, 60 × 15, colour off); the SVG is parsed
// and its data points checked against the data and the map's colour scale.
// Also: the renderers' marks on hand-made maps, and the errors of `with points`.

import Testing
import Foundation
@testable import CalcCore

/// XOR: the data, the network, its loss, and a start from which gradient descent separates the classes.
let xorProgram = """
x1 = [0, 0, 1, 1]
x2 = [0, 1, 0, 1]
y = [0, 1, 1, 0]
net(u, v, w1, w2, w3, w4, w5, w6, w7, w8, w9) = sigmoid(w7*sigmoid(w1*u + w2*v + w3) + w8*sigmoid(w4*u + w5*v + w6) + w9)
L(w1, w2, w3, w4, w5, w6, w7, w8, w9) = mean((net(x1, x2, w1, w2, w3, w4, w5, w6, w7, w8, w9) - y)^2)
θ = minimize L from (1, -1, 0.5, -1, 1, 0.5, 1, 1, -1) rate 5 steps 5000;
"""

/// A session at the golden plots' size (60 × 15, no colour) with XOR trained.
private func trainedXOR() -> Session {
    let s = Session()
    var settings = s.settings
    settings.plotWidth = 60
    settings.plotHeight = 15
    settings.color = false
    s.settings = settings
    _ = evalText(xorProgram, session: s)
    return s
}

@Suite("prediction maps")
struct PredictionMapTests {
    // One test trains once and checks everything on that session: training
    // is the costly part, and the suite runs beside timing-sensitive tests.
    @Test("XOR: the trained network separates the classes; golden terminal map; SVG map")
    func xor() throws {
        let s = trainedXOR()
        // the prediction on each data point, rounded, is its class
        #expect(evalText("floor(net(x1, x2, θ) + 0.5)", session: s) == "[0, 1, 1, 0]")
        _ = evalText("loss = L(θ)", session: s)
        guard case .number(let loss)? = s.value(of: "loss") else { Issue.record("no loss"); return }
        #expect(loss.double < 0.01)

        // the terminal map: the four points sit in the corners, each marked with its class
        let text = evalText("plot net(u, v, θ) over (u from 0 to 1, v from 0 to 1) with points (x1, x2, y)", session: s)
        PlotGolden.check("xor-prediction", text)
        let rows = plotAreaRows(text)
        #expect(rows.first?.first == "1" && rows.first?.last == "0")   // (0, 1) is 1, (1, 1) is 0
        #expect(rows.last?.first == "0" && rows.last?.last == "1")     // (0, 0) is 0, (1, 0) is 1
        #expect(text.contains("0 1 data"))

        // the SVG map marks the data in the map's colours
        var written: [String: String] = [:]
        s.writeFile = { path, text in written[path] = text; return .success(()) }
        _ = evalText("plot net(u, v, θ) over (u from 0 to 1, v from 0 to 1) with points (x1, x2, y) to \"xor.svg\"", session: s)
        let svg = try #require(written["xor.svg"])
        let doc = try PlotSVGDoc(svg)
        let points = doc.withClass("data-point")
        #expect(points.count == 4)
        // class 0 points take the ramp's low colour, class 1 the high one (the map spans about 0.01 … 0.99)
        let fills = points.map { $0.attributes["fill"]! }
        #expect(fills[0] == fills[3] && fills[1] == fills[2] && fills[0] != fills[1])
        #expect(fills[0] == SVGPlot.hex(SVGPlot.rampColor(0)))
        #expect(fills[1] == SVGPlot.hex(SVGPlot.rampColor(1)))
        // (0, 0) is left of and below (1, 1) on the page
        let cx = points.map { Double($0.attributes["cx"]!)! }, cy = points.map { Double($0.attributes["cy"]!)! }
        #expect(cx[0] < cx[2] && cy[0] > cy[1])
        #expect(doc.withClass("legend-points").count == 1)
        #expect(!doc.withClass("isolines").isEmpty)
    }

    // MARK: the renderers

    @Test("marks are the labels' digits, or o without labels")
    func terminalGlyphs() {
        let g = ContourPlot.sampling(x: 0...1, y: 0...1, nx: 11, ny: 11) { x, _ in x }
        var plot = ContourPlot(xs: g.xs, ys: g.ys, values: g.values)
        plot.marks = MarkedPoints(xs: [0, 1], ys: [0, 1], labels: [3, 7])
        let term = BraillePlot(width: 40, height: 10)
        let rows = plotAreaRows(term.render(plot))
        #expect(rows.last?.first == "3" && rows.first?.last == "7")
        plot.marks = MarkedPoints(xs: [0.5], ys: [0.5], labels: [0.25])
        #expect(term.render(plot).contains("o data"))
        plot.marks = MarkedPoints(xs: [5], ys: [5])   // outside the map: not drawn, no legend
        #expect(!term.render(plot).contains("data"))
        #expect(SVGPlot().render(plot).contains("data-point") == false)
    }

    @Test("a curve with its data: a fitted line over the points")
    func curveWithPoints() throws {
        let s = Session()
        var settings = s.settings
        settings.plotWidth = 60
        settings.plotHeight = 15
        s.settings = settings
        // the points lie above the curve's range: the y axis grows to show them
        let text = evalText("xs = [0, 0.5, 1]; ys = [0, 2, 4]; plot x from 0 to 1 with points (xs, ys)", session: s)
        let rows = plotAreaRows(text)
        #expect(rows.first?.last == "o")                      // (1, 4) at the top right
        #expect(rows.last?.first == "o")                      // (0, 0) at the bottom left
        #expect(text.contains("o data"))
        var written: [String: String] = [:]
        s.writeFile = { path, text in written[path] = text; return .success(()) }
        _ = evalText("plot x from 0 to 1 with points (xs, ys) to \"fit.svg\"", session: s)
        let doc = try PlotSVGDoc(try #require(written["fit.svg"]))
        #expect(doc.withClass("data-point").count == 3)
        #expect(doc.withClass("legend-points").count == 1)
    }

    @Test("with points errors", arguments: [
        ("plot u*v over (u from 0 to 1, v from 0 to 1) with points «([1, 2], [1, 2, 3])»", DiagnosticID.lengthMismatch,
         "the lists of `with points` differ in length (2, 3)"),
        ("plot u*v over (u from 0 to 1, v from 0 to 1) with points ([1, 2], «(1, 2)»)", .typeMismatch,
         "`with points` takes lists of numbers, found a tuple of 2"),
        ("plot u^2 from 0 to 1 with points «([1], [1, 2])»", .lengthMismatch, "the lists of `with points` differ in length (1, 2)"),
        ("plot u*v over (u from 0 to 1, v from 0 to 1) with points «([1])»", .expectedToken,
         "`with points` takes 2 or 3 lists (x, y and labels), but 1 was given"),
        ("plot u*v over (u from 0 to 1, v from 0 to 1) with «[»1]", .expectedToken, "expected `points` after `with`, found `[`"),
    ])
    func errors(_ marked: String, _ id: DiagnosticID, _ message: String) {
        let (text, range) = unmark(marked)
        let (events, _) = Session().run(text)
        let d = events.compactMap { if case .diagnostic(let d) = $0 { return d }; return nil }.first
        #expect(d?.id == id)
        #expect(d?.range == range)
        #expect(d.map { Catalogue.english.text($0.text) } == message)
    }
}
