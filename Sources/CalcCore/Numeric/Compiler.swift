// Compiler — turns expressions (a function and its gradient, say) into the
// instructions of one flat tape over a register file (CompiledProgram, in
// Tape.swift), for fast repeated evaluation.
//
// Every distinct Expr node becomes one register, so subexpressions shared by
// f and its partials (hash-consing makes them the same node) are computed
// once per evaluation. Powers with small integer exponents become
// multiplications, √ a sqrt, negative terms a subtraction, constants are
// preloaded. A peephole pass then merges an instruction whose only reader is
// a fitting next instruction into one superinstruction (same floating-point
// operations in the same order, so bit-for-bit the same results). The
// sigmoid forms that cancel at saturation (1 − σ(u), ln σ(u), ln(1 − σ(u)))
// lower to stable ones, as the Evaluator computes them (SaturationForms.swift).
// Data lists are unrolled first (`scalarize`): mean(g(xs)) becomes
// (g(x₁) + … + g(xₙ))/n over constants, so a loss over data compiles too.
// An optional InterruptFlag is polled every few thousand nodes (a countdown);
// when it is set, compiling stops with CompileError(.interrupted), which the
// callers report as the `interrupted` error.

#if canImport(Glibc)
import Glibc
#endif

public struct CompileError: Error, Sendable {
    public let message: NumericMessage
}

/// Builds a CompiledProgram from expressions over named variables.
public struct Compiler {
    let ctx: ExprContext
    var code: [CompiledProgram.Instruction] = []
    var registers: [Double] = []
    var memo: [ObjectIdentifier: Int] = [:]
    var constants: [UInt64: Int] = [:]
    var inputs: [Int: Int] = [:]          // symbol node id → register
    /// `scalarize`'s work, shared by every output of one compile.
    var scalarMemo: [ObjectIdentifier: Expr] = [:]
    var columns: [ObjectIdentifier: [Expr]] = [:]
    let interrupt: InterruptFlag?
    /// Nodes (or element copies) left before the next look at `interrupt`.
    var countdown = Compiler.pollInterval

    public static let maxInstructions = 50_000_000
    /// Nodes compiled between two looks at the interrupt flag.
    static let pollInterval = 4096

    public init(context: ExprContext, interrupt: InterruptFlag? = nil) {
        self.ctx = context
        self.interrupt = interrupt
    }

    /// Compiles `outputs` as functions of `variables` (in that order); throws
    /// CompileError(.interrupted) soon after `interrupt` is set.
    public static func compile(_ outputs: [Expr], variables: [String], context: ExprContext,
                               interrupt: InterruptFlag? = nil) throws(CompileError) -> CompiledProgram {
        var c = Compiler(context: context, interrupt: interrupt)
        for (i, v) in variables.enumerated() {
            c.registers.append(0)
            c.inputs[context.symbol(v).id] = i
        }
        var outRegs: [Int] = []
        for e in outputs {
            try c.poll()
            let s = try c.scalarize(e)
            outRegs.append(try c.compile(s))
        }
        let code = fuse(c.code, outputs: outRegs, registers: c.registers.count)
        return CompiledProgram(code: code, inputCount: variables.count, outputs: outRegs, initial: c.registers)
    }

    /// Superinstructions: a product read only by a mulImm, a square read only
    /// by an addScaled, a negation read only by an addImm, a scaled product
    /// read only as an addScaled's accumulator merge into their reader. Each does the same floating-point operations in the same
    /// order, so results are bit-for-bit those of the separate instructions,
    /// with one dispatch and one register round trip fewer.
    static func fuse(_ code: [CompiledProgram.Instruction], outputs: [Int], registers: Int) -> [CompiledProgram.Instruction] {
        var uses = [Int32](repeating: 0, count: registers)
        var writer = [Int](repeating: -1, count: registers)
        for (i, ins) in code.enumerated() {
            let k = ins.op.arity
            uses[Int(ins.a)] += 1
            if k >= 2 { uses[Int(ins.b)] += 1 }
            if k >= 3 { uses[Int(ins.c)] += 1 }
            writer[Int(ins.dst)] = i
        }
        for o in outputs { uses[o] += 1 }
        var code = code
        var dead = [Bool](repeating: false, count: code.count)
        func single(_ r: Int32, _ op: CompiledProgram.Op) -> CompiledProgram.Instruction? {
            let p = writer[Int(r)]
            guard p >= 0, uses[Int(r)] == 1, !dead[p], code[p].op == op else { return nil }
            dead[p] = true
            return code[p]
        }
        for i in code.indices {
            let ins = code[i]
            switch ins.op {
            case .mulImm:
                if let p = single(ins.a, .mul) { code[i] = .init(op: .mulScaled, dst: ins.dst, a: p.a, b: p.b, imm: ins.imm) }
            case .addScaled:
                if let p = single(ins.b, .square) {
                    code[i] = .init(op: .addScaledSquare, dst: ins.dst, a: ins.a, b: p.a, imm: ins.imm)
                } else if let p = single(ins.a, .mulScaled) {
                    code[i] = .init(op: .mulScaledAddScaled, dst: ins.dst, a: p.a, b: p.b, c: ins.b, imm: p.imm, imm2: ins.imm)
                }
            case .addImm:
                if let p = single(ins.a, .neg) { code[i] = .init(op: .subFromImm, dst: ins.dst, a: p.a, imm: ins.imm) }
            default: break
            }
        }
        return code.indices.filter { !dead[$0] }.map { code[$0] }
    }

