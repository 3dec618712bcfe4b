// Minimizer — gradient descent and its classic variants on compiled code.
//
// The update rules (θ parameters, g = ∇f(θ), η rate, t = 1, 2, …):
//   gd        θ ← θ − η·g
//   momentum  v ← β·v + g;            θ ← θ − η·v                 (β = 0.9)
//   nesterov  v ← β·v + g;            θ ← θ − η·(g + β·v)         (β = 0.9)
//   adam      m ← β₁m + (1−β₁)g;  s ← β₂s + (1−β₂)g²;
//             θ ← θ − η·m̂/(√ŝ + ε),  m̂ = m/(1−β₁ᵗ), ŝ = s/(1−β₂ᵗ)   (β₁ 0.9, β₂ 0.999, ε 1e-8)
// `maximize` ascends: the same rules with −f.
//
// Stops when |∇f| ≤ tol (converged), after `steps` updates (step limit), when
// θ, f or ∇f stop being finite or f grows past every bound (diverged), or
// when the interrupt flag is set. One step evaluates the gradient tape only;
// f is evaluated every `checkEvery` steps for the divergence test and trace.
// Plain gd without tracing runs the steps between those checks in `descend`,
// a small loop that inlines the tape interpreter, updates θ in place and
// compares |∇f|² against squared bounds (square root and exact tests only
// near a bound) — the same steps and stops as the general loop, faster.

#if canImport(Glibc)
import Glibc
#endif

public enum Method: String, Sendable, CaseIterable {
    case gd, momentum, nesterov, adam
}

public struct MinimizeOptions: Sendable {
    public var rate: Double
    public var steps: Int = 10_000
    public var tol: Double = 1e-8
    public var every: Int? = nil
    public var method: Method = .gd
    public var beta: Double = 0.9
    public var maximize = false
    /// Keep f at every step (for plots) and the path of θ.
    public var record = false
    public init(rate: Double) { self.rate = rate }
}

public struct TraceRow: Sendable {
    public let step: Int
    public let point: [Double]
    public let value: Double
    public let gradientNorm: Double
}

public enum StopReason: Sendable, Equatable {
    case converged
    case stepLimit
    /// θ or f stopped being finite, or f grew without bound, at `step`.
    case diverged(String)
    /// f or its gradient could not be evaluated (found by the caller from a NaN).
    case notFinite
    case interrupted
}

public struct MinimizeRun: Sendable {
    public var reason: StopReason
    public var steps: Int
    public var point: [Double]
    public var value: Double
    public var gradient: [Double]
    public var gradientNorm: Double
    public var seconds: Double
    public var trace: [TraceRow]
    public var values: [Double]            // f per step when recording
    public var path: [[Double]]            // θ per step when recording (thinned)
    /// Step at which divergence or a non-finite value was found.
    public var failedAt: Int?
    /// The last finite point before a failure.
    public var lastGood: [Double]?
}

public struct Minimizer {
    /// Outputs: [f] — evaluated now and then.
    public let function: CompiledProgram
    /// Outputs: ∂f/∂θᵢ in variable order.
    public let gradient: CompiledProgram
    public let interrupt: InterruptFlag?
    /// Called about every 0.1 s during long runs with (step, f, |∇f|).
    public var progress: ((Int, Double, Double) -> Void)?

    public static let checkEvery = 64

    public init(function: CompiledProgram, gradient: CompiledProgram, interrupt: InterruptFlag? = nil) {
        self.function = function
        self.gradient = gradient
        self.interrupt = interrupt
    }

