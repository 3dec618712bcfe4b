// Parser+Expressions — the expression rules of Grammar/calc.ebnf, lowest
// precedence first: `expr` (with `at`), `sum`, `product` (with implicit
// multiplication), `unary`, `power`, `postfix`, `primary` and the derivative
// forms `diff`, `grad` and `hessian`. One function per rule, each quoting it.
//
// This is the hot part of the parser: a 10,000-term sum spends nearly all its
// time here. Numbers and plain names are taken by `simpleLeaf` without the
// calls down to `primary`, and the loops test token tags, not kinds.

extension Parser {

    /// expr = sum { "at" point } ;
    mutating func parseExpr() throws -> Node {
        try enter(); defer { leave() }
        var e = try parseSum()
        while isWord(.at) && !stops.contains(ContextualWord.at.rawValue) {
            let at = current.range
            skip()
            let p = try parsePoint()
            e = try bounded(Node(.at(e, p), e.range.to(p.range)), at: at)
        }
        return try bounded(e, at: e.range)
    }

    /// point = "(" NAME "=" expr { "," NAME "=" expr } ")"
    ///       | sum ;
    mutating func parsePoint() throws -> Point {
        if case .lparen = kind, case .name = peekKind(1), case .equals = peekKind(2) {
            let open = advance()
            var items: [(Name, Node)] = []
            repeat {
                guard case .name(let n) = kind else { throw expected(.name, help: .nameEveryCoordinate) }
                let nt = advance()
                _ = try expect(.equals, .symbol("="))
                let v = try withStops([]) { try $0.parseExpr() }
                items.append((Name(n, nt.range), v))
                if case .comma = kind { _ = advance() } else { break }
            } while true
            let close = try expect(.rparen, .symbol(")"), opened: open)
            return .named(items, open.range.to(close.range))
        }
        if atStatementEnd {
            throw expected(.point, afterSymbol: ContextualWord.at.rawValue, help: .pointForms)
        }
        return .positional(try parseSum())
    }

    /// sum = product { ( "+" | "-" ) product } ;
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

