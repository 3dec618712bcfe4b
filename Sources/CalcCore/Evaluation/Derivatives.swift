// Derivatives — every derivative notation: `diff(e, x, …)`, `d/dx e`,
// `∂f/∂x`, `f'`, `grad`, `hessian`. Each differentiates through the one
// Differentiator; the variable is symbolic inside `diff` even when bound
// outside, and a function stands for its body in its parameters (`lower`).
//
// What a notation or a command works on — a function's name or an
// expression, with the order of its variables — is found in one place here
// (`Target`): the parameters of a named function, else the order of first
// appearance, then any other free names.

/// What a derivative notation or a command works on.
struct Target {
    /// The expression (or a tuple or list of them, for `grad` of a point-valued expression).
    var value: Value
    /// Its variables, in the order gradients and points use.
    var variables: [String]
    /// The user's function, when the target was one named.
    var function: UserFunction?
}

extension Interpreter {
    // MARK: targets

    /// The function bound to `name`, as an expression in its parameters, or an
    /// expression bound to it, with its own variable order; nil if neither.
    func namedTarget(_ name: String, _ range: SourceRange, _ scope: Scope) throws -> Target? {
        switch env.bound(name, scope) {
        case .function(let f)?: return Target(value: try lower(f, range, scope), variables: f.parameters, function: f)
        case .symbolic(let e, let vs)?: return Target(value: .symbolic(e, variables: vs), variables: vs)
        default: return nil
        }
    }

    /// What `minimize` and `plot` work on: a function named by itself (its
    /// parameters), else the expression's value, its variables in order of
    /// first appearance followed by any other free names.
    func commandTarget(_ node: Node, _ scope: Scope) throws -> Target {
        if case .name(let name) = node.kind, case .function(let f)? = env.bound(name, scope) {
            return Target(value: try lower(f, node.range, scope), variables: f.parameters, function: f)
        }
        let v = try collapse(try eval(node, scope), node.range, scope)
        guard case .symbolic(let e, let vars) = v else { return Target(value: v, variables: []) }
        return Target(value: v, variables: orderedVariables(e, vars, includeOthers: true))
    }

    /// The names of `order` that `e` contains, in that order; with
    /// `includeOthers`, followed by its other free names.
    func orderedVariables(_ e: Expr, _ order: [String], includeOthers: Bool) -> [String] {
        let free = order.filter { e.contains(ctx.symbol($0)) }
        guard includeOthers else { return free }
        return free + ctx.freeNames(e).filter { !free.contains($0) }
    }

    /// `∂f/∂x`'s function (or bound expression), with `x` checked to be one of its parameters.
    func partialTarget(_ f: Name, _ vars: [Name], _ range: SourceRange, _ scope: Scope) throws -> Target {
        guard let target = try namedTarget(f.text, range, scope) else {
            if Builtin.surfaceNames.contains(f.text) {
                throw error(.badDerivativeVariable, .evaluation(.partialOfBuiltin(name: f.text)), range, scope,
                            help: .evaluation(.differentiateBuiltinCall(name: f.text)))
            }
            throw error(.unknownFunction, .evaluation(.unknownFunction(name: f.text)), range, scope,
                        help: .evaluation(.defineFirst(signature: "\(f.text)(x, y)")))
        }
        for v in vars where !target.variables.contains(v.text) {
            throw error(.unknownParameter, .evaluation(.noParameter(function: f.text, parameter: v.text)), range, scope,
                        help: .evaluation(.itsParameters(target.variables)))
        }
        return target
    }

    /// The variables and the expression `grad`/`hessian` work on.
    func derivativeTarget(_ t: DerivativeTarget, _ range: SourceRange, _ scope: Scope) throws -> Target {
        switch t {
        case .function(let name):
            guard var target = try namedTarget(name.text, range, scope) else {
                throw error(.unknownFunction, .evaluation(.unknownFunction(name: name.text)), name.range, scope,
                            help: .evaluation(Builtin.surfaceNames.contains(name.text) ? .gradOfBuiltinCall(name: name.text)
                                                                                       : .defineFirst(signature: "\(name.text)(x, y)")))
            }
            if target.function == nil, case .symbolic(let e, let vars) = target.value {
                target.variables = orderedVariables(e, vars, includeOthers: false)
            }
            return target
        case .expression(let e):
            let v = try eval(e, scope)
            if case .function(let f) = v { return Target(value: try lower(f, range, scope), variables: f.parameters, function: f) }
            if case .symbolic(let ex, let vars) = v { return Target(value: v, variables: orderedVariables(ex, vars, includeOthers: false)) }
            return Target(value: v, variables: v.variables)
        }
    }

