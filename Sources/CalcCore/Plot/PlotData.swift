// PlotData — what a plot shows, independent of how it is drawn.
//
//   LinePlot     one or more curves y(x) sampled at points (`plot e₁, e₂ from
//                a to b`, the loss curve of `minimize … plot`).
//   ContourPlot  a function of two variables sampled on a grid (`plot f over
//                (…)`), optionally with the path of descent iterates on top.
//
// Samples may be NaN or ±inf where the function is undefined: the renderers
// leave a gap there, never crash. The same values feed both renderers
// (BraillePlot for the terminal, SVGPlot for files), so the two always agree
// on ranges, ticks and scales; the shared decisions live here:
//
//   PlotTicks          "nice" tick values (1, 2, 5 × 10^k) and compact labels
//                      (where an axis ends and π ticks: PlotTickRanges.swift)
//                      (`0.5`, `-2`, `1e6`, `2.5e-4`), decades for log axes
//                      labelled as powers of ten (`10⁻³`).
//   shouldUseLogScale  positive values spanning at least three decades.
//   ValueScale         how a contour value maps to a shade in [0, 1].

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// MARK: the input model

/// One curve: `ys[i]` is the value at `xs[i]`. Non-finite values (and, on a
/// log scale, values ≤ 0) are gaps; extra points in the longer array are ignored.
public struct LineSeries: Sendable, Equatable {
    public var label: String
    public var xs: [Double]
    public var ys: [Double]

    public init(label: String, xs: [Double], ys: [Double]) {
        self.label = label
        self.xs = xs
        self.ys = ys
    }

    /// The number of points that are drawn (finite x and y, y > 0 on a log scale).
    public func drawablePointCount(logY: Bool = false) -> Int {
        var n = 0
        for i in 0..<min(xs.count, ys.count) where xs[i].isFinite && ys[i].isFinite && (!logY || ys[i] > 0) { n += 1 }
        return n
    }
}

/// The few words a plot's legend says, in the caller's language (the
/// defaults are English).
public struct PlotWords: Sendable, Equatable {
    public var start = "start"
    public var end = "end"
    /// The braille map's note on cells without a value.
    public var undefined = "blank: undefined"
    /// After the braille map's value range.
    public var logShort = "(log)"
    /// Above the SVG map's colour bar.
    public var logScale = "log scale"
    /// The legend entry of marked data points.
    public var points = "data"
    public init() {}
}

/// Data marked on a map (`plot … with points (xs, ys, labels)`): point i at
/// (xs[i], ys[i]), labelled by labels[i] (its class or target) when given.
public struct MarkedPoints: Sendable, Equatable {
    public var xs: [Double]
    public var ys: [Double]
    public var labels: [Double]?

    public init(xs: [Double], ys: [Double], labels: [Double]? = nil) {
        self.xs = xs
        self.ys = ys
        self.labels = labels
    }

    /// Whether every label is a whole number from 0 to 9 (classes): a
    /// terminal then marks each point with its label's digit.
    public var labelsAreDigits: Bool {
        guard let labels, !labels.isEmpty else { return false }
        return labels.allSatisfy { $0 >= 0 && $0 <= 9 && $0 == $0.rounded() }
    }

    /// The character a terminal marks point i with: its label's digit, else `o`.
    public func glyph(_ i: Int) -> Character {
        guard labelsAreDigits, let labels, i < labels.count else { return "o" }
        return Character(String(Int(labels[i])))
    }

    /// The finite y values (for fitting an axis).
    var finiteYs: [Double] { ys.filter(\.isFinite) }

    /// The distinct glyphs, in order (for the legend).
    public var glyphs: [Character] {
        let all = (0..<min(xs.count, ys.count)).map(glyph)
        return Array(Set(all)).sorted()
    }
}

/// Several curves over a common x axis.
public struct LinePlot: Sendable, Equatable {
    public var series: [LineSeries]
    public var xLabel: String
    public var yLabel: String
    /// Logarithmic y axis (values ≤ 0 become gaps); see `shouldUseLogScale`.
    public var logY: Bool
    public var title: String?
    /// A fixed y range (curves are clipped to it); nil fits the finite data.
    public var yRange: ClosedRange<Double>?
    /// Data points drawn over the curves (a fit's data); the y axis fits them too.
    public var marks: MarkedPoints? = nil

