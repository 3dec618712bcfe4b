// Arithmetic — the operators on Values: numbers exactly (rationals while
// they stay exact, doubles otherwise, each domain error at its operator's
// range), expressions through the smart constructors, and lists and tuples
// element-wise (a numeric list meeting a symbol stays data: `w*xs`).
//
// A sum or product chain is folded at once: numbers left to right, a symbolic
// chain with one n-ary constructor call, so a long polynomial is never
// rebuilt quadratically, and its variable order is usually the previous
// chain's (checked, not recomputed).

#if canImport(Glibc)
import Glibc
#endif

enum ArithOp { case add, sub, mul, div, pow }

extension Interpreter {

    /// A sum or product chain: numbers fold left to right; a symbolic chain is
    /// built with one n-ary constructor call (no quadratic rebuilding).
    func fold(_ operands: ArraySlice<(ArithOp, Value, SourceRange)>, identity: ArithOp, _ range: SourceRange, _ scope: Scope) throws -> Value {
        var scalarOnly = true, anySymbolic = false
        for o in operands {
            switch o.1 {
            case .number: break
            case .symbolic: anySymbolic = true
            default: scalarOnly = false
            }
        }
        if scalarOnly && anySymbolic && operands.count > 2 {
            var parts: [Expr] = []
            parts.reserveCapacity(operands.count)
            // the variables, checked against the last chain's on the way (see chainVariables)
            let last = lastChainVariables
            var seen = 0
            var same = !last.isEmpty && last.count <= 8
            for k in operands.indices {
                let op = operands[k].0, r = operands[k].2
                var e: Expr
                switch operands[k].1 {
                case .number(let n): e = memo.number(n)
                case .symbolic(let x, let vs):
                    e = x
                    if same { same = Interpreter.follow(vs, last, &seen) }
                default: e = try toExpr(operands[k].1, r, scope)   // not reached: scalars only
                }
                switch op {
                case .sub: e = ctx.neg(e)
                case .div:
                    if e.isZero { throw error(.divisionByZero, .evaluation(.divisionByZero), r, scope) }
                    e = ctx.pow(e, ctx.minusOne)
                default: break
                }
                parts.append(e)
            }
            let e = memo.chain(identity == .add, parts)
            return symbolic(try checked(e, range, scope), same && seen == last.count ? last : chainVariables(operands))
        }
        var acc = operands.first!.1
        if case .function(let f) = acc, operands.count > 1 { throw functionInArithmetic(f, operands.first!.2, scope) }
        for (op, v, r) in operands.dropFirst() {
            acc = try arith(op, acc, v, r, scope, chainStart: range)
            if interrupt.isSet { throw error(.interrupted, .evaluation(.interrupted), range, scope) }
        }
        return acc
    }

    /// Whether the names of `vs`, met after `last[0..<seen]` have appeared,
    /// keep to the order of `last` (advancing `seen`): when every operand of a
    /// chain does and all of `last` appear, the chain's variables are `last`.
    static func follow(_ vs: [String], _ last: [String], _ seen: inout Int) -> Bool {
        if vs == last { seen = last.count; return true }   // usually the very same list
        names: for v in vs {
            if seen < last.count && last[seen] == v { seen += 1; continue }
            for k in 0..<seen where last[k] == v { continue names }
            return false
        }
        return true
    }

    /// The ordered union of a chain's operands' variables (remembered for the
    /// next chain when few).
    func chainVariables(_ operands: ArraySlice<(ArithOp, Value, SourceRange)>) -> [String] {
        var vars = VariableMerger()
        for o in operands { if case .symbolic(_, let vs) = o.1 { vars.add(vs) } }
        if !vars.names.isEmpty && vars.names.count <= 8 { lastChainVariables = vars.names }
        return vars.names
    }

    func symbolic(_ e: Expr, _ vars: [String]) -> Value {
        if case .number(let n) = e.kind { return .number(n) }
        return .symbolic(e, variables: vars)
    }

    func functionInArithmetic(_ f: UserFunction, _ range: SourceRange, _ scope: Scope) -> Diagnostic {
        error(.typeMismatch, .evaluation(.functionNotAValue(name: f.name)), range, scope,
              help: .evaluation(.callWithArguments(signature: f.signature)))
    }

