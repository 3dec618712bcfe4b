// Parser — recursive descent over the token list, one function per grammar
// rule of Grammar/calc.ebnf; each function's comment quotes its rule.
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
    public static let commandWords: Set<String> = ["minimize", "maximize", "explain", "plot"]
    public static let optimizeOptions = ["steps", "tol", "every", "method", "seed", "beta", "plot"]

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

    func isWord(_ w: String) -> Bool {
        guard tokens[pos].tag == .name, case .name(let n) = tokens[pos].kind else { return false }
        return n == w
    }

    mutating func skipNewlines() { while tag == .newline { skip() } }

    var atStatementEnd: Bool {
        switch tag { case .newline, .semicolon, .eof: return true; default: return false }
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
                       labels: [.init(range: opened.range, message: "unclosed \(opener) opened here")])
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

    /// program = { [ statement ] ( NEWLINE | ";" ) } EOF
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

    /// statement = meta | command | funcdef | assign | expr
    mutating func parseStatement() throws -> StatementKind {
        if case .meta(let command, let argument) = kind {
            _ = advance()
            return .meta(command: command, argument: argument)
        }
        if case .name(let w) = kind, Parser.commandWords.contains(w), startsCommand() {
            switch w {
            case "minimize", "maximize": return .optimize(try parseOptimize())
            case "explain":
                _ = advance()
                skipNewlines()
                return .explain(try parseExpr())
            default: return .plot(try parsePlot())
            }
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

    /// funcdef = NAME "(" NAME { "," NAME } ")" "=" expr
    /// assign  = NAME "=" expr
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

    // MARK: - expressions

    /// expr = sum { "at" point }
    mutating func parseExpr() throws -> Node {
        try enter(); defer { leave() }
        var e = try parseSum()
        while isWord("at") && !stops.contains("at") {
            skip()
            let p = try parsePoint()
            e = Node(.at(e, p), e.range.to(p.range))
        }
        return e
    }

    /// point = "(" NAME "=" expr { "," NAME "=" expr } ")" | sum
    mutating func parsePoint() throws -> Point {
        if case .lparen = kind, case .name = peekKind(1), case .equals = peekKind(2) {
            let open = advance()
            var items: [(Name, Node)] = []
            repeat {
                guard case .name(let n) = kind else { throw expected("a name", help: "name every coordinate: `(x = 1, y = 2)`") }
                let nt = advance()
                _ = try expect(.equals, "`=`")
                let v = try withStops([]) { try $0.parseExpr() }
                items.append((Name(n, nt.range), v))
                if case .comma = kind { _ = advance() } else { break }
            } while true
            let close = try expect(.rparen, "`)`", opened: open)
            return .named(items, open.range.to(close.range))
        }
        if atStatementEnd {
            throw expected("a point", after: "`at`", help: "give a number, a tuple like `(1, 2)`, or named values like `(x = 1, y = 2)`")
        }
        return .positional(try parseSum())
    }

    /// sum = product { ( "+" | "-" ) product }
    mutating func parseSum() throws -> Node {
        let first = try parseProduct()
        var rest: [(SumOperator, Node)] = []
        while true {
            let op: SumOperator
            switch tag {
            case .plus: op = .plus
            case .minus: op = .minus
            default:
                if rest.isEmpty { return first }
                return Node(.sum(first, rest), first.range.to(rest.last!.1.range))
            }
            let opPos = pos
            skip()
            skipNewlines()
            try operand(afterTokenAt: opPos)
            rest.append((op, try parseProduct()))
        }
    }

    var isClosing: Bool {
        switch tag { case .rparen, .rbracket, .comma, .equals: return true; default: return false }
    }

    /// product = unary { ( "*" | "/" | implicit ) unary }
    /// implicit = (nothing) — only right after a number literal: `2x`, `3(x+1)`, `2 sin(x)`
    mutating func parseProduct() throws -> Node {
        let first = try parseUnary()
        var rest: [(ProductOperator, Node)] = []
        while true {
            let op: ProductOperator
            switch tag {
            case .star: op = .times; let t = pos; skip(); skipNewlines(); try operand(afterTokenAt: t)
            case .slash: op = .divide; let t = pos; skip(); skipNewlines(); try operand(afterTokenAt: t)
            default:
                if implicitMultiplicationFollows { op = .implicit }
                else {
                    if rest.isEmpty { return first }
                    return Node(.product(first, rest), first.range.to(rest.last!.1.range))
                }
            }
            if rest.isEmpty { rest.reserveCapacity(4) }
            rest.append((op, try parseUnary()))
        }
    }

    mutating func operand(after op: Token) throws {
        if atStatementEnd || isClosing { throw expected("an expression", after: op.kind.display) }
    }

    /// `operand(after:)` for the operator token at `index`.
    mutating func operand(afterTokenAt index: Int) throws {
        if atStatementEnd || isClosing { throw expected("an expression", after: tokens[index].kind.display) }
    }

    /// True when the previous token was a number literal and the next token
    /// can start an operand (a name that is not a contextual stop word, `(`, `√`).
    var implicitMultiplicationFollows: Bool {
        guard pos > 0, tokens[pos - 1].tag == .number else { return false }
        switch tag {
        case .name:
            guard case .name(let n) = tokens[pos].kind else { return false }
            // inside a command (`rate 0.1 steps 5`) only `2x` with no space multiplies
            if !stops.isEmpty && tokens[pos].spaceBefore { return false }
            return !stops.contains(n) && n != "at"
        case .lparen, .sqrt, .nabla, .dOperator, .partial: return true
        default: return false
        }
    }

    /// unary = ( "-" | "+" | "√" ) unary | power
    mutating func parseUnary() throws -> Node {
        try enter(); defer { leave() }
        let op: UnaryOperator
        switch tag {
        case .minus: op = .negate
        case .plus: op = .plus
        case .sqrt: op = .sqrt
        default:
            // a number or plain name: the primary without the calls down to it
            // (the same node, the same depth check as `parsePrimary`)
            if depth < Parser.maxDepth, let leaf = simpleLeaf() {
                switch tag {
                case .caret, .superscript: return try parsePower(base: leaf)   // no postfix operator follows
                case .prime, .lparen: return try parsePower(base: parsePostfix(primary: leaf))
                default: return leaf
                }
            }
            return try parsePower()
        }
        let t = advance()
        try operand(after: t)
        let operand = try parseUnary()
        return Node(.unary(op, operand), t.range.to(operand.range))
    }

    /// power = postfix [ "^" unary | SUPERSCRIPT ]      (right-associative: 2^3^2 = 2^9)
    mutating func parsePower() throws -> Node {
        try parsePower(base: try parsePostfix())
    }

    /// power = postfix [ "^" unary | SUPERSCRIPT ]      — the part after the postfix operand `base`
    mutating func parsePower(base: Node) throws -> Node {
        switch tag {
        case .caret:
            let t = pos
            skip()
            skipNewlines()
            try operand(afterTokenAt: t)
            let exponent = try parseUnary()
            return Node(.power(base, exponent), base.range.to(exponent.range))
        case .superscript:
            guard case .superscript(let n) = kind else { return base }
            let t = advance()
            return Node(.power(base, Node(.number(Number(n)), t.range)), base.range.to(t.range))
        default:
            return base
        }
    }

    /// postfix = primary { "'" | "(" args ")" }
    mutating func parsePostfix() throws -> Node {
        try parsePostfix(primary: try parsePrimary())
    }

    /// postfix = primary { "'" | "(" args ")" }      — the part after the primary
    mutating func parsePostfix(primary: Node) throws -> Node {
        var e = primary
        while true {
            switch tag {
            case .prime:
                var count = 0
                var last = current
                while tag == .prime { last = advance(); count += 1 }
                e = Node(.prime(e, count), e.range.to(last.range))
            case .lparen where isCallable(e):
                let open = advance()
                let args = try parseArgs(closing: .rparen, open: open)
                e = Node(.call(e, args), e.range.to(previous.range))
            default:
                return e
            }
        }
    }

    func isCallable(_ e: Node) -> Bool {
        switch e.kind {
        case .name, .prime, .partial: return true
        default: return false
        }
    }

    /// args = [ expr { "," expr } ]
    mutating func parseArgs(closing: TokenKind, open: Token) throws -> [Node] {
        var args: [Node] = []
        if kind == closing { _ = advance(); return args }
        try withStops([]) { p in
            while true {
                args.append(try p.parseExpr())
                if case .comma = p.kind { _ = p.advance(); continue }
                break
            }
        }
        _ = try expect(closing, closing == .rparen ? "`)`" : "`]`", opened: open)
        return args
    }

    /// primary = NUMBER | NAME | "(" expr ")" | tuple | list | diff | d_operator
    ///         | partial | grad | hessian
    mutating func parsePrimary() throws -> Node {
        try enter(); defer { leave() }
        if let leaf = simpleLeaf() { return leaf }
        let t = current
        switch t.kind {
        case .number(let n):
            _ = advance()
            return Node(.number(n), t.range)
        case .name(let n):
            switch n {
            case "diff" where peekKind(1) == .lparen: return try parseDiff()
            case "grad", "hessian":
                if case .lparen = peekKind(1) { return try parseGradLike(n == "grad") }
                if case .name = peekKind(1) { return try parseGradLike(n == "grad") }
            default: break
            }
            if stops.contains(n) {
                throw expected("an expression", help: "`\(n)` is a command word here")
            }
            _ = advance()
            return Node(.name(n), t.range)
        case .lparen:
            return try parseParenthesised()
        case .lbracket:
            let open = advance()
            let items = try parseArgs(closing: .rbracket, open: open)
            return Node(.list(items), open.range.to(previous.range))
        case .dOperator(let v):
            _ = advance()
            skipNewlines()
            if atStatementEnd { throw expected("an expression", after: "`d/d\(v)`", help: "write `d/d\(v)(…)` or `d/d\(v) f(\(v))`") }
            let operand = try parseUnary()
            let vr = SourceRange(t.range.start + 3, t.range.end)
            return Node(.dOperator(Name(v, vr), operand), t.range.to(operand.range))
        case .partial(let f, let vars):
            _ = advance()
            // ranges of the names inside the token: ∂f/∂x — f starts after ∂
            let fr = SourceRange(t.range.start + 1, t.range.start + 1 + f.unicodeScalars.count)
            return Node(.partial(Name(f, fr), vars.map { Name($0, t.range) }), t.range)
        case .nabla:
            return try parseGradLike(true)
        case .string:
            throw fail(.expectedToken, "a string cannot be used in an expression", t.range,
                       help: "strings name files, as in `plot … to \"out.svg\"` or `:load \"file.calc\"`")
        case .superscript:
            throw expected("an expression", help: "a superscript exponent follows its base: `x²`")
        default:
            var help: String? = nil
            if case .rparen = t.kind { help = "this `)` has no matching `(`" }
            if case .star = t.kind { help = "`*` multiplies two operands" }
            throw expected("an expression", after: pos > 0 && previous.range.end <= t.range.start && !isStatementStart ? previous.kind.display : nil, help: help)
        }
    }

    /// primary = NUMBER | NAME | …      — just these two alternatives: a number
    /// literal, or a name that is not a stop word nor `diff`, `grad`, `hessian`
    /// (which start their own forms), taken without copying the token; nil
    /// (nothing taken) for anything else. Callers check the depth as `parsePrimary` does.
    mutating func simpleLeaf() -> Node? {
        switch tag {
        case .number:
            guard case .number(let n) = tokens[pos].kind else { return nil }
            let r = tokens[pos].range
            skip()
            return Node(.number(n), r)
        case .name:
            guard case .name(let n) = tokens[pos].kind, stops.isEmpty || !stops.contains(n) else { return nil }
            // compare only names as long as `diff`, `grad` or `hessian`
            let count = n.utf8.count
            if count == 4 || count == 7, n == "diff" || n == "grad" || n == "hessian" { return nil }
            let r = tokens[pos].range
            skip()
            return Node(.name(n), r)
        default:
            return nil
        }
    }

    var isStatementStart: Bool {
        guard pos > 0 else { return true }
        switch tokens[pos - 1].kind { case .newline, .semicolon: return true; default: return false }
    }

    /// group = "(" expr ")" ;  tuple = "(" expr "," expr { "," expr } ")"
    mutating func parseParenthesised() throws -> Node {
        let open = advance()
        if case .rparen = kind {
            throw fail(.expectedToken, "empty parentheses", open.range.to(current.range),
                       help: "put an expression or a tuple like `(1, 2)` inside")
        }
        var items: [Node] = []
        try withStops([]) { p in
            while true {
                items.append(try p.parseExpr())
                if case .comma = p.kind { _ = p.advance(); continue }
                break
            }
        }
        let close = try expect(.rparen, "`)`", opened: open)
        let r = open.range.to(close.range)
        return items.count == 1 ? Node(.group(items[0]), r) : Node(.tuple(items), r)
    }

    /// diff = "diff" "(" expr "," diffspec { "," diffspec } ")"
    /// diffspec = NAME | INTEGER
    mutating func parseDiff() throws -> Node {
        let kw = advance()
        let open = advance()
        let e = try withStops([]) { try $0.parseExpr() }
        var specs: [DiffSpec] = []
        if case .rparen = kind {
            throw fail(.badDerivativeVariable, "`diff` needs the variable to differentiate by", current.range,
                       help: "write `diff(expression, x)`")
        }
        while case .comma = kind {
            _ = advance()
            let t = current
            switch t.kind {
            case .name(let n):
                _ = advance()
                switch kind {
                // at the end of input or of the statement: the `)` check below reports the unclosed `(`
                case .comma, .rparen, .eof, .newline, .semicolon: break
                default:
                    throw expressionAsDiffVariable(t)
                }
                specs.append(.variable(Name(n, t.range)))
            case .number(let n):
                _ = advance()
                switch kind {
                case .comma, .rparen, .eof, .newline, .semicolon: break
                default:   // `diff(x^2, 2*x)`: an expression, not an order
                    throw expressionAsDiffVariable(t)
                }
                guard let k = n.exactInteger, k >= 1 else {
                    throw fail(.badDerivativeOrder, "the order of a derivative must be a positive integer, found `\(source.text(in: t.range))`",
                               t.range, help: "write `diff(e, x, 2)` for the second derivative")
                }
                guard k <= 16 else {
                    throw fail(.badDerivativeOrder, "derivative order \(k) is above the limit of 16", t.range)
                }
                if specs.isEmpty {
                    throw fail(.badDerivativeOrder, "the order comes after the variable", t.range, help: "write `diff(e, x, \(k))`")
                }
                specs.append(.order(Int(k), t.range))
            case .minus where !specs.isEmpty && { if case .number = peekKind(1) { return true }; return false }()
                                && (peekKind(2) == .comma || peekKind(2) == .rparen):
                // `diff(x^2, x, -1)`: an order that is not positive
                let r = t.range.to(tokens[pos + 1].range)
                throw fail(.badDerivativeOrder, "the order of a derivative must be a positive integer, found `\(source.text(in: r))`",
                           r, help: "write `diff(e, x, 2)` for the second derivative")
            default:
                let r = (try? withStops([]) { try $0.parseUnary() })?.range ?? t.range
                throw fail(.badDerivativeVariable, "expected a variable name to differentiate by, found \(t.kind.display)",
                           t.range.to(r), help: "differentiate with respect to a name: `diff(x^2, x)`")
            }
        }
        _ = try expect(.rparen, "`)`", opened: open)
        return Node(.diff(e, specs), kw.range.to(previous.range))
    }

    /// `diff(x^2, 2*x)`: the expression that starts at `t` (just consumed)
    /// stands where a variable goes; reported over its whole span.
    mutating func expressionAsDiffVariable(_ t: Token) -> Failure {
        let r = (try? withStops([]) { p -> SourceRange in
            p.pos -= 1
            return try p.parseExpr().range
        }) ?? t.range
        return fail(.badDerivativeVariable, "expected a variable name to differentiate by, found an expression",
                    t.range.to(r), help: "differentiate with respect to a name: `diff(x^2, x)`")
    }

    /// grad    = ( "grad" | "∇" ) ( NAME | "(" expr ")" )
    /// hessian = "hessian" ( NAME | "(" expr ")" )
    mutating func parseGradLike(_ isGrad: Bool) throws -> Node {
        let kw = advance()
        let word = isGrad ? (kw.kind == .nabla ? "∇" : "grad") : "hessian"
        switch kind {
        case .name(let f):
            let t = advance()
            let target = DerivativeTarget.function(Name(f, t.range))
            return Node(isGrad ? .grad(target) : .hessian(target), kw.range.to(t.range))
        case .lparen:
            let open = advance()
            let e = try withStops([]) { try $0.parseExpr() }
            _ = try expect(.rparen, "`)`", opened: open)
            let target = DerivativeTarget.expression(e)
            return Node(isGrad ? .grad(target) : .hessian(target), kw.range.to(previous.range))
        default:
            throw expected("a function name or `(`", after: "`\(word)`",
                           help: "write `\(word) f` for a function or `\(word)(x^2 + y^2)` for an expression")
        }
    }

    // MARK: - commands

    /// optimize = ( "minimize" | "maximize" ) expr "from" start "rate" sum { "," sum } { option } [ plot_out ]
    /// start    = "random" sum "in" "(" box { "," box } ")" | point
    /// option   = ( "steps" | "tol" | "every" | "seed" | "beta" ) sum | "method" NAME
    mutating func parseOptimize() throws -> Optimize {
        let kw = advance()
        let maximize = kw.kind == .name("maximize")
        let words: Set<String> = Set(["from", "rate", "in", "to"] + Parser.optimizeOptions)
        return try withStops(words) { p in
            if p.atStatementEnd || p.isWord("from") {
                throw p.expected("a function or expression to \(maximize ? "maximize" : "minimize")",
                                 help: "write `\(maximize ? "maximize" : "minimize") f from (0, 0) rate 0.1`")
            }
            let target = try p.parseExpr()
            guard p.isWord("from") else {
                throw p.expected("`from` and a start point", after: "the target",
                                 help: "write `… from (1, 2) rate 0.01`")
            }
            _ = p.advance()
            let start: StartPoint
            if p.isWord("random"), !p.peekIs(["rate"]) {
                let r = p.advance()
                let count = try p.parseSum()
                guard p.isWord("in") else {
                    throw p.expected("`in` and a box", after: "the number of starts",
                                     help: "write `from random 20 in (x from -5 to 5, y from -5 to 5)`")
                }
                _ = p.advance()
                let (box, br) = try p.parseBoxes()
                start = .random(count: count, box: box, range: r.range.to(br))
            } else {
                if p.isWord("rate") { throw p.expected("a start point", after: "`from`", help: "write `from (1, 2)` or `from (x = 1, y = 2)`") }
                start = .point(try p.parsePoint())
            }
            guard p.isWord("rate") else {
                throw p.expected("`rate` and a learning rate", after: "the start point",
                                 help: "every run needs a learning rate η, e.g. `rate 0.01`; a list `rate 0.001, 0.01, 0.1` compares several")
            }
            _ = p.advance()
            var rates: [Node] = [try p.parseSum()]
            while case .comma = p.kind {
                _ = p.advance()
                rates.append(try p.parseSum())
            }
            var options: [OptimizeOption] = []
            var plot: PlotOutput? = nil
            while case .name(let w) = p.kind {
                let wt = p.advance()
                let name = Name(w, wt.range)
                if options.contains(where: { $0.name.text == w }) || (w == "plot" && plot != nil) {
                    throw p.fail(.badOption, "option `\(w)` is given twice", wt.range)
                }
                switch w {
                case "method":
                    guard case .name(let m) = p.kind else {
                        throw p.expected("a method name", after: "`method`", help: "methods are gd, momentum, nesterov, adam")
                    }
                    let mt = p.advance()
                    options.append(OptimizeOption(name: name, value: nil, word: Name(m, mt.range)))
                case "plot":
                    plot = PlotOutput(keyword: wt.range, file: try p.parseFileTarget())
                case "steps", "tol", "every", "seed", "beta":
                    if p.atStatementEnd { throw p.expected("a value", after: "`\(w)`") }
                    options.append(OptimizeOption(name: name, value: try p.parseSum(), word: nil))
                default:
                    var help = "options are " + Parser.optimizeOptions.map { "`\($0)`" }.joined(separator: ", ")
                    if let near = closestWord(w, in: Parser.optimizeOptions + ["rate"]) { help = "did you mean `\(near)`? " + help }
                    throw p.fail(.badOption, "unknown option `\(w)`", wt.range, help: help)
                }
            }
            return Optimize(maximize: maximize, keyword: kw.range, target: target, start: start,
                            rates: rates, options: options, plot: plot)
        }
    }

    func peekIs(_ words: [String]) -> Bool {
        if case .name(let n) = peekKind(1) { return words.contains(n) }
        return false
    }

    /// box_list = "(" box { "," box } ")" ;  box = NAME "from" sum "to" sum
    mutating func parseBoxes() throws -> ([Box], SourceRange) {
        guard case .lparen = kind else {
            throw expected("`(`", help: "write a box like `(x from -5 to 5, y from -5 to 5)`")
        }
        let open = advance()
        var boxes: [Box] = []
        try withStops(["from", "to"]) { p in
            repeat {
                guard case .name(let n) = p.kind else {
                    throw p.expected("a variable name", help: "write `x from -5 to 5`")
                }
                let nt = p.advance()
                guard p.isWord("from") else { throw p.expected("`from`", after: "`\(n)`", help: "write `\(n) from -5 to 5`") }
                _ = p.advance()
                let lo = try p.parseSum()
                guard p.isWord("to") else { throw p.expected("`to`", help: "write `\(n) from -5 to 5`") }
                _ = p.advance()
                let hi = try p.parseSum()
                boxes.append(Box(variable: Name(n, nt.range), low: lo, high: hi))
                if case .comma = p.kind { _ = p.advance() } else { break }
            } while true
        }
        let close = try expect(.rparen, "`)`", opened: open)
        return (boxes, open.range.to(close.range))
    }

    /// file_target = [ "to" STRING ]
    mutating func parseFileTarget() throws -> (String, SourceRange)? {
        guard isWord("to") else { return nil }
        _ = advance()
        guard case .string(let path) = kind else {
            throw expected("a file name in quotes", after: "`to`", help: "write `to \"plot.svg\"`")
        }
        let t = advance()
        return (path, t.range)
    }

    /// plot = "plot" expr { "," expr } ( "from" sum "to" sum | "over" box_list ) [ "to" STRING ]
    mutating func parsePlot() throws -> Plot {
        let kw = advance()
        return try withStops(["from", "to", "over"]) { p in
            if p.atStatementEnd { throw p.expected("an expression to plot", help: "write `plot sin(x) from 0 to 2π`") }
            var exprs = [try p.parseExpr()]
            while case .comma = p.kind {
                _ = p.advance()
                exprs.append(try p.parseExpr())
            }
            let domain: PlotDomain
            if p.isWord("from") {
                _ = p.advance()
                let lo = try p.parseSum()
                guard p.isWord("to") else { throw p.expected("`to`", help: "write `plot e from a to b`") }
                _ = p.advance()
                let hi = try p.parseSum()
                domain = .interval(variable: nil, from: lo, to: hi)
            } else if p.isWord("over") {
                _ = p.advance()
                domain = .area(try p.parseBoxes().0)
            } else {
                throw p.expected("`from` or `over`", help: "write `plot sin(x) from 0 to 2π` or `plot f over (x from -2 to 2, y from -2 to 2)`")
            }
            let file = try p.parseFileTarget()
            return Plot(keyword: kw.range, expressions: exprs, domain: domain, file: file)
        }
    }
}