    // MARK: notations

    /// The function `f` as an expression in its parameters.
    func lower(_ f: UserFunction, _ range: SourceRange, _ scope: Scope) throws -> Value {
        let args: [Value] = f.parameters.map { .symbolic(ctx.symbol($0), variables: [$0]) }
        let v = try callUser(f, args, range, range, scope)
        switch v {
        case .number(let n): return .symbolic(ctx.number(n), variables: f.parameters)
        case .symbolic(let e, _): return .symbolic(e, variables: f.parameters)
        default: return v
        }
    }

    func differentiate(_ v: Value, by x: String, _ range: SourceRange, _ scope: Scope) throws -> Value {
        switch v {
        case .number: return .number(.zero)
        case .symbolic(let e, let vars):
            let differentiator = Differentiator(ctx, variable: ctx.symbol(x), interrupt: interrupt)
            let d = differentiator.derivative(e)
            // an interrupted derivative is unfinished (0 for what was left): never shown
            if differentiator.interrupted { throw interrupted(range, scope) }
            return .symbolic(try checked(d, range, scope), variables: vars)
        case .tuple(let xs): return .tuple(try xs.map { try differentiate($0, by: x, range, scope) })
        case .list(let xs, let n):
            if v.numericList != nil { return .list(xs.map { _ in .number(.zero) }, name: n) }
            return .list(try xs.map { try differentiate($0, by: x, range, scope) }, name: nil)
        case .function(let f):
            let notation = f.parameters.count == 1 ? f.name + "'" : "∂" + f.name + "/∂" + f.parameters[0]
            throw error(.badDerivativeVariable, .evaluation(.differentiateFunctionItself(name: f.name)), range, scope,
                        help: .evaluation(.differentiateACall(signature: f.signature, variable: f.parameters[0], notation: notation)))
        }
    }

    func checkVariable(_ v: Name, _ scope: Scope) throws {
        if Environment.constants[v.text] != nil {
            throw error(.badDerivativeVariable, .evaluation(.constantVariable(name: v.text)), v.range, scope,
                        help: .evaluation(.differentiateByVariable))
        }
        // a parameter shadows a global function of its name: h(g) = diff(g^3, g)
        if scope.locals[v.text] == nil, case .function(let f)? = globals[v.text] {
            throw error(.badDerivativeVariable, .evaluation(.functionNotAVariable(name: v.text)), v.range, scope,
                        help: .evaluation(.differentiateByParameter(signature: f.signature, parameter: f.parameters[0])))
        }
        if Builtin.surfaceNames.contains(v.text) {
            throw error(.badDerivativeVariable, .evaluation(.builtinNotAVariable(name: v.text)), v.range, scope)
        }
    }

    /// `diff(e, x, 2)` → [x, x]; `diff(e, x, y)` → [x, y].
    static func diffVariables(_ specs: [DiffSpec]) -> [Name] {
        var vars: [Name] = []
        for s in specs {
            switch s {
            case .variable(let v): vars.append(v)
            case .order(let k, _): if let last = vars.last { vars += Array(repeating: last, count: k - 1) }
            }
        }
        return vars
    }

    /// The operand of `diff`, evaluated with its variables symbolic even when bound
    /// (a one-parameter function stands for its call). `explain` uses it too.
    func differentiationOperand(_ e: Node, _ vars: [Name], _ scope: Scope) throws -> Value {
        var inner = scope
        inner.abstractFunctions = true
        for v in vars {
            try checkVariable(v, scope)
            inner.locals[v.text] = .symbolic(ctx.symbol(v.text), variables: [v.text])
        }
        let value = try eval(e, inner)
        if case .function(let f) = value, f.parameters.count == 1 { return try lower(f, e.range, scope) }
        return value
    }

