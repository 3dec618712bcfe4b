// BraillePlot — draws plots as terminal text with Unicode braille.
//
// Each character cell of the plot area is one braille pattern (U+2800 +
// eight bits), i.e. a 2 × 4 grid of dots, so a 60 × 15 plot area is a
// 120 × 60 dot canvas. A sketch of `plot sin(x) from 0 to 2*pi` (colour off,
// rows and columns left out; Tests/CalcCoreTests/golden/plots/sin.txt is whole):
//
//   y
//      1┤         ⢀⡤⠒⠋⠉⠉⠑⠲⢄
//       │       ⢀⠔⠉        ⠙⢦⡀                the y axis: ticks at nice
//    0.5┤    ⢀⠎               ⠈⢳⡀              values (1, 2, 5 × 10^k), or at
//       │  ⡸⠁                    ⠈⣆            powers of ten (`10⁻³`) when it
//      0┤⠎                          ⢣         ⡠ is logarithmic
//       │                             ⠹⡀    ⢀⡎
//   -0.5┤                               ⠈⢧⡀ ⡰⠁
//     -1┤                                 ⠑⠦⠚⠁
//       └┬───────┬────────┬────────┬───────┬──   the x axis, ticks below
//        0       1        2        3       4
//                         x
//   ── sin(x)                                    the legend
//
// Several series get their own ANSI colour when `color` is on; with colour
// off each series also carries a marker glyph (`*`, `+`, `o`, …) every few
// columns, named in the legend, so black-and-white output stays readable.
// Samples that are not finite (or ≤ 0 on a log axis) leave gaps.
//
// Contour plots shade each cell by the function's value with the ramp
// `.,:-=+*#%@` (low to high; blank where undefined), coloured along a
// viridis-like ramp when `color` is on, and draw the descent path on top in
// braille with its start `S` and end `E`, and marked data points over all
// (each its label's digit when the labels are classes 0–9, else `o`).
//
// Only Strings come out: the caller prints them. `width` is the width of
// every line (the terminal's), `height` the rows of the plot area; titles,
// axes, labels and the legend add a few lines.

public struct BraillePlot: Sendable {
    /// Columns of every output line (the y-axis labels included); at least ~20 works.
    public var width: Int
    /// Rows of the plot area.
    public var height: Int
    /// ANSI colours (series, shades); no escape codes at all when false.
    public var color: Bool
    /// The legend's words.
    public var words: PlotWords

    public init(width: Int = 80, height: Int = 20, color: Bool = false, words: PlotWords = PlotWords()) {
        self.width = width
        self.height = height
        self.color = color
        self.words = words
    }

    /// ANSI foreground colours of the series, in order.
    static let seriesColors = ["34", "31", "32", "33", "35", "36"]
    /// Marker glyphs of the series when colour is off.
    static let markers: [Character] = ["*", "+", "o", "x", "#", "%", "@", "&"]
    /// The contour shade ramp, low to high (blank is undefined).
    static let ramp: [Character] = Array(".,:-=+*#%@")

    // MARK: line plots