    public init(series: [LineSeries], xLabel: String = "x", yLabel: String = "", logY: Bool = false,
                title: String? = nil, yRange: ClosedRange<Double>? = nil) {
        self.series = series
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.logY = logY
        self.title = title
        self.yRange = yRange
    }

    /// False when no series has a single drawable point (the function is
    /// undefined throughout): the plot area would be empty.
    public var hasDrawablePoints: Bool { series.contains { $0.drawablePointCount(logY: logY) > 0 } }
}

/// How contour values map to shades.
public enum ContourShading: String, Sendable {
    /// Logarithmic in the height above the minimum when the values are so
    /// skewed that a linear ramp would paint most cells in its lowest shades
    /// (Rosenbrock, Himmelblau, exp), else `linear`.
    case auto
    case linear
    /// Logarithmic: log10(v) when every value is positive, otherwise log10
    /// of the height above the minimum (plus its 5th percentile, so that the
    /// lowest shade marks the cells around the minima).
    case log
}

/// A function of two variables on a grid: `values[j][i]` = f(xs[i], ys[j])
/// (rows are y). NaN/inf cells are left blank. Both axes ascending or
/// descending; missing cells (ragged rows) count as NaN.
public struct ContourPlot: Sendable {
    public var xs: [Double]
    public var ys: [Double]
    public var values: [[Double]]
    public var xLabel: String
    public var yLabel: String
    /// The descent iterates, first to last; the first is marked start and the last end.
    public var path: [(Double, Double)]?
    public var title: String?
    public var shading: ContourShading
    /// Data points drawn over the map (a classifier's training data).
    public var marks: MarkedPoints? = nil

    public init(xs: [Double], ys: [Double], values: [[Double]], xLabel: String = "x", yLabel: String = "y",
                path: [(Double, Double)]? = nil, title: String? = nil, shading: ContourShading = .auto) {
        self.xs = xs
        self.ys = ys
        self.values = values
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.path = path
        self.title = title
        self.shading = shading
    }

    /// Samples `f` on an nx × ny grid over the box (both ends included).
    public static func sampling(x: ClosedRange<Double>, y: ClosedRange<Double>, nx: Int, ny: Int,
                                _ f: (Double, Double) -> Double) -> (xs: [Double], ys: [Double], values: [[Double]]) {
        let xs = PlotMath.linspace(x.lowerBound, x.upperBound, max(2, nx))
        let ys = PlotMath.linspace(y.lowerBound, y.upperBound, max(2, ny))
        return (xs, ys, ys.map { yv in xs.map { xv in f(xv, yv) } })
    }

    /// False when no grid value is finite (the function is undefined throughout).
    public var hasFiniteValues: Bool { values.contains { $0.contains { $0.isFinite } } }

    /// The value at grid point (i, j), NaN when missing.
    func value(_ i: Int, _ j: Int) -> Double {
        guard j >= 0, j < values.count, i >= 0, i < values[j].count else { return .nan }
        return values[j][i]
    }

    /// The grid with both axes ascending (reversing rows/columns when needed)
    /// and non-finite axis entries tolerated; used by both renderers.
    func normalized() -> ContourPlot {
        var p = self
        if let f = xs.first, let l = xs.last, f > l {
            p.xs = xs.reversed()
            p.values = values.map { row in
                (0..<xs.count).map { i in let k = xs.count - 1 - i; return k < row.count ? row[k] : .nan }
            }
        }
        if let f = ys.first, let l = ys.last, f > l {
            p.ys = ys.reversed()
            p.values = (0..<ys.count).map { j in let k = ys.count - 1 - j; return k < p.values.count ? p.values[k] : [] }
        }
        return p
    }

