// PlotTickTests — axes that end at nice values beyond the data and ticks in
// multiples of π for a range given with π (issue 12, "Plots"): the tick
// helpers (PlotTickRanges.swift) against values worked out by hand, and the
// plot command end to end in braille (a golden file) and SVG.

import Foundation
import Testing
@testable import CalcCore

@Suite("plot ticks: nice ends and multiples of π")
struct PlotTickTests {
    @Test("ranges given with π are recognised; others are not", arguments: [
        (-Double.pi, Double.pi, 1 as Int?), (0, 2 * Double.pi, 1), (0, Double.pi / 2, 2), (-Double.pi / 4, Double.pi / 4, 4),
        (0, Double.pi / 3, 3), (0, Double.pi / 6, 6), (0, Double.pi / 12, 12), (0, 1, nil), (-3, 3, nil), (0, 0, nil),
        (-3.14, 3.14, nil), (0, 6.283185307179586, 1),
    ])
    func piDenominator(_ lo: Double, _ hi: Double, _ expected: Int?) {
        #expect(PlotTicks.piDenominator(lo, hi) == expected)
    }

    @Test("π ticks are labelled as a teacher writes them", arguments: [
        (-Double.pi, Double.pi, 1, 9, ["-π", "-π/2", "0", "π/2", "π"]),
        (0, 2 * Double.pi, 1, 9, ["0", "π/2", "π", "3π/2", "2π"]),
        (0, 2 * Double.pi, 1, 3, ["0", "π", "2π"]),
        (-Double.pi / 4, Double.pi / 4, 4, 9, ["-π/4", "0", "π/4"]),
        (0, Double.pi / 3, 3, 9, ["0", "π/3"]),
        (0, 20 * Double.pi, 1, 6, ["0", "5π", "10π", "15π", "20π"]),
    ])
    func piLabels(_ lo: Double, _ hi: Double, _ d: Int, _ maxCount: Int, _ labels: [String]) throws {
        let ticks = try #require(PlotTicks.multiplesOfPi(lo, hi, denominator: d, maxCount: maxCount))
        #expect(ticks.map(\.1) == labels)
        // each tick sits at the value its label names
        for (v, label) in ticks where label != "0" {
            var text = label.replacingOccurrences(of: "π", with: "")
            var sign = 1.0
            if text.hasPrefix("-") { sign = -1; text.removeFirst() }
            let parts = text.split(separator: "/", omittingEmptySubsequences: false)
            let n = parts[0].isEmpty ? 1 : Double(parts[0])!, m = parts.count > 1 ? Double(parts[1])! : 1
            #expect(abs(v - sign * n / m * Double.pi) < 1e-12)
        }
    }

    @Test("a fitted range is widened to the next ticks", arguments: [
        (-0.99978, 0.99978, 8, -1.0, 1.0), (0.0, 0.93, 8, 0.0, 1.0), (0.2, 9.7, 6, 0.0, 10.0), (-1.0, 1.0, 8, -1.0, 1.0),
        (1.0e-4, 25.0, 8, 0.0, 25.0), (3.05, 3.4, 5, 3.0, 3.4), (3.05, 3.41, 5, 3.0, 3.6),
    ])
    func niceBounds(_ lo: Double, _ hi: Double, _ maxCount: Int, _ a: Double, _ b: Double) throws {
        let (x, y) = try #require(PlotTicks.niceBounds(lo, hi, maxCount: maxCount))
        #expect(abs(x - a) < 1e-12 && abs(y - b) < 1e-12, "\(x) \(y)")
        #expect(x <= lo && y >= hi)
        // the widened ends are ticks
        let (ticks, _) = PlotTicks.nice(x, y, maxCount: maxCount)
        #expect(abs(ticks.first! - x) < 1e-12 && abs(ticks.last! - y) < 1e-12)
    }

    @Test("a fixed range is kept as given; a log axis keeps its decades")
    func fixedRangesKept() {
        let a = PlotAxis.fitting([0.1, 0.93], log: false, fixed: 0.1...0.93, niceEnds: 8)
        #expect(a.lo == 0.1 && a.hi == 0.93)
        let l = PlotAxis.fitting([0.01, 30], log: true, niceEnds: 8)
        #expect(l.lo == -2 && l.hi == 2)
    }

    func plotText(_ program: String, width: Int = 60, height: Int = 15) -> String {
        let s = Session()
        s.settings.plotWidth = width
        s.settings.plotHeight = height
        let (events, status) = s.run(program)
        #expect(status == .ok)
        for case .result(let r) in events { return r }
        return ""
    }

    @Test("plot sin(x) from -pi to pi: y from -1 to 1, x ticks -π … π (golden)")
    func sineOverPi() {
        let text = plotText("plot sin(x) from -pi to pi")
        PlotGolden.check("sin-pi-command", text)
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.hasPrefix("   1┤") })
        #expect(lines.contains { $0.hasPrefix("  -1┤") })
        let labels = lines.first { $0.contains("π/2") }?.split(separator: " ").map(String.init)
        #expect(labels == ["-π", "-π/2", "0", "π/2", "π"])
    }

    @Test("plot sigmoid(x), x/2 from 0 to 2π: π ticks, y widened to round values (golden)")
    func twoCurvesOverTwoPi() {
        let text = plotText("plot sigmoid(x), x/2 from 0 to 2π")
        PlotGolden.check("sigmoid-two-pi-command", text)
        let labels = text.split(separator: "\n").first { $0.contains("3π/2") }?.split(separator: " ").map(String.init)
        #expect(labels == ["0", "π/2", "π", "3π/2", "2π"])
        // x/2 reaches π ≈ 3.14: the axis ends at the next tick above
        #expect(text.split(separator: "\n").contains { $0.hasPrefix("3.5┤") }, "\(text)")
    }

    @Test("the SVG of a plot over [-π, π] has the same ticks and ends at ±1")
    func svgPiTicks() throws {
        let s = Session()
        var written: [String: String] = [:]
        s.writeFile = { path, text in written[path] = text; return .success(()) }
        #expect(s.run("plot sin(x) from -pi to pi to \"s.svg\"").status == .ok)
        let svg = try #require(written["s.svg"])
        let labels = svg.components(separatedBy: "class=\"tick-label").dropFirst().compactMap { chunk -> String? in
            guard let start = chunk.firstIndex(of: ">"), let end = chunk.firstIndex(of: "<") else { return nil }
            return String(chunk[chunk.index(after: start)..<end])
        }
        for label in ["-π", "-π/2", "π/2", "π", "1", "-1"] { #expect(labels.contains(label), "\(label) in \(labels)") }
    }
}