    public func render(_ plot: LinePlot) -> String {
        let rows = max(2, height)
        let xAxis = PlotAxis.fitting(plot.series.flatMap { s in s.xs.prefix(s.ys.count) }, log: false)
        let yTickCount = max(2, (rows + 1) / 2)
        let yAxis = PlotAxis.fitting(plot.series.flatMap { $0.ys } + (plot.marks?.finiteYs ?? []), log: plot.logY, fixed: plot.yRange, niceEnds: yTickCount)

        let yTicks = yAxis.ticks(maxCount: yTickCount)
        let labelWidth = max(1, yTicks.map { $0.1.count }.max() ?? 1)
        let cols = max(4, width - labelWidth - 1)
        var canvas = BrailleCanvas(cols: cols, rows: rows)

        let markers = !color && plot.series.count > 1
        for (k, s) in plot.series.enumerated() {
            var points: [(Double, Double)?] = []
            for i in 0..<min(s.xs.count, s.ys.count) {
                if let y = yAxis.axisValue(s.ys[i]), s.xs[i].isFinite {
                    points.append((xAxis.unit(s.xs[i]), yAxis.unit(y)))
                } else {
                    points.append(nil)
                }
            }
            canvas.polyline(points, tag: k)
            if markers {
                canvas.stampMarkers(points, glyph: Self.markers[k % Self.markers.count], index: k, of: plot.series.count)
            }
        }
        // marked data points over the curves (`with points`)
        var anyMarked = false
        if let m = plot.marks {
            for i in 0..<min(m.xs.count, m.ys.count) where m.xs[i].isFinite {
                guard let y = yAxis.axisValue(m.ys[i]), let (c, r) = canvas.cell(of: (xAxis.unit(m.xs[i]), yAxis.unit(y))) else { continue }
                canvas.marks[r * cols + c] = m.glyph(i)
                canvas.tags[r * cols + c] = nil
                anyMarked = true
            }
        }

        var lines: [String] = []
        if let title = plot.title, !title.isEmpty { lines.append(Self.centered(title, in: cols, offset: labelWidth + 1)) }
        if !plot.yLabel.isEmpty { lines.append(plot.yLabel) }
        lines += plotRows(canvas, yAxis: yAxis, yTicks: yTicks, labelWidth: labelWidth) { cell in
            guard let tag = cell.tag, color else { return nil }
            return Self.seriesColors[tag % Self.seriesColors.count]
        }
        lines += xAxisLines(xAxis, cols: cols, labelWidth: labelWidth, xLabel: plot.xLabel)

        var entries: [String] = []
        for (k, s) in plot.series.enumerated() where !s.label.isEmpty {
            var sample = "──"
            if markers { sample = "─" + String(Self.markers[k % Self.markers.count]) + "─" }
            let painted = color ? paint(sample, Self.seriesColors[k % Self.seriesColors.count]) : sample
            entries.append(painted + " " + s.label)
        }
        if anyMarked, let m = plot.marks { entries.append(m.glyphs.map(String.init).joined(separator: " ") + " " + words.points) }
        lines += Self.wrap(entries, width: max(width, 20))
        return lines.map(Self.trimTrailing).joined(separator: "\n")
    }

    // MARK: contour plots

    public func render(_ plot: ContourPlot) -> String {
        let p = plot.normalized()
        let rows = max(2, height)
        let xAxis = PlotAxis.fitting(p.xs, log: false)
        let yAxis = PlotAxis.fitting(p.ys, log: false)
        let yTicks = yAxis.ticks(maxCount: max(2, (rows + 1) / 2))
        let labelWidth = max(1, yTicks.map { $0.1.count }.max() ?? 1)
        let cols = max(4, width - labelWidth - 1)
        let scale = ValueScale(values: p.values.flatMap { $0 }, shading: p.shading)

        // shades: the value at each cell's centre
        var shade = [[Int?]](repeating: [Int?](repeating: nil, count: cols), count: rows)
        var anyUndefined = false
        for r in 0..<rows {
            for c in 0..<cols {
                let x = xAxis.lo + (Double(c) + 0.5) / Double(cols) * (xAxis.hi - xAxis.lo)
                let y = yAxis.hi - (Double(r) + 0.5) / Double(rows) * (yAxis.hi - yAxis.lo)
                if let t = scale.t(p.interpolate(x, y)) {
                    shade[r][c] = min(Self.ramp.count - 1, Int(t * Double(Self.ramp.count)))
                } else {
                    anyUndefined = true
                }
            }
        }

        // the path in braille, start and end on top
        var canvas = BrailleCanvas(cols: cols, rows: rows)
        var startCell: (Int, Int)?, endCell: (Int, Int)?
        if let path = p.path, !path.isEmpty {
            let pts: [(Double, Double)?] = path.map { q in
                q.0.isFinite && q.1.isFinite ? (xAxis.unit(q.0), yAxis.unit(q.1)) : nil
            }
            canvas.polyline(pts, tag: 0)
            if let s = pts.first ?? nil { startCell = canvas.cell(of: s) }
            if let e = pts.last ?? nil { endCell = canvas.cell(of: e) }
        }

        // marked data points: one glyph per point's cell, over everything
        var marked: [Int: Character] = [:]
        if let m = p.marks {
            for i in 0..<min(m.xs.count, m.ys.count) where m.xs[i].isFinite && m.ys[i].isFinite {
                if let (c, r) = canvas.cell(of: (xAxis.unit(m.xs[i]), yAxis.unit(m.ys[i]))) { marked[r * cols + c] = m.glyph(i) }
            }
        }

        var lines: [String] = []
        if let title = p.title, !title.isEmpty { lines.append(Self.centered(title, in: cols, offset: labelWidth + 1)) }
        if !p.yLabel.isEmpty { lines.append(p.yLabel) }
        var area: [[Cell]] = []
        for r in 0..<rows {
            var row: [Cell] = []
            for c in 0..<cols {
                if let g = marked[r * cols + c] { row.append(Cell(ch: g, code: color ? "1" : nil)); continue }
                if let e = endCell, e == (c, r) { row.append(Cell(ch: "E", code: color ? "1" : nil)); continue }
                if let s = startCell, s == (c, r) { row.append(Cell(ch: "S", code: color ? "1" : nil)); continue }
                let b = canvas.bits[r * cols + c]
                if b != 0 { row.append(Cell(ch: BrailleCanvas.glyph(b), code: color ? "1" : nil)); continue }
                if let level = shade[r][c] {
                    row.append(Cell(ch: Self.ramp[level], code: color ? Self.ansi256(level: level) : nil))
                } else {
                    row.append(Cell(ch: " ", code: nil))
                }
            }
            area.append(row)
        }
        lines += frame(area, yAxis: yAxis, yTicks: yTicks, labelWidth: labelWidth)
        lines += xAxisLines(xAxis, cols: cols, labelWidth: labelWidth, xLabel: p.xLabel)

        var entries: [String] = []
        if p.hasFiniteValues {
            var ramp = ""
            for (level, ch) in Self.ramp.enumerated() { ramp += color ? paint(String(ch), Self.ansi256(level: level)) : String(ch) }
            let range = ValueScale.label(scale.minValue) + " … " + ValueScale.label(scale.maxValue)
            entries.append(ramp + " " + range + (scale.isLog ? " " + words.logShort : ""))
        }
        if startCell != nil { entries.append((color ? paint("S", "1") : "S") + " " + words.start) }
        if endCell != nil { entries.append((color ? paint("E", "1") : "E") + " " + words.end) }
        if !marked.isEmpty, let m = p.marks {
            let glyphs = m.glyphs.map { color ? paint(String($0), "1") : String($0) }.joined(separator: " ")
            entries.append(glyphs + " " + words.points)
        }
        if anyUndefined && p.hasFiniteValues { entries.append(words.undefined) }
        lines += Self.wrap(entries, width: max(width, 20))
        return lines.map(Self.trimTrailing).joined(separator: "\n")
    }

