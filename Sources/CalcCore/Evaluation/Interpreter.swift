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
// Long inputs stay fast: a name's meaning is worked out once, sum and product
// chains keep their operands on one shared stack, and since the constructors
// are pure functions of interned operands, short sums and products, powers
// and small integers are remembered by their operands (a polynomial of ten
// thousand terms writes `3*x^2*y` many times). None of this changes a result.

#if canImport(Glibc)
import Glibc
#endif

public struct Settings: Sendable {
    public var digits: Int = 12
    public var format: Printer.Style = .plain
    /// Terminal plots: width in columns, plot-area height in rows, colour.
    public var plotWidth: Int = 72
    public var plotHeight: Int = 14
    public var color: Bool = false
    public init() {}
}

final class Interpreter {
    let ctx: ExprContext
    var globals: [String: Value] = [:]
    var settings = Settings()
    var callStack: [String] = []
    /// Writes a file (plots to SVG); set by the Session from its caller.
    var writeFile: ((String, String) -> Result<Void, ReadFailure>)?
    let interrupt: InterruptFlag

    /// Largest expression depth a value may reach (deeper is an error, never a stack overflow).
    static let maxExprDepth = 2_000
    static let maxListLength = 10_000_000

    static let constants: [String: Constant] = ["pi": .pi, "π": .pi, "e": .e, "inf": .inf, "∞": .inf, "nan": .nan]
    /// Names that cannot be bound: built-ins and the derivative forms.
    static let reserved: Set<String> = Set(Builtin.surfaceNames + ["diff", "grad", "hessian", "expand", "simplify", "ans"])
    static let symbolicOperations: Set<String> = ["expand", "simplify"]

    struct Scope {
        var locals: [String: Value] = [:]
        let file: SourceFile
    }

    var printer: Printer { Printer(style: settings.format, digits: settings.digits) }

    /// A value as the user sees it.
    func format(_ v: Value) -> String {
        switch v {
        case .number(let n):
            if case .rational(let p, 1) = n { return "\(p)" }
            return NumberFormat.format(n.double, digits: settings.digits)
        case .symbolic(let e, _): return printer.print(e)
        case .tuple(let xs): return "(" + xs.map(format).joined(separator: ", ") + ")"
        case .list(let xs, _): return "[" + xs.map(format).joined(separator: ", ") + "]"
        case .function(let f): return f.text
        }
    }

    init(context: ExprContext, interrupt: InterruptFlag) {
        self.ctx = context
        self.interrupt = interrupt
    }

    // MARK: errors

