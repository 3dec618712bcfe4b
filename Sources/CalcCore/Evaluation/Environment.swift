// Environment — what names mean: the user's globals, the constants, the
// reserved words, and the checks a binding must pass before it is made.
//
// A name that no local or global binds is a constant, a built-in, a
// derivative form without its argument, or a free symbol; that meaning is
// worked out once per name and remembered (looking a name up used to cost
// five hashes), and the last few names sit in slots a cheap number picks,
// since a long input names the same few variables over and over. The
// binding checks (constants and built-ins cannot be rebound, parameters must
// be distinct, a definition must not call itself) live here so that the
// session and the evaluator ask one place.

/// The locals of the function body being evaluated and the file it came from.
struct Scope {
    var locals: [String: Value] = [:]
    let file: SourceFile
    /// Inside `diff`'s operand: a call of a name nobody defined is an abstract
    /// function (`z(u(x), v(x))`), not an error.
    var abstractFunctions = false

    func error(_ id: DiagnosticID, _ message: Message, _ range: SourceRange, help: Message? = nil) -> Diagnostic {
        Diagnostic(id, message, range, file: file, help: help)
    }

}

final class Environment {
    let ctx: ExprContext
    var globals: [String: Value] = [:]
    /// The element names of named results (`θ = minimize …`) by global name;
    /// see Elements.swift. Valid only while the global is that tuple.
    var resultNames: [String: [String]] = [:]

    static let constants: [String: Constant] = ["pi": .pi, "π": .pi, "e": .e, "inf": .inf, "∞": .inf, "nan": .nan]
    /// Names that cannot be bound: built-ins and the derivative forms.
    static let reserved: Set<String> = Set(Builtin.surfaceNames + ReservedWord.allCases.map(\.rawValue))
    static let symbolicOperations: Set<String> = ["expand", "simplify"]

    init(context: ExprContext) { self.ctx = context }

    /// A name bound in the scope or globally (a function, a value, data).
    @inline(__always) func bound(_ name: String, _ scope: Scope) -> Value? {
        scope.locals[name] ?? globals[name]
    }

    /// The user's function names, for `did you mean` and completion.
    var functionNames: [String] {
        globals.compactMap { if case .function = $0.value { return $0.key }; return nil }
    }

    // MARK: names nothing binds

    /// What a name means when no local or global binds it.
    enum NameMeaning {
        case constant(Value)
        /// A built-in function or `expand`/`simplify`: an error as a value.
        case builtin
        /// `diff`, `grad`, `hessian` without their argument.
        case needsArgument
        /// An unbound name: the symbol, with itself as its variable.
        case symbol(Value)
    }

    // (These caches are only touched by the single-threaded interpreter, never
    // across a call that could reach them again: their accesses need no
    // run-time exclusivity checks, which cost as much as the look-ups.)
    @exclusivity(unchecked) private var meanings: [String: NameMeaning] = [:]
    @exclusivity(unchecked) private var recentNames: [String] = Array(repeating: "", count: 16)
    @exclusivity(unchecked) private var recentMeanings: [NameMeaning] = Array(repeating: .builtin, count: 16)

    func meaning(of s: String) -> NameMeaning {
        var slot = s.utf8.count
        if let b = s.utf8.first { slot = slot &+ Int(b) }
        slot &= 15
        if !s.isEmpty && recentNames[slot] == s { return recentMeanings[slot] }
        let m = unboundMeaning(s)
        recentNames[slot] = s
        recentMeanings[slot] = m
        return m
    }

    private func unboundMeaning(_ s: String) -> NameMeaning {
        if let m = meanings[s] { return m }
        let m: NameMeaning
        if let c = Environment.constants[s] {
            switch c {
            case .inf: m = .constant(.number(.float(.infinity)))
            case .nan: m = .constant(.number(.float(.nan)))
            default: m = .constant(.symbolic(ctx.constant(c), variables: []))
            }
        } else if Builtin.surfaceNames.contains(s) || Environment.symbolicOperations.contains(s) {
            m = .builtin
        } else if s == "diff" || s == "grad" || s == "hessian" {
            m = .needsArgument
        } else {
            m = .symbol(.symbolic(ctx.symbol(s), variables: [s]))   // a symbol's depth is 1: always within the limit
        }
        meanings[s] = m
        return m
    }

