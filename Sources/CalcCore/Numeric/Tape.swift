// Tape — a compiled program (CompiledProgram): its layout and its interpreter.
//
// The Compiler's instructions are scheduled by dependency level and
// operation, and registers are renumbered in that order, so the copies of a
// repeated template (the terms of an n-D Rosenbrock, the rows of a loss over
// data) write consecutive registers and read registers in arithmetic
// progression: each such group is one Run, executed as a strided (often
// vectorised) loop behind one dispatch. Running the tape allocates nothing,
// does no dictionary look-ups and walks no tree — what `minimize`, `plot` and
// `at` use in their inner loops. Built-ins run Builtin.value, without domain
// checks: domain problems surface as NaN/inf, and callers that see one
// re-evaluate with the checked Evaluator to say exactly what went wrong
// (TapeTests checks that the two agree).

#if canImport(Glibc)
import Glibc
#endif

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
