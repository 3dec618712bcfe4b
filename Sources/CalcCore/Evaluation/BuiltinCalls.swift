// BuiltinCalls — calls by name: user functions and values called like
// functions go to the evaluator's `apply`; built-ins are applied here,
// element-wise over lists and tuples, exactly on exact numbers, checked for
// their domain on numbers (with the call's range), and symbolically
// otherwise. `sqrt` and `log` are spellings of powers and ln; the reductions
// `sum`, `mean`, `len` fold a list; `expand` and `simplify` rewrite an
// expression.

extension Interpreter {
    func evalCall(_ callee: Node, _ argNodes: [Node], _ range: SourceRange, _ scope: Scope) throws -> Value {
        if case .name(let f) = callee.kind, scope.locals[f] == nil, globals[f] == nil {
            if Environment.symbolicOperations.contains(f) {
                return try evalSymbolicOperation(f, argNodes, range, scope)
            }
            if Builtin.surfaceNames.contains(f) {
                return try evalBuiltin(f, argNodes, callee.range, range, scope)
            }
            if let t = TensorFunction(rawValue: f) {
                return try evalTensorFunction(t, argNodes, range, scope)
            }
            if Environment.constants[f] != nil {
                throw error(.notAFunction, .evaluation(.constantNotAFunction(name: f)), callee.range, scope,
                            help: .evaluation(.multiplyConstant(name: f)))
            }
            if scope.abstractFunctions && isAbstractFunctionName(f) { return try abstractCall(f, argNodes, range, scope) }
            let known = Builtin.surfaceNames + TensorFunction.names + env.functionNames
            let help: EvaluationMessage = closestWord(f, in: known).map { .didYouMean($0) } ?? .defineFirst(signature: "\(f)(x)")
            throw error(.unknownFunction, .evaluation(.unknownFunction(name: f)), callee.range, scope, help: .evaluation(help))
        }
        let target = try eval(callee, scope)
        let args = try argNodes.map { try eval($0, scope) }
        // (∂f/∂x)(1, 2) is ∂f/∂x at (1, 2): undefined wherever f is, as with `at`
        if case .group = callee.kind, !argNodes.isEmpty {
            let point = argNodes.count == 1 ? argNodes[0] : Node(.tuple(argNodes), argNodes[0].range.to(argNodes.last!.range))
            try checkOriginalDefined(callee, .positional(point), range, scope)
        }
        return try apply(target, args, callee, range, scope)
    }


    func evalBuiltin(_ name: String, _ argNodes: [Node], _ calleeRange: SourceRange, _ range: SourceRange, _ scope: Scope) throws -> Value {
        let args = try argNodes.map { try eval($0, scope) }
        func arity(_ expected: [Int], _ usage: EvaluationMessage) throws {
            guard expected.contains(args.count) else {
                throw error(.arity, .evaluation(.arity(function: name, expected: expected, given: args.count)),
                            range, scope, help: .evaluation(usage))
            }
        }
        let callee = Callee.named(name)!
        try arity(callee.arities, callee == .log ? .logUsage : .usage(callee.usage(as: name)))
        switch callee {
        case .sqrt:
            return try arith(.pow, args[0], .number(.rational(1, 2)), range, scope)
        case .log:
            if args.count == 1 { return try applyBuiltin(.ln, args, range, scope) }
            let lnx = try applyBuiltin(.ln, [args[1]], range, scope)
            let lnb = try applyBuiltin(.ln, [args[0]], range, scope)
            if case .number(let n) = lnb, n.isZero {
                throw error(.domain, .evaluation(.logBaseOne), argNodes[0].range, scope, help: .evaluation(.logBaseRule))
            }
            return try arith(.div, lnx, lnb, range, scope)
        case .builtin(let f):
            return try applyBuiltin(f, args, range, scope)
        }
    }

