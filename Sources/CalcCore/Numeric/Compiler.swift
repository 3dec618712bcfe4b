// Compiler — turns expressions (a function and its gradient, say) into one
// flat instruction tape over a register file, for fast repeated evaluation.
//
// Every distinct Expr node becomes one register, so subexpressions shared by
// f and its partials (hash-consing makes them the same node) are computed
// once per evaluation. Powers with small integer exponents become
// multiplications, √ a sqrt, negative terms a subtraction, constants are
// preloaded. Running the tape is one loop over a contiguous array with no
// allocation, no dictionary look-ups and no tree walking — what `minimize`,
// `plot` and `at` use in their inner loops.
// Data lists are unrolled first (`scalarize`): mean(g(xs)) becomes
// (g(x₁) + … + g(xₙ))/n over constants, so a loss over data compiles too.
// Domain problems surface as NaN/inf; callers that see one re-evaluate with
// the checked Evaluator to say exactly what went wrong.

#if canImport(Glibc)
import Glibc
#endif

public struct CompileError: Error, Sendable {
    public let message: String
}

public final class CompiledProgram: @unchecked Sendable {
    enum Op: UInt8 {
        case add, sub, mul, div, neg, recip, square, addImm, mulImm, subFromImm, powInt, powReal, pow, sqrt
        case mulAdd            // dst = a*b + c
        case addScaled         // dst = a + imm*b
        case call1, call2
    }
    struct Instruction {
        var op: Op
        var fn: Builtin = .sin // for call1/call2
        var dst: Int32
        var a: Int32
        var b: Int32 = 0
        var c: Int32 = 0
        var imm: Double = 0
    }

    /// Runs of instructions with the same operation and no dependencies among them.
    struct Batch {
        var op: Op
        var start: Int32
        var end: Int32
    }

    let code: [Instruction]
    let batches: [Batch]
    /// The tape as stable buffers for the minimizer's inner loop.
    func withTape<R>(_ body: (Tape) -> R) -> R {
        code.withUnsafeBufferPointer { c in batches.withUnsafeBufferPointer { b in body(Tape(code: c, batches: b)) } }
    }
    struct Tape {
        let code: UnsafeBufferPointer<Instruction>
        let batches: UnsafeBufferPointer<Batch>
        /// Batches pay off only when they are long enough; short tapes run linearly.
        var batched: Bool { code.count >= 3 * batches.count }
    }
    /// Registers 0..<inputCount are the variables, in order.
    public let inputCount: Int
    /// Register of each output expression.
    public let outputs: [Int]
    /// Initial register contents (constants preloaded).
    let initial: [Double]
    public var instructionCount: Int { code.count }
    public var registerCount: Int { initial.count }

    init(code: [Instruction], inputCount: Int, outputs: [Int], initial: [Double]) {
        (self.code, self.batches) = CompiledProgram.schedule(code, registers: initial.count)
        self.inputCount = inputCount
        self.outputs = outputs
        self.initial = initial
    }

    /// A register file for this program (constants loaded).
    public func makeRegisters() -> [Double] { initial }

    /// Runs the tape over `r` (inputs in r[0..<inputCount]); outputs are at `outputs`.
    @inline(__always)
    public func run(_ r: UnsafeMutablePointer<Double>) {
        withTape { CompiledProgram.execute($0, r) }
    }