    public static func now() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) * 1e-9
    }

    public func run(from start: [Double], _ o: MinimizeOptions) -> MinimizeRun {
        gradient.withRuns { tape in run(tape, from: start, o) }
    }

    /// The descent loop. θ lives in the gradient program's input registers and
    /// is updated in place; all state is in buffers allocated once, so a step
    /// costs one pass over the gradient tape plus the update.
    func run(_ tape: UnsafeBufferPointer<CompiledProgram.Run>, from start: [Double], _ o: MinimizeOptions) -> MinimizeRun {
        let n = start.count
        let t0 = Minimizer.now()
        let regs = UnsafeMutablePointer<Double>.allocate(capacity: gradient.registerCount)
        let fRegs = UnsafeMutablePointer<Double>.allocate(capacity: function.registerCount)
        let gOut = UnsafeMutablePointer<Int>.allocate(capacity: max(n, 1))
        let v = UnsafeMutablePointer<Double>.allocate(capacity: max(n, 1))
        let s = UnsafeMutablePointer<Double>.allocate(capacity: max(n, 1))
        let lastGoodBuf = UnsafeMutablePointer<Double>.allocate(capacity: max(n, 1))
        defer { regs.deallocate(); fRegs.deallocate(); gOut.deallocate(); v.deallocate(); s.deallocate(); lastGoodBuf.deallocate() }
        gradient.makeRegisters().withUnsafeBufferPointer { regs.initialize(from: $0.baseAddress!, count: $0.count) }
        function.makeRegisters().withUnsafeBufferPointer { fRegs.initialize(from: $0.baseAddress!, count: $0.count) }
        for i in 0..<n {
            gOut[i] = gradient.outputs[i]
            regs[i] = start[i]
            lastGoodBuf[i] = start[i]
            v[i] = 0; s[i] = 0
        }
        let fOut = function.outputs[0]
        // θ can be updated in place, reading ∇f straight from the tape's
        // outputs, when no output is itself a parameter's register
        let inPlace = (0..<n).allSatisfy { gOut[$0] >= n }
        let sign: Double = o.maximize ? -1 : 1          // maximize = minimize −f
        var trace: [TraceRow] = [], values: [Double] = [], path: [[Double]] = []
        var lastProgress = t0
        let pathStride = max(1, o.steps / 4000)

        func theta() -> [Double] { (0..<n).map { regs[$0] } }
        func evalF() -> Double {
            for i in 0..<n { fRegs[i] = regs[i] }
            function.run(fRegs)
            return fRegs[fOut]
        }
        /// Runs the gradient tape at the current θ and returns |∇f|.
        @inline(__always) func gradientNorm() -> Double {
            CompiledProgram.execute(tape, regs)
            var norm2 = 0.0
            for i in 0..<n { let x = regs[gOut[i]]; norm2 += x * x }
            return norm2.squareRoot()
        }
        func finish(_ reason: StopReason, _ step: Int, failedAt: Int? = nil, lastGood: Bool = false) -> MinimizeRun {
            let f = evalF()
            let norm = gradientNorm()
            return MinimizeRun(reason: reason, steps: step, point: theta(), value: f, gradient: (0..<n).map { regs[gOut[$0]] },
                               gradientNorm: norm, seconds: Minimizer.now() - t0, trace: trace, values: values,
                               path: path, failedAt: failedAt, lastGood: lastGood ? (0..<n).map { lastGoodBuf[$0] } : nil)
        }

        let f0 = evalF() * sign
        let bound = Swift.max(1e12, Swift.abs(f0) * 1e12)
        let g0 = gradientNorm()
        let gBound = Swift.max(1e10, g0 * 1e10)
        var step = 0
        let beta = o.beta, beta1 = 0.9, beta2 = 0.999, eps = 1e-8
        var b1t = 1.0, b2t = 1.0
        let eta = o.rate * sign, tol = o.tol, steps = o.steps
        let watch = o.record || o.every != nil
        // |∇f|² strictly inside (tolLow, gHigh) means tol < |∇f| ≤ gBound without
        // taking the square root (the margins cover its rounding, and summing
        // the squares in another order); anywhere near either bound, or NaN,
        // the exact tests below decide
        let margin = 1e-12 + Double(n) * 1e-15
        let gHigh = gBound < 1e150 ? gBound * gBound * (1 - margin) : 0
        let tolLow = tol <= 0 ? -1 : (tol >= 1e-150 && tol < 1e150 ? tol * tol * (1 + margin) : Double.infinity)
        let scalar = gradient.isScalar
        let fast = o.method == .gd && inPlace && !watch
        while true {
            if fast && step & (Minimizer.checkEvery - 1) != 0 && step < steps {
                let thetaLeft: Bool
                (step, thetaLeft) = Minimizer.descend(tape, scalar: scalar, regs, gOut, n, eta: eta, gHigh: gHigh, tolLow: tolLow,
                                                       from: step, to: Swift.min(steps, (step | (Minimizer.checkEvery - 1)) + 1))
                if thetaLeft { return finish(.diverged("θ left every bound"), step, failedAt: step, lastGood: true) }
            }
            if scalar { CompiledProgram.executeScalar(tape, regs) } else { CompiledProgram.execute(tape, regs) }
            var norm2 = 0.0
            for i in 0..<n { let x = regs[gOut[i]]; norm2 += x * x }
            let clear = norm2 < gHigh && norm2 > tolLow
            var norm = 0.0
            if !clear {
                norm = norm2.squareRoot()
                if !norm.isFinite { return finish(.notFinite, step, failedAt: step, lastGood: true) }
                if norm > gBound {
                    return finish(.diverged("|∇f| grew from \(NumberFormat.format(g0, digits: 3)) to \(NumberFormat.format(norm, digits: 3))"),
                                  step, failedAt: step, lastGood: true)
                }
            }
            if watch {
                norm = norm2.squareRoot()
                if o.record {
                    values.append(evalF())
                    if step % pathStride == 0 { path.append(theta()) }
                }
                if let k = o.every, step % k == 0 {
                    trace.append(TraceRow(step: step, point: theta(), value: evalF(), gradientNorm: norm))
                }
            }
            if !clear && tol > 0 && norm <= tol { return finish(.converged, step) }
            if step >= steps { return finish(.stepLimit, step) }
            if step & (Minimizer.checkEvery - 1) == 0 {
                let f = evalF() * sign
                if !f.isFinite { return finish(.notFinite, step, failedAt: step, lastGood: true) }
                if f > bound { return finish(.diverged("f grew past \(NumberFormat.format(f * sign, digits: 3))"), step, failedAt: step, lastGood: true) }
                for i in 0..<n { lastGoodBuf[i] = regs[i] }
                if let interrupt, interrupt.isSet { return finish(.interrupted, step) }
                if let progress, step & 4095 == 0 {
                    let now = Minimizer.now()
                    if now - lastProgress > 0.1 { progress(step, f * sign, norm2.squareRoot()); lastProgress = now }
                }
            }
            // the update; the gradient outputs are read before any input register changes
            var largest = 0.0
            switch o.method {
            case .gd:
                if inPlace {
                    for i in 0..<n {
                        let t = regs[i] - eta * regs[gOut[i]]
                        regs[i] = t
                        largest = Swift.max(largest, Swift.abs(t))
                    }
                } else {
                    for i in 0..<n { v[i] = regs[gOut[i]] }
                    for i in 0..<n { regs[i] -= eta * v[i]; largest = Swift.max(largest, Swift.abs(regs[i])) }
                }
            case .momentum:
                for i in 0..<n { v[i] = beta * v[i] + regs[gOut[i]] }
                for i in 0..<n { regs[i] -= eta * v[i]; largest = Swift.max(largest, Swift.abs(regs[i])) }
            case .nesterov:
                for i in 0..<n { s[i] = regs[gOut[i]]; v[i] = beta * v[i] + s[i] }
                for i in 0..<n { regs[i] -= eta * (s[i] + beta * v[i]); largest = Swift.max(largest, Swift.abs(regs[i])) }
            case .adam:
                b1t *= beta1; b2t *= beta2
                let c1 = 1 / (1 - b1t), c2 = 1 / (1 - b2t)
                for i in 0..<n {
                    let g = regs[gOut[i]] * sign
                    v[i] = beta1 * v[i] + (1 - beta1) * g
                    s[i] = beta2 * s[i] + (1 - beta2) * g * g
                }
                for i in 0..<n {
                    regs[i] -= o.rate * (v[i] * c1) / ((s[i] * c2).squareRoot() + eps)
                    largest = Swift.max(largest, Swift.abs(regs[i]))
                }
            }
            step += 1
            if !(largest <= 1e150) {
                return finish(.diverged("θ left every bound"), step, failedAt: step, lastGood: true)
            }
        }
    }
}

