// Parser — recursive descent over the token list, one function per grammar
// rule of Grammar/calc.ebnf; each function's comment quotes its rule exactly
// (GrammarTests checks every quote against the file).
//
// The parser is three files: this one holds the state, the token and error
// helpers, programs and statements; Parser+Expressions.swift the expression
// rules from `expr` down to `primary`; Parser+Commands.swift the commands
// `minimize`/`maximize`, `explain` and `plot` with their options and boxes.
//
// Errors are collected, not printed. On a syntax error the parser abandons the
// statement and resynchronises at the next statement end (newline or `;`), so
// one script reports several independent mistakes (capped at `Diagnostic.maxErrors`).
// Nesting deeper than `maxDepth` is an error, never a stack overflow.
// Command and option words are contextual: they are special only where the
// grammar expects them, so `rate = 0.1` is an ordinary assignment.
// The hot paths test a token's `tag` (its case) and step with `skip()`, so
// a token's name or number is copied only where the parser keeps it.

public struct Parser {
    public static let maxDepth = 1000
    /// `Diagnostic.maxErrors`, the limit the lexer and parser share.
    public static var maxErrors: Int { Diagnostic.maxErrors }
    /// Words that may start a command (only when not followed by `=` or a definition).
    public static let commandWords: Set<String> = Set(CommandWord.allCases.map(\.rawValue))
    /// The words that may follow `minimize … rate η`: the options, then `plot`.
    public static let optimizeOptions = OptionWord.allCases.map(\.rawValue) + [CommandWord.plot.rawValue]

    struct Failure: Error {}

    let source: SourceFile
    let tokens: [Token]
    var pos = 0
    var depth = 0
    /// Brackets the parser has opened and not yet closed; newlines inside them are skipped.
    var bracketDepth = 0
    var diagnostics: [Diagnostic] = []
    /// Contextual words that end an expression here (`from`, `rate`, …).
    var stops: Set<String> = []

    public init(source: SourceFile, tokens: [Token]) {
        self.source = source
        self.tokens = tokens
    }

    /// Lexes and parses a whole source.
    public static func parse(_ source: SourceFile) -> Program {
        let (tokens, lexErrors) = Lexer.tokenize(source)
        var p = Parser(source: source, tokens: tokens)
        p.diagnostics = lexErrors
        let statements = p.parseProgram()
        return Program(source: source, statements: statements, diagnostics: p.diagnostics)
    }

    // MARK: - token helpers

    var current: Token { tokens[pos] }
    var kind: TokenKind { tokens[pos].kind }
    /// The current token's case: what the hot paths test.
    var tag: TokenTag { tokens[pos].tag }
    func peekKind(_ k: Int) -> TokenKind { pos + k < tokens.count ? tokens[pos + k].kind : .eof }
    var previous: Token { tokens[max(0, pos - 1)] }

    mutating func advance() -> Token {
        let t = tokens[pos]
        skip()
        return t
    }

    /// Steps past the current token (`advance` without returning it).
    mutating func skip() {
        switch tokens[pos].tag {
        case .lparen, .lbracket: bracketDepth += 1
        case .rparen, .rbracket: bracketDepth = max(0, bracketDepth - 1)
        default: break
        }
        if pos < tokens.count - 1 { pos += 1 }
        if bracketDepth > 0 { while tokens[pos].tag == .newline, pos < tokens.count - 1 { pos += 1 } }
    }

    /// True when the current token is the name `w`.
    func isWord(_ w: ContextualWord) -> Bool {
        guard tokens[pos].tag == .name, case .name(let n) = tokens[pos].kind else { return false }
        return n == w.rawValue
    }

    mutating func skipNewlines() { while tag == .newline { skip() } }

    var atStatementEnd: Bool {
        switch tag { case .newline, .semicolon, .eof: return true; default: return false }
    }

    /// True when the current token begins a statement: nothing or a newline
    /// or `;` before it (as `Lexer.atStatementStart` for the token it is about to emit).
    var atStatementStart: Bool {
        guard pos > 0 else { return true }
        switch tokens[pos - 1].kind { case .newline, .semicolon: return true; default: return false }
    }

    mutating func fail(_ id: DiagnosticID, _ message: String, _ range: SourceRange, help: String? = nil,
                       labels: [Diagnostic.Label] = []) -> Failure {
        record(Diagnostic(id, message, range, file: source, help: help, labels: labels))
        return Failure()
    }

    mutating func record(_ d: Diagnostic) {
        if diagnostics.count < Diagnostic.maxErrors { diagnostics.append(d) }
    }

    /// "expected X, found Y" at the current token.
    mutating func expected(_ what: String, after: String? = nil, help: String? = nil) -> Failure {
        let found = kind.display
        let msg = after.map { "expected \(what) after \($0), found \(found)" } ?? "expected \(what), found \(found)"
        return fail(.expectedToken, msg, current.range, help: help)
    }

    mutating func expect(_ k: TokenKind, _ what: String, opened: Token? = nil) throws -> Token {
        if kind == k { return advance() }
        if let opened {
            let closer = k == .rparen ? "`)`" : "`]`"
            let opener = k == .rparen ? "`(`" : "`[`"
            throw fail(.unclosedBracket, "expected \(closer), found \(kind.display)", current.range,
                       help: "every \(opener) needs a matching \(closer)",
                       labels: [.init(range: opened.range, text: .verbatim("unclosed \(opener) opened here"))])
        }
        throw expected(what)
    }