    /// One step of work: every `pollInterval` steps, a look at the flag.
    @inline(__always) mutating func tick() throws(CompileError) {
        countdown &-= 1
        if countdown <= 0 { try poll() }
    }

    @inline(never) mutating func poll() throws(CompileError) {
        countdown = Compiler.pollInterval
        if let interrupt, interrupt.isSet { throw CompileError(message: .interrupted) }
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
        if code.count >= Compiler.maxInstructions { throw CompileError(message: .tooLargeToCompile) }
        let d = newRegister()
        code.append(.init(op: op, fn: fn, dst: Int32(d), a: Int32(a), b: Int32(b), c: Int32(c), imm: imm))
        return d
    }

    // MARK: data

    /// Unrolls data lists: reductions over data become sums of per-element copies.
    ///
    /// Linear in the data: each data-bearing node's n element copies are built
    /// once, bottom-up from its children's copies (`elements`), and shared by
    /// every reduction and every output of this compile (f's partials and the
    /// Hessian's entries read the same residuals). Rebuilding the whole
    /// element-wise expression once per element, with a fresh memo each time,
    /// re-canonicalized its data-free parts n times and cost 90% of a
    /// minimize over 10⁶ points.
    mutating func scalarize(_ e: Expr) throws(CompileError) -> Expr {
        if !e.hasData { return e }
        let r = try scalarized(e)
        if r.hasData {
            throw CompileError(message: .valueIsList)
        }
        return r
    }

    private mutating func scalarized(_ e: Expr) throws(CompileError) -> Expr {
        if !e.hasData { return e }
        if let m = scalarMemo[ObjectIdentifier(e)] { return m }
        try tick()
        let r: Expr
        switch e.kind {
        case .call(let f, let args) where f.isReduction:
            let arg = args[0]
            let n = Self.dataLength(arg)
            guard n >= 0 else { throw CompileError(message: .listLengthsDiffer) }
            switch f.reduction! {
            case .len: r = ctx.int(n)
            case .sum: r = ctx.add(try elements(try scalarized(arg), n))
            case .mean: r = ctx.mul([ctx.add(try elements(try scalarized(arg), n)), ctx.rational(1, max(n, 1))])
            }
        case .add(let ts): r = ctx.add(try ts.map { (t) throws(CompileError) in try scalarized(t) })
        case .mul(let fs): r = ctx.mul(try fs.map { (t) throws(CompileError) in try scalarized(t) })
        case .pow(let b, let x): r = ctx.pow(try scalarized(b), try scalarized(x))
        case .call(let f, let a): r = ctx.call(f, try a.map { (t) throws(CompileError) in try scalarized(t) })
        default: r = e
        }
        scalarMemo[ObjectIdentifier(e)] = r
        return r
    }

