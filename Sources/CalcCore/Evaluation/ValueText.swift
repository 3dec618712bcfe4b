// ValueText — values and numbers as the user reads them: a result in the
// chosen style (plain, unicode, LaTeX) and number of digits, points by name,
// durations, and the aligned tables of the reports.
//
// Pure text, no terminal knowledge: the caller decides the style and
// digits. The evaluator quotes values with it (the text of `f'`, numbers in
// messages), and every report that shows a number goes through it, so one
// choice of digits holds everywhere.

public struct ValueText: Sendable {
    public var style: Printer.Style
    public var digits: Int

    public init(style: Printer.Style = .plain, digits: Int = 12) {
        self.style = style
        self.digits = digits
    }

    var printer: Printer { Printer(style: style, digits: digits) }

    /// An expression in the chosen style.
    func print(_ e: Expr) -> String { printer.print(e) }

    /// A value as the user sees it.
    public func format(_ v: Value) -> String {
        switch v {
        case .number(let n):
            if case .rational(let p, 1) = n { return "\(p)" }
            if n.isApproximate { return "≈" + NumberFormat.format(n.double, digits: digits) }
            return NumberFormat.format(n.double, digits: digits)
        case .symbolic(let e, _): return printer.print(e)
        case .tuple(let xs): return "(" + xs.map(format).joined(separator: ", ") + ")"
        case .list(let xs, _): return "[" + xs.map(format).joined(separator: ", ") + "]"
        case .function(let f): return f.text
        }
    }

    // MARK: numbers in reports

    /// A number with the chosen digits.
    func number(_ x: Double) -> String { NumberFormat.format(x, digits: digits) }
    /// A number with 3 significant digits (rates, norms, tolerances).
    func short(_ x: Double) -> String { NumberFormat.format(x, digits: 3) }
    /// A number with 6 significant digits (eigenvalues, tables).
    func six(_ x: Double) -> String { NumberFormat.format(x, digits: 6) }

    /// `x = 1` or `(x, y) = (1, 2)`; long points are shortened in the middle.
    func point(_ vars: [String], _ p: [Double]) -> String {
        if vars.count == 1 { return "\(vars[0]) = \(number(p[0]))" }
        let shown = vars.count <= 8 ? p.map(number) : p.prefix(6).map(number) + ["…"] + [number(p.last!)]
        let names = vars.count <= 8 ? vars.joined(separator: ", ") : "\(vars[0]), …, \(vars.last!)"
        return "(\(names)) = (\(shown.joined(separator: ", ")))"
    }

    /// `101 ms`, `3.2 µs`, `1.5 s`.
    func duration(_ s: Double) -> String {
        if s < 1e-3 { return "\(short(s * 1e6)) µs" }
        if s < 1 { return "\(short(s * 1e3)) ms" }
        return "\(short(s)) s"
    }

    /// Columns padded to their widest cell, two spaces apart (the last column unpadded).
    static func table(_ rows: [[String]]) -> String {
        var widths = [Int](repeating: 0, count: rows.map(\.count).max() ?? 0)
        for r in rows { for (i, c) in r.enumerated() { widths[i] = max(widths[i], c.count) } }
        return rows.map { r in
            r.enumerated().map { i, c in
                i == r.count - 1 ? c : c + String(repeating: " ", count: widths[i] - c.count)
            }.joined(separator: "  ")
        }.joined(separator: "\n")
    }

    /// A table indented by two spaces.
    static func indentedTable(_ rows: [[String]]) -> String {
        table(rows).split(separator: "\n").map { "  " + $0 }.joined(separator: "\n")
    }
}

extension String {
    func padded(to n: Int) -> String { count >= n ? self + " " : self + String(repeating: " ", count: n - count) }
}