    /// The value at an arbitrary (x, y) by bilinear interpolation between the
    /// four surrounding grid points; the nearest finite corner when some are
    /// missing, NaN outside the grid or when all four are.
    func interpolate(_ x: Double, _ y: Double) -> Double {
        guard let i = PlotMath.bracket(xs, x), let j = PlotMath.bracket(ys, y) else { return .nan }
        let i1 = min(i + 1, xs.count - 1), j1 = min(j + 1, ys.count - 1)
        let tx = i1 == i ? 0 : (x - xs[i]) / (xs[i1] - xs[i])
        let ty = j1 == j ? 0 : (y - ys[j]) / (ys[j1] - ys[j])
        let v00 = value(i, j), v10 = value(i1, j), v01 = value(i, j1), v11 = value(i1, j1)
        if v00.isFinite && v10.isFinite && v01.isFinite && v11.isFinite {
            return (v00 * (1 - tx) + v10 * tx) * (1 - ty) + (v01 * (1 - tx) + v11 * tx) * ty
        }
        // nearest finite corner
        let corners = [(v00, tx * tx + ty * ty), (v10, (1 - tx) * (1 - tx) + ty * ty),
                       (v01, tx * tx + (1 - ty) * (1 - ty)), (v11, (1 - tx) * (1 - tx) + (1 - ty) * (1 - ty))]
        return corners.filter { $0.0.isFinite }.min { $0.1 < $1.1 }?.0 ?? .nan
    }
}

// MARK: scales and ticks

/// True when the finite values are all positive and span at least three
/// decades (max/min ≥ 1000): a loss curve that falls from 10 to 1e-6 reads
/// on a log axis, a linear one would show a cliff and a flat line.
public func shouldUseLogScale(_ values: [Double]) -> Bool {
    var lo = Double.infinity, hi = -Double.infinity, n = 0
    for v in values where v.isFinite {
        if v <= 0 { return false }
        lo = min(lo, v); hi = max(hi, v); n += 1
    }
    return n >= 2 && hi / lo >= 1000
}

public enum PlotTicks {
    /// Tick values of the form i·step with step 1, 2 or 5 × 10^k, inside
    /// [lo, hi], as many as fit in `maxCount` (the smallest such step). An
    /// empty or non-finite range gives no ticks.
    public static func nice(_ lo: Double, _ hi: Double, maxCount: Int) -> (values: [Double], step: Double) {
        guard lo.isFinite, hi.isFinite, hi > lo, maxCount >= 1 else {
            return (lo.isFinite && lo == hi ? [lo] : [], 0)
        }
        let span = hi - lo
        guard span.isFinite else { return ([], 0) }
        var k = Int((log10(span / Double(maxCount))).rounded(.down)) - 1
        while true {
            for m in [1.0, 2.0, 5.0] {
                let step = m * pow(10, Double(k))
                // (a tolerance, so that 0.9 counts as inside [0.9, 1.1] with step 0.05)
                let first = (lo / step - 1e-9).rounded(.up), last = (hi / step + 1e-9).rounded(.down)
                // (tick indices beyond 2^50 cannot be counted one by one)
                guard first.isFinite, last.isFinite else { continue }
                if Swift.abs(first) > 1e15 || Swift.abs(last) > 1e15 { return ([], 0) }
                if last - first + 1 <= Double(maxCount) {
                    var vs: [Double] = []
                    var i = first
                    while i <= last {
                        var v = i * step
                        if Swift.abs(v) < step * 1e-9 { v = 0 }
                        vs.append(v)
                        i += 1
                    }
                    return (vs, step)
                }
            }
            k += 1
            if k > 400 { return ([], 0) }
        }
    }

    /// A compact label for a tick at `v` when ticks are `step` apart: as few
    /// decimals as the step needs (`0.5`, `12`, `-3.25`), exponent form for
    /// very large or small magnitudes (`1e6`, `2.5e-4`).
    public static func label(_ v: Double, step: Double) -> String {
        guard v.isFinite else { return PlotMath.nonFinite(v) }
        if v == 0 { return "0" }
        guard step > 0, step.isFinite else { return PlotMath.significant(v, 6) }
        let stepExpFixed = Int((log10(step) + 1e-9).rounded(.down))
        let vExp = Int((log10(Swift.abs(v)) + 1e-9).rounded(.down))
        if Swift.abs(v) >= 1e6 || stepExpFixed < -4 {
            let mantissa = v / pow(10, Double(vExp))
            let decimals = max(0, vExp - stepExpFixed)
            var m = PlotMath.fixed(mantissa, min(decimals, 15))
            if m == "10" || m == "-10" { // rounding carried into the next decade
                return (v < 0 ? "-" : "") + "1e\(vExp + 1)"
            }
            if m == "-0" { m = "0" }
            return m + "e\(vExp)"
        }
        let s = PlotMath.fixed(v, max(0, -stepExpFixed))
        return s == "-0" ? "0" : s
    }

