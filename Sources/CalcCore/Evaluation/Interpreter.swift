// Interpreter — evaluates parsed expressions to Values.
//
// One walk does both numeric and symbolic work: operands that are numbers
// are computed at once (exact rationals where possible, domain-checked with
// the operator's source range); as soon as an unbound name is involved the
// result is built as a canonical Expr by the smart constructors. User
// functions are called by evaluating their body with the parameters bound,
// so calling one with symbolic arguments inlines it — which is how the chain
// rule reaches through `h(x) = g(sin(x))`. Errors are thrown as Diagnostics
// carrying the range of the node that failed.
//
// This file holds the dispatch, name resolution and user calls; the rest of
// the evaluator is one responsibility per file: Arithmetic (values and
// broadcasting), BuiltinCalls, Derivatives (every derivative notation) and
// Points (`at` and the other points bound to variables). What names mean is
// the Environment's; the commands (minimize, explain, plot) are types of
// their own in Commands/ that use this evaluator.
//
// Long inputs stay fast: a name's meaning is worked out once, sum and product
// chains keep their operands on one shared stack, and the constructors'
// results are remembered by their operands (ConstructorMemo).

#if canImport(Glibc)
import Glibc
#endif

final class Interpreter {
    let ctx: ExprContext
    let env: Environment
    let memo: ConstructorMemo
    let interrupt: InterruptFlag
    var callStack: [String] = []
    /// Writes the text of derived functions (`f'(x) = …`) and numbers quoted in
    /// messages, in the session's current style and digits.
    var valueText = ValueText()

    /// Largest expression depth a value may reach (deeper is an error, never a stack overflow).
    static let maxExprDepth = 2_000
    /// Most entries (n² for n variables) a symbolic `hessian` may build: 1,000 variables.
    static let maxHessianEntries = 1_000_000

    init(context: ExprContext, interrupt: InterruptFlag) {
        self.ctx = context
        self.env = Environment(context: context)
        self.memo = ConstructorMemo(context: context)
        self.interrupt = interrupt
    }

    var globals: [String: Value] {
        get { env.globals }
        _modify { yield &env.globals }
    }

    // MARK: errors

    func error(_ id: DiagnosticID, _ message: Message, _ range: SourceRange, _ scope: Scope, help: Message? = nil) -> Diagnostic {
        scope.error(id, message, range, help: help)
    }


    /// The `interrupted` error (Ctrl-C stopped the work; nothing half-made is shown).
    func interrupted(_ range: SourceRange, _ scope: Scope) -> Diagnostic {
        error(.interrupted, .evaluation(.interrupted), range, scope)
    }

    // MARK: expressions
    func eval(_ n: Node, _ scope: Scope) throws -> Value {
        switch n.kind {
        case .number(let v): return .number(v)
        case .name(let s): return try resolve(s, n.range, scope)
        case .group(let e): return try eval(e, scope)
        case .tuple(let xs): return .tuple(try xs.map { try eval($0, scope) })
        case .list(let xs):
            // data are numbers: a constant element such as sqrt(2) takes its value
            let values = try xs.map { x in
                let v = try eval(x, scope)
                if case .symbolic(let e, _) = v, e.free.isEmpty, !e.hasData { return try collapse(v, x.range, scope) }
                return v
            }
            try checkListLiteral(values, xs, n.range, scope)
            return .list(values, name: nil)
        case .unary(let op, let e):
            let v = try eval(e, scope)
            switch op {
            case .plus:
                if case .function(let f) = v { throw functionInArithmetic(f, e.range, scope) }
                return v
            case .negate: return try arith(.mul, .number(.minusOne), v, n.range, scope)
            case .sqrt: return try arith(.pow, v, .number(.rational(1, 2)), n.range, scope)
            }
        case .power(let b, let e):
            let bv = try evalOperand(b, scope), ev = try evalOperand(e, scope)
            return try arith(.pow, bv, ev, n.range, scope)
        case .product(let first, let rest) where rest.contains(where: { $0.0 == .matmul }):
            return try evalMatmulChain(first, rest, scope)
        case .product(let first, let rest):
            // the operands go on the shared operand stack (no array per chain)
            let base = operandStack.count
            defer { popOperands(to: base) }
            let v0 = try evalOperand(first, scope)
            operandStack.append((.mul, v0, first.range))
            for (op, e) in rest {
                let v = try evalOperand(e, scope)
                operandStack.append((op == .divide ? .div : .mul, v, e.range))
            }
            return try fold(operandStack[base...], identity: .mul, n.range, scope)
        case .sum(let first, let rest):
            let base = operandStack.count
            defer { popOperands(to: base) }
            let v0 = try evalOperand(first, scope)
            operandStack.append((.add, v0, first.range))
            for (op, e) in rest {
                let v = try evalOperand(e, scope)
                operandStack.append((op == .minus ? .sub : .add, v, e.range))
            }
            return try fold(operandStack[base...], identity: .add, n.range, scope)
        case .call(let callee, let args):
            return try evalCall(callee, args, n.range, scope)
        case .prime(let f, let k):
            return try evalPrime(f, k, n.range, scope)
        case .diff(let e, let specs):
            return try evalDiff(e, Interpreter.diffVariables(specs), n.range, scope)
        case .dOperator(let v, let e):
            return try evalDiff(e, [v], n.range, scope)
        case .partial(let f, let vars):
            return try evalPartial(f, vars, n.range, scope)
        case .grad(let t):
            return try evalGradient(t, n.range, scope)
        case .hessian(let t):
            return try evalHessian(t, n.range, scope)
        case .at(let e, let p):
            let v = try eval(e, scope)
            try checkOriginalDefined(e, p, n.range, scope)
            return try evalAt(v, p, n.range, scope)
        case .index(let e, let i):
            return try evalIndices(e, i, n.range, scope)
        case .transpose(let e):
            return try transpose(try eval(e, scope), e.range, scope)
        case .wholeAxis:
            throw error(.typeMismatch, .tensor(.wholeAxisOutsideIndex), n.range, scope)
        case .member(let e, let m):
            return try evalMember(e, m, n.range, scope)
        }
    }