    /// Binary arithmetic on any two values. `range` is the right operand's (or the whole node's).
    func arith(_ op: ArithOp, _ a: Value, _ b: Value, _ range: SourceRange, _ scope: Scope, chainStart: SourceRange? = nil) throws -> Value {
        let whole = chainStart.map { $0.to(range) } ?? range
        switch (a, b) {
        case let (.number(x), .number(y)):
            let r = try numeric(op, x, y, range, scope)
            // an exact number to an exact power that is not exact stays exact:
            // 2^(1/2) is sqrt(2), so diff(x^sqrt(2), x) keeps it (a result collapses to its value)
            if op == .pow, !r.isExact, x.isExact, y.isExact { return symbolic(ctx.pow(ctx.number(x), ctx.number(y)), []) }
            return .number(r)
        case (.function(let f), _), (_, .function(let f)):
            throw functionInArithmetic(f, range, scope)
        case (.symbolic, .number), (.number, .symbolic), (.symbolic, .symbolic):
            return try symbolicArith(op, a, b, range, whole, scope)
        default: break
        }
        // lists of numbers meet expressions as data: w*xs stays `w*xs`
        if case .symbolic = a, b.numericList != nil { return try symbolicArith(op, a, b, range, whole, scope) }
        if case .symbolic = b, a.numericList != nil { return try symbolicArith(op, a, b, range, whole, scope) }
        return try broadcast(a, b, range, scope, op: op) { try self.arith(op, $0, $1, range, scope) }
    }

    func symbolicArith(_ op: ArithOp, _ a: Value, _ b: Value, _ range: SourceRange, _ whole: SourceRange, _ scope: Scope) throws -> Value {
        let x = try toExpr(a, whole, scope), y = try toExpr(b, range, scope)
        let e: Expr
        switch op {
        case .add: e = ctx.add([x, y])
        case .sub: e = ctx.sub(x, y)
        case .mul: e = ctx.mul([x, y])
        case .div:
            if y.isZero { throw error(.divisionByZero, .evaluation(.divisionByZero), range, scope) }
            e = ctx.div(x, y)
        case .pow:
            if x.isZero, let n = y.numberValue, n.isNegative {
                throw error(.divisionByZero, .evaluation(.zeroToNegativePower), whole, scope)
            }
            e = memo.power(x, y)
        }
        return symbolic(try checked(e, whole, scope), unionVariables(a.variables, b.variables))
    }

    /// The ordered union of two operands' variables (one of them is usually empty).
    func unionVariables(_ a: [String], _ b: [String]) -> [String] {
        if b.isEmpty { return a }
        if a.isEmpty { return b }
        var m = VariableMerger()
        m.add(a)
        m.add(b)
        return m.names
    }

    func numeric(_ op: ArithOp, _ x: Number, _ y: Number, _ range: SourceRange, _ scope: Scope) throws -> Number {
        switch op {
        case .add: return x + y
        case .sub: return x - y
        case .mul: return x * y
        case .div:
            if y.isZero { throw error(.divisionByZero, .evaluation(.divisionByZero), range, scope, help: x.isZero ? .evaluation(.zeroOverZero) : nil) }
            return x / y
        case .pow:
            if let k = y.exactInteger {   // by Number.power: exact, or the sign by k's parity
                guard let r = x.power(k) else {
                    throw error(.divisionByZero, .evaluation(.zeroToNegativePower), range, scope)
                }
                return r
            }
            if x.isExact, case .rational(let p, let q) = y, let root = x.exactRoot(q), let r = root.power(p), r.isExact {
                return r
            }
            let bd = x.double, ed = y.double
            if bd == 0 && ed < 0 {
                throw error(.divisionByZero, .evaluation(.zeroToNegativePower), range, scope)
            }
            if bd < 0 && bd.isFinite && ed.isFinite && ed != ed.rounded() {
                // a half-integer power is a square root: cbrt would not help there
                let help: EvaluationMessage = (2 * ed).rounded() == 2 * ed ? .squareRootNeedsNonNegative : .useCbrt
                throw error(.domain, .evaluation(.negativeToFractionalPower), range, scope, help: .evaluation(help))
            }
            return x.isApproximate || y.isApproximate ? .approximate(Glibc.pow(bd, ed)) : .float(Glibc.pow(bd, ed))
        }
    }

