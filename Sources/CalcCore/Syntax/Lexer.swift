// Lexer — turns source text into tokens with ranges.
//
// Works over Unicode scalars. It knows the lexical rules of LANGUAGE.md §2:
// Unicode names with subscript digits, `**` `·` `×` `−` as aliases, digit
// separators, `#` comments, newlines (the parser ignores those inside
// brackets), and the lexical derivative forms `d/dx`, `∂f/∂x`, `x²`.
// Bad characters and malformed numbers become diagnostics; lexing continues.
// ASCII names and plain integer literals, nearly every token of a large
// input, take fast paths that build no intermediate strings.

public struct Lexer {
    let source: SourceFile
    let s: [Unicode.Scalar]
    var i = 0
    var tokens: [Token] = []
    var diagnostics: [Diagnostic] = []
    var sawSpace = false
    /// Whether an integer literal past 64 bits has been warned about (the first one is).
    var warnedInexactInteger = false

    public init(_ source: SourceFile) {
        self.source = source
        self.s = source.scalars
    }

    /// Lexes the whole source. The token list always ends with `.eof`.
    public static func tokenize(_ source: SourceFile) -> (tokens: [Token], diagnostics: [Diagnostic]) {
        var lx = Lexer(source)
        lx.run()
        return (lx.tokens, lx.diagnostics)
    }

    static func isNameStart(_ c: Unicode.Scalar) -> Bool {
        if c == "_" { return true }
        if c.isASCII { return (c >= "a" && c <= "z") || (c >= "A" && c <= "Z") }
        return c.properties.isAlphabetic && !isSubscriptDigit(c) && !isSuperscript(c) && c != transposeMark
    }
    /// ᵀ (a modifier letter, so Unicode calls it alphabetic): the postfix transpose, never part of a name.
    static let transposeMark: Unicode.Scalar = "\u{1D40}"
    static func isNameContinue(_ c: Unicode.Scalar) -> Bool {
        if c.isASCII { return isNameStart(c) || (c >= "0" && c <= "9") }
        return isNameStart(c) || isSubscriptDigit(c) || c.properties.numericType == .decimal
    }
    static func isSubscriptDigit(_ c: Unicode.Scalar) -> Bool { c.value >= 0x2080 && c.value <= 0x2089 }
    /// The value of a superscript digit ⁰ ¹ ² ³ ⁴ … ⁹, else nil (Text.swift's table).
    static func superscriptDigit(_ c: Unicode.Scalar) -> Int? { Superscript.digit(c) }
    static func isSuperscript(_ c: Unicode.Scalar) -> Bool { superscriptDigit(c) != nil || c == Superscript.minusScalar }
    static func isDigit(_ c: Unicode.Scalar) -> Bool { c >= "0" && c <= "9" }

    func peek(_ k: Int = 0) -> Unicode.Scalar? { i + k < s.count ? s[i + k] : nil }

    mutating func emit(_ kind: TokenKind, _ start: Int) {
        tokens.append(Token(kind, SourceRange(start, i), spaceBefore: sawSpace))
        sawSpace = false
    }

    mutating func report(_ id: DiagnosticID, _ message: SyntaxMessage, _ range: SourceRange, help: SyntaxMessage? = nil) {
        if diagnostics.count >= Diagnostic.maxErrors { return }
        diagnostics.append(Diagnostic(id, .syntax(message), range, file: source, help: help.map { .syntax($0) }))
    }

    /// A warning: it never changes what runs.
    mutating func warn(_ message: SyntaxMessage, _ range: SourceRange, help: SyntaxMessage? = nil) {
        diagnostics.append(Diagnostic(.warning, .syntax(message), range, file: source, help: help.map { .syntax($0) }))
    }

    /// True when the next token begins a statement: nothing or a newline or
    /// `;` emitted before it (where a `:` starts a meta command).
    var atStatementStart: Bool {
        guard let last = tokens.last else { return true }
        switch last.kind { case .newline, .semicolon: return true; default: return false }
    }