    /// What a name means when no local or global binds it, worked out once per

    /// The evaluated operands of the sum and product chains being evaluated,
    /// innermost last: each chain pushes its operands, folds them and pops them.
    @exclusivity(unchecked) var operandStack: [(ArithOp, Value, SourceRange)] = []
    /// The variables of the last chain, when few: the next chain usually has
    /// the same ones (every term of a long polynomial in x and y does).
    @exclusivity(unchecked) var lastChainVariables: [String] = []

    func popOperands(to base: Int) {
        while operandStack.count > base { operandStack.removeLast() }
        if base == 0 && operandStack.capacity > 1 << 16 { operandStack = [] }   // a very long chain's room is not kept
    }

    /// `eval` with the leaves (numbers and names, most operands) taken here.
    @inline(__always) func evalOperand(_ n: Node, _ scope: Scope) throws -> Value {
        switch n.kind {
        case .number(let v): return .number(v)
        case .name(let s): return try resolve(s, n.range, scope)
        default: return try eval(n, scope)
        }
    }

    /// A name's value: a local, a constant, a global, else the symbol itself.
    func resolve(_ s: String, _ range: SourceRange, _ scope: Scope) throws -> Value {
        if !scope.locals.isEmpty, let v = scope.locals[s] { return v }
        let m = env.meaning(of: s)
        if case .constant(let v) = m { return v }
        if !env.globals.isEmpty, let v = env.globals[s] { return v }
        switch m {
        case .constant(let v), .symbol(let v): return v
        case .builtin:
            throw error(.notAFunction, .evaluation(.builtinNotAValue(name: s)), range, scope,
                        help: .evaluation(.callWithArgument(name: s)))
        case .needsArgument:
            throw error(.expectedToken, .evaluation(.needsArgument(name: s)), range, scope,
                        help: .evaluation(s == "diff" ? .diffExample : .operatorExample(name: s)))
        }
    }

    func checked(_ e: Expr, _ range: SourceRange, _ scope: Scope) throws -> Expr {
        if e.depth > Interpreter.maxExprDepth {
            throw error(.limit, .evaluation(.tooDeep(limit: Interpreter.maxExprDepth)), range, scope,
                        help: .evaluation(.buildInSmallerSteps))
        }
        return e
    }

    // MARK: user functions
    /// Applies a function-like value to arguments.
    func apply(_ target: Value, _ args: [Value], _ callee: Node, _ range: SourceRange, _ scope: Scope) throws -> Value {
        switch target {
        case .function(let f):
            return try callUser(f, args, callee.range, range, scope)
        case .symbolic(_, let vars) where !vars.isEmpty:
            // an expression with an order of variables can be called like a function: (∂f/∂x)(1, 2)
            let point: Value = args.count == 1 ? args[0] : .tuple(args)
            return try bind(target, positional: point, range, scope)
        case .tuple where !target.variables.isEmpty:
            // (∇f)(1, 2): a gradient or Hessian at a point
            let point: Value = args.count == 1 ? args[0] : .tuple(args)
            return try bind(target, positional: point, range, scope)
        default:
            var name: String?
            if case .name(let n) = callee.kind { name = n }
            throw error(.notAFunction, .evaluation(.notAFunction(name: name, found: target.kind)), callee.range, scope,
                        help: .evaluation(.multiplyWithStar(left: callee.kind.isName ? ASTPrinter.print(callee) : "a")))
        }
    }