    /// Orders instructions by dependency level (an instruction's level is one
    /// more than the deepest instruction it reads from) and, within a level,
    /// by operation; each run of one operation becomes a batch. Instructions
    /// in a batch are independent, so a batch is one dispatch and a tight
    /// loop — the branch predictor sees long runs instead of a new indirect
    /// jump per operation.
    static func schedule(_ code: [Instruction], registers: Int) -> ([Instruction], [Batch]) {
        var level = [Int32](repeating: 0, count: registers)
        var keyed: [(level: Int32, op: UInt8, index: Int)] = []
        keyed.reserveCapacity(code.count)
        for (i, ins) in code.enumerated() {
            var l = level[Int(ins.a)]
            switch ins.op {
            case .add, .sub, .mul, .div, .pow, .call2, .addScaled: l = max(l, level[Int(ins.b)])
            case .mulAdd: l = max(l, level[Int(ins.b)], level[Int(ins.c)])
            default: break
            }
            level[Int(ins.dst)] = l + 1
            keyed.append((l + 1, ins.op.rawValue, i))
        }
        keyed.sort { ($0.level, $0.op, $0.index) < ($1.level, $1.op, $1.index) }
        var ordered: [Instruction] = []
        ordered.reserveCapacity(code.count)
        var batches: [Batch] = []
        for (k, key) in keyed.enumerated() {
            let ins = code[key.index]
            if k > 0, keyed[k - 1].level == key.level, keyed[k - 1].op == key.op {
                batches[batches.count - 1].end += 1
            } else {
                batches.append(Batch(op: ins.op, start: Int32(k), end: Int32(k + 1)))
            }
            ordered.append(ins)
        }
        return (ordered, batches)
    }

    /// The interpreter: one dispatch per batch, then a loop over its operands.
    /// No allocation, no checks.
    @inline(__always)
    static func execute(_ tape: Tape, _ r: UnsafeMutablePointer<Double>) {
        guard tape.batched else {
            for ins in tape.code { step(ins, r) }
            return
        }
        let code = tape.code.baseAddress!
        for batch in tape.batches {
            let lo = Int(batch.start), hi = Int(batch.end)
            switch batch.op {
            case .add: for k in lo..<hi { let i = code[k]; r[Int(i.dst)] = r[Int(i.a)] + r[Int(i.b)] }
            case .sub: for k in lo..<hi { let i = code[k]; r[Int(i.dst)] = r[Int(i.a)] - r[Int(i.b)] }
            case .mul: for k in lo..<hi { let i = code[k]; r[Int(i.dst)] = r[Int(i.a)] * r[Int(i.b)] }
            case .mulAdd: for k in lo..<hi { let i = code[k]; r[Int(i.dst)] = r[Int(i.a)] * r[Int(i.b)] + r[Int(i.c)] }
            case .addScaled: for k in lo..<hi { let i = code[k]; r[Int(i.dst)] = r[Int(i.a)] + i.imm * r[Int(i.b)] }
            case .square: for k in lo..<hi { let i = code[k]; let x = r[Int(i.a)]; r[Int(i.dst)] = x * x }
            case .mulImm: for k in lo..<hi { let i = code[k]; r[Int(i.dst)] = r[Int(i.a)] * i.imm }
            case .addImm: for k in lo..<hi { let i = code[k]; r[Int(i.dst)] = r[Int(i.a)] + i.imm }
            default: for k in lo..<hi { step(code[k], r) }
            }
        }
    }

    @inline(__always)
    static func step(_ ins: Instruction, _ r: UnsafeMutablePointer<Double>) {
        do {
            do {
                let d = Int(ins.dst), a = Int(ins.a)
                switch ins.op {
                case .add: r[d] = r[a] + r[Int(ins.b)]
                case .sub: r[d] = r[a] - r[Int(ins.b)]
                case .mul: r[d] = r[a] * r[Int(ins.b)]
                case .div: r[d] = r[a] / r[Int(ins.b)]
                case .neg: r[d] = -r[a]
                case .recip: r[d] = 1 / r[a]
                case .square: let x = r[a]; r[d] = x * x
                case .addImm: r[d] = r[a] + ins.imm
                case .mulImm: r[d] = r[a] * ins.imm
                case .subFromImm: r[d] = ins.imm - r[a]
                case .mulAdd: r[d] = r[a] * r[Int(ins.b)] + r[Int(ins.c)]
                case .addScaled: r[d] = r[a] + ins.imm * r[Int(ins.b)]
                case .powInt: r[d] = CompiledProgram.powInt(r[a], Int(ins.b))
                case .powReal: r[d] = Glibc.pow(r[a], ins.imm)
                case .pow: r[d] = Glibc.pow(r[a], r[Int(ins.b)])
                case .sqrt: r[d] = r[a].squareRoot()
                case .call1: r[d] = ins.fn.fastValue(r[a])
                case .call2: r[d] = ins.fn.fastValue(r[a], r[Int(ins.b)])
                }
            }
        }
    }