    mutating func run() {
        tokens.reserveCapacity(min(s.count, 1 << 20) + 1)   // at most one token per scalar, and the end
        while let c = peek() {
            let start = i
            // the common ones first: spaces, ASCII names and digits (as the cases below would)
            let v = c.value
            if v == 0x20 { i += 1; sawSpace = true; continue }
            if (v >= 0x61 && v <= 0x7A) || (v >= 0x41 && v <= 0x5A) || v == 0x5F { lexName(); continue }
            if v >= 0x30 && v <= 0x39 { lexNumber(); continue }
            let single: TokenKind?
            switch v {
            case 0x2B: single = .plus        // +
            case 0x2D: single = .minus       // -
            case 0x2F: single = .slash       // /
            case 0x5E: single = .caret       // ^
            case 0x28: single = .lparen      // (
            case 0x29: single = .rparen      // )
            case 0x2C: single = .comma       // ,
            case 0x3B: single = .semicolon   // ;
            case 0x3D: single = .equals      // =
            case 0x2A where peek(1) != "*": single = .star   // * (not **)
            default: single = nil
            }
            if let single { i += 1; emit(single, start); continue }
            switch c {
            case " ", "\t", "\r", "\u{FEFF}", "\u{00A0}":
                i += 1; sawSpace = true
            case "#":
                while let d = peek(), d != "\n" { i += 1 }
                sawSpace = true
            case "\n":
                i += 1
                emit(.newline, start)   // the parser skips newlines inside its open brackets
            case ";": i += 1; emit(.semicolon, start)
            case "+": i += 1; emit(.plus, start)
            case "-", "\u{2212}": i += 1; emit(.minus, start)
            case "*":
                i += 1
                if peek() == "*" { i += 1; emit(.caret, start) } else { emit(.star, start) }
            case "\u{00B7}", "\u{00D7}", "\u{22C5}": i += 1; emit(.star, start)   // · × ⋅
            case "/", "\u{00F7}": i += 1; emit(.slash, start)
            case "^": i += 1; emit(.caret, start)
            case "\u{221A}": i += 1; emit(.sqrt, start)   // √
            case "(": i += 1; emit(.lparen, start)
            case "[": i += 1; emit(.lbracket, start)
            case ")": i += 1; emit(.rparen, start)
            case "]": i += 1; emit(.rbracket, start)
            case ",": i += 1; emit(.comma, start)
            case "=": i += 1; emit(.equals, start)
            case "'", "\u{2032}": i += 1; emit(.prime, start)     // ' ′
            case "\u{2207}": i += 1; emit(.nabla, start)          // ∇
            case "\u{2202}": lexPartial()                           // ∂
            case "@": i += 1; emit(.matmul, start)
            case "\u{1D40}": i += 1; emit(.transpose, start)   // ᵀ
            case ":" where tokens.last.map({ $0.kind == .lbracket || $0.kind == .comma }) == true:
                i += 1; emit(.colon, start)   // a whole axis: A[:, 1], A[1, :]
            case "\u{221E}": i += 1; emit(.name("∞"), start)       // ∞, the constant inf, a name of its own
            case "\"": lexString()
            case "." where peek(1).map(Lexer.isNameStart) == true: i += 1; emit(.dot, start)   // θ.W
            case ":" where atStatementStart && peek(1).map(Lexer.isNameStart) == true:
                lexMeta()
            case _ where Lexer.isDigit(c) || (c == "." && peek(1).map(Lexer.isDigit) == true):
                lexNumber()
            case _ where Lexer.isSuperscript(c):
                lexSuperscript()
            case _ where Lexer.isNameStart(c):
                lexName()
            default:
                i += 1
                sawSpace = true
                // Past the error cap nothing is reported: skip building the message
                // (a megabyte of bad bytes would otherwise build a million of them).
                if diagnostics.count >= Diagnostic.maxErrors { continue }
                let message: SyntaxMessage = c == "\u{FFFD}" ? .unexpectedInvalidByte
                    : .unexpectedCharacter(c.escaped(asASCII: false))
                var help: SyntaxMessage? = nil
                switch c {
                case "!": help = .noFactorial
                case "{", "}": help = .bracesDoNotGroup
                case "\u{FFFD}": help = .inputNotUTF8
                case ":": help = .metaCommandStartsStatement
                case "&", "|", "<", ">": help = .noComparisonOperators
                default: break
                }
                report(.unexpectedCharacter, message, SourceRange(start, i), help: help)
            }
        }
        tokens.append(Token(.eof, SourceRange(s.count, s.count), spaceBefore: sawSpace))
    }

    mutating func scanName() -> String {
        var out = String.UnicodeScalarView()
        while let c = peek(), Lexer.isNameContinue(c) { out.append(c); i += 1 }
        return String(out)
    }

    /// The one-letter ASCII names, built once.
    static let letterNames: [String] = (0..<128).map { String(Unicode.Scalar(UInt8($0))) }

