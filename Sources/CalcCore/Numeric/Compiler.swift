// Compiler — turns expressions (a function and its gradient, say) into one
// flat instruction tape over a register file, for fast repeated evaluation.
//
// Every distinct Expr node becomes one register, so subexpressions shared by
// f and its partials (hash-consing makes them the same node) are computed
// once per evaluation. Powers with small integer exponents become
// multiplications, √ a sqrt, negative terms a subtraction, constants are
// preloaded. A peephole pass then merges an instruction whose only reader is
// a fitting next instruction into one superinstruction (same floating-point
// operations in the same order, so bit-for-bit the same results).
// The tape is scheduled by dependency level and operation, and registers are
// renumbered in that order, so the copies of a repeated template (the terms
// of an n-D Rosenbrock, the rows of a loss over data) write consecutive
// registers and read registers in arithmetic progression: each such group is
// one Run, executed as a strided (often vectorised) loop behind one dispatch.
// Running the tape allocates nothing, does no dictionary look-ups and walks no
// tree — what `minimize`, `plot` and `at` use in their inner loops.
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
        case mulScaled         // dst = (a*b)*imm      — a product used once, by a mulImm
        case addScaledSquare   // dst = a + imm*(b*b)  — a square used once, by an addScaled
        case mulScaledAddScaled // dst = (a*b)*imm + imm2*c — a mulScaled used once, as an addScaled's a
        case call1, call2

        /// How many registers (a, b, c) the operation reads; powInt's b is its exponent.
        var arity: Int {
            switch self {
            case .add, .sub, .mul, .div, .pow, .call2, .addScaled, .mulScaled, .addScaledSquare: return 2
            case .mulAdd, .mulScaledAddScaled: return 3
            default: return 1
            }
        }
    }
    /// One operation as the compiler emits it.
    struct Instruction {
        var op: Op
        var fn: Builtin = .sin // for call1/call2
        var dst: Int32
        var a: Int32
        var b: Int32 = 0
        var c: Int32 = 0
        var imm: Double = 0
        var imm2: Double = 0
    }
    /// What the interpreter runs: `count` independent instructions of one
    /// operation, the k-th writing dst+k and reading a+k·sa, b+k·sb, c+k·sc.
    struct Run {
        var op: Op
        var fn: Builtin
        var count: Int32
        var dst: Int32
        var a: Int32, b: Int32, c: Int32
        var sa: Int32, sb: Int32, sc: Int32
        var imm: Double
        var imm2: Double
    }

    let runs: [Run]
    /// Registers 0..<inputCount are the variables, in order.
    public let inputCount: Int
    /// Register of each output expression.
    public let outputs: [Int]
    /// Initial register contents (constants preloaded).
    let initial: [Double]
    public let instructionCount: Int
    public var registerCount: Int { initial.count }

    init(code: [Instruction], inputCount: Int, outputs: [Int], initial: [Double]) {
        (runs, self.outputs, self.initial) = CompiledProgram.layout(code, inputs: inputCount, outputs: outputs, initial: initial)
        self.inputCount = inputCount
        self.instructionCount = code.count
    }

    /// A register file for this program (constants loaded).
    public func makeRegisters() -> [Double] { initial }

    /// The runs as a stable buffer, for a caller's inner loop.
    func withRuns<R>(_ body: (UnsafeBufferPointer<Run>) -> R) -> R {
        runs.withUnsafeBufferPointer(body)
    }

    /// Runs the tape over `r` (inputs in r[0..<inputCount]); outputs are at `outputs`.
    @inline(__always)
    public func run(_ r: UnsafeMutablePointer<Double>) {
        withRuns { CompiledProgram.execute($0, r) }
    }

    /// Schedules and lays out the tape. Instructions are ordered by dependency
    /// level (one more than the deepest instruction they read from), then by
    /// operation and constant, so the copies of one template — the 99 terms of
    /// a 100-D Rosenbrock gradient, the rows of a loss over data — sit side by
    /// side. Registers are then renumbered in that order (inputs first, then
    /// constants, then results), so such copies write consecutive registers
    /// and read registers in arithmetic progression; each maximal progression
    /// becomes one Run, executed as a strided loop with one dispatch.
    static func layout(_ code: [Instruction], inputs: Int, outputs: [Int], initial: [Double]) -> ([Run], [Int], [Double]) {
        let registers = initial.count
        var level = [Int32](repeating: 0, count: registers)
        var written = [Bool](repeating: false, count: registers)
        var read = [Bool](repeating: false, count: registers)
        var keyed: [(level: Int32, op: UInt8, fn: UInt8, imm: UInt64, imm2: UInt64, index: Int)] = []
        keyed.reserveCapacity(code.count)
        for (i, ins) in code.enumerated() {
            let k = ins.op.arity
            var l = level[Int(ins.a)]
            read[Int(ins.a)] = true
            if k >= 2 { l = max(l, level[Int(ins.b)]); read[Int(ins.b)] = true }
            if k >= 3 { l = max(l, level[Int(ins.c)]); read[Int(ins.c)] = true }
            level[Int(ins.dst)] = l + 1
            written[Int(ins.dst)] = true
            let fn = ins.op == .call1 || ins.op == .call2 ? UInt8(ins.fn.ordinal) : 0
            keyed.append((l + 1, ins.op.rawValue, fn, ins.imm.bitPattern, ins.imm2.bitPattern, i))
        }
        keyed.sort { ($0.level, $0.op, $0.fn, $0.imm, $0.imm2, $0.index) < ($1.level, $1.op, $1.fn, $1.imm, $1.imm2, $1.index) }

        // renumber: inputs keep 0..<inputs, then the constants, then results in schedule order
        var map = [Int32](repeating: -1, count: registers)
        var newInitial: [Double] = []
        for i in 0..<inputs { map[i] = Int32(i); newInitial.append(initial[i]) }
        for o in outputs { read[o] = true }
        for r in inputs..<registers where read[r] && !written[r] {
            map[r] = Int32(newInitial.count)
            newInitial.append(initial[r])
        }
        for key in keyed {
            map[Int(code[key.index].dst)] = Int32(newInitial.count)
            newInitial.append(0)
        }

        var runs: [Run] = []
        var last: (level: Int32, op: UInt8, fn: UInt8, imm: UInt64, imm2: UInt64)? = nil
        for key in keyed {
            var ins = code[key.index]
            let k = ins.op.arity
            ins.dst = map[Int(ins.dst)]
            ins.a = map[Int(ins.a)]
            if k >= 2 { ins.b = map[Int(ins.b)] }
            if k >= 3 { ins.c = map[Int(ins.c)] }
            let group = (key.level, key.op, key.fn, key.imm, key.imm2)
            if let l = last, l == group, extend(&runs[runs.count - 1], with: ins) { continue }
            runs.append(Run(op: ins.op, fn: ins.fn, count: 1, dst: ins.dst, a: ins.a, b: ins.b, c: ins.c, sa: 0, sb: 0, sc: 0, imm: ins.imm, imm2: ins.imm2))
            last = group
        }
        return (runs, outputs.map { Int(map[$0]) }, newInitial)
    }

    /// Adds `ins` to `run` when it continues the run's progression.
    static func extend(_ run: inout Run, with ins: Instruction) -> Bool {
        let n = run.count, k = ins.op.arity
        guard ins.dst == run.dst + n else { return false }
        if ins.op == .powInt && ins.b != run.b { return false }
        if n == 1 {
            run.sa = ins.a - run.a
            if k >= 2 { run.sb = ins.b - run.b }
            if k >= 3 { run.sc = ins.c - run.c }
        } else {
            guard ins.a == run.a + n * run.sa else { return false }
            if k >= 2 && ins.b != run.b + n * run.sb { return false }
            if k >= 3 && ins.c != run.c + n * run.sc { return false }
        }
        run.count += 1
        return true
    }

    typealias Registers = UnsafeMutablePointer<Double>

    @inline(__always)
    static func loop(_ n: Int, _ d: Registers, _ a: Registers, _ sa: Int, _ f: (Double) -> Double) {
        if n == 1 { d.pointee = f(a.pointee); return }
        if sa == 1 { for k in 0..<n { d[k] = f(a[k]) }; return }
        for k in 0..<n { d[k] = f(a[k * sa]) }
    }
    @inline(__always)
    static func loop(_ n: Int, _ d: Registers, _ a: Registers, _ sa: Int, _ b: Registers, _ sb: Int, _ f: (Double, Double) -> Double) {
        if n == 1 { d.pointee = f(a.pointee, b.pointee); return }
        if sa == 1 && sb == 1 { for k in 0..<n { d[k] = f(a[k], b[k]) }; return }
        for k in 0..<n { d[k] = f(a[k * sa], b[k * sb]) }
    }
    @inline(__always)
    static func loop(_ n: Int, _ d: Registers, _ a: Registers, _ sa: Int, _ b: Registers, _ sb: Int, _ c: Registers, _ sc: Int,
                     _ f: (Double, Double, Double) -> Double) {
        if n == 1 { d.pointee = f(a.pointee, b.pointee, c.pointee); return }
        if sa == 1 && sb == 1 && sc == 1 { for k in 0..<n { d[k] = f(a[k], b[k], c[k]) }; return }
        for k in 0..<n { d[k] = f(a[k * sa], b[k * sb], c[k * sc]) }
    }

    /// The interpreter: one dispatch per run, then a (strided) loop over it.
    /// No allocation, no checks.
    @inline(__always)
    static func execute(_ runs: UnsafeBufferPointer<Run>, _ r: Registers) {
        for run in runs {
            let n = Int(run.count), imm = run.imm
            let d = r + Int(run.dst), a = r + Int(run.a), sa = Int(run.sa)
            let b = r + Int(run.b), sb = Int(run.sb)
            switch run.op {
            case .add: loop(n, d, a, sa, b, sb) { $0 + $1 }
            case .sub: loop(n, d, a, sa, b, sb) { $0 - $1 }
            case .mul: loop(n, d, a, sa, b, sb) { $0 * $1 }
            case .div: loop(n, d, a, sa, b, sb) { $0 / $1 }
            case .neg: loop(n, d, a, sa) { -$0 }
            case .recip: loop(n, d, a, sa) { 1 / $0 }
            case .square: loop(n, d, a, sa) { $0 * $0 }
            case .addImm: loop(n, d, a, sa) { $0 + imm }
            case .mulImm: loop(n, d, a, sa) { $0 * imm }
            case .subFromImm: loop(n, d, a, sa) { imm - $0 }
            case .mulAdd: loop(n, d, a, sa, b, sb, r + Int(run.c), Int(run.sc)) { $0 * $1 + $2 }
            case .addScaled: loop(n, d, a, sa, b, sb) { $0 + imm * $1 }
            case .mulScaled: loop(n, d, a, sa, b, sb) { ($0 * $1) * imm }
            case .addScaledSquare: loop(n, d, a, sa, b, sb) { $0 + imm * ($1 * $1) }
            case .mulScaledAddScaled: let imm2 = run.imm2; loop(n, d, a, sa, b, sb, r + Int(run.c), Int(run.sc)) { ($0 * $1) * imm + imm2 * $2 }
            case .powInt: let e = Int(run.b); loop(n, d, a, sa) { CompiledProgram.powInt($0, e) }
            case .powReal: loop(n, d, a, sa) { Glibc.pow($0, imm) }
            case .pow: loop(n, d, a, sa, b, sb) { Glibc.pow($0, $1) }
            case .sqrt: loop(n, d, a, sa) { $0.squareRoot() }
            case .call1: let fn = run.fn; loop(n, d, a, sa) { fn.value($0) }
            case .call2: let fn = run.fn; loop(n, d, a, sa, b, sb) { fn.value($0, $1) }
            }
        }
    }

    /// Every run is a single instruction (no repeated structure to exploit).
    public var isScalar: Bool { runs.allSatisfy { $0.count == 1 } }

    /// `execute` for tapes of single instructions: the cheapest dispatch.
    @inline(__always)
    static func executeScalar(_ runs: UnsafeBufferPointer<Run>, _ r: Registers) {
        for run in runs {
            let d = Int(run.dst), a = r[Int(run.a)], imm = run.imm
            switch run.op {
            case .add: r[d] = a + r[Int(run.b)]
            case .sub: r[d] = a - r[Int(run.b)]
            case .mul: r[d] = a * r[Int(run.b)]
            case .div: r[d] = a / r[Int(run.b)]
            case .neg: r[d] = -a
            case .recip: r[d] = 1 / a
            case .square: r[d] = a * a
            case .addImm: r[d] = a + imm
            case .mulImm: r[d] = a * imm
            case .subFromImm: r[d] = imm - a
            case .mulAdd: r[d] = a * r[Int(run.b)] + r[Int(run.c)]
            case .addScaled: r[d] = a + imm * r[Int(run.b)]
            case .mulScaled: r[d] = (a * r[Int(run.b)]) * imm
            case .addScaledSquare: let b = r[Int(run.b)]; r[d] = a + imm * (b * b)
            case .mulScaledAddScaled: r[d] = (a * r[Int(run.b)]) * imm + run.imm2 * r[Int(run.c)]
            case .powInt: r[d] = CompiledProgram.powInt(a, Int(run.b))
            case .powReal: r[d] = Glibc.pow(a, imm)
            case .pow: r[d] = Glibc.pow(a, r[Int(run.b)])
            case .sqrt: r[d] = a.squareRoot()
            case .call1: r[d] = run.fn.value(a)
            case .call2: r[d] = run.fn.value(a, r[Int(run.b)])
            }
        }
    }

    /// The tape as text, one run a line (for debugging and tests).
    public var listing: String {
        var out = "registers \(initial.count), inputs \(inputCount), outputs \(outputs)\n"
        for run in runs {
            out += "r\(run.dst) ×\(run.count) = \(run.op)(r\(run.a)+\(run.sa)k, r\(run.b)+\(run.sb)k, r\(run.c)+\(run.sc)k, \(run.imm), \(run.imm2))\n"
        }
        return out
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
                func total() -> Expr {
                    var terms: [Expr] = []
                    terms.reserveCapacity(n)
                    for k in 0..<n { terms.append(element(go(arg), k)) }
                    return ctx.add(terms)
                }
                switch f.reduction! {
                case .len: r = ctx.int(n)
                case .sum: r = total()
                case .mean: r = ctx.mul([total(), ctx.rational(1, max(n, 1))])
                }
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
            if let reduction = f.reduction {   // of a scalar (scalarize unrolled those of data)
                switch reduction {
                case .len: r = constant(1)
                case .sum, .mean: r = try compile(args[0])
                }
            } else if args.count == 1 { r = try emit(.call1, try compile(args[0]), fn: f) }
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