    /// Evaluates at a point (convenience; allocates).
    public func evaluate(_ point: [Double]) -> [Double] {
        var regs = initial
        for (i, v) in point.enumerated() { regs[i] = v }
        regs.withUnsafeMutableBufferPointer { run($0.baseAddress!) }
        return outputs.map { regs[$0] }
    }

    @inline(__always) static func powInt(_ x: Double, _ n: Int) -> Double {
        var result = 1.0, base = x, k = n < 0 ? -n : n
        while k > 0 {
            if k & 1 == 1 { result *= base }
            base *= base
            k >>= 1
        }
        return n < 0 ? 1 / result : result
    }
}

extension Builtin {
    /// Value without domain checks (NaN or ±inf outside the domain), for compiled code.
    @inline(__always) func fastValue(_ x: Double, _ y: Double = 0) -> Double {
        switch self {
        case .sin: return Glibc.sin(x)
        case .cos: return Glibc.cos(x)
        case .tan: return Glibc.tan(x)
        case .sec: return 1 / Glibc.cos(x)
        case .csc: return 1 / Glibc.sin(x)
        case .cot: return Glibc.cos(x) / Glibc.sin(x)
        case .asin: return Glibc.asin(x)
        case .acos: return Glibc.acos(x)
        case .atan: return Glibc.atan(x)
        case .atan2: return Glibc.atan2(x, y)
        case .sinh: return Glibc.sinh(x)
        case .cosh: return Glibc.cosh(x)
        case .tanh: return Glibc.tanh(x)
        case .asinh: return Glibc.asinh(x)
        case .acosh: return Glibc.acosh(x)
        case .atanh: return Glibc.atanh(x)
        case .exp: return Glibc.exp(x)
        case .ln: return x < 0 ? .nan : Glibc.log(x)
        case .log2: return x < 0 ? .nan : Glibc.log2(x)
        case .log10: return x < 0 ? .nan : Glibc.log10(x)
        case .cbrt: return Glibc.cbrt(x)
        case .abs: return Swift.abs(x)
        case .sign: return x > 0 ? 1 : (x < 0 ? -1 : (x.isNaN ? x : 0))
        case .step: return x > 0 ? 1 : (x < 0 ? 0 : (x.isNaN ? x : 0.5))
        case .sigmoid: return Builtin.sigmoid(x)
        case .softplus: return Builtin.softplus(x)
        case .relu: return x > 0 ? x : (x.isNaN ? x : 0)
        case .min: return x.isNaN || y.isNaN ? .nan : Swift.min(x, y)
        case .max: return x.isNaN || y.isNaN ? .nan : Swift.max(x, y)
        case .floor: return Glibc.floor(x)
        case .ceil: return Glibc.ceil(x)
        case .sum, .mean: return x
        case .len: return 1
        }
    }
}

/// Builds a CompiledProgram from expressions over named variables.
public struct Compiler {
    let ctx: ExprContext
    var code: [CompiledProgram.Instruction] = []
    var registers: [Double] = []
    var memo: [ObjectIdentifier: Int] = [:]
    var constants: [UInt64: Int] = [:]
    var inputs: [Int: Int] = [:]          // symbol node id → register

    public static let maxInstructions = 50_000_000

    public init(context: ExprContext) { self.ctx = context }

    /// Compiles `outputs` as functions of `variables` (in that order).
    public static func compile(_ outputs: [Expr], variables: [String], context: ExprContext) throws(CompileError) -> CompiledProgram {
        var c = Compiler(context: context)
        for (i, v) in variables.enumerated() {
            c.registers.append(0)
            c.inputs[context.symbol(v).id] = i
        }
        var outRegs: [Int] = []
        for e in outputs {
            let s = try c.scalarize(e)
            outRegs.append(try c.compile(s))
        }
        return CompiledProgram(code: c.code, inputCount: variables.count, outputs: outRegs, initial: c.registers)
    }

