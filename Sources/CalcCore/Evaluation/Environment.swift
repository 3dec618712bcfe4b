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

    func error(_ id: DiagnosticID, _ message: String, _ range: SourceRange, help: String? = nil) -> Diagnostic {
        Diagnostic(id, message, range, file: file, help: help)
    }
}

final class Environment {
    let ctx: ExprContext
    var globals: [String: Value] = [:]

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
        if Environment.constants[name.text] != nil {
            throw scope.error(.constantRebound, "cannot assign to the constant `\(name.text)`", name.range,
                              help: "`\(name.text)` always means \(name.text == "e" ? "Euler's number 2.718…" : name.text == "nan" ? "not-a-number" : name.text == "inf" || name.text == "∞" ? "infinity" : "π = 3.14159…"); choose another name")
        }
        if Environment.reserved.contains(name.text) {
            let what = name.text == "ans" ? "`ans` always holds the last result" : "`\(name.text)` is a built-in"
            throw scope.error(.builtinRedefined, "cannot redefine `\(name.text)`", name.range, help: "\(what); choose another name")
        }
    }

    /// A definition's parameters: distinct names, none a constant or a built-in.
    func checkParameters(_ params: [Name], _ scope: Scope) throws {
        var seen = Set<String>()
        for p in params {
            if Environment.constants[p.text] != nil {
                throw scope.error(.constantRebound, "the constant `\(p.text)` cannot be a parameter", p.range,
                                  help: "choose another name for the parameter")
            }
            if Builtin.surfaceNames.contains(p.text) {
                throw scope.error(.builtinRedefined, "the built-in `\(p.text)` cannot be a parameter", p.range)
            }
            if !seen.insert(p.text).inserted {
                throw scope.error(.duplicateParameter, "parameter `\(p.text)` appears twice", p.range)
            }
        }
    }

    static let recursionHelp = "recursion is not supported (calc has no conditionals, so it would never end); write the function in closed form"

    /// Rejects a definition whose body calls itself, directly or through other functions.
    func checkRecursion(_ name: Name, _ body: Node, _ scope: Scope) throws {
        var visited = Set<String>()
        for (callee, range) in Environment.calls(in: body) {
            if callee == name.text {
                throw scope.error(.recursion, "`\(name.text)` calls itself", range, help: Environment.recursionHelp)
            }
            // indirect: through functions already defined
            var stack = [callee]
            while let g = stack.popLast() {
                guard visited.insert(g).inserted, case .function(let fn)? = globals[g],
                      case .syntax(let b, _) = fn.body else { continue }
                for (h, _) in Environment.calls(in: b) {
                    if h == name.text {
                        throw scope.error(.recursion, "`\(name.text)` would call itself through `\(callee)`", range,
                                          help: "recursion is not supported; `\(g)` calls `\(name.text)`")
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
            case .number, .name: break
            }
        }
        walk(n)
        return out
    }
}
