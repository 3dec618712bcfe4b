// SourceFile — where text came from, and spans within it.
//
// The bottom layer (Source/, like go/token): the lexer, parser, diagnostics
// and renderer all speak in these offsets, so it sits below all of them.
//
// Source text is held as an array of Unicode scalars so the lexer can index it
// in O(1). Ranges are scalar offsets; line and column are computed on demand,
// and columns count user-perceived characters (grapheme clusters), not bytes,
// so a caret lands under `θ` or `∂` correctly.

/// One input: a script file, an `-e` string, stdin, or a REPL entry.
public final class SourceFile: Sendable {
    public let name: String
    public let text: String
    public let scalars: [Unicode.Scalar]
    /// Scalar offsets at which each line starts.
    public let lineStarts: [Int]
    /// Line number of the first line (a REPL entry may continue a numbering).
    public let firstLine: Int

    public init(name: String, text: String, firstLine: Int = 1) {
        self.name = name
        self.text = text
        let scalars = Array(text.unicodeScalars)
        self.scalars = scalars
        var starts = [0]
        for (i, s) in scalars.enumerated() where s == "\n" { starts.append(i + 1) }
        self.lineStarts = starts
        self.firstLine = firstLine
    }

    /// 0-based line index containing the scalar offset.
    public func lineIndex(of offset: Int) -> Int {
        var lo = 0, hi = lineStarts.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if lineStarts[mid] <= offset { lo = mid } else { hi = mid - 1 }
        }
        return lo
    }

    /// The text of a 0-based line, without its newline.
    public func lineText(_ index: Int) -> String {
        let start = lineStarts[index]
        var end = index + 1 < lineStarts.count ? lineStarts[index + 1] - 1 : scalars.count
        if end > start, scalars[end - 1] == "\r" { end -= 1 }
        return String(String.UnicodeScalarView(scalars[start..<max(start, end)]))
    }

    /// 1-based line and character column of a scalar offset.
    public func location(of offset: Int) -> SourceLocation {
        let li = lineIndex(of: offset)
        let start = lineStarts[li]
        let clamped = min(max(offset, start), scalars.count)
        // ASCII within one line: one scalar is one character (`\r\n`, the only
        // multi-scalar ASCII character, cannot occur before the line's end).
        // Skips building a string, which matters on megabyte-long lines.
        if scalars[start..<clamped].allSatisfy({ $0.isASCII }) {
            return SourceLocation(line: li + firstLine, column: clamped - start + 1)
        }
        let prefix = String(String.UnicodeScalarView(scalars[start..<clamped]))
        return SourceLocation(line: li + firstLine, column: prefix.count + 1)
    }

    public func text(in range: SourceRange) -> String {
        let lo = max(0, min(range.start, scalars.count)), hi = max(lo, min(range.end, scalars.count))
        return String(String.UnicodeScalarView(scalars[lo..<hi]))
    }
}

/// A 1-based line and column (in characters).
public struct SourceLocation: Equatable, Sendable, CustomStringConvertible {
    public let line: Int
    public let column: Int
    public var description: String { "\(line):\(column)" }
}

/// A half-open span of scalar offsets [start, end) in one SourceFile.
public struct SourceRange: Equatable, Hashable, Sendable {
    public var start: Int
    public var end: Int
    public init(_ start: Int, _ end: Int) { self.start = start; self.end = max(start, end) }
    public static let none = SourceRange(0, 0)
    /// The smallest range covering both.
    public func to(_ other: SourceRange) -> SourceRange {
        SourceRange(min(start, other.start), max(end, other.end))
    }
    public var isEmpty: Bool { start == end }
}