    mutating func newRegister() -> Int {
        registers.append(0)
        return registers.count - 1
    }

    mutating func constant(_ v: Double) -> Int {
        if let r = constants[v.bitPattern] { return r }
        let r = newRegister()
        registers[r] = v
        constants[v.bitPattern] = r
        return r
    }

    mutating func emit(_ op: CompiledProgram.Op, _ a: Int, _ b: Int = 0, c: Int = 0, imm: Double = 0, fn: Builtin = .sin) throws(CompileError) -> Int {
        if code.count >= Compiler.maxInstructions { throw CompileError(message: "the function is too large to compile") }
        let d = newRegister()
        code.append(.init(op: op, fn: fn, dst: Int32(d), a: Int32(a), b: Int32(b), c: Int32(c), imm: imm))
        return d
    }

    // MARK: data

    /// Unrolls data lists: reductions over data become sums of per-element copies.
    func scalarize(_ e: Expr) throws(CompileError) -> Expr {
        if !e.hasData { return e }
        var memo: [ObjectIdentifier: Expr] = [:]
        var failure: CompileError? = nil
        func go(_ e: Expr) -> Expr {
            if !e.hasData || failure != nil { return e }
            if let m = memo[ObjectIdentifier(e)] { return m }
            let r: Expr
            switch e.kind {
            case .call(let f, let args) where f.isReduction:
                let arg = args[0]
                let n = Self.dataLength(arg)
                guard n >= 0 else { failure = CompileError(message: "lists of different lengths in one expression"); return e }
                if f == .len { r = ctx.int(n); break }
                var terms: [Expr] = []
                terms.reserveCapacity(n)
                for k in 0..<n { terms.append(element(go(arg), k)) }
                let total = ctx.add(terms)
                r = f == .mean ? ctx.mul([total, ctx.rational(1, max(n, 1))]) : total
            case .add(let ts): r = ctx.add(ts.map(go))
            case .mul(let fs): r = ctx.mul(fs.map(go))
            case .pow(let b, let x): r = ctx.pow(go(b), go(x))
            case .call(let f, let a): r = ctx.call(f, a.map(go))
            default: r = e
            }
            memo[ObjectIdentifier(e)] = r
            return r
        }
        let r = go(e)
        if let failure { throw failure }
        if r.hasData {
            throw CompileError(message: "the value is a list, not a number; reduce it with sum(…) or mean(…)")
        }
        return r
    }

    /// Length of the data inside `e` (-1 when two lists disagree).
    static func dataLength(_ e: Expr) -> Int {
        var n: Int? = nil
        var ok = true
        func walk(_ e: Expr) {
            guard e.hasData, ok else { return }
            if case .data(_, let v) = e.kind {
                if let m = n, m != v.count { ok = false }
                n = v.count
                return
            }
            if case .call(let f, _) = e.kind, f.isReduction { return }
            e.children.forEach(walk)
        }
        walk(e)
        return ok ? (n ?? 1) : -1
    }

    /// The k-th element of an element-wise expression: every data list replaced by its k-th value.
    func element(_ e: Expr, _ k: Int) -> Expr {
        ctx.rebuild(e) { node in
            if case .data(_, let v) = node.kind { return self.ctx.float(v[k]) }
            return node
        }
    }

    // MARK: expressions

