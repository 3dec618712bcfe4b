// Text — small text helpers that several layers share, each written once.
//
//   Superscript   the one table of superscript digits ⁰ … ⁹ and `⁻`, both
//                 ways: the lexer reads `x²` and `∂²f`, the AST printer, the
//                 symbolic printer and the plot axes write them.
//   closestWord   "did you mean …?" by edit distance, for options, methods,
//                 meta commands and names.
//   trimming and tab replacement for meta arguments and rendered snippets.
//
// They live in Source/ because they depend on nothing and are needed from the
// lexer up to the plot labels.

/// Superscript digits: the table the lexer decodes and the printers encode.
enum Superscript {
    /// `⁰ ¹ ² … ⁹`, indexed by the digit.
    static let digits: [String] = ["⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"]
    /// `⁻` (U+207B), the superscript minus.
    static let minus = "⁻"
    static let minusScalar: Unicode.Scalar = "\u{207B}"

    /// `n` in superscript digits: 2 → `²`, 12 → `¹²`, -1 → `⁻¹`.
    static func text<T: BinaryInteger>(_ n: T) -> String {
        var out = n < 0 ? minus : ""
        for d in String(n.magnitude).utf8 { out += digits[Int(d) - 0x30] }
        return out
    }

    /// The value of a superscript digit scalar (`²` → 2), else nil. `¹ ² ³`
    /// sit in Latin-1 (U+00B9, U+00B2, U+00B3), the rest at U+2070…U+2079.
    @inline(__always)
    static func digit(_ c: Unicode.Scalar) -> Int? {
        switch c.value {
        case 0x2070: return 0
        case 0x00B9: return 1
        case 0x00B2: return 2
        case 0x00B3: return 3
        case 0x2074...0x2079: return Int(c.value - 0x2070)
        default: return nil
        }
    }
}

/// The closest word by edit distance, if close enough to be a likely typo.
public func closestWord(_ word: String, in candidates: [String]) -> String? {
    var best: (String, Int)? = nil
    let w = Array(word.lowercased())
    for c in candidates where c != word {
        let d = editDistance(w, Array(c.lowercased()))
        let limit = max(1, min(3, (max(w.count, c.count) + 1) / 3))
        if d <= limit, best == nil || d < best!.1 || (d == best!.1 && c < best!.0) { best = (c, d) }
    }
    return best?.0
}

/// Optimal-string-alignment distance (insertions, deletions, substitutions and
/// adjacent transpositions); lengths more than 3 apart are not compared.
func editDistance(_ a: [Character], _ b: [Character]) -> Int {
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    if abs(a.count - b.count) > 3 { return abs(a.count - b.count) }
    var prev = Array(0...b.count)
    var cur = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
        cur[0] = i
        for j in 1...b.count {
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            // transposition
            if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { cur[j] = min(cur[j], prev[j - 1]) }
        }
        swap(&prev, &cur)
    }
    return prev[b.count]
}

extension String {
    /// Without leading and trailing spaces, tabs and carriage returns.
    func trimmingSpaces() -> String {
        let scalars = Array(unicodeScalars)
        var lo = 0, hi = scalars.count
        while lo < hi, scalars[lo] == " " || scalars[lo] == "\t" || scalars[lo] == "\r" { lo += 1 }
        while hi > lo, scalars[hi - 1] == " " || scalars[hi - 1] == "\t" || scalars[hi - 1] == "\r" { hi -= 1 }
        return String(String.UnicodeScalarView(scalars[lo..<hi]))
    }

    /// Each tab as one space, so a caret line lines up under the text.
    func replacingTabs() -> String {
        var out = ""
        for c in self { out.append(c == "\t" ? " " : c) }
        return out
    }
}
