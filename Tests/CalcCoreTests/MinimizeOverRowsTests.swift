// MinimizeOverRowsTests — `minimize … over rows of (xs, ys)`: stochastic and
// mini-batch descent against a hand-written batch loop, full batch against
// plain `minimize` bit for bit for every method, reproducible shuffles, a
// regression that lands near the least-squares line (solved here by the
// normal equations), the contextual words, and every bad input.

import Testing
import Foundation
@testable import CalcCore

private let xs: [Double] = [1, 2, 3, 4, 5, 6]
private let ys: [Double] = [3.1, 4.9, 7.2, 8.8, 11.1, 13]
private let data = "xs = [1, 2, 3, 4, 5, 6]\nys = [3.1, 4.9, 7.2, 8.8, 11.1, 13]\nL(w, b) = mean((w*xs + b - ys)^2)\n"

struct RowsError: Sendable, CustomTestStringConvertible {
    let id: String
    let line: String
    /// The start of the English message.
    let message: String
    /// The text under the caret.
    let underlined: String
    var testDescription: String { id }
}

private let rowsErrors: [RowsError] = [
    .init(id: "batch 0", line: "minimize L from (0, 0) over rows of (xs, ys) batch 0 epochs 5 rate 0.1",
          message: "`batch` must be a positive whole number", underlined: "0"),
    .init(id: "batch 2.5", line: "minimize L from (0, 0) over rows of (xs, ys) batch 2.5 epochs 5 rate 0.1",
          message: "`batch` must be a positive whole number", underlined: "2.5"),
    .init(id: "batch too large", line: "minimize L from (0, 0) over rows of (xs, ys) batch 7 epochs 5 rate 0.1",
          message: "batch 7 is larger than the data", underlined: "7"),
    .init(id: "epochs missing", line: "minimize L from (0, 0) over rows of (xs, ys) batch 2 rate 0.1",
          message: "a descent over rows needs `epochs N`", underlined: "over rows of (xs, ys)"),
    .init(id: "epochs -1", line: "minimize L from (0, 0) over rows of (xs, ys) batch 2 epochs -1 rate 0.1",
          message: "`epochs` must be a positive whole number", underlined: "-1"),
    .init(id: "not a data list", line: "q = 3\nminimize L from (0, 0) over rows of (xs, q) epochs 5 rate 0.1",
          message: "`q` is not a data list of the loss", underlined: "q"),
    .init(id: "lengths differ", line: "zs = [1, 2]\nM(w) = mean((w*xs - ys)^2) + mean((w*zs - 1)^2)\nminimize M from 0 over rows of (xs, zs) epochs 5 rate 0.1",
          message: "the lists of `rows of` differ in length: `xs` has 6, `zs` has 2", underlined: "zs"),
    .init(id: "batch without rows", line: "minimize L from (0, 0) rate 0.1 batch 2",
          message: "`batch` needs data rows to descend over", underlined: "batch"),
    .init(id: "shuffle without rows", line: "minimize L from (0, 0) rate 0.1 shuffle",
          message: "`shuffle` needs data rows to descend over", underlined: "shuffle"),
    .init(id: "steps over rows", line: "minimize L from (0, 0) over rows of (xs, ys) epochs 5 rate 0.1 steps 9",
          message: "`steps` does not apply over rows", underlined: "steps"),
    .init(id: "several rates", line: "minimize L from (0, 0) over rows of (xs, ys) epochs 5 rate 0.1, 0.2",
          message: "a descent over rows runs with one rate", underlined: "0.2"),
    .init(id: "random starts", line: "minimize L from random 3 in (w from 0 to 1, b from 0 to 1) over rows of (xs, ys) epochs 5 rate 0.1",
          message: "a descent over rows starts from one point", underlined: "random 3 in (w from 0 to 1, b from 0 to 1)"),
    .init(id: "rows without of", line: "minimize L from (0, 0) over rows (xs, ys) epochs 5 rate 0.1",
          message: "expected `of`", underlined: "("),
    .init(id: "batch twice", line: "minimize L from (0, 0) over rows of (xs, ys) batch 2 epochs 5 rate 0.1 batch 3",
          message: "option `batch` is given twice", underlined: "batch"),
]

/// The text a diagnostic's range covers in `source` (offsets in scalars).
private func underlined(_ d: Diagnostic, in source: String) -> String {
    let scalars = Array(source.unicodeScalars)
    guard d.range.start >= 0, d.range.end <= scalars.count else { return "<\(d.range)>" }
    var out = String.UnicodeScalarView()
    out.append(contentsOf: scalars[d.range.start..<d.range.end])
    return String(out)
}

@Suite("minimize over rows")
struct MinimizeOverRowsTests {
    @Test("mini-batch gd equals a hand-written batch loop", arguments: [1, 2, 4, 6])
    func handWritten(batch: Int) throws {
        let rate = 0.02, epochs = 40
        var w = 0.0, b = 0.0
        for _ in 0..<epochs {
            var first = 0
            while first < xs.count {
                let rows = first..<min(first + batch, xs.count)
                // mean over the batch of (w x + b − y)²: ∂w = mean 2x(wx+b−y), ∂b = mean 2(wx+b−y)
                var gw = 0.0, gb = 0.0
                for i in rows { let r = w * xs[i] + b - ys[i]; gw += 2 * xs[i] * r; gb += 2 * r }
                gw /= Double(rows.count); gb /= Double(rows.count)
                w -= rate * gw; b -= rate * gb
                first += batch
            }
        }
        let p = try #require(minimizePoint(data + "minimize L from (0, 0) over rows of (xs, ys) batch \(batch) epochs \(epochs) rate \(rate)"))
        #expect(nearlyEqual(p, [w, b], rel: 1e-12), "\(p) vs \([w, b])")
    }