    /// Exponents k of the decade ticks 10^k for a log axis over
    /// [10^lo, 10^hi] (lo, hi whole numbers): every decade, or every 2nd,
    /// 3rd, 5th, 10th… so that at most `maxCount` appear.
    public static func decades(_ lo: Int, _ hi: Int, maxCount: Int) -> [Int] {
        guard hi >= lo else { return [] }
        for every in [1, 2, 3, 5, 10, 20, 25, 50, 100, 200, 500, 1000] {
            let first = Int((Double(lo) / Double(every)).rounded(.up)) * every
            var ks: [Int] = []
            var k = first
            while k <= hi { ks.append(k); k += every }
            if ks.count <= max(1, maxCount) { return ks }
        }
        return [lo, hi]
    }

    /// `10⁻³`, `10⁰`, `10¹²`.
    public static func powerOfTen(_ k: Int) -> String {
        "10" + Superscript.text(k)
    }
}

/// One axis: a data range mapped to [0, 1], linear or logarithmic (stored as
/// exponents), with its ticks and their labels.
struct PlotAxis {
    var lo: Double            // in axis space (log10 of the value when log)
    var hi: Double
    var log: Bool
    /// Ticks at multiples of π/`piDenominator` and above (`π/2`, `π`, `3π/2`):
    /// set when both ends are multiples of π/12 and one is not 0 (a range
    /// given with π, `from -pi to pi`), on an axis that is not fitted to a
    /// curve's values (those get `niceEnds`); nil for decimal ticks.
    var piDenominator: Int? = nil

    /// The range of the finite values (positive ones when `log`), widened
    /// when empty or a single value; log axes snap to whole decades.
    /// With `niceEnds` (the most ticks the axis will show), a linear range
    /// fitted to the data — not a `fixed` one, nor one whose ends are
    /// multiples of π — is widened outwards to the next tick values, so
    /// the axis ends at labelled values beyond the data (sin sampled over
    /// [−π, π] peaks at 0.9998 and its axis ends at ±1).
    static func fitting(_ values: [Double], log: Bool, fixed: ClosedRange<Double>? = nil,
                        niceEnds: Int? = nil) -> PlotAxis {
        var axis = fittingData(values, log: log, fixed: fixed)
        guard !log else { return axis }
        // (the values of a curve do not get π ticks, only the ranges the user gave)
        axis.piDenominator = niceEnds == nil ? PlotTicks.piDenominator(axis.lo, axis.hi) : nil
        let fitted = fixed == nil || !(fixed!.lowerBound.isFinite && fixed!.upperBound.isFinite)
        if fitted, axis.piDenominator == nil, let maxCount = niceEnds,
           let (lo, hi) = PlotTicks.niceBounds(axis.lo, axis.hi, maxCount: max(2, maxCount)) {
            (axis.lo, axis.hi) = (lo, hi)
        }
        return axis
    }

    private static func fittingData(_ values: [Double], log: Bool, fixed: ClosedRange<Double>?) -> PlotAxis {
        var lo = Double.infinity, hi = -Double.infinity
        if let fixed, fixed.lowerBound.isFinite, fixed.upperBound.isFinite, !log || fixed.lowerBound > 0 {
            lo = log ? log10(fixed.lowerBound) : fixed.lowerBound
            hi = log ? log10(fixed.upperBound) : fixed.upperBound
        } else {
            for v in values where v.isFinite && (!log || v > 0) {
                let a = log ? log10(v) : v
                lo = min(lo, a); hi = max(hi, a)
            }
        }
        if !lo.isFinite || !hi.isFinite { (lo, hi) = log ? (0, 1) : (0, 1) }
        if log {
            let l = lo.rounded(.down), h = hi.rounded(.up)
            return PlotAxis(lo: l, hi: h > l ? h : l + 1, log: true)
        }
        if hi * 0.5 - lo * 0.5 <= Swift.abs(hi) * 1e-12 {
            let c = (lo + hi) / 2
            let pad = c == 0 ? 1 : Swift.abs(c) * 0.1
            (lo, hi) = (c - pad, c + pad)
        }
        return PlotAxis(lo: lo, hi: hi, log: false)
    }