    func applyBuiltin(_ f: Builtin, _ args: [Value], _ range: SourceRange, _ scope: Scope) throws -> Value {
        if f.isReduction { return try reduce(f, args[0], range, scope) }
        // element-wise over lists and tuples (numeric lists meeting symbols stay data)
        let collection = args.contains { if case .list = $0 { return true }; if case .tuple = $0 { return true }; return false }
        let symbolicArg = args.contains { if case .symbolic(let e, _) = $0 { return !e.free.isEmpty || e.hasData }; return false }
        if collection && !(symbolicArg && args.allSatisfy { $0.numericList != nil || !$0.isCollection }) {
            if args.count == 1 {
                switch args[0] {
                case .list(let xs, _): return .list(try xs.map { try applyBuiltin(f, [$0], range, scope) }, name: nil)
                case .tuple(let xs): return .tuple(try xs.map { try applyBuiltin(f, [$0], range, scope) })
                default: break
                }
            }
            return try broadcast(args[0], args[1], range, scope) { try self.applyBuiltin(f, [$0, $1], range, scope) }
        }
        for a in args { if case .function(let g) = a { throw functionInArithmetic(g, range, scope) } }
        // numbers (and constant expressions such as pi/2) evaluate now, with the call's position
        var numbers: [Number] = []
        for a in args {
            switch a {
            case .number(let n): numbers.append(n)
            case .symbolic(let e, _) where e.free.isEmpty && !e.hasData:
                if case .number(let n) = try collapse(a, range, scope) { numbers.append(n) }
            default: break
            }
        }
        if numbers.count == args.count {
            if let exact = f.exactValue(numbers) { return .number(exact) }
            switch f.evaluate(numbers.map(\.double)) {
            case .success(let d):
                // ln(2), sin(1) of exact numbers stay exact in symbolic work (diff(log(2, x), x)
                // is 1/(x*ln(2))); a result collapses to its value. Undefined ones were reported above.
                if d.isFinite, args.allSatisfy({ if case .number(let n) = $0 { return n.isExact }; return false }) {
                    return symbolic(ctx.call(f, numbers.map { ctx.number($0) }), [])
                }
                // exp(sinh(8)) overflows a double but is a finite exact constant: it stays
                // a symbolic call in a formula rather than becoming inf (issue 12)
                if !d.isFinite, args.allSatisfy(isExactConstant) {
                    return symbolic(ctx.call(f, try args.map { try toExpr($0, range, scope) }), [])
                }
                return .number(numbers.contains(where: \.isApproximate) ? .approximate(d) : .float(d))
            case .failure(let issue):
                throw error(issue.isDivisionByZero ? .divisionByZero : .domain, .numeric(issue.message), range, scope,
                            help: issue.help.map { .numeric($0) })
            }
        }
        let exprs = try args.map { try toExpr($0, range, scope) }
        return symbolic(try checked(ctx.call(f, exprs), range, scope), mergeVariables(args.map { $0.variables }))
    }

    /// An exact number, or a constant expression whose numbers are all exact (sinh(8), pi/2).
    func isExactConstant(_ v: Value) -> Bool {
        switch v {
        case .number(let n): return n.isExact
        case .symbolic(let e, _):
            guard e.free.isEmpty, !e.hasData else { return false }
            var stack = [e]
            while let x = stack.popLast() {
                if case .number(let n) = x.kind, !n.isExact { return false }
                stack.append(contentsOf: x.children)
            }
            return true
        default: return false
        }
    }

    func reduce(_ f: Builtin, _ v: Value, _ range: SourceRange, _ scope: Scope) throws -> Value {
        switch v {
        case .list(let rows, _), .tuple(let rows):
            if f == .len { return .number(Number(rows.count)) }
            // a matrix reduces over all its entries, as numpy's sum(A) and mean(A)
            let xs = v.matrixRows.map { $0.flatMap { $0 } } ?? rows
            if xs.isEmpty {
                if f == .sum { return .number(.zero) }
                throw error(.domain, .evaluation(.meanOfEmptyList), range, scope)
            }
            let acc: Value
            if xs.allSatisfy({ $0.tensorShape == .scalar }) { acc = try total(xs, range, scope) }
            else {
                var a: Value = xs[0]
                for x in xs.dropFirst() { a = try arith(.add, a, x, range, scope) }
                acc = a
            }
            return f == .sum ? acc : try arith(.div, acc, .number(Number(xs.count)), range, scope)
        case .number(let n): return .number(f == .len ? .one : n)
        case .symbolic(let e, let vars):
            return symbolic(ctx.call(f, [e]), vars)
        case .function(let g): throw functionInArithmetic(g, range, scope)
        }
    }

    func evalSymbolicOperation(_ name: String, _ argNodes: [Node], _ range: SourceRange, _ scope: Scope) throws -> Value {
        guard argNodes.count == 1 else {
            throw error(.arity, .evaluation(.arity(function: name, expected: [1], given: argNodes.count)), range, scope,
                        help: .evaluation(.usage("\(name)(e)")))
        }
        let v = try eval(argNodes[0], scope)
        return try mapSymbolic(v, range, scope) { e, vars in
            self.symbolic(try self.checked(name == "expand" ? self.ctx.expand(e) : self.ctx.simplify(e), range, scope), vars)
        }
    }

    /// Rewrites each symbolic part of a value, given its variable order
    /// (numbers and data stay as they are).
    func mapSymbolic(_ v: Value, _ range: SourceRange, _ scope: Scope, _ f: (Expr, [String]) throws -> Value) throws -> Value {
        switch v {
        case .number: return v
        case .symbolic(let e, let vars): return try f(e, vars)
        case .tuple(let xs): return .tuple(try xs.map { try mapSymbolic($0, range, scope, f) })
        case .list(let xs, let n):
            if v.numericList != nil { return v }
            return .list(try xs.map { try mapSymbolic($0, range, scope, f) }, name: n)
        case .function(let g):
            throw error(.typeMismatch, .evaluation(.isAFunction(name: g.name)), range, scope,
                        help: .evaluation(.applyToParameters(signature: g.signature)))
        }
    }
}
