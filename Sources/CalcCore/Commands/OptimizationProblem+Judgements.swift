// OptimizationProblem+Judgements — two judgements of where a run stopped
// that the plain verdict gets wrong (issue 14):
//
// - Bouncing: plain gradient descent with 1 < rate·λmax < 1.9 overshoots the
//   valley floor every step, yet still shrinks, so the run is slow and "try
//   a larger rate" would make it worse. Seen from the iterates themselves:
//   a few more steps from the end point, each projected on the Hessian's top
//   eigenvector, reverse sign every time; their ratio is how much each
//   bounce shrinks (1 − rate·λmax on a quadratic).
// - Plateau: |∇f| ≤ tol, but f is not small and the Hessian shows no
//   minimum — a saturated sigmoid (every weight large) or a symmetric point
//   (XOR's network with all weights equal). "Not small" is defined once, in
//   `isPlateau`.

#if canImport(Glibc)
import Glibc
#endif

extension OptimizationProblem {
    /// Extra gd steps taken from the end point to see whether it bounces.
    static let bounceSteps = 7

    /// Plain gd bouncing across a valley at `p` with this rate (see the file
    /// comment): the advice to use a smaller rate, or nil when the steps along
    /// the top eigenvector do not all reverse, or do not shrink.
    func bouncing(at p: [Double], rate: Double) -> Advice? {
        guard let h = hessian(at: p) else { return nil }
        let ev = symmetricEigenvalues(h)
        guard let top = ev.max(by: { abs($0) < abs($1) }), abs(top) > 0, rate * abs(top) > 1 else { return nil }
        guard let u = eigenvector(h, near: top) else { return nil }
        let sign: Double = maximize ? 1 : -1
        var x = p
        var along: [Double] = []
        for _ in 0..<Self.bounceSteps {
            let grad = g.evaluate(x)
            guard grad.allSatisfy(\.isFinite) else { return nil }
            var projection = 0.0
            for i in x.indices {
                let step = sign * rate * grad[i]
                projection += step * u[i]
                x[i] += step
            }
            along.append(projection)
        }
        guard along.allSatisfy({ $0 != 0 && $0.isFinite }),
              zip(along, along.dropFirst()).allSatisfy({ $0 * $1 < 0 }) else { return nil }
        let ratio = Glibc.pow(abs(along.last! / along.first!), 1 / Double(along.count - 1))
        guard ratio < 1 else { return nil }
        let lmax = abs(top)
        return .oscillating(ratio: ratio, lambdaMax: lmax, limit: 2 / lmax, rate: Self.niceRate(1 / lmax))
    }

    /// A unit eigenvector of the symmetric matrix `h` for its eigenvalue
    /// `lambda`, by inverse iteration: solve (h − σI)y = x a few times with σ
    /// just beside λ, so the component along λ's eigenvector dominates.
    func eigenvector(_ h: [[Double]], near lambda: Double) -> [Double]? {
        let n = h.count
        let sigma = lambda + 1e-7 * max(abs(lambda), 1e-300)
        var shifted = h
        for i in 0..<n { shifted[i][i] -= sigma }
        // a start with a component along every direction
        var x = (0..<n).map { 1 + Double($0 % 7) * 0.1 }
        for _ in 0..<3 {
            guard let y = solveSymmetric(shifted, x) else { return nil }
            let norm = y.map { $0 * $0 }.reduce(0, +).squareRoot()
            guard norm > 0, norm.isFinite else { return nil }
            x = y.map { $0 / norm }
        }
        return x
    }

    /// A converged minimization that stopped on a plateau or at a symmetric
    /// point rather than at a minimum: all three of
    /// - the Hessian there does not show a minimum: some eigenvalue is zero
    ///   within its tolerance (singular or nearly singular), or the point is
    ///   a saddle; a positive definite Hessian is a minimum, whatever f is;
    /// - f is not small: f > 1e-3·max(1, |f at the start|). calc cannot know
    ///   the least value of f; the reference is a loss's ideal value 0, in
    ///   the units of the start (a loss that started at 10⁶ is "small" below
    ///   10³, one that started below 1 below 0.001); a negative f is never
    ///   "not small";
    /// - minimizing (a maximum's value has no such reference).
    /// So x⁴ near 0 (f tiny) and x² − y² at its saddle (f = 0) are not
    /// plateaus, while a saturated sigmoid (f = 1/3, every eigenvalue ~1e-26)
    /// and the XOR network at all-zero weights (f = 1/4, eight zero
    /// eigenvalues) are. A degenerate minimum whose value is far above 0, such
    /// as x⁴ + 5, is called a plateau too: the report then says "try other
    /// starts", which costs a run and finds the same point.
    func isPlateau(_ run: MinimizeRun, _ curvature: Curvature?, startValue f0: Double) -> Bool {
        guard !maximize, run.reason == .converged, let c = curvature else { return false }
        switch c.shape {
        case .singular, .nearlySingular, .mixed: break
        case .positive, .negative: return false
        }
        return run.value.isFinite && run.value > Self.notSmall(startValue: f0)
    }

    /// Above this f is "not small" (see `isPlateau`).
    static func notSmall(startValue f0: Double) -> Double {
        1e-3 * max(1, f0.isFinite ? abs(f0) : 1)
    }
}
