// Text — small text helpers that several layers share, each written once.
//
//   Superscript   the one table of superscript digits ⁰ … ⁹ and `⁻`, both
//                 ways: the lexer reads `x²` and `∂²f`, the AST printer, the
//                 symbolic printer and the plot axes write them.
//   closestWord   "did you mean …?" by edit distance, for options, methods,
//                 meta commands and names.
//   trimming and tab replacement for meta arguments and rendered snippets.
//   escapingControls   control characters written out (`\u{1B}`), for a
//                 terminal, which would obey them.
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
/// Equally distant candidates are told apart by the typo each one implies: a
/// sideways slip of a finger to the next key on the row (`sem` for `sen`: m
/// is beside n) is likelier than any other edit (`sec`); only then does
/// alphabetical order decide.
public func closestWord(_ word: String, in candidates: [String]) -> String? {
    var best: (word: String, distance: Int, cost: Int)? = nil
    let w = Array(word.lowercased())
    for c in candidates where c != word {
        let cw = Array(c.lowercased())
        let d = editDistance(w, cw)
        let limit = max(1, min(3, (max(w.count, c.count) + 1) / 3))
        guard d <= limit else { continue }
        if let b = best, d > b.distance { continue }
        let cost = typoCost(w, cw)
        if let b = best, (d, cost, c) >= (b.distance, b.cost, b.word) { continue }
        best = (c, d, cost)
    }
    return best?.word
}

/// The edit distance with a sideways slip a little cheaper: a substitution
/// by the next key on the same keyboard row costs 1, every other edit
/// (insertion, deletion, substitution, transposition) 2.
func typoCost(_ a: [Character], _ b: [Character]) -> Int {
    if a.isEmpty || b.isEmpty { return 2 * (a.count + b.count) }
    var d = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
    for i in 0...a.count { d[i][0] = 2 * i }
    for j in 0...b.count { d[0][j] = 2 * j }
    for i in 1...a.count {
        for j in 1...b.count {
            let sub = a[i - 1] == b[j - 1] ? 0 : (besideOnKeyboard(a[i - 1], b[j - 1]) ? 1 : 2)
            d[i][j] = min(d[i - 1][j] + 2, d[i][j - 1] + 2, d[i - 1][j - 1] + sub)
            if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { d[i][j] = min(d[i][j], d[i - 2][j - 2] + 2) }
        }
    }
    return d[a.count][b.count]
}

/// True when two letters are next to each other on one row of a QWERTY keyboard.
func besideOnKeyboard(_ a: Character, _ b: Character) -> Bool {
    for row in ["qwertyuiop", "asdfghjkl", "zxcvbnm"] {
        let keys = Array(row)
        if let i = keys.firstIndex(of: a), let j = keys.firstIndex(of: b) { return abs(i - j) == 1 }
    }
    return false
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

    /// Control characters written out as `\u{1B}`, so a terminal shows them
    /// instead of obeying them: C0 (U+0000–U+001F) except newline and tab,
    /// DEL (U+007F) and C1 (U+0080–U+009F; U+009B is a CSI of its own), that is
    /// every escape, OSC, cursor or title sequence a script's text or a file
    /// name could carry. `keepingColour`: the colour sequences calc writes
    /// itself stay (SGR `ESC [ … m` with only reset, bold, dim, the 8 + 8
    /// colours and `38;5;N`), so a coloured plot keeps its colour; any other
    /// attribute (blink, reverse, conceal…) is escaped like the rest.
    public func escapingControls(keepingColour: Bool = false) -> String {
        func isControl(_ v: UInt32) -> Bool { (v < 0x20 && v != 0x0A && v != 0x09) || (0x7F...0x9F).contains(v) }
        guard unicodeScalars.contains(where: { isControl($0.value) }) else { return self }
        let scalars = Array(unicodeScalars)
        var out = String.UnicodeScalarView()
        var i = 0
        while i < scalars.count {
            let c = scalars[i]
            guard isControl(c.value) else { out.append(c); i += 1; continue }
            if keepingColour, c == "\u{1B}", i + 1 < scalars.count, scalars[i + 1] == "[" {
                var j = i + 2
                while j < scalars.count, scalars[j] == ";" || ("0"..."9").contains(scalars[j]) { j += 1 }
                if j < scalars.count, scalars[j] == "m", Self.isColour(String(String.UnicodeScalarView(scalars[(i + 2)..<j]))) {
                    out.append(contentsOf: scalars[i...j])
                    i = j + 1
                    continue
                }
            }
            out.append(contentsOf: "\\u{\(String(c.value, radix: 16, uppercase: true))}".unicodeScalars)
            i += 1
        }
        return String(out)
    }

    /// SGR parameters that only colour: reset, bold, dim, normal, 30–37, 39, 90–97, 38;5;N.
    static func isColour(_ parameters: String) -> Bool {
        let ps = parameters.split(separator: ";", omittingEmptySubsequences: false).map { Int($0) }
        var k = 0
        while k < ps.count {
            guard let p = ps[k] else { return false }
            if p == 38, k + 2 < ps.count, ps[k + 1] == 5, let n = ps[k + 2], (0...255).contains(n) { k += 3; continue }
            guard [0, 1, 2, 22, 39].contains(p) || (30...37).contains(p) || (90...97).contains(p) else { return false }
            k += 1
        }
        return true
    }
}