    /// An ASCII name (letters, digits, `_`) not followed by another name
    /// character, without building it scalar by scalar; nil (and nothing
    /// consumed) otherwise.
    mutating func scanASCIIName() -> String? {
        var j = i
        while j < s.count {
            let v = s[j].value
            if (v >= 0x61 && v <= 0x7A) || (v >= 0x41 && v <= 0x5A) || (v >= 0x30 && v <= 0x39) || v == 0x5F { j += 1; continue }
            if v >= 0x80 { return nil }   // a Unicode letter or subscript may continue it
            break
        }
        let n = j - i
        if n == 1 {
            let name = Lexer.letterNames[Int(s[i].value)]
            i = j
            return name
        }
        let name = String(unsafeUninitializedCapacity: n) { buffer in
            for k in 0..<n { buffer[k] = UInt8(truncatingIfNeeded: s[i + k].value) }
            return n
        }
        i = j
        return name
    }

    mutating func lexName() {
        let start = i
        let name = scanASCIIName() ?? scanName()
        // `d/dx`: the name `d` directly followed by `/d` and a name, no spaces.
        if peek() == "/", name == "d", peek(1) == "d", let c = peek(2), Lexer.isNameStart(c) {
            i += 2
            let variable = scanName()
            emit(.dOperator(variable), start)
            return
        }
        emit(.name(name), start)
    }

    /// `∂f/∂x`, `∂²f/∂x∂y`, `∂²f/∂x²`.
    mutating func lexPartial() {
        let start = i
        i += 1
        var order: Int? = nil
        if let c = peek(), Lexer.isSuperscript(c) { order = scanSuperscriptValue() }
        guard let c = peek(), Lexer.isNameStart(c) else {
            report(.unexpectedCharacter, .partialNeedsFunction, SourceRange(start, i), help: .partialWrittenWithoutSpaces)
            return
        }
        let f = scanName()
        guard peek() == "/", peek(1) == "\u{2202}" else {
            report(.unexpectedCharacter, .partialNeedsVariables(function: f), SourceRange(start, i),
                   help: .partialWrittenWithoutSpaces)
            return
        }
        i += 1
        var vars: [String] = []
        while peek() == "\u{2202}" {
            let vstart = i
            i += 1
            guard let c = peek(), Lexer.isNameStart(c) else {
                report(.unexpectedCharacter, .partialNeedsVariable, SourceRange(vstart, i))
                break
            }
            let v = scanName()
            var k = 1
            if let c = peek(), Lexer.isSuperscript(c) { k = scanSuperscriptValue() }
            if k < 1 || k > 16 {
                report(.badDerivativeOrder, .partialOrderOutOfRange, SourceRange(vstart, i))
                k = 1
            }
            vars += Array(repeating: v, count: k)
        }
        if let order, order != vars.count, !vars.isEmpty {
            report(.badDerivativeOrder, .partialOrderMismatch(order: order, variables: vars.count), SourceRange(start, i),
                   help: .partialOrderExample)
        }
        if vars.isEmpty { vars = ["?"] }
        emit(.partial(function: f, variables: vars), start)
    }

    /// A superscript integer, every digit of it (`2¹²³⁴⁵⁶⁷⁸⁹` is 2^123456789);
    /// one past 64 bits is an error, as no exponent that large can be meant.
    mutating func scanSuperscriptValue() -> Int {
        let start = i
        var negative = false
        if peek() == Superscript.minusScalar { negative = true; i += 1 }
        var v = 0
        var fits = true
        while let c = peek(), let d = Lexer.superscriptDigit(c) {
            if fits {
                let (m, o1) = v.multipliedReportingOverflow(by: 10)
                let (a, o2) = m.addingReportingOverflow(d)
                if o1 || o2 { fits = false } else { v = a }
            }
            i += 1
        }
        if !fits {
            report(.badNumber, .numberTooLarge, SourceRange(start, i))
            return 1
        }
        return negative ? -v : v
    }

    mutating func lexSuperscript() {
        let start = i
        let hadDigit = peek().map { Lexer.superscriptDigit($0) != nil } ?? false
        let v = scanSuperscriptValue()
        if !hadDigit && i - start == 1 && peek().map({ Lexer.superscriptDigit($0) == nil }) ?? true {
            report(.badNumber, .superscriptMinusNeedsDigits, SourceRange(start, i))
        }
        emit(.superscript(v), start)
    }