    // MARK: layout shared by both kinds

    struct Cell {
        var ch: Character
        var code: String?     // ANSI SGR parameters, nil for plain
    }

    /// The plot rows of a braille canvas, each cell coloured by `code`.
    func plotRows(_ canvas: BrailleCanvas, yAxis: PlotAxis, yTicks: [(Double, String)], labelWidth: Int,
                  code: (BrailleCanvas.CellInfo) -> String?) -> [String] {
        var area: [[Cell]] = []
        for r in 0..<canvas.rows {
            var row: [Cell] = []
            for c in 0..<canvas.cols {
                let info = canvas.info(c, r)
                row.append(Cell(ch: info.glyph, code: info.glyph == " " ? nil : code(info)))
            }
            area.append(row)
        }
        return frame(area, yAxis: yAxis, yTicks: yTicks, labelWidth: labelWidth)
    }

    /// Prefixes each row with its tick label and the y axis (`┤` at ticks).
    func frame(_ area: [[Cell]], yAxis: PlotAxis, yTicks: [(Double, String)], labelWidth: Int) -> [String] {
        let rows = area.count
        var labels = [String?](repeating: nil, count: rows)
        for (a, text) in yTicks {
            let py = ((1 - yAxis.unit(a)) * Double(rows * 4 - 1)).rounded()
            guard py.isFinite else { continue }
            let r = Int(py) / 4
            if r >= 0 && r < rows && labels[r] == nil { labels[r] = text }
        }
        var lines: [String] = []
        for r in 0..<rows {
            let label = labels[r] ?? ""
            var line = String(repeating: " ", count: max(0, labelWidth - label.count)) + label
            line += labels[r] == nil ? "│" : "┤"
            line += serialize(area[r])
            lines.append(line)
        }
        return lines
    }