    /// The n element copies of an element-wise expression (no reductions left in
    /// it): every data list replaced by its k-th value, for k in 0..<n. Built
    /// from the children's copies, each node once per compile; data-free
    /// children are shared as they are.
    private mutating func elements(_ e: Expr, _ n: Int) throws(CompileError) -> [Expr] {
        if !e.hasData { return [Expr](repeating: e, count: n) }
        if let m = columns[ObjectIdentifier(e)] { return m }
        var out: [Expr] = []
        out.reserveCapacity(n)
        func children(_ xs: [Expr]) throws(CompileError) -> [[Expr]?] {
            var cols: [[Expr]?] = []
            cols.reserveCapacity(xs.count)
            for x in xs { cols.append(x.hasData ? try elements(x, n) : nil) }
            return cols
        }
        switch e.kind {
        case .data(_, let v):
            guard v.count == n else { throw CompileError(message: .listLengthsDiffer) }
            for x in v { try tick(); out.append(ctx.float(x)) }
        case .add(let xs), .mul(let xs), .call(_, let xs):
            let cols = try children(xs)
            var buf = xs
            for k in 0..<n {
                try tick()
                for i in cols.indices { if let c = cols[i] { buf[i] = c[k] } }
                switch e.kind {
                case .add: out.append(ctx.add(buf))
                case .mul: out.append(ctx.mul(buf))
                case .call(let f, _): out.append(ctx.call(f, buf))
                default: break
                }
            }
        case .pow(let b, let x):
            let cb = b.hasData ? try elements(b, n) : nil
            let cx = x.hasData ? try elements(x, n) : nil
            for k in 0..<n { try tick(); out.append(ctx.pow(cb?[k] ?? b, cx?[k] ?? x)) }
        default:
            // a reduction (scalarized before) or a leaf: the same in every element
            for _ in 0..<n { out.append(e) }
        }
        columns[ObjectIdentifier(e)] = out
        return out
    }

    /// Length of the data inside `e` (-1 when two lists disagree). Each
    /// shared node is walked once: a gradient's DAG written out as a tree is
    /// far larger than the DAG (this walk was 22% of minimize's set-up).
    static func dataLength(_ e: Expr) -> Int {
        var n: Int? = nil
        var ok = true
        var seen = Set<ObjectIdentifier>()
        func walk(_ e: Expr) {
            guard e.hasData, ok, seen.insert(ObjectIdentifier(e)).inserted else { return }
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

    // MARK: expressions

    mutating func compile(_ e: Expr) throws(CompileError) -> Int {
        if let r = memo[ObjectIdentifier(e)] { return r }
        try tick()
        let r: Int
        switch e.kind {
        case .number(let n): r = constant(n.double)
        case .constant(let c): r = constant(c.value)
        case .symbol(let s):
            guard let i = inputs[e.id] else { throw CompileError(message: .noValue(s)) }
            r = i
        case .data: throw CompileError(message: .listNotCompilable)
        case .add(let terms):
            if let c = SigmoidComplement.match(terms) { r = try compileComplement(c) } else { r = try compileSum(terms) }
        case .mul(let fs):
            if case .number(let c) = fs[0].kind {
                let rest = try compileProduct(Array(fs[1...]))
                r = c.isMinusOne ? try emit(.neg, rest) : try emit(.mulImm, rest, imm: c.double)
            } else {
                r = try compileProduct(fs)
            }
        case .pow(let b, let x): r = try compilePower(b, x)
        case .call(let f, let args):
            if f == .ln, let form = LogSigmoid.match(args[0]) {
                r = try compileLogSigmoid(form)
            } else if let reduction = f.reduction {   // of a scalar (scalarize unrolled those of data)
                switch reduction {
                case .len: r = constant(1)
                case .sum, .mean: r = try compile(args[0])
                }
            } else if args.count == 1 { r = try emit(.call1, try compile(args[0]), fn: f) }
            else { r = try emit(.call2, try compile(args[0]), try compile(args[1]), fn: f) }
        case .applied(let f, _): throw CompileError(message: .abstractFunction(f.name))   // it has no value
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

    /// rest + scale·σ(−u) for c + k·σ(u) + rest with c = −k (SaturationForms):
    /// the same operations in the same order as Evaluator.evaluateComplement.
    mutating func compileComplement(_ c: SigmoidComplement) throws(CompileError) -> Int {
        let s = try emit(.call1, try emit(.neg, try compile(c.argument)), fn: .sigmoid)
        guard !c.rest.isEmpty else { return c.scale == 1 ? s : try emit(.mulImm, s, imm: c.scale) }
        let acc = try compileSum(c.rest)
        return c.scale == 1 ? try emit(.add, acc, s) : try emit(.addScaled, acc, s, imm: c.scale)
    }

    /// ln σ(u) = −softplus(−u), ln(1 − σ(u)) = −softplus(u) (SaturationForms).
    mutating func compileLogSigmoid(_ form: LogSigmoid) throws(CompileError) -> Int {
        var u = try compile(form.argument)
        if !form.isComplement { u = try emit(.neg, u) }
        return try emit(.neg, try emit(.call1, u, fn: .softplus))
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