    func broadcast(_ a: Value, _ b: Value, _ range: SourceRange, _ scope: Scope, op: ArithOp? = nil,
                   _ f: (Value, Value) throws -> Value) throws -> Value {
        if let v = try broadcastTensors(a, b, op, range, scope, f) { return v }
        switch (a, b) {
        case let (.list(xs, _), .list(ys, _)):
            guard xs.count == ys.count else {
                throw error(.lengthMismatch, .evaluation(.listLengths(xs.count, ys.count)), range, scope,
                            help: .evaluation(.sameLengthNeeded))
            }
            return .list(try zip(xs, ys).map { try f($0, $1) }, name: nil)
        case let (.tuple(xs), .tuple(ys)):
            guard xs.count == ys.count else {
                throw error(.lengthMismatch, .evaluation(.tupleSizes(xs.count, ys.count)), range, scope)
            }
            return .tuple(try zip(xs, ys).map { try f($0, $1) })
        case (.list, .tuple), (.tuple, .list):
            throw error(.typeMismatch, .evaluation(.listWithTuple), range, scope, help: .evaluation(.listsAndTuples))
        case let (.list(xs, _), _): return .list(try xs.map { try f($0, b) }, name: nil)
        case let (_, .list(ys, _)): return .list(try ys.map { try f(a, $0) }, name: nil)
        case let (.tuple(xs), _): return .tuple(try xs.map { try f($0, b) })
        case let (_, .tuple(ys)): return .tuple(try ys.map { try f(a, $0) })
        default:
            throw error(.typeMismatch, .evaluation(.cannotCombine(a.kind, b.kind)), range, scope)
        }
    }

    /// A value as an expression (numbers, symbolic values, numeric lists as data).
    func toExpr(_ v: Value, _ range: SourceRange, _ scope: Scope) throws -> Expr {
        switch v {
        case .number(let n): return memo.number(n)
        case .symbolic(let e, _): return e
        case .list(_, let name):
            if let values = v.numericList { return ctx.data(name, values) }
            throw error(.typeMismatch, .evaluation(.listInExpression), range, scope, help: .evaluation(.listsHoldNumbers))
        case .tuple:
            throw error(.typeMismatch, .evaluation(.tupleInExpression), range, scope, help: .evaluation(.tuplesArePoints))
        case .function(let f):
            throw functionInArithmetic(f, range, scope)
        }
    }

    /// Turns a constant-valued symbolic value (`2*pi`) into a number.
    /// Whether `e` holds an exact number to an exact integer power or an
    /// approximate number: the constructors fold every exact power that fits
    /// (Constructors.foldPower), so one left standing overflowed 64 bits, and a
    /// double computed from it is approximate, not exact (3037000500^2 - 1).
    static func holdsOverflowedPower(_ e: Expr) -> Bool {
        switch e.kind {
        case .number(let n): return n.isApproximate
        case .pow(let b, let x):
            if case .number(let bn) = b.kind, bn.isExact, case .number(let xn) = x.kind, xn.exactInteger != nil { return true }
            return holdsOverflowedPower(b) || holdsOverflowedPower(x)
        default: return e.children.contains(where: holdsOverflowedPower)
        }
    }

    /// The value of a sum, product or integer power of numbers by Number's own
    /// arithmetic (so (-2)^(2^53 + 1) keeps its sign); nil for anything else.
    static func numberValue(_ e: Expr) -> Number? {
        switch e.kind {
        case .number(let n): return n
        case .add(let ts):
            var s = Number.zero
            for t in ts { guard let v = numberValue(t) else { return nil }; s = s + v }
            return s
        case .mul(let fs):
            var p = Number.one
            for f in fs { guard let v = numberValue(f) else { return nil }; p = p * v }
            return p
        case .pow(let b, let x):
            guard let bv = numberValue(b), let k = numberValue(x)?.exactInteger else { return nil }
            return bv.power(k)
        default: return nil
        }
    }

    func collapse(_ v: Value, _ range: SourceRange, _ scope: Scope) throws -> Value {
        switch v {
        case .symbolic(let e, _) where e.free.isEmpty:
            var ev = Evaluator(context: ctx, values: [:])
            do {
                let value = Value(try ev.evaluate(e))
                if case .number(.float(let d)) = value, Self.holdsOverflowedPower(e) {
                    return .number(Self.numberValue(e) ?? .approximate(d))
                }
                return value
            } catch {
                throw self.error(error.isDivisionByZero ? .divisionByZero : .domain, .numeric(error.message), range, scope,
                                 help: error.help.map { .numeric($0) } ?? .evaluation(.inExpression(error.expression)))
            }
        case .tuple(let xs): return .tuple(try xs.map { try collapse($0, range, scope) })
        case .list(let xs, let n): return .list(try xs.map { try collapse($0, range, scope) }, name: n)
        default: return v
        }
    }
}
