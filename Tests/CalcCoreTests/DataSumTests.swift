// DataSumTests — reductions over data are unrolled by Compiler.scalarize
// into sums of element copies (a least-squares gradient collapses to a few
// terms); the compiled values must be those of the formula, computed here
// directly in Swift, for f, its gradient, a data-only sum (the Hessian's
// kind) and a sum of sigmoids, for small and large n.

import Testing
@testable import CalcCore
#if canImport(Glibc)
import Glibc
#endif

@Suite("sums over large data")
struct DataSumTests {
    @Test("least squares and logistic losses over n points compile to their values", arguments: [100, 5_000])
    func lossesMatchDirectSums(_ n: Int) throws {
        let ctx = ExprContext()
        let xsv = (0..<n).map { Double($0 % 97) / 19.0 - 2 }
        let ysv = xsv.enumerated().map { k, x in 2 * x + 1 + (k % 2 == 0 ? 0.25 : -0.125) }
        let xs = ctx.data("xs", xsv), ys = ctx.data("ys", ysv)
        let w = ctx.symbol("w"), b = ctx.symbol("b")
        // mean((w*xs + b - ys)^2), its partials by w and b, sum(xs^2) (data only), and sum(sigmoid(w*xs + b))
        let r = ctx.add([ctx.mul([w, xs]), b, ctx.mul([ctx.minusOne, ys])])
        let loss = ctx.call(.mean, [ctx.pow(r, ctx.two)])
        let dw = Differentiator.derivative(loss, by: "w", in: ctx)
        let db = Differentiator.derivative(loss, by: "b", in: ctx)
        let dataOnly = ctx.call(.sum, [ctx.pow(xs, ctx.two)])
        let logistic = ctx.call(.sum, [ctx.call(.sigmoid, [ctx.add([ctx.mul([w, xs]), b])])])
        let program = try Compiler.compile([loss, dw, db, dataOnly, logistic], variables: ["w", "b"], context: ctx)
        let (wv, bv) = (1.5, -0.5)
        let out = program.evaluate([wv, bv])
        var l = 0.0, gw = 0.0, gb = 0.0, sq = 0.0, sg = 0.0
        for k in 0..<n {
            let e = wv * xsv[k] + bv - ysv[k]
            l += e * e; gw += 2 * e * xsv[k]; gb += 2 * e; sq += xsv[k] * xsv[k]
            sg += 1 / (1 + Glibc.exp(-(wv * xsv[k] + bv)))
        }
        let expected = [l / Double(n), gw / Double(n), gb / Double(n), sq, sg]
        for (got, want) in zip(out, expected) {
            #expect(abs(got - want) <= 1e-9 * max(1, abs(want)), "n = \(n): \(got) against \(want)")
        }
    }
}