    /// The x axis line with `┬` at ticks, the tick labels, and the axis label.
    func xAxisLines(_ axis: PlotAxis, cols: Int, labelWidth: Int, xLabel: String) -> [String] {
        let ticks = axis.ticksFitting(length: Double(cols), perChar: 1, gap: 2)
        var axisLine = [Character](repeating: "─", count: cols)
        var labelLine = [Character](repeating: " ", count: labelWidth + 1 + cols)
        var nextFree = 0
        for (a, text) in ticks {
            let px = (axis.unit(a) * Double(cols * 2 - 1)).rounded()
            guard px.isFinite else { continue }
            let c = Int(px) / 2
            guard c >= 0 && c < cols else { continue }
            axisLine[c] = "┬"
            let chars = Array(text)
            var start = labelWidth + 1 + c - (chars.count - 1) / 2
            start = max(0, min(start, labelLine.count - chars.count))
            if start < nextFree || start + chars.count > labelLine.count { continue }
            for (i, ch) in chars.enumerated() { labelLine[start + i] = ch }
            nextFree = start + chars.count + 1
        }
        var lines = [String(repeating: " ", count: labelWidth) + "└" + String(axisLine), String(labelLine)]
        if !xLabel.isEmpty { lines.append(Self.centered(xLabel, in: cols, offset: labelWidth + 1)) }
        return lines
    }

    func serialize(_ cells: [Cell]) -> String {
        // drop trailing blanks first, so lines never end in spaces or escapes
        var end = cells.count
        while end > 0 && cells[end - 1].ch == " " { end -= 1 }
        var out = ""
        var current: String? = nil
        for cell in cells[0..<end] {
            let code = color ? cell.code : nil
            if code != current {
                if current != nil { out += "\u{1B}[0m" }
                if let code { out += "\u{1B}[\(code)m" }
                current = code
            }
            out.append(cell.ch)
        }
        if current != nil { out += "\u{1B}[0m" }
        return out
    }

    func paint(_ s: String, _ code: String) -> String { color ? "\u{1B}[\(code)m\(s)\u{1B}[0m" : s }

    /// The 256-colour palette index (as an SGR code) for a ramp level, sampled
    /// from the same viridis-like ramp as the SVG.
    static func ansi256(level: Int) -> String {
        let t = (Double(level) + 0.5) / Double(ramp.count)
        let (r, g, b) = SVGPlot.rampColor(t)
        func q(_ v: Int) -> Int { min(5, max(0, Int((Double(v) / 255 * 5).rounded()))) }
        return "38;5;\(16 + 36 * q(r) + 6 * q(g) + q(b))"
    }

    static func centered(_ text: String, in cols: Int, offset: Int) -> String {
        let pad = max(0, (cols - text.count) / 2)
        return String(repeating: " ", count: offset + pad) + text
    }

    /// Joins legend entries with three spaces, wrapping at `width` (entries
    /// counted by their visible characters, escape codes excluded).
    static func wrap(_ entries: [String], width: Int) -> [String] {
        var lines: [String] = []
        var line = "", lineWidth = 0
        for e in entries {
            let w = visibleCount(e)
            if lineWidth > 0 && lineWidth + 3 + w > width {
                lines.append(line)
                line = ""; lineWidth = 0
            }
            if lineWidth > 0 { line += "   "; lineWidth += 3 }
            line += e; lineWidth += w
        }
        if lineWidth > 0 { lines.append(line) }
        return lines
    }

    static func visibleCount(_ s: String) -> Int {
        var n = 0, inEscape = false
        for ch in s {
            if inEscape { if ch == "m" { inEscape = false }; continue }
            if ch == "\u{1B}" { inEscape = true; continue }
            n += 1
        }
        return n
    }

    static func trimTrailing(_ s: String) -> String {
        var t = Substring(s)
        while t.last == " " { t = t.dropLast() }
        return String(t)
    }
}

/// A grid of braille cells addressed by dot: (0, 0) is the top-left dot,
/// x grows right over 2·cols dots, y down over 4·rows dots. Each cell also
/// remembers the tag (series) that drew in it last and any marker glyph.
struct BrailleCanvas {
    let cols: Int, rows: Int
    var bits: [UInt8]
    var tags: [Int?]
    var marks: [Character?]

    init(cols: Int, rows: Int) {
        self.cols = cols
        self.rows = rows
        bits = [UInt8](repeating: 0, count: cols * rows)
        tags = [Int?](repeating: nil, count: cols * rows)
        marks = [Character?](repeating: nil, count: cols * rows)
    }