    /// Axis space for a value, nil for values not drawn (non-finite, ≤ 0 on a log axis).
    func axisValue(_ v: Double) -> Double? {
        guard v.isFinite else { return nil }
        if log { return v > 0 ? log10(v) : nil }
        return v
    }

    /// Position in [0, 1] of an axis-space value (outside for values off the axis).
    func unit(_ a: Double) -> Double { (a * 0.5 - lo * 0.5) / (hi * 0.5 - lo * 0.5) }

    /// Ticks as (axis-space position, label), at most `maxCount`.
    func ticks(maxCount: Int) -> [(Double, String)] {
        if log {
            return PlotTicks.decades(Int(lo), Int(hi), maxCount: maxCount).map { (Double($0), PlotTicks.powerOfTen($0)) }
        }
        if let d = piDenominator, let t = PlotTicks.multiplesOfPi(lo, hi, denominator: d, maxCount: max(2, maxCount)) {
            return t
        }
        let (vs, step) = PlotTicks.nice(lo, hi, maxCount: max(2, maxCount))
        return vs.map { ($0, PlotTicks.label($0, step: step)) }
    }

    /// Ticks whose labels fit in `length` units when a label is `perChar`
    /// units per character plus `gap`: the most ticks that do not crowd.
    func ticksFitting(length: Double, perChar: Double, gap: Double) -> [(Double, String)] {
        var maxCount = max(2, Int(length / (perChar * 2 + gap)))
        while true {
            let t = ticks(maxCount: maxCount)
            let widest = Double(t.map { $0.1.count }.max() ?? 1)
            if maxCount <= 2 || Double(t.count) * (widest * perChar + gap) <= length { return t }
            maxCount -= 1
        }
    }
}

/// How a contour value maps to t in [0, 1] (the position on the colour or
/// character ramp).
struct ValueScale {
    enum Kind { case linear, log, logAboveMin }
    var kind: Kind
    var minValue: Double      // smallest finite value
    var maxValue: Double      // largest finite value
    var lo: Double            // transformed min
    var hi: Double            // transformed max
    var offset: Double        // logAboveMin: log10(v − minValue + offset)

    init(values: [Double], shading: ContourShading) {
        let finite = values.filter { $0.isFinite }.sorted()
        minValue = finite.first ?? 0
        maxValue = finite.last ?? 1
        let span = maxValue - minValue
        offset = 0
        var wantLog: Bool
        switch shading {
        case .linear: wantLog = false
        case .log: wantLog = true
        case .auto:
            // Skewed: at least 30% of the values lie in the lowest tenth of
            // the range (Rosenbrock 62%, Himmelblau 38%, a round bowl 18%).
            let cut = minValue + 0.1 * span
            let low = finite.prefix { $0 < cut }.count
            wantLog = span > 0 && span.isFinite && Double(low) >= 0.3 * Double(finite.count)
        }
        if finite.count < 2 || !(span > 0) || !span.isFinite { wantLog = false }
        if wantLog && shading == .log && minValue > 0 {
            kind = .log
            lo = log10(minValue); hi = log10(maxValue)
        } else if wantLog {
            kind = .logAboveMin
            // The offset sets where the log "starts": the 5th percentile of
            // the distances above the minimum, so that the lowest shade marks
            // the few cells around the minima and the others spread out.
            offset = Swift.max(finite[finite.count / 20] - minValue, span * 1e-6)
            lo = log10(offset); hi = log10(span + offset)
        } else {
            kind = .linear
            lo = minValue; hi = maxValue
        }
        if !(hi > lo) || !(hi - lo).isFinite { kind = .linear; lo = minValue; hi = minValue + 1 }
    }

