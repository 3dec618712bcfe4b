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
    /// Keep f per step (for plots, decimated: `StepRecord`) and the path of θ.
    public var record = false
    public init(rate: Double) { self.rate = rate }
}

public struct TraceRow: Sendable {
    public let step: Int
    public let point: [Double]
    public let value: Double
    public let gradientNorm: Double
}

/// Why a run was judged to diverge, with the numbers the test compared.
public enum Divergence: Sendable, Equatable {
    /// A coordinate of θ passed ±1e150 (or stopped being a number).
    case pointUnbounded
    /// |∇f| passed its bound, 1e10 · max(1, |∇f| at the start): `from` is
    /// |∇f| at the start, `to` the norm that passed the bound.
    case gradientGrew(from: Double, to: Double)
    /// f passed its bound, 1e12 · max(1, |f| at the start), in the direction
    /// being optimized (up when minimizing): `to` is the value of f reached.
    case valueGrew(to: Double)
}

public enum StopReason: Sendable, Equatable {
    case converged
    case stepLimit
    /// θ or ∇f left every bound, or f grew without bound (at `MinimizeRun.failedAt`).
    case diverged(Divergence)
    /// f or its gradient could not be evaluated (found by the caller from a NaN).
    case notFinite
    case interrupted

    /// A failure: the run records where (`failedAt`) and the last good point.
    var isFailure: Bool {
        switch self {
        case .diverged, .notFinite: return true
        case .converged, .stepLimit, .interrupted: return false
        }
    }
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
    public var values: StepRecord          // f per step when recording (at most about 4,000 steps, evenly spaced)
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
        let t0 = Minimizer.now()
        let w = Workspace(function: function, gradient: gradient, start: start)
        defer { w.deallocate() }
        let sign: Double = o.maximize ? -1 : 1          // maximize = minimize −f
        var trace: [TraceRow] = [], values = StepRecord(), path: [[Double]] = []
        var lastProgress = t0
        let pathStride = max(1, o.steps / 4000)
        func finish(_ reason: StopReason, _ step: Int) -> MinimizeRun {
            let f = w.evalF()
            let norm = w.gradientNorm(tape)
            let failed = reason.isFailure
            return MinimizeRun(reason: reason, steps: step, point: w.theta(), value: f, gradient: w.gradientValues(),
                               gradientNorm: norm, seconds: Minimizer.now() - t0, trace: trace, values: values.finished(),
                               path: path, failedAt: failed ? step : nil, lastGood: failed ? w.lastGoodPoint() : nil)
        }