    var dotsWide: Int { cols * 2 }
    var dotsHigh: Int { rows * 4 }

    /// The bit of dot (dx, dy) inside a cell, dx 0...1, dy 0...3.
    static func bit(_ dx: Int, _ dy: Int) -> UInt8 {
        let left: [UInt8] = [0x01, 0x02, 0x04, 0x40], right: [UInt8] = [0x08, 0x10, 0x20, 0x80]
        return dx == 0 ? left[dy] : right[dy]
    }

    static func glyph(_ bits: UInt8) -> Character {
        bits == 0 ? " " : Character(Unicode.Scalar(0x2800 + UInt32(bits))!)
    }

    mutating func set(_ x: Int, _ y: Int, tag: Int) {
        guard x >= 0, x < dotsWide, y >= 0, y < dotsHigh else { return }
        let i = (y / 4) * cols + x / 2
        bits[i] |= Self.bit(x % 2, y % 4)
        tags[i] = tag
    }

    /// Dot coordinates of a point in unit space ((0, 0) bottom-left, (1, 1) top-right).
    func dot(_ p: (Double, Double)) -> (Double, Double) {
        (p.0 * Double(dotsWide - 1), (1 - p.1) * Double(dotsHigh - 1))
    }

    /// The cell (column, row) of a unit-space point, nil outside the plot area.
    func cell(of p: (Double, Double)) -> (Int, Int)? {
        let (x, y) = dot(p)
        let xr = x.rounded(), yr = y.rounded()
        guard xr >= 0, xr < Double(dotsWide), yr >= 0, yr < Double(dotsHigh) else { return nil }
        return (Int(xr) / 2, Int(yr) / 4)
    }

    /// Draws consecutive points (unit space) joined by straight lines; nil
    /// points break the line; a point alone between gaps is one dot. Parts
    /// outside the unit square are clipped away.
    mutating func polyline(_ points: [(Double, Double)?], tag: Int) {
        for i in points.indices {
            guard let p = points[i] else { continue }
            let prev = i > 0 ? points[i - 1] : nil
            let next = i + 1 < points.count ? points[i + 1] : nil
            if let next { segment(p, next, tag: tag) }
            else if prev == nil { segment(p, p, tag: tag) }
        }
    }

    mutating func segment(_ p: (Double, Double), _ q: (Double, Double), tag: Int) {
        guard p.0.isFinite, p.1.isFinite, q.0.isFinite, q.1.isFinite else { return }
        let eps = 1e-9
        guard let (t0, t1) = PlotMath.clip(p, q, -eps, 1 + eps, -eps, 1 + eps) else { return }
        let a = dot((p.0 + (q.0 - p.0) * t0, p.1 + (q.1 - p.1) * t0))
        let b = dot((p.0 + (q.0 - p.0) * t1, p.1 + (q.1 - p.1) * t1))
        let n = Int(max(Swift.abs(b.0 - a.0), Swift.abs(b.1 - a.1)).rounded(.up))
        if n == 0 { set(Int(a.0.rounded()), Int(a.1.rounded()), tag: tag); return }
        for k in 0...n {
            let t = Double(k) / Double(n)
            set(Int((a.0 + (b.0 - a.0) * t).rounded()), Int((a.1 + (b.1 - a.1) * t).rounded()), tag: tag)
        }
    }

    /// Puts `glyph` on the series' cells every few columns, staggered by the
    /// series' index so that markers of different series do not land together.
    mutating func stampMarkers(_ points: [(Double, Double)?], glyph: Character, index: Int, of count: Int) {
        let spacing = max(4, min(10, cols / 6))
        let offset = spacing / 2 + index * spacing / max(1, count)
        var done = Set<Int>()
        for p in points {
            guard let p, let (c, r) = cell(of: p) else { continue }
            guard c >= offset, (c - offset) % spacing == 0, !done.contains(c) else { continue }
            done.insert(c)
            marks[r * cols + c] = glyph
            tags[r * cols + c] = index
        }
    }

    struct CellInfo { var glyph: Character; var tag: Int? }

    func info(_ c: Int, _ r: Int) -> CellInfo {
        let i = r * cols + c
        if let m = marks[i] { return CellInfo(glyph: m, tag: tags[i]) }
        return CellInfo(glyph: Self.glyph(bits[i]), tag: tags[i])
    }
}
