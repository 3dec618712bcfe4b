// Parser+DecimalComma — the warning for a decimal comma. In calc `0,5` is
// two numbers, but Portuguese (and most of the world) writes one half as
// `0,5`, so where that reading is probably a mistake the parser says so,
// with the fix `0.5`, and goes on: a warning never changes what runs.
//
// The rule (docs/language.md, "Portuguese"): a comma with an integer literal
// (digits only) directly on each side, no space, comment or line break
// between the three (`0,5`, `3,14`, `0,001`), standing
//   - where a comma is a syntax error: the end of a statement (`0,5`,
//     `x = 0,5`, `f(x) = 0,5*x`), before `rate` (`from 0,5 rate …`), before
//     `to` (`plot e from 0,5 to 1`): the warning comes first and says why;
//   - in the rate list of `minimize`/`maximize`: `rate 0,5` (rates 0 and 5);
//   - in the start point after `from`, bare or directly inside its
//     parentheses: `from (0,5)` (the point (0, 5)).
// Everywhere else a compact comma is a programmer's style and stays quiet:
// calls `f(1,2)`, tuples `(1,2)`, points after `at`, lists `[0,5]`, and any
// comma with a space (`0, 5`) or a decimal literal beside it (`0.1,0.5`).

extension Parser {
    /// True when the token at `i` is a comma joining two integer literals with nothing between them.
    func isDecimalComma(at i: Int) -> Bool {
        guard i > 0, i + 1 < tokens.count, tokens[i].tag == .comma,
              tokens[i - 1].tag == .number, tokens[i + 1].tag == .number else { return false }
        let (a, c, b) = (tokens[i - 1].range, tokens[i].range, tokens[i + 1].range)
        return a.end == c.start && c.end == b.start && isDigits(a) && isDigits(b)
    }

    private func isDigits(_ r: SourceRange) -> Bool {
        let t = source.text(in: r)
        return !t.isEmpty && t.unicodeScalars.allSatisfy { $0.value >= 0x30 && $0.value <= 0x39 }
    }

    /// Records the warning for the decimal comma at token `i`, over the whole
    /// `0,5`; `twoNumbersValid` adds how to write two numbers without it.
    mutating func warnDecimalComma(at i: Int, twoNumbersValid: Bool) {
        let whole = tokens[i - 1], fraction = tokens[i + 1]
        let (w, f) = (source.text(in: whole.range), source.text(in: fraction.range))
        func value(_ t: Token) -> String {
            if case .number(let n) = t.kind { return n.description }
            return source.text(in: t.range)
        }
        var d = Diagnostic(.warning, .syntax(.commaJoinsNumbers(literal: "\(w),\(f)", first: value(whole), second: value(fraction))),
                           whole.range.to(fraction.range), file: source,
                           help: .syntax(.writeDecimalPoint(decimal: "\(w).\(f)")))
        if twoNumbersValid { d.helpText.append(.syntax(.spaceSeparatesNumbers(spaced: "\(value(whole)), \(value(fraction))"))) }
        record(d)
    }

    /// Before "expected X, found `,`": a decimal comma there is why (`0,5`
    /// as a statement, `from 0,5 rate …`, `plot e from 0,5 to 1`).
    mutating func warnIfDecimalCommaIsUnexpected() {
        if tag == .comma, isDecimalComma(at: pos) { warnDecimalComma(at: pos, twoNumbersValid: false) }
    }

    /// Warns at each decimal comma of the start point held by tokens
    /// `first..<end`: at its top level or directly inside its outer brackets
    /// (not inside a call or a nested tuple).
    mutating func warnDecimalCommas(inStartPoint first: Int, _ end: Int) {
        var depth = 0, lastWarned = -2, outerOpen = -1
        for i in first..<min(end, tokens.count) {
            switch tokens[i].tag {
            case .lparen, .lbracket:
                if depth == 0 { outerOpen = i }
                depth += 1
            case .rparen, .rbracket: depth -= 1
            case .comma where (depth == 0 || (depth == 1 && outerOpen == first && tokens[first].tag == .lparen))
                && i - 2 != lastWarned && isDecimalComma(at: i):
                warnDecimalComma(at: i, twoNumbersValid: depth == 1)
                lastWarned = i
            default: break
            }
        }
    }
}
