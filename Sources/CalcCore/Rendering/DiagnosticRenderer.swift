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
// ANSI; the caller decides (terminal, NO_COLOR), and the catalogue words the
// messages in the user's language. With `escapeControls` (the caller writes
// to a terminal), control characters in what the user gave — the source
// line, a file name, a path or topic quoted in a message — are shown as
// `\u{1B}` (carets still under their characters), while the renderer's own
// colour codes stay. Returns a String: the library never prints.

public struct DiagnosticRenderer: Sendable {
    public var color: Bool
    public var catalogue: Catalogue
    /// Show control characters as `\u{1B}` (for a terminal, which would obey them).
    public var escapeControls: Bool
    public init(color: Bool = false, catalogue: Catalogue = .english, escapeControls: Bool = false) {
        self.color = color
        self.catalogue = catalogue
        self.escapeControls = escapeControls
    }

    func paint(_ s: String, _ code: String) -> String { color ? "\u{1B}[\(code)m\(s)\u{1B}[0m" : s }

    /// Text that may hold what the user wrote, made safe for a terminal when asked.
    func shown(_ s: String) -> String { escapeControls ? s.escapingControls() : s }
    func words(_ m: Message) -> String { shown(catalogue.text(m)) }

    public func render(_ d: Diagnostic) -> String {
        let sevColor = d.severity == .error ? "1;31" : (d.severity == .warning ? "1;33" : "1;36")
        var out = paint(catalogue.text(.severity(d.severity)), sevColor) + paint(": \(words(d.text))", "1") + "\n"
        guard let file = d.file else {
            for h in d.helpText { out += paint(catalogue.text(.help), "1;36") + ": \(words(h))\n" }
            return out
        }
        let loc = file.location(of: d.range.start)
        let lineIdx = file.lineIndex(of: d.range.start)
        let gutterWidth = String(loc.line).count
        let pad = String(repeating: " ", count: gutterWidth)
        out += "\(pad)\(paint("-->", "1;34")) \(shown(file.name)):\(loc.line):\(loc.column)\n"
        out += "\(pad) \(paint("|", "1;34"))\n"
        out += snippet(file: file, lineIdx: lineIdx, range: d.range, mark: "^", label: nil, gutterWidth: gutterWidth, color: sevColor)
        for label in d.labels {
            let li = file.lineIndex(of: label.range.start)
            let l = file.location(of: label.range.start)
            if li != lineIdx {
                out += "\(pad)\(paint("-->", "1;34")) \(shown(file.name)):\(l.line):\(l.column)\n"
            }
            out += snippet(file: file, lineIdx: li, range: label.range, mark: "-", label: words(label.text),
                           gutterWidth: max(gutterWidth, String(l.line).count), color: "1;34")
        }
        for h in d.helpText { out += "\(pad) \(paint("=", "1;34")) \(paint(catalogue.text(.help), "1"))\(": " + words(h))\n" }
        return out
    }

    /// Lines longer than this many scalars are cut to a window around the span
    /// before any per-character work, so a megabyte-long line renders as fast as
    /// a short one.
    static let longLine = 1000

    func snippet(file: SourceFile, lineIdx: Int, range: SourceRange, mark: Character, label: String?,
                 gutterWidth: Int, color sevColor: String) -> String {
        let lineNo = lineIdx + file.firstLine
        let lineStart = file.lineStarts[lineIdx]
        let lineEndOffset = lineIdx + 1 < file.lineStarts.count ? file.lineStarts[lineIdx + 1] - 1 : file.scalars.count
        var lineEnd = lineEndOffset
        if lineEnd > lineStart, file.scalars[lineEnd - 1] == "\r" { lineEnd -= 1 }
        let spanStart = min(max(range.start, lineStart), lineEnd)
        let spanEnd = min(max(range.end, spanStart), lineEnd)
        // The part of the line to show, in scalar offsets: all of it, or a window around the span.
        var from = lineStart, to = lineEnd
        if lineEnd - lineStart > Self.longLine {
            from = max(lineStart, spanStart - 200)
            to = min(lineEnd, max(from + 600, spanStart + 200))
        }
        func characters(_ a: Int, _ b: Int) -> Int { file.text(in: SourceRange(a, b)).count }
        // Caret start and width in characters (not bytes or scalars), relative to `from`.
        let start = characters(from, spanStart)
        var width = max(1, characters(spanStart, min(spanEnd, to)))
        var shown = Array(file.text(in: SourceRange(from, to)).replacingTabs())
        var caretStart = start
        let cutBefore = from > lineStart, cutAfter = to < lineEnd
        // Long lines: show a window around the span so the caret stays readable.
        if shown.count > 120 || cutBefore || cutAfter {
            let lo = max(0, start - 40)
            let hi = min(shown.count, max(start + min(width, 60) + 20, lo + 100))
            let prefix = lo > 0 || cutBefore ? "…" : ""
            let suffix = hi < shown.count || cutAfter ? "…" : ""
            shown = Array(prefix) + Array(shown[lo..<hi]) + Array(suffix)
            caretStart = start - lo + prefix.count
            width = min(width, hi - start)
        }
        if escapeControls, shown.contains(where: { $0.unicodeScalars.contains { $0.properties.generalCategory == .control } }) {
            // each character as shown; the carets move with the characters they mark
            let pieces = shown.map { Array(String($0).escapingControls()) }
            let lo = min(max(0, caretStart), pieces.count), hi = min(lo + width, pieces.count)
            caretStart = pieces[..<lo].reduce(0) { $0 + $1.count } + max(0, caretStart - pieces.count)
            if hi > lo { width = pieces[lo..<hi].reduce(0) { $0 + $1.count } }
            shown = pieces.flatMap { $0 }
        }
        let pad = String(repeating: " ", count: gutterWidth)
        let num = String(lineNo)
        var out = "\(String(repeating: " ", count: gutterWidth - num.count))\(paint(num, "1;34")) \(paint("|", "1;34")) \(String(shown))\n"
        let carets = String(repeating: mark, count: max(1, width))
        out += "\(pad) \(paint("|", "1;34")) \(String(repeating: " ", count: max(0, caretStart)))\(paint(carets + (label.map { " " + $0 } ?? ""), sevColor))\n"
        return out
    }
}