    // MARK: binding checks

    /// `x = …` and `f(x) = …` may not rebind a constant, a built-in or `ans`.
    func checkBindable(_ name: Name, _ scope: Scope) throws {
        if let c = Environment.constants[name.text] {
            throw scope.error(.constantRebound, .evaluation(.assignToConstant(name: name.text)), name.range,
                              help: .evaluation(.constantMeaning(name: name.text, constant: Environment.named(c))))
        }
        if Environment.reserved.contains(name.text) {
            throw scope.error(.builtinRedefined, .evaluation(.cannotRedefine(name: name.text)), name.range,
                              help: .evaluation(name.text == "ans" ? .ansIsReserved : .builtinIsReserved(name: name.text)))
        }
    }

    /// A constant as the messages name it.
    static func named(_ c: Constant) -> NamedConstant {
        switch c {
        case .pi: return .pi
        case .e: return .e
        case .inf: return .infinity
        case .nan: return .notANumber
        }
    }

    /// A definition's parameters: distinct names, none a constant or a built-in.
    func checkParameters(_ params: [Name], _ scope: Scope) throws {
        var seen = Set<String>()
        for p in params {
            if Environment.constants[p.text] != nil {
                throw scope.error(.constantRebound, .evaluation(.constantAsParameter(name: p.text)), p.range,
                                  help: .evaluation(.chooseAnotherParameterName))
            }
            if Builtin.surfaceNames.contains(p.text) {
                throw scope.error(.builtinRedefined, .evaluation(.builtinAsParameter(name: p.text)), p.range)
            }
            if !seen.insert(p.text).inserted {
                throw scope.error(.duplicateParameter, .evaluation(.duplicateParameter(name: p.text)), p.range)
            }
        }
    }

    /// Rejects a definition whose body calls itself, directly or through other functions.
    func checkRecursion(_ name: Name, _ body: Node, _ scope: Scope) throws {
        var visited = Set<String>()
        for (callee, range) in Environment.calls(in: body) {
            if callee == name.text {
                throw scope.error(.recursion, .evaluation(.callsItself(function: name.text)), range, help: .evaluation(.recursionUnsupported))
            }
            // indirect: through functions already defined
            var stack = [callee]
            while let g = stack.popLast() {
                guard visited.insert(g).inserted, case .function(let fn)? = globals[g],
                      case .syntax(let b, _) = fn.body else { continue }
                for (h, _) in Environment.calls(in: b) {
                    if h == name.text {
                        throw scope.error(.recursion, .evaluation(.callsItselfThrough(function: name.text, via: callee)), range,
                                          help: .evaluation(.recursionThrough(caller: g, callee: name.text)))
                    }
                    stack.append(h)
                }
            }
        }
    }

    /// The names a body calls (or differentiates, which calls them too).
    static func calls(in n: Node) -> [(String, SourceRange)] {
        var out: [(String, SourceRange)] = []
        func walk(_ n: Node) {
            switch n.kind {
            case .call(let c, let args):
                if case .name(let f) = c.kind { out.append((f, c.range)) } else { walk(c) }
                args.forEach(walk)
            case .prime(let c, _): if case .name(let f) = c.kind { out.append((f, c.range)) }
            case .partial(let f, _): out.append((f.text, n.range))
            case .grad(let t), .hessian(let t):
                switch t { case .function(let f): out.append((f.text, f.range)); case .expression(let e): walk(e) }
            case .group(let e), .unary(_, let e), .dOperator(_, let e): walk(e)
            case .diff(let e, _): walk(e)
            case .tuple(let xs), .list(let xs): xs.forEach(walk)
            case .power(let a, let b): walk(a); walk(b)
            case .product(let f, let rest): walk(f); rest.forEach { walk($0.1) }
            case .sum(let f, let rest): walk(f); rest.forEach { walk($0.1) }
            case .at(let e, let p):
                walk(e)
                switch p { case .positional(let q): walk(q); case .named(let items, _): items.forEach { walk($0.1) } }
            case .index(let e, let i): walk(e); i.forEach(walk)
            case .transpose(let e): walk(e)
            case .wholeAxis: break
            case .member(let e, _): walk(e)
            case .number, .name: break
            }
        }
        walk(n)
        return out
    }
}