    mutating func withStops<T>(_ words: Set<String>, _ body: (inout Parser) throws -> T) rethrows -> T {
        let saved = stops
        stops.formUnion(words)
        defer { stops = saved }
        return try body(&self)
    }

    mutating func enter() throws {
        depth += 1
        if depth > Parser.maxDepth {
            throw fail(.tooDeep, "expression nested too deeply (more than \(Parser.maxDepth) levels)", current.range,
                       help: "split the expression into smaller named parts")
        }
    }
    mutating func leave() { depth -= 1 }

    // MARK: - program and statements

    /// program = { [ statement ] ( NEWLINE | ";" ) } EOF ;
    mutating func parseProgram() -> [Statement] {
        var statements: [Statement] = []
        while true {
            while tag == .newline { skip() }
            if tag == .semicolon { skip(); continue }
            if tag == .eof { break }
            if diagnostics.count >= Diagnostic.maxErrors {
                diagnostics.append(Diagnostic(.tooManyErrors, "too many errors; stopping after \(Diagnostic.maxErrors)",
                                              current.range, file: source))
                break
            }
            let start = current.range
            depth = 0
            bracketDepth = 0
            stops = []
            do {
                let kind = try parseStatement()
                if !atStatementEnd {
                    throw trailingError()
                }
                let silent = tag == .semicolon
                statements.append(Statement(kind: kind, range: start.to(previous.range), silent: silent))
            } catch {
                synchronize()
            }
        }
        return statements
    }

    /// Skips to the end of the current statement after an error. If the
    /// error came after a line break inside an unclosed bracket, the next
    /// statement starts on that line: one missing `)` does not swallow the file.
    mutating func synchronize() {
        let insideBrackets = bracketDepth > 0
        bracketDepth = 0
        if insideBrackets, pos > 0, case .newline = tokens[pos - 1].kind { return }
        while !atStatementEnd { _ = advance() }
    }

    mutating func trailingError() -> Failure {
        var help = "separate statements with a newline or `;`"
        switch kind {
        case .name, .lparen, .number, .sqrt:
            help = "to multiply, write `*` (implicit multiplication only follows a number, as in `2x`)"
        case .equals:
            help = "`=` binds a name (`x = 1`) or defines a function (`f(x) = x^2`); calc has no comparisons"
        case .rparen, .rbracket:
            help = "this bracket has no matching opening bracket"
        default: break
        }
        return fail(.expectedToken, "expected end of statement, found \(kind.display)", current.range, help: help)
    }

    /// statement = meta | command | funcdef | assign | expr ;
    /// meta = ":" NAME { any token up to the end of the statement } ;
    ///
    /// `meta` is one token from the lexer; funcdef and assign are recognised
    /// after parsing `expr` (`parseDefinition`).
    mutating func parseStatement() throws -> StatementKind {
        if case .meta(let command, let argument) = kind {
            _ = advance()
            return .meta(command: command, argument: argument)
        }
        if case .name(let w) = kind, let command = CommandWord(rawValue: w), startsCommand() {
            return try parseCommand(command)
        }
        let e = try parseExpr()
        if case .equals = kind {
            let eq = advance()
            skipNewlines()
            return try parseDefinition(e, equals: eq)
        }
        return .expression(e)
    }

    /// A command word starts a command unless it is being bound: `plot = 1`, `plot(x) = …`.
    func startsCommand() -> Bool {
        switch peekKind(1) {
        case .equals: return false
        case .lparen:
            var k = 1, d = 0
            while pos + k < tokens.count {
                switch tokens[pos + k].kind {
                case .lparen: d += 1
                case .rparen:
                    d -= 1
                    if d == 0 { if case .equals = peekKind(k + 1) { return false }; return true }
                case .newline, .semicolon, .eof: return true
                default: break
                }
                k += 1
            }
            return true
        default: return true
        }
    }

    /// funcdef = NAME "(" NAME { "," NAME } ")" "=" expr ;
    /// assign = NAME "=" expr ;
    ///
    /// `lhs` is the expression already parsed before `=`.
    mutating func parseDefinition(_ lhs: Node, equals: Token) throws -> StatementKind {
        switch lhs.kind {
        case .name(let n):
            let value = try parseExpr()
            return .assign(Name(n, lhs.range), value)
        case .call(let callee, let args):
            guard case .name(let f) = callee.kind else { break }
            var params: [Name] = []
            for a in args {
                guard case .name(let p) = a.kind else {
                    throw fail(.invalidAssignment, "a function's parameters must be names", a.range,
                               help: "define functions as `\(f)(x, y) = …` and call them with values: `\(f)(1, 2)`")
                }
                params.append(Name(p, a.range))
            }
            if params.isEmpty {
                throw fail(.invalidAssignment, "a function needs at least one parameter", lhs.range,
                           help: "for a constant, write `\(f) = …`")
            }
            let body = try parseExpr()
            return .funcdef(Name(f, callee.range), params, body)
        default: break
        }
        throw fail(.invalidAssignment, "cannot assign to this expression", lhs.range,
                   help: "bind a name with `x = …` or define a function with `f(x, y) = …`; calc has no `==` comparison")
    }
}