    func error(_ id: DiagnosticID, _ message: String, _ range: SourceRange, _ scope: Scope, help: String? = nil) -> Diagnostic {
        Diagnostic(id, message, range, file: scope.file, help: help)
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
            return .list(try xs.map { x in
                let v = try eval(x, scope)
                if case .symbolic(let e, _) = v, e.free.isEmpty, !e.hasData { return try collapse(v, x.range, scope) }
                return v
            }, name: nil)
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
            return try evalAt(v, p, n.range, scope)
        }
    }

    /// What a name means when no local or global binds it, worked out once per
    /// name (see `meaning(of:)`): looking a name up used to cost five hashes.
    enum NameMeaning {
        case constant(Value)
        /// A built-in function or `expand`/`simplify`: an error as a value.
        case builtin
        /// `diff`, `grad`, `hessian` without their argument.
        case needsArgument
        /// An unbound name: the symbol, with itself as its variable.
        case symbol(Value)
    }
    @exclusivity(unchecked) var nameMeanings: [String: NameMeaning] = [:]

    /// The last few names looked up, by a cheap slot number: a long input
    /// names the same few variables over and over, and comparing two short
    /// strings is cheaper than hashing one.
    /// (The caches here are only touched by this single-threaded interpreter,
    /// never across a call that could reach them again: their accesses need
    /// no run-time exclusivity checks, which cost as much as the look-ups.)
    @exclusivity(unchecked) var recentNames: [String] = Array(repeating: "", count: 16)
    @exclusivity(unchecked) var recentMeanings: [NameMeaning] = Array(repeating: .builtin, count: 16)

    func meaning(of s: String) -> NameMeaning {
        var slot = s.utf8.count
        if let b = s.utf8.first { slot = slot &+ Int(b) }
        slot &= 15
        if !s.isEmpty && recentNames[slot] == s { return recentMeanings[slot] }
        let m = classify(s)
        recentNames[slot] = s
        recentMeanings[slot] = m
        return m
    }

    func classify(_ s: String) -> NameMeaning {
        if let m = nameMeanings[s] { return m }
        let m: NameMeaning
        if let c = Interpreter.constants[s] {
            switch c {
            case .inf: m = .constant(.number(.float(.infinity)))
            case .nan: m = .constant(.number(.float(.nan)))
            default: m = .constant(.symbolic(ctx.constant(c), variables: []))
            }
        } else if Builtin.surfaceNames.contains(s) || Interpreter.symbolicOperations.contains(s) {
            m = .builtin
        } else if s == "diff" || s == "grad" || s == "hessian" {
            m = .needsArgument
        } else {
            m = .symbol(.symbolic(ctx.symbol(s), variables: [s]))   // a symbol's depth is 1: always within the limit
        }
        nameMeanings[s] = m
        return m
    }

    /// The evaluated operands of the sum and product chains being evaluated,
    /// innermost last: each chain pushes its operands, folds them and pops them.
    @exclusivity(unchecked) var operandStack: [(ArithOp, Value, SourceRange)] = []

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
        let m = meaning(of: s)
        if case .constant(let v) = m { return v }
        if !globals.isEmpty, let v = globals[s] { return v }
        switch m {
        case .constant(let v), .symbol(let v): return v
        case .builtin:
            throw error(.notAFunction, "`\(s)` is a built-in function, not a value", range, scope,
                        help: "call it with an argument: `\(s)(x)`")
        case .needsArgument:
            throw error(.expectedToken, "`\(s)` needs its argument", range, scope,
                        help: s == "diff" ? "write `diff(x^2, x)`" : "write `\(s) f` or `\(s)(x^2 + y^2)`")
        }
    }

    func checked(_ e: Expr, _ range: SourceRange, _ scope: Scope) throws -> Expr {
        if e.depth > Interpreter.maxExprDepth {
            throw error(.limit, "expression is too deep (more than \(Interpreter.maxExprDepth) levels)", range, scope,
                        help: "build it in smaller steps, or evaluate with numbers")
        }
        return e
    }

    // MARK: arithmetic

    enum ArithOp { case add, sub, mul, div, pow
        var symbol: String { switch self { case .add: return "+"; case .sub: return "-"; case .mul: return "*"; case .div: return "/"; case .pow: return "^" } }
    }

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
                case .number(let n): e = numberExpr(n)
                case .symbolic(let x, let vs):
                    e = x
                    if same { same = Interpreter.follow(vs, last, &seen) }
                default: e = try toExpr(operands[k].1, r, scope)   // not reached: scalars only
                }
                switch op {
                case .sub: e = ctx.neg(e)
                case .div:
                    if e.isZero { throw error(.divisionByZero, "division by zero", r, scope) }
                    e = ctx.pow(e, ctx.minusOne)
                default: break
                }
                parts.append(e)
            }
            let e = chain(identity == .add, parts)
            return symbolic(try checked(e, range, scope), same && seen == last.count ? last : chainVariables(operands))
        }
        var acc = operands.first!.1
        if case .function(let f) = acc, operands.count > 1 { throw functionInArithmetic(f, operands.first!.2, scope) }
        for (op, v, r) in operands.dropFirst() {
            acc = try arith(op, acc, v, r, scope, chainStart: range)
            if interrupt.isSet { throw error(.interrupted, "interrupted", range, scope) }
        }
        return acc
    }

    /// Recent powers `ctx.pow(base, exponent)` (a pure function of its interned
    /// operands), in slots by the operands' ids: `x^2` is written many times.
    /// A slot holds the operands' ids (unique in the context) and the power.
    @exclusivity(unchecked) var powerOperands: [(base: Int, exponent: Int)] = Array(repeating: (-1, -1), count: 256)
    @exclusivity(unchecked) var powers: [Expr?] = Array(repeating: nil, count: 256)

    func power(_ base: Expr, _ exponent: Expr) -> Expr {
        let slot = (base.id &* 31 &+ exponent.id) & 255
        if powerOperands[slot] == (base.id, exponent.id), let p = powers[slot] { return p }
        let e = ctx.pow(base, exponent)
        powerOperands[slot] = (base.id, exponent.id)
        powers[slot] = e
        return e
    }

    /// The variables of the last chain, when few: the next chain usually has
    /// the same ones (every term of a long polynomial in x and y does).
    @exclusivity(unchecked) var lastChainVariables: [String] = []

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

    /// A short sum or product of interned operands, by its operands (see `chain`).
    struct ChainKey: Hashable {
        let isSum: Bool
        let parts: [Expr]
        static func == (a: ChainKey, b: ChainKey) -> Bool {
            a.isSum == b.isSum && a.parts.count == b.parts.count && zip(a.parts, b.parts).allSatisfy { $0 === $1 }
        }
        func hash(into h: inout Hasher) { h.combine(_rawHashValue(seed: 0)) }
        func _rawHashValue(seed: Int) -> Int {
            var m = StructuralHash(UInt64(UInt(bitPattern: seed)))
            m.mix(isSum ? 1 : 2)
            for x in parts { m.mix(UInt64(x.id)) }
            return Int(bitPattern: UInt(m.value))
        }
    }
    @exclusivity(unchecked) var chains: [ChainKey: Expr] = [:]

    /// `ctx.add(parts)` or `ctx.mul(parts)`. The constructors are pure functions
    /// of their (interned) operands, so the result of a short chain is kept:
    /// long inputs repeat terms like `3*x^2*y`, and collecting a product's
    /// factors costs far more than finding it again.
    func chain(_ isSum: Bool, _ parts: [Expr]) -> Expr {
        guard parts.count <= 8 else { return isSum ? ctx.add(parts) : ctx.mul(parts) }
        if let e = chains[ChainKey(isSum: isSum, parts: parts)] { return e }
        let e = isSum ? ctx.add(parts) : ctx.mul(parts)
        if chains.count >= 1 << 14 { chains.removeAll(keepingCapacity: true) }
        chains[ChainKey(isSum: isSum, parts: parts)] = e
        return e
    }

    func symbolic(_ e: Expr, _ vars: [String]) -> Value {
        if case .number(let n) = e.kind { return .number(n) }
        return .symbolic(e, variables: vars)
    }

    func functionInArithmetic(_ f: UserFunction, _ range: SourceRange, _ scope: Scope) -> Diagnostic {
        error(.typeMismatch, "`\(f.name)` is a function, not a value", range, scope,
              help: "call it with arguments: `\(f.signature)`")
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
        return try broadcast(a, b, range, scope) { try self.arith(op, $0, $1, range, scope) }
    }

    func symbolicArith(_ op: ArithOp, _ a: Value, _ b: Value, _ range: SourceRange, _ whole: SourceRange, _ scope: Scope) throws -> Value {
        let x = try toExpr(a, whole, scope), y = try toExpr(b, range, scope)
        let e: Expr
        switch op {
        case .add: e = ctx.add([x, y])
        case .sub: e = ctx.sub(x, y)
        case .mul: e = ctx.mul([x, y])
        case .div:
            if y.isZero { throw error(.divisionByZero, "division by zero", range, scope) }
            e = ctx.div(x, y)
        case .pow:
            if x.isZero, let n = y.numberValue, n.isNegative {
                throw error(.divisionByZero, "division by zero: 0 raised to a negative power", whole, scope)
            }
            e = power(x, y)
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
            if y.isZero { throw error(.divisionByZero, "division by zero", range, scope, help: x.isZero ? "0/0 has no value" : nil) }
            return x / y
        case .pow:
            if x.isExact, let k = y.exactInteger {
                guard let r = x.power(k) else {
                    throw error(.divisionByZero, "division by zero: 0 raised to a negative power", range, scope)
                }
                return r
            }
            if x.isExact, case .rational(let p, let q) = y, let root = x.exactRoot(q), let r = root.power(p), r.isExact {
                return r
            }
            let bd = x.double, ed = y.double
            if bd == 0 && ed < 0 {
                throw error(.divisionByZero, "division by zero: 0 raised to a negative power", range, scope)
            }
            if bd < 0 && bd.isFinite && ed.isFinite && ed != ed.rounded() {
                throw error(.domain, "a negative number to a fractional power is not a real number", range, scope,
                            help: "calc works with real numbers; for a cube root use `cbrt(x)`")
            }
            return .float(Glibc.pow(bd, ed))
        }
    }

    func broadcast(_ a: Value, _ b: Value, _ range: SourceRange, _ scope: Scope, _ f: (Value, Value) throws -> Value) throws -> Value {
        switch (a, b) {
        case let (.list(xs, _), .list(ys, _)):
            guard xs.count == ys.count else {
                throw error(.lengthMismatch, "lists of different lengths (\(xs.count) and \(ys.count))", range, scope,
                            help: "element-wise arithmetic needs lists of the same length")
            }
            return .list(try zip(xs, ys).map { try f($0, $1) }, name: nil)
        case let (.tuple(xs), .tuple(ys)):
            guard xs.count == ys.count else {
                throw error(.lengthMismatch, "tuples of different sizes (\(xs.count) and \(ys.count))", range, scope)
            }
            return .tuple(try zip(xs, ys).map { try f($0, $1) })
        case (.list, .tuple), (.tuple, .list):
            throw error(.typeMismatch, "cannot combine a list with a tuple", range, scope,
                        help: "lists `[…]` hold data; tuples `(…)` are points")
        case let (.list(xs, _), _): return .list(try xs.map { try f($0, b) }, name: nil)
        case let (_, .list(ys, _)): return .list(try ys.map { try f(a, $0) }, name: nil)
        case let (.tuple(xs), _): return .tuple(try xs.map { try f($0, b) })
        case let (_, .tuple(ys)): return .tuple(try ys.map { try f(a, $0) })
        default:
            throw error(.typeMismatch, "cannot combine \(a.typeName) with \(b.typeName)", range, scope)
        }
    }

    /// The nodes of the integers 0…255, built on first use: literals are
    /// mostly small integers, and looking one up in the context hashes it.
    @exclusivity(unchecked) var smallIntegers: [Expr?] = Array(repeating: nil, count: 256)

    /// `ctx.number(n)`, with small integers from `smallIntegers`.
    func numberExpr(_ n: Number) -> Expr {
        if case .rational(let p, 1) = n, p >= 0 && p < 256 {
            if let e = smallIntegers[Int(p)] { return e }
            let e = ctx.number(n)
            smallIntegers[Int(p)] = e
            return e
        }
        return ctx.number(n)
    }

    /// A value as an expression (numbers, symbolic values, numeric lists as data).
    func toExpr(_ v: Value, _ range: SourceRange, _ scope: Scope) throws -> Expr {
        switch v {
        case .number(let n): return numberExpr(n)
        case .symbolic(let e, _): return e
        case .list(_, let name):
            if let values = v.numericList { return ctx.data(name, values) }
            throw error(.typeMismatch, "a list of expressions cannot be used inside an expression here", range, scope,
                        help: "lists inside expressions must hold numbers (data)")
        case .tuple:
            throw error(.typeMismatch, "a tuple cannot be used inside an expression here", range, scope,
                        help: "tuples are points: use one inside `at` or as a start point")
        case .function(let f):
            throw functionInArithmetic(f, range, scope)
        }
    }

    /// Turns a constant-valued symbolic value (`2*pi`) into a number.
    func collapse(_ v: Value, _ range: SourceRange, _ scope: Scope) throws -> Value {
        switch v {
        case .symbolic(let e, _) where e.free.isEmpty:
            var ev = Evaluator(context: ctx, values: [:])
            do {
                switch try ev.evaluate(e) {
                case .scalar(let d): return .number(.float(d))
                case .vector(let xs): return .list(xs.map { .number(.float($0)) }, name: nil)
                }
            } catch {
                throw self.error(error.isDivisionByZero ? .divisionByZero : .domain, error.message, range, scope,
                                 help: error.help ?? "in `\(error.expression)`")
            }
        case .tuple(let xs): return .tuple(try xs.map { try collapse($0, range, scope) })
        case .list(let xs, let n): return .list(try xs.map { try collapse($0, range, scope) }, name: n)
        default: return v
        }
    }

    // MARK: calls

    func evalCall(_ callee: Node, _ argNodes: [Node], _ range: SourceRange, _ scope: Scope) throws -> Value {
        if case .name(let f) = callee.kind, scope.locals[f] == nil, globals[f] == nil {
            if Interpreter.symbolicOperations.contains(f) {
                return try evalSymbolicOperation(f, argNodes, range, scope)
            }
            if Builtin.surfaceNames.contains(f) {
                return try evalBuiltin(f, argNodes, callee.range, range, scope)
            }
            if Interpreter.constants[f] != nil {
                throw error(.notAFunction, "`\(f)` is a constant, not a function", callee.range, scope,
                            help: "to multiply, write `\(f)*(…)`")
            }
            let known = Builtin.surfaceNames + globals.compactMap { if case .function = $0.value { return $0.key }; return nil }
            var help = "define it first, e.g. `\(f)(x) = …`"
            if let near = closestWord(f, in: known) { help = "did you mean `\(near)`?" }
            throw error(.unknownFunction, "unknown function `\(f)`", callee.range, scope, help: help)
        }
        let target = try eval(callee, scope)
        let args = try argNodes.map { try eval($0, scope) }
        return try apply(target, args, callee, range, scope)
    }

    /// Applies a function-like value to arguments.
    func apply(_ target: Value, _ args: [Value], _ callee: Node, _ range: SourceRange, _ scope: Scope) throws -> Value {
        switch target {
        case .function(let f):
            return try callUser(f, args, callee.range, range, scope)
        case .symbolic(_, let vars) where !vars.isEmpty:
            // an expression with an order of variables can be called like a function: (∂f/∂x)(1, 2)
            let point: Value = args.count == 1 ? args[0] : .tuple(args)
            return try bind(target, positional: point, range, scope)
        default:
            var name = "this"
            if case .name(let n) = callee.kind { name = "`\(n)`" }
            throw error(.notAFunction, "\(name) is \(target.typeName), not a function", callee.range, scope,
                        help: "to multiply, write `*`: `\(callee.kind.isName ? ASTPrinter.print(callee) : "a")*(…)`")
        }
    }

    func callUser(_ f: UserFunction, _ args: [Value], _ calleeRange: SourceRange, _ range: SourceRange, _ scope: Scope) throws -> Value {
        // f(ans) after minimize: a point spreads over the parameters
        if args.count == 1, f.parameters.count > 1, case .tuple(let xs) = args[0], xs.count == f.parameters.count {
            return try callUser(f, xs, calleeRange, range, scope)
        }
        guard args.count == f.parameters.count else {
            let n = f.parameters.count
            throw error(.arity, "`\(f.name)` takes \(n) argument\(n == 1 ? "" : "s") but \(args.count) \(args.count == 1 ? "was" : "were") given",
                        range, scope, help: "`\(f.name)` is defined as \(f.text)")
        }
        if callStack.contains(f.name) {
            throw error(.recursion, "`\(f.name)` calls itself", calleeRange, scope,
                        help: "recursion is not supported (calc has no conditionals, so it would never end); write the function in closed form")
        }
        if callStack.count >= 64 {
            throw error(.limit, "functions nested too deeply (more than 64 calls)", calleeRange, scope)
        }
        if interrupt.isSet { throw error(.interrupted, "interrupted", range, scope) }
        callStack.append(f.name)
        defer { callStack.removeLast() }
        switch f.body {
        case .syntax(let body, let file):
            var locals: [String: Value] = [:]
            for (p, a) in zip(f.parameters, args) { locals[p] = a }
            do {
                let v = try eval(body, Scope(locals: locals, file: file))
                return v
            } catch var d as Diagnostic {
                if d.file !== scope.file || callStack.count == 1 {
                    let loc = scope.file.location(of: range.start)
                    if !d.help.contains(where: { $0.hasPrefix("in `") }) {
                        d.help.append("in `\(f.name)`, called at \(scope.file.name):\(loc.line):\(loc.column)")
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
                return try numericValue(e, values, range, scope)
            }
            let r = ctx.substitute(e, mapping)
            return symbolic(try checked(r, range, scope), mergeVariables(args.map { $0.variables }))
        }
    }

    func numericValue(_ e: Expr, _ values: [String: NumericValue], _ range: SourceRange, _ scope: Scope) throws -> Value {
        var ev = Evaluator(context: ctx, values: values)
        do {
            switch try ev.evaluate(e) {
            case .scalar(let d): return .number(.float(d))
            case .vector(let xs): return .list(xs.map { .number(.float($0)) }, name: nil)
            }
        } catch {
            throw self.error(error.isDivisionByZero ? .divisionByZero : .domain, error.message, range, scope,
                             help: error.help.map { $0 + " (in `\(error.expression)`)" } ?? "in `\(error.expression)`")
        }
    }

    func evalBuiltin(_ name: String, _ argNodes: [Node], _ calleeRange: SourceRange, _ range: SourceRange, _ scope: Scope) throws -> Value {
        let args = try argNodes.map { try eval($0, scope) }
        func arity(_ expected: [Int], _ usage: String) throws {
            guard expected.contains(args.count) else {
                let n = expected[0]
                throw error(.arity, "`\(name)` takes \(expected.map(String.init).joined(separator: " or ")) argument\(n == 1 && expected.count == 1 ? "" : "s") but \(args.count) \(args.count == 1 ? "was" : "were") given",
                            range, scope, help: "usage: `\(usage)`")
            }
        }
        let callee = Callee.named(name)!
        try arity(callee.arities, callee.usage(as: name))
        switch callee {
        case .sqrt:
            return try arith(.pow, args[0], .number(.rational(1, 2)), range, scope)
        case .log:
            if args.count == 1 { return try applyBuiltin(.ln, args, range, scope) }
            let lnx = try applyBuiltin(.ln, [args[1]], range, scope)
            let lnb = try applyBuiltin(.ln, [args[0]], range, scope)
            if case .number(let n) = lnb, n.isZero {
                throw error(.domain, "log base 1 is undefined", argNodes[0].range, scope, help: "the base must be positive and not 1")
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
                return .number(.float(d))
            case .failure(let issue):
                throw error(issue.isDivisionByZero ? .divisionByZero : .domain, issue.message, range, scope, help: issue.help)
            }
        }
        let exprs = try args.map { try toExpr($0, range, scope) }
        return symbolic(try checked(ctx.call(f, exprs), range, scope), mergeVariables(args.map { $0.variables }))
    }

    func reduce(_ f: Builtin, _ v: Value, _ range: SourceRange, _ scope: Scope) throws -> Value {
        switch v {
        case .list(let xs, _), .tuple(let xs):
            if f == .len { return .number(Number(xs.count)) }
            if xs.isEmpty {
                if f == .sum { return .number(.zero) }
                throw error(.domain, "mean of an empty list", range, scope)
            }
            var acc: Value = xs[0]
            for x in xs.dropFirst() { acc = try arith(.add, acc, x, range, scope) }
            return f == .sum ? acc : try arith(.div, acc, .number(Number(xs.count)), range, scope)
        case .number(let n): return .number(f == .len ? .one : n)
        case .symbolic(let e, let vars):
            return symbolic(ctx.call(f, [e]), vars)
        case .function(let g): throw functionInArithmetic(g, range, scope)
        }
    }

    func evalSymbolicOperation(_ name: String, _ argNodes: [Node], _ range: SourceRange, _ scope: Scope) throws -> Value {
        guard argNodes.count == 1 else {
            throw error(.arity, "`\(name)` takes 1 argument but \(argNodes.count) were given", range, scope, help: "usage: `\(name)(e)`")
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
            throw error(.typeMismatch, "`\(g.name)` is a function", range, scope, help: "apply it to its parameters: `\(g.signature)`")
        }
    }

    // MARK: derivatives

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
            let d = Differentiator(ctx, variable: ctx.symbol(x)).derivative(e)
            return .symbolic(try checked(d, range, scope), variables: vars)
        case .tuple(let xs): return .tuple(try xs.map { try differentiate($0, by: x, range, scope) })
        case .list(let xs, let n):
            if v.numericList != nil { return .list(xs.map { _ in .number(.zero) }, name: n) }
            return .list(try xs.map { try differentiate($0, by: x, range, scope) }, name: nil)
        case .function(let f):
            throw error(.badDerivativeVariable, "cannot differentiate the function `\(f.name)` itself", range, scope,
                        help: "differentiate a call: `diff(\(f.signature), \(f.parameters[0]))`, or write `\(f.parameters.count == 1 ? f.name + "'" : "∂" + f.name + "/∂" + f.parameters[0])`")
        }
    }

    func checkVariable(_ v: Name, _ scope: Scope) throws {
        if Interpreter.constants[v.text] != nil {
            throw error(.badDerivativeVariable, "cannot differentiate with respect to the constant `\(v.text)`", v.range, scope,
                        help: "differentiate with respect to a variable, e.g. `x`")
        }
        if case .function(let f)? = globals[v.text] {
            throw error(.badDerivativeVariable, "`\(v.text)` is a function, not a variable", v.range, scope,
                        help: "differentiate with respect to one of its parameters, e.g. `diff(\(f.signature), \(f.parameters[0]))`")
        }
        if Builtin.surfaceNames.contains(v.text) {
            throw error(.badDerivativeVariable, "`\(v.text)` is a built-in function, not a variable", v.range, scope)
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
        // `n = 2` then `diff(x^3, x, n)`: a name in the order's place is a variable,
        // and differentiating by one the expression lacks gives 0 — surely not meant
        for v in vars.dropFirst() where scope.locals[v.text] == nil && !value.variables.contains(v.text) {
            if case .number(let n)? = globals[v.text] {
                throw error(.badDerivativeOrder, "`\(v.text)` is a name, so this differentiates by `\(v.text)` (giving 0), not \(format(.number(n))) times",
                            v.range, scope, help: "the order must be an integer literal: write `diff(e, x, 2)`")
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
        return try mapSymbolic(value, range, scope) { e, order in
            let vars = mergeVariables(order.map { replacements[$0] ?? [$0] })
            return self.symbolic(try self.checked(self.ctx.substitute(e, mapping), range, scope), vars)
        }
    }

    func evalPartial(_ f: Name, _ vars: [Name], _ range: SourceRange, _ scope: Scope) throws -> Value {
        let target: Value
        let params: [String]
        switch scope.locals[f.text] ?? globals[f.text] {
        case .function(let fn)?:
            target = try lower(fn, range, scope)
            params = fn.parameters
        case .symbolic(let e, let vs)?:
            target = .symbolic(e, variables: vs)
            params = vs
        default:
            if Builtin.surfaceNames.contains(f.text) {
                throw error(.badDerivativeVariable, "`∂\(f.text)/…` needs a function you defined", range, scope,
                            help: "for a built-in, differentiate an expression: `diff(\(f.text)(x), x)`")
            }
            throw error(.unknownFunction, "unknown function `\(f.text)`", range, scope, help: "define it first, e.g. `\(f.text)(x, y) = …`")
        }
        var value = target
        for v in vars {
            guard params.contains(v.text) else {
                throw error(.unknownParameter, "`\(f.text)` has no parameter `\(v.text)`", range, scope,
                            help: "its parameters are \(params.map { "`\($0)`" }.joined(separator: ", "))")
            }
            value = try differentiate(value, by: v.text, range, scope)
        }
        return value
    }

    func evalPrime(_ fn: Node, _ k: Int, _ range: SourceRange, _ scope: Scope) throws -> Value {
        let v = try eval(fn, scope)
        switch v {
        case .function(let f):
            guard f.parameters.count == 1 else {
                throw error(.badDerivativeVariable, "`\(f.name)'` needs a function of one variable, but `\(f.name)` has \(f.parameters.count) parameters",
                            range, scope, help: "use a partial derivative: \(f.parameters.map { "`∂\(f.name)/∂\($0)`" }.joined(separator: ", "))")
            }
            var value = try lower(f, range, scope)
            for _ in 0..<k { value = try differentiate(value, by: f.parameters[0], range, scope) }
            guard case .symbolic(let e, _) = value else { return value }
            let name = f.name + String(repeating: "'", count: k)
            let text = "\(name)(\(f.parameters[0])) = \(Printer(style: settings.format, digits: settings.digits).print(e))"
            return .function(UserFunction(name: name, parameters: f.parameters, body: .expression(e), text: text))
        case .symbolic(_, let vars) where vars.count == 1:
            var value = v
            for _ in 0..<k { value = try differentiate(value, by: vars[0], range, scope) }
            return value
        default:
            throw error(.badDerivativeVariable, "`'` differentiates a function of one variable; this is \(v.typeName)", range, scope,
                        help: "write `f'` for a function `f(x) = …`, or `diff(e, x)`")
        }
    }

    /// The variables and the expression `grad`/`hessian` work on.
    func derivativeTarget(_ t: DerivativeTarget, _ range: SourceRange, _ scope: Scope) throws -> (Value, [String]) {
        switch t {
        case .function(let name):
            switch scope.locals[name.text] ?? globals[name.text] {
            case .function(let f)?: return (try lower(f, range, scope), f.parameters)
            case .symbolic(let e, let vars)?:
                return (.symbolic(e, variables: vars), vars.filter { e.contains(ctx.symbol($0)) })
            default:
                throw error(.unknownFunction, "unknown function `\(name.text)`", name.range, scope,
                            help: Builtin.surfaceNames.contains(name.text) ? "for a built-in, write `grad(\(name.text)(x))`" : "define it first, e.g. `\(name.text)(x, y) = …`")
            }
        case .expression(let e):
            let v = try eval(e, scope)
            if case .function(let f) = v { return (try lower(f, range, scope), f.parameters) }
            let vars = v.variables.filter { name in
                if case .symbolic(let ex, _) = v { return ex.contains(ctx.symbol(name)) }
                return true
            }
            return (v, vars)
        }
    }

    func evalGradient(_ t: DerivativeTarget, _ range: SourceRange, _ scope: Scope) throws -> Value {
        let (v, vars) = try derivativeTarget(t, range, scope)
        if vars.isEmpty {
            throw error(.noVariables, "this has no variables to differentiate by", range, scope,
                        help: "the gradient is taken with respect to the unbound names of an expression or a function's parameters")
        }
        return .tuple(try vars.map { x in try withVariables(try differentiate(v, by: x, range, scope), vars) })
    }

    func evalHessian(_ t: DerivativeTarget, _ range: SourceRange, _ scope: Scope) throws -> Value {
        let (v, vars) = try derivativeTarget(t, range, scope)
        if vars.isEmpty { throw error(.noVariables, "this has no variables to differentiate by", range, scope) }
        return .tuple(try vars.map { x in
            let dx = try differentiate(v, by: x, range, scope)
            return .tuple(try vars.map { y in try withVariables(try differentiate(dx, by: y, range, scope), vars) })
        })
    }

    func withVariables(_ v: Value, _ vars: [String]) throws -> Value {
        if case .symbolic(let e, _) = v { return .symbolic(e, variables: vars) }
        return v
    }

    // MARK: at

    func evalAt(_ v: Value, _ p: Point, _ range: SourceRange, _ scope: Scope) throws -> Value {
        switch p {
        case .positional(let node):
            let pv = try collapse(try eval(node, scope), node.range, scope)
            return try bind(v, positional: pv, range, scope, pointRange: node.range)
        case .named(let items, _):
            var values: [String: Value] = [:]
            let vars = v.variables
            for (name, node) in items {
                let val = try collapse(try eval(node, scope), node.range, scope)
                guard case .number = val else {
                    throw error(.badStart, "`\(name.text)` must be a number here, found \(val.typeName)", node.range, scope)
                }
                if !vars.contains(name.text) {
                    throw error(.unknownParameter, "`\(name.text)` is not a variable of this expression", name.range, scope,
                                help: vars.isEmpty ? "it has no variables" : "its variables are \(vars.map { "`\($0)`" }.joined(separator: ", "))")
                }
                values[name.text] = val
            }
            return try substitute(v, values, range, scope)
        }
    }

    /// Binds a point's coordinates to the value's variables in order.
    func bind(_ v: Value, positional point: Value, _ range: SourceRange, _ scope: Scope, pointRange: SourceRange? = nil) throws -> Value {
        if case .function(let f) = v {
            let args: [Value]
            if case .tuple(let xs) = point { args = xs } else { args = [point] }
            return try callUser(f, args, range, range, scope)
        }
        let coords: [Value]
        switch point {
        case .number: coords = [point]
        case .tuple(let xs): coords = xs
        default:
            throw error(.badStart, "a point is a number or a tuple of numbers, found \(point.typeName)", pointRange ?? range, scope,
                        help: "write `at 2`, `at (1, 2)` or `at (x = 1, y = 2)`")
        }
        for c in coords {
            guard case .number = c else {
                throw error(.badStart, "a point's coordinates must be numbers, found \(c.typeName)", pointRange ?? range, scope)
            }
        }
        let vars = v.variables
        if vars.isEmpty { return v }
        guard coords.count == vars.count else {
            throw error(.arity, "the point has \(coords.count) coordinate\(coords.count == 1 ? "" : "s") but the expression has \(vars.count) variable\(vars.count == 1 ? "" : "s") (\(vars.joined(separator: ", ")))",
                        pointRange ?? range, scope, help: "give one value for each variable, or name them: `at (\(vars.map { "\($0) = …" }.joined(separator: ", ")))`")
        }
        var values: [String: Value] = [:]
        for (x, c) in zip(vars, coords) { values[x] = c }
        return try substitute(v, values, range, scope)
    }

    func substitute(_ v: Value, _ values: [String: Value], _ range: SourceRange, _ scope: Scope) throws -> Value {
        switch v {
        case .number: return v
        case .symbolic(let e, let vars):
            let free = Set(ctx.freeNames(e))
            if free.isSubset(of: Set(values.keys)) {
                var nv: [String: NumericValue] = [:]
                for (k, x) in values { if case .number(let n) = x { nv[k] = .scalar(n.double) } }
                return try numericValue(e, nv, range, scope)
            }
            var mapping: [String: Expr] = [:]
            for (k, x) in values { mapping[k] = try toExpr(x, range, scope) }
            return symbolic(ctx.substitute(e, mapping), vars.filter { values[$0] == nil })
        case .tuple(let xs): return .tuple(try xs.map { try substitute($0, values, range, scope) })
        case .list(let xs, let n): return .list(try xs.map { try substitute($0, values, range, scope) }, name: n)
        case .function(let f):
            let args = try f.parameters.map { p -> Value in
                guard let x = values[p] else { throw error(.arity, "no value for `\(p)`", range, scope) }
                return x
            }
            return try callUser(f, args, range, range, scope)
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