    @Test("batch = n is full-batch descent bit for bit", arguments: Method.allCases)
    func fullBatch(method: Method) throws {
        let full = try #require(minimizePoint(data + "minimize L from (0.5, -1) rate 0.01 steps 37 tol 0 method \(method.rawValue)"))
        let rows = try #require(minimizePoint(data + "minimize L from (0.5, -1) over rows of (xs, ys) batch 6 epochs 37 rate 0.01 method \(method.rawValue)"))
        #expect(full.map(\.bitPattern) == rows.map(\.bitPattern), "\(full) vs \(rows)")
        // shuffling a single batch changes nothing
        let shuffled = try #require(minimizePoint(data + "minimize L from (0.5, -1) over rows of (xs, ys) batch 6 epochs 37 rate 0.01 shuffle seed 9 method \(method.rawValue)"))
        #expect(full.map(\.bitPattern) == shuffled.map(\.bitPattern))
    }

    @Test("the same seed reproduces a shuffled run exactly; another seed differs")
    func seeds() throws {
        let run = { (seed: Int) in minimizePoint(data + "minimize L from (0, 0) over rows of (xs, ys) batch 2 epochs 30 rate 0.02 shuffle seed \(seed)") }
        let a = try #require(run(7)), b = try #require(run(7)), c = try #require(run(8))
        #expect(a.map(\.bitPattern) == b.map(\.bitPattern))
        #expect(a != c)
        // and shuffling changes the run compared with the rows in order
        let ordered = try #require(minimizePoint(data + "minimize L from (0, 0) over rows of (xs, ys) batch 2 epochs 30 rate 0.02"))
        #expect(a != ordered)
    }

    @Test("every method lands near the least-squares line", arguments: Method.allCases)
    func leastSquares(method: Method) throws {
        // the normal equations for y ≈ w x + b
        let n = Double(xs.count)
        let sx = xs.reduce(0, +), sy = ys.reduce(0, +)
        let sxx = xs.map { $0 * $0 }.reduce(0, +), sxy = zip(xs, ys).map { $0 * $1 }.reduce(0, +)
        let w = (n * sxy - sx * sy) / (n * sxx - sx * sx), b = (sy - w * sx) / n
        let rate = method == .adam ? 0.01 : 0.005
        let p = try #require(minimizePoint(data + "minimize L from (0, 0) over rows of (xs, ys) batch 2 epochs 3000 rate \(rate) shuffle seed 1 method \(method.rawValue)"))
        #expect(abs(p[0] - w) < 0.05 && abs(p[1] - b) < 0.2, "\(p) vs least squares \([w, b])")
    }

    @Test("the report: epochs, batch, the end point, f and |∇f| over all rows")
    func report() {
        let text = minimizeReport(data + "minimize L from (0, 0) over rows of (xs, ys) batch 2 epochs 10 rate 0.02 every 5")
        let lines = text.split(separator: "\n").map(String.init).filter { !$0.hasPrefix("xs") && !$0.hasPrefix("ys") && !$0.hasPrefix("L(") }
        #expect(lines.first?.hasPrefix("epoch") == true, "\(lines)")
        #expect(lines.count == 1 + 3 + 5, "\(lines)")     // heading, epochs 0 5 10, then 5 report lines
        #expect(lines[1].hasPrefix("0 "))
        #expect(lines[4] == "mini-batch descent: 10 epochs over 6 rows, batch 2 (3 steps an epoch)")
        #expect(lines[6].hasSuffix("over all rows") && lines[6].hasPrefix("  f = "))
        // the loss at epoch 0 is L(0, 0) = mean(ys²)
        let l0 = ys.map { $0 * $0 }.reduce(0, +) / 6
        let first = lines[1].split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        #expect(abs(Double(first[3])! - l0) < 1e-9 * l0, "\(first)")
    }

    @Test("a rate too large diverges, said with its epoch")
    func diverges() {
        let text = minimizeReport(data + "minimize L from (0, 0) over rows of (xs, ys) batch 2 epochs 100 rate 5")
        #expect(text.contains("diverged in epoch"), "\(text)")
        #expect(text.contains("help: try a smaller rate"))
    }

    @Test("over rows may come before from; row options before or after rate")
    func forms() throws {
        let a = try #require(minimizePoint(data + "minimize L over rows of (xs, ys) batch 2 epochs 20 from (0, 0) rate 0.02"))
        let b = try #require(minimizePoint(data + "minimize L from (0, 0) over rows of (xs, ys) rate 0.02 batch 2 epochs 20"))
        let c = try #require(minimizePoint(data + "minimize L over rows of (xs, ys) from (0, 0) batch 2 epochs 20 rate 0.02"))
        #expect(a == b && b == c)
    }

    @Test("rows of batch epochs shuffle stay ordinary names")
    func names() throws {
        let s = Session()
        let (_, status) = s.run("batch = 2\nepochs = 3\nshuffle = 4\nrows = 5\nof = 6\nbatch + epochs + shuffle + rows + of")
        #expect(status == .ok)
        if case .number(let n)? = s.interpreter.globals["ans"] { #expect(n.double == 20) } else { Issue.record("no ans") }
    }

    @Test("bad input is an error at its place, with help", arguments: rowsErrors)
    func errors(_ e: RowsError) throws {
        let source = data + e.line
        let d = try #require(minimizeError(source))
        let text = Catalogue.english.text(d.text)
        #expect(text.hasPrefix(e.message), "\(text)")
        #expect(underlined(d, in: source) == e.underlined)
        if e.id != "batch twice" { #expect(!d.helpText.isEmpty, "no help for \(e.id)") }
        if e.id == "lengths differ" { #expect(d.labels.count == 1) }   // the first list, beside the caret on the second
    }
}
