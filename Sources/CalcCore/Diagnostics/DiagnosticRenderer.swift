// DiagnosticRenderer — formats a Diagnostic the way rustc does:
//
//   error: expected an expression after `^`
//    --> rosen.calc:3:16
//     |
//   3 | f(x) = (x - 1)^
//     |                ^ expected an expression
//     = help: …
//
// Carets span the whole range, counted in characters. Colour is optional
// ANSI; the caller decides (terminal, NO_COLOR). Returns a String: the
// library never prints.

public struct DiagnosticRenderer: Sendable {
    public var color: Bool
    public init(color: Bool = false) { self.color = color }

    func paint(_ s: String, _ code: String) -> String { color ? "\u{1B}[\(code)m\(s)\u{1B}[0m" : s }

    public func render(_ d: Diagnostic) -> String {
        let sevColor = d.severity == .error ? "1;31" : (d.severity == .warning ? "1;33" : "1;36")
        var out = paint(d.severity.rawValue, sevColor) + paint(": \(d.message)", "1") + "\n"
        guard let file = d.file else {
            for h in d.help { out += paint("help", "1;36") + ": \(h)\n" }
            return out
        }
        let loc = file.location(of: d.range.start)
        let lineIdx = file.lineIndex(of: d.range.start)
        let gutterWidth = String(loc.line).count
        let pad = String(repeating: " ", count: gutterWidth)
        out += "\(pad)\(paint("-->", "1;34")) \(file.name):\(loc.line):\(loc.column)\n"
        out += "\(pad) \(paint("|", "1;34"))\n"
        out += snippet(file: file, lineIdx: lineIdx, range: d.range, mark: "^", label: nil, gutterWidth: gutterWidth, color: sevColor)
        for label in d.labels {
            let li = file.lineIndex(of: label.range.start)
            let l = file.location(of: label.range.start)
            if li != lineIdx {
                out += "\(pad)\(paint("-->", "1;34")) \(file.name):\(l.line):\(l.column)\n"
            }
            out += snippet(file: file, lineIdx: li, range: label.range, mark: "-", label: label.message,
                           gutterWidth: max(gutterWidth, String(l.line).count), color: "1;34")
        }
        for h in d.help { out += "\(pad) \(paint("=", "1;34")) \(paint("help", "1"))\(": " + h)\n" }
        return out
    }

    func snippet(file: SourceFile, lineIdx: Int, range: SourceRange, mark: Character, label: String?,
                 gutterWidth: Int, color sevColor: String) -> String {
        let lineNo = lineIdx + file.firstLine
        let rawLine = file.lineText(lineIdx)
        // Very long lines: show a window around the span so the caret stays readable.
        let start = file.location(of: range.start).column - 1
        let lineEndOffset = lineIdx + 1 < file.lineStarts.count ? file.lineStarts[lineIdx + 1] - 1 : file.scalars.count
        let endOffset = min(range.end, lineEndOffset)
        var width = max(1, file.location(of: max(range.start, endOffset)).column - 1 - start)
        var shown = Array(rawLine.replacingTabs())
        var caretStart = start
        if shown.count > 120 {
            let from = max(0, start - 40)
            let to = min(shown.count, max(start + min(width, 60) + 20, from + 100))
            let prefix = from > 0 ? "…" : ""
            let suffix = to < shown.count ? "…" : ""
            shown = Array(prefix) + Array(shown[from..<to]) + Array(suffix)
            caretStart = start - from + prefix.count
            width = min(width, to - start)
        }
        let pad = String(repeating: " ", count: gutterWidth)
        let num = String(lineNo)
        var out = "\(String(repeating: " ", count: gutterWidth - num.count))\(paint(num, "1;34")) \(paint("|", "1;34")) \(String(shown))\n"
        let carets = String(repeating: mark, count: max(1, width))
        out += "\(pad) \(paint("|", "1;34")) \(String(repeating: " ", count: max(0, caretStart)))\(paint(carets + (label.map { " " + $0 } ?? ""), sevColor))\n"
        return out
    }
}

extension String {
    func replacingTabs() -> String {
        var out = ""
        for c in self { out.append(c == "\t" ? " " : c) }
        return out
    }
}
