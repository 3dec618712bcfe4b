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
// one script reports several independent mistakes (capped at `Diagnostic.maxErrors`;
// warnings, such as a decimal comma in Parser+DecimalComma.swift, do not count).
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
    /// How many of `diagnostics` are warnings: only errors count towards `maxErrors`.
    var warningCount = 0
    /// Contextual words that end an expression here (`from`, `rate`, …).
    var stops: Set<String> = []
    /// Names of functions (built-in and the user's), for "did you mean `cos(x)`?" (Suggestions.swift).
    var callables: Set<String> = []
    /// The index of the current statement's first token.
    var statementStart = 0

    public init(source: SourceFile, tokens: [Token]) {
        self.source = source
        self.tokens = tokens
    }

    /// Lexes and parses a whole source.
    public static func parse(_ source: SourceFile, callables: Set<String> = []) -> Program {
        let (tokens, lexErrors) = Lexer.tokenize(source)
        var p = Parser(source: source, tokens: tokens)
        p.callables = callables
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

    mutating func fail(_ id: DiagnosticID, _ message: SyntaxMessage, _ range: SourceRange, help: SyntaxMessage? = nil,
                       labels: [Diagnostic.Label] = []) -> Failure {
        record(Diagnostic(id, .syntax(message), range, file: source, help: help.map { .syntax($0) }, labels: labels))
        return Failure()
    }

    mutating func record(_ d: Diagnostic) {
        if d.severity == .warning {
            diagnostics.append(d)
            warningCount += 1
        } else if diagnostics.count - warningCount < Diagnostic.maxErrors {
            diagnostics.append(d)
        }
    }

    /// "expected X [after A], found Y" at the current token.
    mutating func expected(_ what: SyntaxMessage.Expectation, after: SyntaxMessage.Preceding? = nil,
                           help: SyntaxMessage? = nil) -> Failure {
        warnIfDecimalCommaIsUnexpected()
        return fail(.expectedToken, .expected(what, after: after, found: kind.described), current.range, help: help)
    }

    /// "expected X [after A], found Y" where A is the source text of a token (`at`, `from`).
    mutating func expected(_ what: SyntaxMessage.Expectation, afterSymbol symbol: String,
                           help: SyntaxMessage? = nil) -> Failure {
        expected(what, after: .token(.symbol(symbol)), help: help)
    }

    /// Takes a token of kind `k` (`what` names it in the error), or fails;
    /// with `opened`, the error is an unclosed bracket and points at it.
    mutating func expect(_ k: TokenKind, _ what: SyntaxMessage.Expectation, opened: Token? = nil) throws -> Token {
        if kind == k { return advance() }
        if let opened {
            let (opener, closer) = k == .rparen ? ("(", ")") : ("[", "]")
            throw fail(.unclosedBracket, .expected(.symbol(closer), found: kind.described), current.range,
                       help: .everyOpenerNeedsCloser(opener: opener, closer: closer),
                       labels: [.init(range: opened.range, text: .syntax(.unclosedOpenedHere(opener: opener)))])
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
            throw fail(.tooDeep, .nestedTooDeeply(limit: Parser.maxDepth), current.range, help: .splitExpression)
        }
    }
    mutating func leave() { depth -= 1 }

    /// `n`, unless its tree is deeper than `maxDepth`: the "nested too deeply"
    /// error at `range`. Chains the parser builds in a loop (`x at 1 at 1 …`,
    /// `f'(x)'(y)…`) nest the tree without nesting the parser's calls, so
    /// `enter` alone does not bound what the evaluator and printers recurse on.
    mutating func bounded(_ n: Node, at range: SourceRange) throws -> Node {
        if n.height > Parser.maxDepth {
            throw fail(.tooDeep, .nestedTooDeeply(limit: Parser.maxDepth), range, help: .splitExpression)
        }
        return n
    }

    // MARK: - program and statements

    /// program = { [ statement ] ( NEWLINE | ";" ) } EOF ;
    mutating func parseProgram() -> [Statement] {
        var statements: [Statement] = []
        while true {
            while tag == .newline { skip() }
            if tag == .semicolon { skip(); continue }
            if tag == .eof { break }
            if diagnostics.count - warningCount >= Diagnostic.maxErrors {
                diagnostics.append(Diagnostic(.tooManyErrors, .syntax(.tooManyErrors(limit: Diagnostic.maxErrors)),
                                              current.range, file: source))
                break
            }
            let start = current.range
            statementStart = pos
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
        if let suggestion = trailingSuggestion() { return suggestion }
        let help: SyntaxMessage
        switch tag {
        case .name, .lparen, .number, .sqrt: help = .multiplyWithStar
        case .equals: help = .equalsBindsOrDefines
        case .rparen, .rbracket: help = .bracketWithoutOpening
        default: help = .separateStatements
        }
        return expected(.endOfStatement, help: help)
    }

    /// statement = meta | command | named_optimize | funcdef | assign | destructure | expr ;
    /// meta = ":" NAME { any token up to the end of the statement } ;
    ///
    /// `meta` is one token from the lexer; named_optimize, funcdef, assign
    /// and destructure are recognised after parsing `expr` (`parseDefinition`).
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

    /// After `θ =`: `minimize` or `maximize` starts the command whose result is
    /// bound, as at the start of a statement, unless it is used as a name
    /// there (`y = minimize`, `y = minimize * 2`).
    var optimizeFollows: Bool {
        guard case .name(let w) = kind, let word = CommandWord(rawValue: w), word == .minimize || word == .maximize,
              startsCommand() else { return false }
        switch peekKind(1) {
        case .newline, .semicolon, .eof, .star, .slash, .caret, .comma, .rparen, .rbracket, .prime, .dot, .matmul, .transpose: return false
        default: return true
        }
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

    /// funcdef = NAME "(" parameter { "," parameter } ")" "=" expr ;
    /// parameter = NAME [ "[" INTEGER [ "," INTEGER ] "]" ] ;
    /// assign = NAME "=" expr ;
    /// destructure = "(" NAME "," NAME { "," NAME } ")" "=" expr ;
    /// named_optimize = ( NAME | "(" NAME { "," NAME } ")" ) "=" optimize ;
    ///
    /// `lhs` is the expression already parsed before `=`.
    mutating func parseDefinition(_ lhs: Node, equals: Token) throws -> StatementKind {
        switch lhs.kind {
        case .name(let n):
            if optimizeFollows { return .namedOptimize(.name(Name(n, lhs.range)), try parseOptimize()) }
            let value = try parseExpr()
            return .assign(Name(n, lhs.range), value)
        case .tuple(let items):
            var names: [Name] = []
            for item in items {
                guard case .name(let n) = item.kind else {
                    throw fail(.invalidAssignment, .tupleTargetsMustBeNames, item.range, help: .destructureExample)
                }
                names.append(Name(n, item.range))
            }
            if optimizeFollows { return .namedOptimize(.tuple(names, lhs.range), try parseOptimize()) }
            return .destructure(names, lhs.range, try parseExpr())
        case .call(let callee, let args):
            guard case .name(let f) = callee.kind else { break }
            var params: [Parameter] = []
            for a in args {
                if case .name(let p) = a.kind { params.append(Parameter(Name(p, a.range))); continue }
                // a tensor parameter declares its shape: W[2, 2], b[3]
                if case .index(let base, let dims) = a.kind, case .name(let p) = base.kind {
                    var shape: [Int] = []
                    for d in dims {
                        guard case .number(let n) = d.kind, let k = n.exactInteger, k >= 1, k <= Parameter.maxLength else {
                            throw fail(.invalidAssignment, .shapeMustBePositiveIntegers, d.range, help: .tensorParameterExample)
                        }
                        shape.append(Int(k))
                    }
                    guard shape.count <= 2 else {
                        throw fail(.invalidAssignment, .tooManyDimensions(shape.count), a.range, help: .tensorParameterExample)
                    }
                    guard shape.reduce(1, *) <= Parameter.maxElements else {
                        throw fail(.limit, .tooManyElements(limit: Parameter.maxElements), a.range)
                    }
                    params.append(Parameter(Name(p, base.range), shape: shape))
                    continue
                }
                throw fail(.invalidAssignment, .parametersMustBeNames, a.range, help: .defineAndCallFunction(function: f))
            }
            if params.isEmpty {
                throw fail(.invalidAssignment, .functionNeedsParameter, lhs.range, help: .writeConstantInstead(name: f))
            }
            let body = try parseExpr()
            return .funcdef(Name(f, callee.range), params, body)
        default: break
        }
        if let suggestion = pointWithoutParentheses(equals: equals) { throw suggestion }
        throw fail(.invalidAssignment, .cannotAssign, lhs.range, help: .bindOrDefine)
    }
}