    mutating func compile(_ e: Expr) throws(CompileError) -> Int {
        if let r = memo[ObjectIdentifier(e)] { return r }
        let r: Int
        switch e.kind {
        case .number(let n): r = constant(n.double)
        case .constant(let c): r = constant(c.value)
        case .symbol(let s):
            guard let i = inputs[e.id] else { throw CompileError(message: "`\(s)` has no value") }
            r = i
        case .data: throw CompileError(message: "a list cannot be compiled here")
        case .add(let terms): r = try compileSum(terms)
        case .mul(let fs):
            if case .number(let c) = fs[0].kind {
                let rest = try compileProduct(Array(fs[1...]))
                r = c.isMinusOne ? try emit(.neg, rest) : try emit(.mulImm, rest, imm: c.double)
            } else {
                r = try compileProduct(fs)
            }
        case .pow(let b, let x): r = try compilePower(b, x)
        case .call(let f, let args):
            if f.isReduction { r = f == .len ? constant(1) : try compile(args[0]) }
            else if args.count == 1 { r = try emit(.call1, try compile(args[0]), fn: f) }
            else { r = try emit(.call2, try compile(args[0]), try compile(args[1]), fn: f) }
        }
        memo[ObjectIdentifier(e)] = r
        return r
    }

    /// A sum as a chain: `acc + c·term` is one instruction (addScaled), a
    /// plain term an add, a product of two registers a fused multiply-add.
    mutating func compileSum(_ terms: [Expr]) throws(CompileError) -> Int {
        var constantTerm = 0.0
        var acc: Int? = nil
        for t in terms {
            if case .number(let n) = t.kind { constantTerm += n.double; continue }
            var coefficient = 1.0
            var rest = t
            if case .mul(let fs) = t.kind, case .number(let c) = fs[0].kind {
                coefficient = c.double
                rest = fs.count == 2 ? fs[1] : ctx.mul(Array(fs[1...]))
            }
            guard let a = acc else {
                acc = coefficient == 1 ? try compile(rest) : try compile(t)
                continue
            }
            if coefficient != 1 {
                acc = try emit(.addScaled, a, try compile(rest), imm: coefficient)
            } else if case .mul(let fs) = t.kind, fs.count == 2, memo[ObjectIdentifier(t)] == nil {
                acc = try emit(.mulAdd, try compile(fs[0]), try compile(fs[1]), c: a)
            } else {
                acc = try emit(.add, a, try compile(t))
            }
        }
        guard let a = acc else { return constant(constantTerm) }
        return constantTerm == 0 ? a : try emit(.addImm, a, imm: constantTerm)
    }

    /// A product: numerator factors times, denominator factors divided once.
    mutating func compileProduct(_ fs: [Expr]) throws(CompileError) -> Int {
        if fs.count == 1 { return try compile(fs[0]) }
        var num: [Int] = [], den: [Int] = []
        for f in fs {
            if case .pow(let b, let x) = f.kind, let n = x.numberValue, n.isNegative {
                den.append(try compile(n.isMinusOne ? b : ctx.pow(b, ctx.number(-n))))
            } else {
                num.append(try compile(f))
            }
        }
        var acc = num.isEmpty ? constant(1) : num[0]
        for r in num.dropFirst() { acc = try emit(.mul, acc, r) }
        if !den.isEmpty {
            var d = den[0]
            for r in den.dropFirst() { d = try emit(.mul, d, r) }
            acc = num.isEmpty ? try emit(.recip, d) : try emit(.div, acc, d)
        }
        return acc
    }

    mutating func compilePower(_ b: Expr, _ x: Expr) throws(CompileError) -> Int {
        let base = try compile(b)
        if let n = x.numberValue {
            if let k = n.exactInteger, abs(k) <= 1 << 20 {
                switch k {
                case 2: return try emit(.square, base)
                case 3: return try emit(.mul, try emit(.square, base), base)
                case -1: return try emit(.recip, base)
                case -2: return try emit(.recip, try emit(.square, base))
                default: return try emit(.powInt, base, Int(k))
                }
            }
            if n == .rational(1, 2) { return try emit(.sqrt, base) }
            if n == .rational(-1, 2) { return try emit(.recip, try emit(.sqrt, base)) }
            return try emit(.powReal, base, imm: n.double)
        }
        return try emit(.pow, base, try compile(x))
    }
}