        let f0 = w.evalF() * sign
        let g0 = w.gradientNorm(tape)
        let limits = Limits(f0: f0, g0: g0, tol: o.tol, n: w.n)
        var step = 0
        var b1t = 1.0, b2t = 1.0                        // β₁ᵗ, β₂ᵗ for adam
        let eta = o.rate * sign, tol = o.tol, steps = o.steps
        let watch = o.record || o.every != nil
        let scalar = gradient.isScalar
        let fast = o.method == .gd && w.inPlace && !watch
        while true {
            if fast && step & (Minimizer.checkEvery - 1) != 0 && step < steps {
                let thetaLeft: Bool
                (step, thetaLeft) = Minimizer.descend(tape, scalar: scalar, w.regs, w.gOut, w.n, eta: eta, gHigh: limits.gHigh,
                                                       tolLow: limits.tolLow, from: step,
                                                       to: Swift.min(steps, (step | (Minimizer.checkEvery - 1)) + 1))
                if thetaLeft { return finish(.diverged(.pointUnbounded), step) }
            }
            if scalar { CompiledProgram.executeScalar(tape, w.regs) } else { CompiledProgram.execute(tape, w.regs) }
            let norm2 = w.squaredGradientNorm()
            let clear = norm2 < limits.gHigh && norm2 > limits.tolLow
            var norm = 0.0
            if !clear {
                norm = norm2.squareRoot()
                if !norm.isFinite { return finish(.notFinite, step) }
                if norm > limits.gBound { return finish(.diverged(.gradientGrew(from: g0, to: norm)), step) }
            }
            if watch {
                norm = norm2.squareRoot()
                if o.record {
                    values.append(step: step, value: w.evalF())
                    if step % pathStride == 0 { path.append(w.theta()) }
                }
                if let k = o.every, step % k == 0 {
                    trace.append(TraceRow(step: step, point: w.theta(), value: w.evalF(), gradientNorm: norm))
                }
            }
            if !clear && tol > 0 && norm <= tol { return finish(.converged, step) }
            if step >= steps { return finish(.stepLimit, step) }
            if step & (Minimizer.checkEvery - 1) == 0,
               let stop = check(w, step: step, sign: sign, limits: limits, norm2: norm2, lastProgress: &lastProgress) {
                return finish(stop, step)
            }
            // the update; the gradient outputs are read before any input register changes
            let largest: Double
            switch o.method {
            case .gd: largest = Minimizer.gdUpdate(w, eta: eta)
            case .momentum: largest = Minimizer.momentumUpdate(w, eta: eta, beta: o.beta)
            case .nesterov: largest = Minimizer.nesterovUpdate(w, eta: eta, beta: o.beta)
            case .adam: largest = Minimizer.adamUpdate(w, rate: o.rate, sign: sign, b1t: &b1t, b2t: &b2t)
            }
            step += 1
            if !(largest <= 1e150) { return finish(.diverged(.pointUnbounded), step) }
        }
    }

    /// The checks made every `checkEvery` steps: f finite and within its
    /// bound (then θ is the last good point), the interrupt flag, and progress
    /// about every 0.1 s. Returns why to stop, or nil.
    @inline(__always)
    func check(_ w: Workspace, step: Int, sign: Double, limits: Limits, norm2: Double, lastProgress: inout Double) -> StopReason? {
        let f = w.evalF() * sign
        if !f.isFinite { return .notFinite }
        if f > limits.bound { return .diverged(.valueGrew(to: f * sign)) }
        w.saveLastGood()
        if let interrupt, interrupt.isSet { return .interrupted }
        if let progress, step & 4095 == 0 {
            let now = Minimizer.now()
            if now - lastProgress > 0.1 { progress(step, f * sign, norm2.squareRoot()); lastProgress = now }
        }
        return nil
    }

    /// The bounds a run is checked against, fixed from the start point.
    struct Limits {
        /// f (in the minimized sense) above this has diverged.
        let bound: Double
        /// |∇f| above this has diverged.
        let gBound: Double
        /// |∇f|² strictly inside (tolLow, gHigh) means tol < |∇f| ≤ gBound without
        /// taking the square root (the margins cover its rounding, and summing
        /// the squares in another order); anywhere near either bound, or NaN,
        /// the exact tests decide.
        let gHigh: Double, tolLow: Double

        init(f0: Double, g0: Double, tol: Double, n: Int) {
            bound = Swift.max(1e12, Swift.abs(f0) * 1e12)
            gBound = Swift.max(1e10, g0 * 1e10)
            let margin = 1e-12 + Double(n) * 1e-15
            gHigh = gBound < 1e150 ? gBound * gBound * (1 - margin) : 0
            tolLow = tol <= 0 ? -1 : (tol >= 1e-150 && tol < 1e150 ? tol * tol * (1 + margin) : Double.infinity)
        }
    }

    /// The buffers of one run, allocated once: the gradient tape's registers
    /// (θ is its first n), the function tape's, where ∇f's outputs live, the
    /// methods' state v and s, and the last good θ.
    struct Workspace {
        let n: Int
        let function: CompiledProgram
        let regs, fRegs, v, s, lastGood: UnsafeMutablePointer<Double>
        let gOut: UnsafeMutablePointer<Int>
        let fOut: Int
        /// θ can be updated in place, reading ∇f straight from the tape's
        /// outputs, when no output is itself a parameter's register.
        let inPlace: Bool

        init(function: CompiledProgram, gradient: CompiledProgram, start: [Double]) {
            n = start.count
            self.function = function
            regs = .allocate(capacity: gradient.registerCount)
            fRegs = .allocate(capacity: function.registerCount)
            gOut = .allocate(capacity: max(n, 1))
            v = .allocate(capacity: max(n, 1))
            s = .allocate(capacity: max(n, 1))
            lastGood = .allocate(capacity: max(n, 1))
            gradient.makeRegisters().withUnsafeBufferPointer { [regs] in regs.initialize(from: $0.baseAddress!, count: $0.count) }
            function.makeRegisters().withUnsafeBufferPointer { [fRegs] in fRegs.initialize(from: $0.baseAddress!, count: $0.count) }
            for i in 0..<n {
                gOut[i] = gradient.outputs[i]
                regs[i] = start[i]
                lastGood[i] = start[i]
                v[i] = 0; s[i] = 0
            }
            fOut = function.outputs[0]
            let outputs = gOut, count = n
            inPlace = (0..<count).allSatisfy { outputs[$0] >= count }
        }

        func deallocate() {
            regs.deallocate(); fRegs.deallocate(); gOut.deallocate(); v.deallocate(); s.deallocate(); lastGood.deallocate()
        }

        func theta() -> [Double] { (0..<n).map { regs[$0] } }
        func gradientValues() -> [Double] { (0..<n).map { regs[gOut[$0]] } }
        func lastGoodPoint() -> [Double] { (0..<n).map { lastGood[$0] } }
        func saveLastGood() { for i in 0..<n { lastGood[i] = regs[i] } }

        /// f at the current θ.
        func evalF() -> Double {
            for i in 0..<n { fRegs[i] = regs[i] }
            function.run(fRegs)
            return fRegs[fOut]
        }

        /// |∇f|² from the gradient outputs as they stand.
        @inline(__always) func squaredGradientNorm() -> Double {
            var norm2 = 0.0
            for i in 0..<n { let x = regs[gOut[i]]; norm2 += x * x }
            return norm2
        }

        /// Runs the gradient tape at the current θ and returns |∇f|.
        func gradientNorm(_ tape: UnsafeBufferPointer<CompiledProgram.Run>) -> Double {
            CompiledProgram.execute(tape, regs)
            return squaredGradientNorm().squareRoot()
        }
    }

    // MARK: the update rules; each returns the largest |θᵢ| after the update

    /// gd: θ ← θ − η·g
    @inline(__always) static func gdUpdate(_ w: Workspace, eta: Double) -> Double {
        let regs = w.regs, gOut = w.gOut, v = w.v
        var largest = 0.0
        if w.inPlace {
            for i in 0..<w.n {
                let t = regs[i] - eta * regs[gOut[i]]
                regs[i] = t
                largest = Swift.max(largest, Swift.abs(t))
            }
        } else {
            for i in 0..<w.n { v[i] = regs[gOut[i]] }
            for i in 0..<w.n { regs[i] -= eta * v[i]; largest = Swift.max(largest, Swift.abs(regs[i])) }
        }
        return largest
    }

    /// momentum: v ← β·v + g;  θ ← θ − η·v
    @inline(__always) static func momentumUpdate(_ w: Workspace, eta: Double, beta: Double) -> Double {
        let regs = w.regs, gOut = w.gOut, v = w.v
        var largest = 0.0
        for i in 0..<w.n { v[i] = beta * v[i] + regs[gOut[i]] }
        for i in 0..<w.n { regs[i] -= eta * v[i]; largest = Swift.max(largest, Swift.abs(regs[i])) }
        return largest
    }

    /// nesterov: v ← β·v + g;  θ ← θ − η·(g + β·v)   (s holds g)
    @inline(__always) static func nesterovUpdate(_ w: Workspace, eta: Double, beta: Double) -> Double {
        let regs = w.regs, gOut = w.gOut, v = w.v, s = w.s
        var largest = 0.0
        for i in 0..<w.n { s[i] = regs[gOut[i]]; v[i] = beta * v[i] + s[i] }
        for i in 0..<w.n { regs[i] -= eta * (s[i] + beta * v[i]); largest = Swift.max(largest, Swift.abs(regs[i])) }
        return largest
    }

    /// adam: m ← β₁m + (1−β₁)g;  s ← β₂s + (1−β₂)g²;  θ ← θ − η·m̂/(√ŝ + ε)   (v holds m)
    @inline(__always) static func adamUpdate(_ w: Workspace, rate: Double, sign: Double, b1t: inout Double, b2t: inout Double) -> Double {
        let regs = w.regs, gOut = w.gOut, v = w.v, s = w.s
        let beta1 = 0.9, beta2 = 0.999, eps = 1e-8
        b1t *= beta1; b2t *= beta2
        let c1 = 1 / (1 - b1t), c2 = 1 / (1 - b2t)
        for i in 0..<w.n {
            let g = regs[gOut[i]] * sign
            v[i] = beta1 * v[i] + (1 - beta1) * g
            s[i] = beta2 * s[i] + (1 - beta2) * g * g
        }
        var largest = 0.0
        for i in 0..<w.n {
            regs[i] -= rate * (v[i] * c1) / ((s[i] * c2).squareRoot() + eps)
            largest = Swift.max(largest, Swift.abs(regs[i]))
        }
        return largest
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