    func evalDiff(_ e: Node, _ vars: [Name], _ range: SourceRange, _ scope: Scope) throws -> Value {
        var value = try differentiationOperand(e, vars, scope)
        let original = value
        // `n = 2` then `diff(x^3, x, n)`: a name in the order's place is a variable,
        // and differentiating by one the expression lacks gives 0 — surely not meant
        for v in vars.dropFirst() where scope.locals[v.text] == nil && !value.variables.contains(v.text) {
            if case .number(let n)? = globals[v.text] {
                throw error(.badDerivativeOrder, .evaluation(.orderIsAName(name: v.text, value: valueText.format(.number(n)))),
                            v.range, scope, help: .evaluation(.orderMustBeLiteral))
            }
        }
        for v in vars { value = try differentiate(value, by: v.text, range, scope) }
        // A variable that is a parameter of the function being called takes its
        // argument after differentiating: fx(x, y) = diff(f(x, y), x), then fx(1, 2)
        // is ∂f/∂x at (1, 2). (At top level, names bound outside stay symbolic.)
        var mapping: [String: Expr] = [:]
        var replacements: [String: [String]] = [:]
        for v in vars where mapping[v.text] == nil {
            guard let bound = scope.locals[v.text] else { continue }
            if case .symbolic(let s, _) = bound, case .symbol(let name) = s.kind, name == v.text { continue }
            mapping[v.text] = try toExpr(bound, range, scope)
            replacements[v.text] = bound.variables
        }
        guard !mapping.isEmpty else { return value }
        // fx(x) = diff(ln(x), x), then fx(-1): the derivative is undefined where
        // the expression differentiated is, so that is evaluated first
        try checkDefined(original, mapping, range, scope)
        return try mapSymbolic(value, range, scope) { e, order in
            let vars = mergeVariables(order.map { replacements[$0] ?? [$0] })
            return self.symbolic(try self.checked(self.ctx.substitute(e, mapping), range, scope), vars)
        }
    }

    func evalPartial(_ f: Name, _ vars: [Name], _ range: SourceRange, _ scope: Scope) throws -> Value {
        var vars = vars
        if case .function(let fn)? = env.bound(f.text, scope), !fn.tensors.isEmpty {
            // ∂L/∂W: the matrix of partials ∂L/∂Wᵢⱼ, in W's shape
            if vars.count == 1, let t = fn.tensorParameter(vars[0].text) {
                let target = try partialTarget(f, [], range, scope)
                let parts = try t.elements.map { withVariables(try differentiate(target.value, by: $0, range, scope), fn.parameters) }
                return t.assemble(parts[...])
            }
            // ∂L/∂W12, ∂L/∂W_1_2: the element W₁₂
            vars = vars.map { v in fn.tensorElement(named: v.text).map { Name($0, v.range) } ?? v }
        }
        var value = try partialTarget(f, vars, range, scope).value
        for v in vars { value = try differentiate(value, by: v.text, range, scope) }
        return value
    }

    func evalPrime(_ fn: Node, _ k: Int, _ range: SourceRange, _ scope: Scope) throws -> Value {
        if scope.abstractFunctions, case .name(let u) = fn.kind, env.bound(u, scope) == nil,
           Callee.named(u) == nil, Environment.constants[u] == nil {
            return abstractDerivative(u, k)
        }
        let v = try eval(fn, scope)
        switch v {
        case .function(let f):
            guard f.parameters.count == 1 else {
                throw error(.badDerivativeVariable, .evaluation(.primeNeedsOneVariable(function: f.name, parameters: f.parameters.count)),
                            range, scope, help: .evaluation(.usePartial(function: f.name, parameters: f.parameters)))
            }
            let lowered = try lower(f, range, scope)
            var value = lowered
            for _ in 0..<k { value = try differentiate(value, by: f.parameters[0], range, scope) }
            // f' is undefined wherever f is: a call checks f first (see UserFunction.domain)
            var domain = f.domain
            if case .symbolic(let original, _) = lowered { domain.insert(original, at: 0) }
            guard case .symbolic(let e, _) = value else { return value }
            let name = f.name + String(repeating: "'", count: k)
            // written out only when it fits: `k'(1)` needs the body, not its text (printing it is checked)
            let text = "\(name)(\(f.parameters[0])) = \(Printer.fits(e) ? valueText.print(e) : "…")"
            return .function(UserFunction(name: name, parameters: f.parameters, body: .expression(e), text: text, domain: domain))
        case .symbolic(_, let vars) where vars.count == 1:
            var value = v
            for _ in 0..<k { value = try differentiate(value, by: vars[0], range, scope) }
            return value
        default:
            throw error(.badDerivativeVariable, .evaluation(.primeOfNonFunction(found: v.kind)), range, scope,
                        help: .evaluation(.primeUsage))
        }
    }

    func evalGradient(_ t: DerivativeTarget, _ range: SourceRange, _ scope: Scope) throws -> Value {
        let target = try derivativeTarget(t, range, scope)
        let v = target.value, vars = target.variables
        if vars.isEmpty {
            throw error(.noVariables, .evaluation(.noVariablesToDifferentiate), range, scope, help: .evaluation(.gradientVariables))
        }
        let partials = try vars.map { x in withVariables(try differentiate(v, by: x, range, scope), vars) }
        // one block per declared parameter: ∂L/∂W a matrix, ∂L/∂b a vector
        if let f = target.function, !f.tensors.isEmpty, vars == f.parameters { return .tuple(grouped(f, partials)) }
        return .tuple(partials)
    }