    mutating func lexNumber() {
        let start = i
        // fast path: ASCII digits not followed by `.`, `_`, `e` or `E` (an integer literal)
        var j = i
        var value: Int64 = 0
        var fits = true
        while j < s.count, s[j].value >= 0x30 && s[j].value <= 0x39 {
            if fits {
                let (m, o1) = value.multipliedReportingOverflow(by: 10)
                let (a, o2) = m.addingReportingOverflow(Int64(s[j].value - 0x30))
                if o1 || o2 { fits = false } else { value = a }
            }
            j += 1
        }
        if fits, j > i {
            let next = j < s.count ? s[j] : " "
            if next != "." && next != "_" && next != "e" && next != "E" {
                i = j
                emit(.number(.rational(value, 1)), start)
                return
            }
        }
        var text = String.UnicodeScalarView()
        var isInteger = true
        var bad = false
        func digits(_ lx: inout Lexer, into text: inout String.UnicodeScalarView) -> Bool {
            var any = false
            while let c = lx.peek() {
                if Lexer.isDigit(c) { text.append(c); lx.i += 1; any = true }
                else if c == "_" {
                    let next = lx.peek(1)
                    if any, let n = next, Lexer.isDigit(n) { lx.i += 1 }
                    else {
                        lx.i += 1
                        lx.report(.badNumber, .misplacedDigitSeparator, SourceRange(lx.i - 1, lx.i), help: .digitSeparatorExample)
                        return false
                    }
                } else { break }
            }
            return true
        }
        if !digits(&self, into: &text) { bad = true }
        if peek() == ".", peek(1).map(Lexer.isDigit) == true || !(peek(1).map(Lexer.isNameStart) ?? false) {
            // `1.5`, `.5`, `1.` — but not `1.x` (never valid anyway)
            isInteger = false
            text.append("."); i += 1
            if !digits(&self, into: &text) { bad = true }
        }
        if let c = peek(), c == "e" || c == "E" {
            // An exponent only if digits follow (`2e` is 2 times e, `2e-3` is 0.002)
            var k = 1
            if let sgn = peek(1), sgn == "+" || sgn == "-" { k = 2 }
            if let d = peek(k), Lexer.isDigit(d) {
                isInteger = false
                text.append("e")
                if k == 2 { text.append(peek(1)!) }
                i += k
                if !digits(&self, into: &text) { bad = true }
            }
        }
        let str = String(text)
        if bad {
            emit(.number(.zero), start)
            return
        }
        if isInteger, let v = Int64(str) {
            emit(.number(.rational(v, 1)), start)
        } else if let d = Double(str) {
            if d.isInfinite {
                report(.badNumber, .numberTooLarge, SourceRange(start, i), help: .largestFiniteNumber)
                emit(.number(.float(d)), start)
            } else if isInteger {
                // past 64 bits: the nearest double, marked approximate like an overflowed result
                let n = Number.approximate(d)
                if !warnedInexactInteger {
                    warnedInexactInteger = true
                    warn(.integerLiteralInexact(literal: source.text(in: SourceRange(start, i)), nearest: n.description),
                         SourceRange(start, i), help: .exactIntegersEndAt(largest: String(Int64.max)))
                }
                emit(.number(n), start)
            } else {
                emit(.number(.float(d)), start)
            }
        } else {
            report(.badNumber, .malformedNumber, SourceRange(start, i))
            emit(.number(.zero), start)
        }
    }

    mutating func lexString() {
        let start = i
        i += 1
        var out = String.UnicodeScalarView()
        while let c = peek(), c != "\"" {
            if c == "\n" { break }
            if c == "\\", let n = peek(1) {
                switch n {
                case "n": out.append("\n")
                case "t": out.append("\t")
                default: out.append(n)
                }
                i += 2
                continue
            }
            out.append(c); i += 1
        }
        if peek() == "\"" { i += 1 } else {
            report(.unterminatedString, .unterminatedString, SourceRange(start, i), help: .closeStringOnSameLine)
        }
        emit(.string(String(out)), start)
    }

    /// `:name rest-of-statement` — the argument text is kept raw (paths, topics).
    mutating func lexMeta() {
        let start = i
        i += 1
        let name = scanName()
        var arg = String.UnicodeScalarView()
        var inString = false
        while let c = peek(), c != "\n" {
            if c == "\"" { inString.toggle() }
            if c == ";" && !inString { break }
            if c == "#" && !inString { while let d = peek(), d != "\n" { i += 1 }; break }
            arg.append(c); i += 1
        }
        let text = String(arg).trimmingSpaces()
        emit(.meta(command: name, argument: text), start)
    }

    /// True when `text` ends inside brackets or right after a binary operator,
    /// so an interactive reader should ask for a continuation line.
    public static func needsContinuation(_ text: String) -> Bool {
        let (tokens, _) = tokenize(SourceFile(name: "", text: text))
        var depth = 0
        var last: TokenKind? = nil
        for t in tokens {
            switch t.kind {
            case .lparen, .lbracket: depth += 1
            case .rparen, .rbracket: depth -= 1
            case .eof: continue
            default: break
            }
            if case .newline = t.kind { continue }
            last = t.kind
        }
        if depth > 0 { return true }
        switch last {
        case .plus, .minus, .star, .slash, .caret, .equals, .comma, .sqrt: return true
        default: return false
        }
    }
}