    var isLog: Bool { kind != .linear }

    /// t in [0, 1]; nil for non-finite values.
    func t(_ v: Double) -> Double? {
        guard v.isFinite else { return nil }
        let a: Double
        switch kind {
        case .linear: a = v
        case .log: a = log10(Swift.max(v, minValue))
        case .logAboveMin: a = log10(Swift.max(v - minValue, 0) + offset)
        }
        return Swift.min(1, Swift.max(0, (a - lo) / (hi - lo)))
    }

    /// The value at position t (inverse of `t`).
    func value(at t: Double) -> Double {
        let a = lo + t * (hi - lo)
        switch kind {
        case .linear: return a
        case .log: return pow(10, a)
        case .logAboveMin: return minValue + pow(10, a) - offset
        }
    }

    /// A short label for a value on the colour bar / legend (3 significant digits).
    static func label(_ v: Double) -> String { PlotMath.significant(v, 3) }
}

// MARK: small numeric helpers shared by the renderers

enum PlotMath {
    static func linspace(_ a: Double, _ b: Double, _ n: Int) -> [Double] {
        guard n > 1 else { return [a] }
        return (0..<n).map { i in i == n - 1 ? b : a + (b - a) * Double(i) / Double(n - 1) }
    }

    /// Index i with xs[i] ≤ x ≤ xs[i+1] in an ascending array (the last index
    /// for x == last), nil outside or for a degenerate array.
    static func bracket(_ xs: [Double], _ x: Double) -> Int? {
        guard let first = xs.first, let last = xs.last, x.isFinite, x >= first, x <= last else { return nil }
        if xs.count == 1 { return 0 }
        var lo = 0, hi = xs.count - 1
        while hi - lo > 1 {
            let mid = (lo + hi) / 2
            if xs[mid] <= x { lo = mid } else { hi = mid }
        }
        return lo
    }

    /// `v` with exactly `decimals` digits after the point, trailing zeros kept
    /// only as needed: fixed(2.50, 2) = "2.5", fixed(3, 0) = "3".
    static func fixed(_ v: Double, _ decimals: Int) -> String {
        var s = NumberFormat.cFormat("%.*f", decimals, v)
        if s.contains(".") {
            while s.hasSuffix("0") { s.removeLast() }
            if s.hasSuffix(".") { s.removeLast() }
        }
        return s == "-0" ? "0" : s
    }

    /// Up to `digits` significant digits, exponent form when large or small
    /// (the library's one number format).
    static func significant(_ v: Double, _ digits: Int) -> String {
        NumberFormat.format(v, digits: digits)
    }

    static func nonFinite(_ v: Double) -> String { v.isNaN ? "nan" : (v < 0 ? "-inf" : "inf") }

    /// A number for SVG coordinates: at most two decimals, no trailing zeros.
    static func coord(_ v: Double) -> String {
        guard v.isFinite else { return "0" }
        return fixed((v * 100).rounded() / 100, 2)
    }

    /// Clips the segment p→q to the box [x0, x1] × [y0, y1] (Liang–Barsky);
    /// nil when it lies outside. Returns the parameters of the clipped ends.
    static func clip(_ p: (Double, Double), _ q: (Double, Double),
                     _ x0: Double, _ x1: Double, _ y0: Double, _ y1: Double) -> (Double, Double)? {
        let dx = q.0 - p.0, dy = q.1 - p.1
        var t0 = 0.0, t1 = 1.0
        for (pk, qk) in [(-dx, p.0 - x0), (dx, x1 - p.0), (-dy, p.1 - y0), (dy, y1 - p.1)] {
            if pk == 0 {
                if qk < 0 { return nil }
            } else {
                let r = qk / pk
                if pk < 0 { if r > t1 { return nil }; if r > t0 { t0 = r } }
                else { if r < t0 { return nil }; if r < t1 { t1 = r } }
            }
        }
        guard t0.isFinite, t1.isFinite else { return nil }
        return (t0, t1)
    }
}