    /// product = unary { ( "*" | "/" | "@" | implicit ) unary } ;
    /// implicit = (* empty: only directly after a NUMBER token, before a NAME that is
    ///               not a contextual word here, "(", "√", "∇", D_OPERATOR or PARTIAL:
    ///               2x, 3(x + 1), 2 sin(x), 4π *) ;
    mutating func parseProduct() throws -> Node {
        let first = try parseUnary()
        var rest: [(ProductOperator, Node)] = []
        while true {
            let op: ProductOperator
            switch tag {
            case .star: op = .times; let t = pos; skip(); skipNewlines(); try operand(afterTokenAt: t)
            case .slash: op = .divide; let t = pos; skip(); skipNewlines(); try operand(afterTokenAt: t)
            case .matmul: op = .matmul; let t = pos; skip(); skipNewlines(); try operand(afterTokenAt: t)
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

    /// Fails with "expected an expression after X" unless an operand can
    /// follow the operator token at `index` (already stepped past).
    mutating func operand(afterTokenAt index: Int) throws {
        if atStatementEnd || isClosing { throw expected(.expression, after: .token(tokens[index].kind.described)) }
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
            return !stops.contains(n) && n != ContextualWord.at.rawValue
        case .lparen, .sqrt, .nabla, .dOperator, .partial: return true
        default: return false
        }
    }

    /// unary = ( "-" | "+" | "√" ) unary | power ;
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
                case .prime, .lparen, .lbracket, .dot, .transpose: return try parsePower(base: parsePostfix(primary: leaf))
                default: return leaf
                }
            }
            return try parsePower()
        }
        let t = pos
        skip()
        try operand(afterTokenAt: t)
        let operand = try parseUnary()
        return try bounded(Node(.unary(op, operand), tokens[t].range.to(operand.range)), at: tokens[t].range)
    }

    /// power = postfix [ "^" unary | SUPERSCRIPT ] ;
    ///
    /// Right-associative: 2^3^2 = 2^9.
    mutating func parsePower() throws -> Node {
        try parsePower(base: try parsePostfix())
    }

    /// power = postfix [ "^" unary | SUPERSCRIPT ] ;
    ///
    /// The part after the postfix operand `base`.
    mutating func parsePower(base: Node) throws -> Node {
        switch tag {
        case .caret:
            let t = pos
            skip()
            skipNewlines()
            try operand(afterTokenAt: t)
            let exponent = try parseUnary()
            return try bounded(Node(.power(base, exponent), base.range.to(exponent.range)), at: tokens[t].range)
        case .superscript:
            guard case .superscript(let n) = kind else { return base }
            let t = advance()
            return Node(.power(base, Node(.number(Number(n)), t.range)), base.range.to(t.range))
        default:
            return base
        }
    }

    /// postfix = primary { "'" | "ᵀ" | "(" args ")" | "[" index { "," index } "]" | "." NAME } ;
    /// index = expr | ":" ;
    mutating func parsePostfix() throws -> Node {
        try parsePostfix(primary: try parsePrimary())
    }

    /// postfix = primary { "'" | "ᵀ" | "(" args ")" | "[" index { "," index } "]" | "." NAME } ;
    /// index = expr | ":" ;
    ///
    /// The part after `primary`.
    mutating func parsePostfix(primary: Node) throws -> Node {
        var e = primary
        while true {
            switch tag {
            case .lbracket:
                let open = advance()
                if case .rbracket = kind { throw expected(.expression, afterSymbol: "[", help: .indexExample) }
                let i = try withStops([]) { (p: inout Parser) throws -> [Node] in
                    var items: [Node] = []
                    while true {
                        if case .colon = p.kind, [.comma, .rbracket].contains(p.peekKind(1).tag) {
                            let c = p.advance(); items.append(Node(.wholeAxis, c.range))
                        } else {
                            items.append(try p.parseExpr())
                        }
                        if case .comma = p.kind { _ = p.advance(); continue }
                        return items
                    }
                }
                _ = try expect(.rbracket, .symbol("]"), opened: open)
                e = try bounded(Node(.index(e, i), e.range.to(previous.range)), at: open.range)
            case .dot:
                // named elements belong to a binding (θ = minimize …): only a name has them
                guard case .name = e.kind else { throw fail(.expectedToken, .memberNeedsName, current.range, help: .memberExample) }
                let dot = advance()
                guard case .name(let m) = kind else { throw expected(.name, afterSymbol: ".") }
                let t = advance()
                e = try bounded(Node(.member(e, Name(m, t.range)), e.range.to(t.range)), at: dot.range)
            case .transpose:
                let t = advance()
                e = try bounded(Node(.transpose(e), e.range.to(t.range)), at: t.range)
            case .prime:
                var count = 0
                let first = current
                var last = current
                while tag == .prime { last = advance(); count += 1 }
                e = try bounded(Node(.prime(e, count), e.range.to(last.range)), at: first.range)
            case .lparen where isCallable(e):
                let open = advance()
                let args = try parseArgs(closing: .rparen, open: open)
                e = try bounded(Node(.call(e, args), e.range.to(previous.range)), at: open.range)
            default:
                return e
            }
        }
    }

    /// A call needs a callee that is a NAME, a primed name, a PARTIAL, or a
    /// derivative notation in parentheses: `(∂f/∂x)(1, 2)`, `(d/dx x^3)(2)`.
    /// (Any other parenthesised expression is not called: `(x + 1)(x - 1)`
    /// stays an error rather than a silent product or call.)
    func isCallable(_ e: Node) -> Bool {
        switch e.kind {
        case .name, .prime, .partial: return true
        case .group(let inner):
            var n = inner
            while case .group(let g) = n.kind { n = g }
            switch n.kind {
            case .partial, .dOperator, .diff, .grad, .hessian, .prime: return true
            default: return false
            }
        default: return false
        }
    }

    /// args = [ expr { "," expr } ] ;
    ///
    /// Also the inside of `list`; `closing` is `)` or `]`.
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
        _ = try expect(closing, .symbol(closing == .rparen ? ")" : "]"), opened: open)
        return args
    }

    /// primary = NUMBER | NAME | group | tuple | list
    ///         | diff | d_operator | partial | grad | hessian ;
    /// list = "[" args "]" ;
    /// d_operator = D_OPERATOR unary ;
    /// partial = PARTIAL ;
    mutating func parsePrimary() throws -> Node {
        try enter(); defer { leave() }
        if let leaf = simpleLeaf() { return leaf }
        let t = current
        switch t.kind {
        case .number(let n):
            _ = advance()
            return Node(.number(n), t.range)
        case .name(let n):
            switch ReservedWord(rawValue: n) {
            case .diff? where peekKind(1) == .lparen: return try parseDiff()
            case .grad?, .hessian?:
                let form: GradientForm = n == ReservedWord.grad.rawValue ? .grad : .hessian
                if case .lparen = peekKind(1) { return try parseGradient(form) }
                if case .name = peekKind(1) { return try parseGradient(form) }
            default: break
            }
            if stops.contains(n) {
                throw expected(.expression, help: .commandWordHere(n))
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
            if atStatementEnd { throw expected(.expression, after: .token(t.kind.described), help: .dOperatorForms(variable: v)) }
            let operand = try parseUnary()
            let vr = SourceRange(t.range.start + 3, t.range.end)
            return Node(.dOperator(Name(v, vr), operand), t.range.to(operand.range))
        case .partial(let f, let vars):
            _ = advance()
            // ranges of the names inside the token: ∂f/∂x — f starts after ∂
            let fr = SourceRange(t.range.start + 1, t.range.start + 1 + f.unicodeScalars.count)
            return Node(.partial(Name(f, fr), vars.map { Name($0, t.range) }), t.range)
        case .nabla:
            return try parseGradient(.grad)
        case .string:
            throw fail(.expectedToken, .stringInExpression, t.range, help: .stringsNameFiles)
        case .superscript:
            throw expected(.expression, help: .superscriptFollowsBase)
        default:
            var help: SyntaxMessage? = nil
            if case .rparen = t.kind { help = .parenthesisWithoutOpening }
            if case .star = t.kind { help = .starMultipliesTwoOperands }
            let adjacent = pos > 0 && previous.range.end <= t.range.start && !atStatementStart
            throw expected(.expression, after: adjacent ? .token(previous.kind.described) : nil, help: help)
        }
    }

    /// The `NUMBER | NAME` alternatives of `primary` alone: a number literal,
    /// or a name that is not a stop word nor `diff`, `grad`, `hessian` (the
    /// `ReservedWord`s that start their own forms), taken without copying the
    /// token; nil (nothing taken) for anything else. Callers check the depth
    /// as `parsePrimary` does.
    mutating func simpleLeaf() -> Node? {
        switch tag {
        case .number:
            guard case .number(let n) = tokens[pos].kind else { return nil }
            let r = tokens[pos].range
            skip()
            return Node(.number(n), r)
        case .name:
            guard case .name(let n) = tokens[pos].kind, stops.isEmpty || !stops.contains(n) else { return nil }
            // compare only names as long as `diff`, `grad` or `hessian` (literals: this is the hot path)
            let count = n.utf8.count
            if count == 4 || count == 7, n == "diff" || n == "grad" || n == "hessian" { return nil }
            let r = tokens[pos].range
            skip()
            return Node(.name(n), r)
        default:
            return nil
        }
    }

    /// group = "(" expr ")" ;
    /// tuple = "(" expr "," expr { "," expr } ")" ;
    mutating func parseParenthesised() throws -> Node {
        let open = advance()
        if case .rparen = kind {
            throw fail(.expectedToken, .emptyParentheses, open.range.to(current.range), help: .putInsideParentheses)
        }
        var items: [Node] = []
        try withStops([]) { p in
            while true {
                items.append(try p.parseExpr())
                if case .comma = p.kind { _ = p.advance(); continue }
                break
            }
        }
        let close = try expect(.rparen, .symbol(")"), opened: open)
        let r = open.range.to(close.range)
        return items.count == 1 ? Node(.group(items[0]), r) : Node(.tuple(items), r)
    }

    /// diff = "diff" "(" expr "," diffspec { "," diffspec } ")" ;
    /// diffspec = NAME | INTEGER ;
    mutating func parseDiff() throws -> Node {
        let kw = advance()
        let open = advance()
        let e = try withStops([]) { try $0.parseExpr() }
        var specs: [DiffSpec] = []
        if case .rparen = kind {
            throw fail(.badDerivativeVariable, .diffNeedsVariable, current.range, help: .diffExample)
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
                    throw fail(.badDerivativeOrder, .orderNotPositiveInteger(found: source.text(in: t.range)), t.range,
                               help: .secondDerivativeExample)
                }
                guard k <= 16 else {
                    throw fail(.badDerivativeOrder, .orderAboveLimit(Int(k)), t.range)
                }
                if specs.isEmpty {
                    throw fail(.badDerivativeOrder, .orderComesAfterVariable, t.range, help: .orderExample(Int(k)))
                }
                specs.append(.order(Int(k), t.range))
            case .minus where !specs.isEmpty && { if case .number = peekKind(1) { return true }; return false }()
                                && (peekKind(2) == .comma || peekKind(2) == .rparen):
                // `diff(x^2, x, -1)`: an order that is not positive
                let r = t.range.to(tokens[pos + 1].range)
                throw fail(.badDerivativeOrder, .orderNotPositiveInteger(found: source.text(in: r)), r, help: .secondDerivativeExample)
            default:
                let r = (try? withStops([]) { try $0.parseUnary() })?.range ?? t.range
                throw fail(.badDerivativeVariable, .expected(.variableToDifferentiateBy, found: t.kind.described),
                           t.range.to(r), help: .differentiateByName)
            }
        }
        _ = try expect(.rparen, .symbol(")"), opened: open)
        return Node(.diff(e, specs), kw.range.to(previous.range))
    }

    /// `diff(x^2, 2*x)`: the expression that starts at `t` (just consumed)
    /// stands where a variable goes; reported over its whole span.
    mutating func expressionAsDiffVariable(_ t: Token) -> Failure {
        let r = (try? withStops([]) { p -> SourceRange in
            p.pos -= 1
            return try p.parseExpr().range
        }) ?? t.range
        return fail(.badDerivativeVariable, .expected(.variableToDifferentiateBy, found: .expression),
                    t.range.to(r), help: .differentiateByName)
    }

    /// grad = ( "grad" | "∇" ) ( NAME | "(" expr ")" ) ;
    /// hessian = "hessian" ( NAME | "(" expr ")" ) ;
    mutating func parseGradient(_ form: GradientForm) throws -> Node {
        let kw = advance()
        let word = form == .hessian ? "hessian" : (kw.kind == .nabla ? "∇" : "grad")
        switch kind {
        case .name(let f):
            let t = advance()
            return Node(form.node(.function(Name(f, t.range))), kw.range.to(t.range))
        case .lparen:
            let open = advance()
            let e = try withStops([]) { try $0.parseExpr() }
            _ = try expect(.rparen, .symbol(")"), opened: open)
            return Node(form.node(.expression(e)), kw.range.to(previous.range))
        default:
            throw expected(.either(.functionName, .symbol("(")), afterSymbol: word, help: .gradientForms(word: word))
        }
    }
}

/// Which of the two forms `parseGradient` reads: the gradient ∇f or the Hessian.
enum GradientForm {
    case grad, hessian

    func node(_ target: DerivativeTarget) -> NodeKind {
        switch self {
        case .grad: return .grad(target)
        case .hessian: return .hessian(target)
        }
    }
}