extension Minimizer {
    /// Plain gradient-descent steps from `from` up to `to` (exclusive) while
    /// nothing needs the general loop's attention: |∇f| clearly between tol
    /// and its bound, θ within bounds. Returns the step reached — the general
    /// loop redoes that step's checks — and whether θ left every bound (the
    /// step that did it already taken, as in the general loop). A small
    /// function of its own so the tape interpreter inlines into it and the
    /// loop keeps its state in machine registers.
    @inline(never)
    static func descend(_ tape: UnsafeBufferPointer<CompiledProgram.Run>, scalar: Bool, _ regs: UnsafeMutablePointer<Double>,
                        _ gOut: UnsafeMutablePointer<Int>, _ n: Int, eta: Double, gHigh: Double, tolLow: Double,
                        from: Int, to: Int) -> (Int, Bool) {
        var step = from
        while step < to {
            if scalar { CompiledProgram.executeScalar(tape, regs) } else { CompiledProgram.execute(tape, regs) }
            // four independent sums and maxima, so long gradients are not one
            // serial chain of additions (the margins allow for the order)
            var s0 = 0.0, s1 = 0.0, s2 = 0.0, s3 = 0.0
            var i = 0
            while i + 4 <= n {
                let x0 = regs[gOut[i]], x1 = regs[gOut[i + 1]], x2 = regs[gOut[i + 2]], x3 = regs[gOut[i + 3]]
                s0 += x0 * x0; s1 += x1 * x1; s2 += x2 * x2; s3 += x3 * x3
                i += 4
            }
            while i < n { let x = regs[gOut[i]]; s0 += x * x; i += 1 }
            let norm2 = (s0 + s1) + (s2 + s3)
            if !(norm2 < gHigh && norm2 > tolLow) { return (step, false) }
            var m0 = 0.0, m1 = 0.0, m2 = 0.0, m3 = 0.0
            i = 0
            while i + 4 <= n {
                let t0 = regs[i] - eta * regs[gOut[i]], t1 = regs[i + 1] - eta * regs[gOut[i + 1]]
                let t2 = regs[i + 2] - eta * regs[gOut[i + 2]], t3 = regs[i + 3] - eta * regs[gOut[i + 3]]
                regs[i] = t0; regs[i + 1] = t1; regs[i + 2] = t2; regs[i + 3] = t3
                m0 = Swift.max(m0, Swift.abs(t0)); m1 = Swift.max(m1, Swift.abs(t1))
                m2 = Swift.max(m2, Swift.abs(t2)); m3 = Swift.max(m3, Swift.abs(t3))
                i += 4
            }
            while i < n {
                let t = regs[i] - eta * regs[gOut[i]]
                regs[i] = t
                m0 = Swift.max(m0, Swift.abs(t))
                i += 1
            }
            step += 1
            if !(Swift.max(Swift.max(m0, m1), Swift.max(m2, m3)) <= 1e150) { return (step, true) }
        }
        return (step, false)
    }
}