    func evalHessian(_ t: DerivativeTarget, _ range: SourceRange, _ scope: Scope) throws -> Value {
        let target = try derivativeTarget(t, range, scope)
        let v = target.value, vars = target.variables
        if vars.isEmpty { throw error(.noVariables, .evaluation(.noVariablesToDifferentiate), range, scope) }
        // refused before any entry is built: n² symbolic entries of thousands of variables exhaust memory
        let entries = vars.count.multipliedReportingOverflow(by: vars.count)
        if entries.overflow || entries.partialValue > Interpreter.maxHessianEntries {
            throw error(.limit, .evaluation(.hessianTooLarge(variables: vars.count, entries: entries.overflow ? Int.max : entries.partialValue,
                                                             limit: Interpreter.maxHessianEntries)),
                        range, scope, help: .evaluation(.useGradientInstead))
        }
        return .tuple(try vars.map { x in
            let dx = try differentiate(v, by: x, range, scope)
            return .tuple(try vars.map { y in withVariables(try differentiate(dx, by: y, range, scope), vars) })
        })
    }

    // MARK: abstract functions

    /// Whether an undefined name called inside `diff` is an abstract function:
    /// a short name (z, u, f, g1) always; a longer one only when it is no
    /// misspelling of a known function (`diff(sni(x), x)` still says "did you
    /// mean `sin`?" rather than differentiating an unknown sni).
    func isAbstractFunctionName(_ f: String) -> Bool {
        f.count <= 2 || closestWord(f, in: Builtin.surfaceNames + env.functionNames) == nil
    }

    /// `z(u(x), v(x))` inside `diff`, z defined nowhere: an abstract function of its arguments.
    func abstractCall(_ f: String, _ argNodes: [Node], _ range: SourceRange, _ scope: Scope) throws -> Value {
        let args = try argNodes.map { try eval($0, scope) }
        let exprs = try args.map { try toExpr($0, range, scope) }
        return symbolic(ctx.applied(AbstractFunction(f), exprs), mergeVariables(args.map(\.variables)))
    }

    /// `u'` (k primes) inside `diff`, u defined nowhere: the derivative of an
    /// abstract function of one argument, as a function of it (`u'(x)`).
    func abstractDerivative(_ u: String, _ k: Int) -> Value {
        let name = u + String(repeating: "'", count: k)
        let t = "t"
        let body = ctx.applied(AbstractFunction(u, partials: Array(repeating: 0, count: k)), [ctx.symbol(t)])
        return .function(UserFunction(name: name, parameters: [t], body: .expression(body), text: "\(name)(\(t))"))
    }

    // MARK: derivatives where the original is undefined

    /// `D at p`, D a derivative notation: the expression it differentiates is
    /// evaluated at p first, and its domain error (division by zero included)
    /// is the answer — `diff(ln(x), x) at -1` is "ln is undefined for -1", not
    /// -1. Other failures of the original are left to the derivative to report.
    func checkOriginalDefined(_ node: Node, _ p: Point, _ range: SourceRange, _ scope: Scope) throws {
        var n = node
        while case .group(let inner) = n.kind { n = inner }
        let original: Value?
        switch n.kind {
        case .diff(let e, let specs): original = try? differentiationOperand(e, Interpreter.diffVariables(specs), scope)
        case .dOperator(let v, let e): original = try? differentiationOperand(e, [v], scope)
        case .partial(let f, let vars): original = try? partialTarget(f, vars, range, scope).value
        case .grad(let t), .hessian(let t): original = try? derivativeTarget(t, range, scope).value
        default: original = nil
        }
        guard let original else { return }
        do { _ = try evalAt(original, p, range, scope) } catch let d as Diagnostic where d.id == .domain || d.id == .divisionByZero {
            throw d
        } catch {}
    }

    /// The expression differentiated, with the bound parameters substituted:
    /// evaluated when that leaves a number, so its domain error comes first.
    func checkDefined(_ original: Value, _ mapping: [String: Expr], _ range: SourceRange, _ scope: Scope) throws {
        guard case .symbolic(let e, _) = original else { return }
        var values: [String: NumericValue] = [:]
        for (k, x) in mapping { if case .number(let n) = x.kind { values[k] = .scalar(n.double) } }
        guard Set(ctx.freeNames(e)).isSubset(of: Set(values.keys)) else { return }
        _ = try numericValue(e, values, range, scope)
    }

    func withVariables(_ v: Value, _ vars: [String]) -> Value {
        if case .symbolic(let e, _) = v { return .symbolic(e, variables: vars) }
        return v
    }
}