    func callUser(_ f: UserFunction, _ args: [Value], _ calleeRange: SourceRange, _ range: SourceRange, _ scope: Scope) throws -> Value {
        // f(ans) after minimize: a point spreads over the parameters, and
        // net(u, v, θ) over the trailing ones (Elements.swift)
        if let spread = try spreadArguments(f, args, range, scope) {
            return try callUser(f, spread, calleeRange, range, scope)
        }
        // L(W0, b0, c): one argument per declared tensor parameter
        if let flat = try tensorArguments(f, args, range, scope) {
            return try callUser(f, flat, calleeRange, range, scope)
        }
        guard args.count == f.parameters.count else {
            throw error(.arity, .evaluation(.arity(function: f.name, expected: [f.parameters.count], given: args.count)),
                        range, scope, help: .evaluation(.definedAs(function: f.name, definition: f.text)))
        }
        if callStack.contains(f.name) {
            throw error(.recursion, .evaluation(.callsItself(function: f.name)), calleeRange, scope,
                        help: .evaluation(.recursionUnsupported))
        }
        if callStack.count >= 64 {
            throw error(.limit, .evaluation(.callsTooDeep(limit: 64)), calleeRange, scope)
        }
        if interrupt.isSet { throw error(.interrupted, .evaluation(.interrupted), range, scope) }
        callStack.append(f.name)
        defer { callStack.removeLast() }
        switch f.body {
        case .syntax(let body, let file):
            let locals = f.tensors.isEmpty ? Dictionary(uniqueKeysWithValues: zip(f.parameters, args)) : self.locals(of: f, args)
            do {
                let v = try eval(body, Scope(locals: locals, file: file))
                return v
            } catch var d as Diagnostic {
                // σ saturated: the eager doubles lost what the stable forms keep
                if d.id == .domain, let v = try? saturatedCall(f, body, file, args, range, scope) { return v }
                if d.file !== scope.file || callStack.count == 1 {
                    let loc = scope.file.location(of: range.start)
                    // one place per error: the innermost call, or the expression that failed
                    if !d.helpText.contains(where: \.namesPlace) {
                        d.helpText.append(.evaluation(.calledAt(function: f.name, file: scope.file.name, line: loc.line, column: loc.column)))
                    }
                }
                throw d
            }
        case .expression(let e):
            var mapping: [String: Expr] = [:]
            var allNumeric = true
            for (p, a) in zip(f.parameters, args) {
                if case .number = a {} else { allNumeric = false }
                if case .list = a { allNumeric = false }
                mapping[p] = try toExpr(a, range, scope)
            }
            if allNumeric {
                var values: [String: NumericValue] = [:]
                for (p, a) in zip(f.parameters, args) { if case .number(let n) = a { values[p] = .scalar(n.double) } }
                for original in f.domain { _ = try numericValue(original, values, range, scope) }
                return try numericValue(e, values, range, scope)
            }
            let r = ctx.substitute(e, mapping)
            return symbolic(try checked(r, range, scope), mergeVariables(args.map { $0.variables }))
        }
    }

    /// A call at numbers whose eager evaluation hit a domain error through a
    /// saturated sigmoid (`CE(0, 800)`: σ(800) is already the double 1 when
    /// `ln(1 - …)` sees it) is computed again as `at` computes it: the body
    /// built as a formula in the parameters, then evaluated by the Evaluator,
    /// whose stable forms (SaturationForms) keep ln(1 − σ(u)) finite. Only
    /// bodies that use sigmoid are retried; anything else keeps its error.
    func saturatedCall(_ f: UserFunction, _ body: Node, _ file: SourceFile, _ args: [Value],
                       _ range: SourceRange, _ scope: Scope) throws -> Value? {
        var symbols: [Value] = []
        var values: [String: NumericValue] = [:]
        for (p, a) in zip(f.parameters, args) {
            guard case .number(let n) = a else { return nil }
            symbols.append(.symbolic(ctx.symbol(p), variables: [p]))
            values[p] = .scalar(n.double)
        }
        let locals = self.locals(of: f, symbols)
        guard case .symbolic(let e, _) = try eval(body, Scope(locals: locals, file: file)),
              Self.usesSigmoid(e) else { return nil }
        return try numericValue(e, values, range, scope)
    }

    /// Whether a sigmoid call occurs anywhere in `e` (each shared node visited once).
    static func usesSigmoid(_ e: Expr) -> Bool {
        e.first(where: { if case .call(.sigmoid, _) = $0.kind { return true }; return false }) != nil
    }

    func numericValue(_ e: Expr, _ values: [String: NumericValue], _ range: SourceRange, _ scope: Scope) throws -> Value {
        var ev = Evaluator(context: ctx, values: values)
        do {
            return Value(try ev.evaluate(e))
        } catch {
            throw self.error(error.isDivisionByZero ? .divisionByZero : .domain, .numeric(error.message), range, scope,
                             help: .evaluation(error.help.map { .helpInExpression(.numeric($0), expression: error.expression) }
                                                   ?? .inExpression(error.expression)))
        }
    }
}

extension Value {
    var isCollection: Bool {
        switch self { case .list, .tuple: return true; default: return false }
    }
}

extension NodeKind {
    var isName: Bool { if case .name = self { return true }; return false }
}

extension Message {
    /// Whether this help line says where an error happened (`in f, called at …`, `in ln(x)`).
    var namesPlace: Bool {
        switch self {
        case .evaluation(.calledAt), .evaluation(.inExpression): return true
        default: return false
        }
    }
}
