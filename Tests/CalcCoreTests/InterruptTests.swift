// InterruptTests — Ctrl-C (the InterruptFlag) stops differentiation,
// explain, plot sampling and compilation promptly, with the `interrupted`
// error and no result: each input here takes seconds (far more for some)
// when not interrupted, and the flag is set from another thread shortly
// after the work starts.

import Foundation
import Testing
@testable import CalcCore

/// Runs `text` in `session`, setting its flag from another thread after `delay`
/// seconds; the events and the seconds the run took.
private func runInterrupted(_ session: Session, _ text: String, after delay: Double = 0.2) -> (events: [Event], seconds: Double) {
    let flag = session.interrupt
    let setter = Thread { Thread.sleep(forTimeInterval: delay); flag.set() }
    let start = Date()
    setter.start()
    let (events, _) = session.run(text)
    let seconds = Date().timeIntervalSince(start)
    while !flag.isSet { Thread.sleep(forTimeInterval: 0.01) }   // the setter has run before the flag is cleared
    flag.clear()
    return (events, seconds)
}

private func isInterruptedOnly(_ events: [Event]) -> Bool {
    var interrupted = false
    for e in events {
        switch e {
        case .result, .info: return false
        case .diagnostic(let d): if d.id == .interrupted { interrupted = true } else { return false }
        default: break
        }
    }
    return interrupted
}

/// (x + 1)*(x + 2)*…*(x + n): its derivative has n terms of n factors each.
private func bigProduct(_ n: Int) -> String {
    (1...n).map { "(x + \($0))" }.joined(separator: "*")
}

@Suite("Ctrl-C stops long work", .serialized)
struct InterruptTests {
    @Test("diff of a product of 3,000 factors stops with `interrupted`")
    func differentiation() {
        let s = Session()
        _ = s.run("p = \(bigProduct(3000));")
        let (events, seconds) = runInterrupted(s, "d = diff(p, x);")
        #expect(isInterruptedOnly(events), "\(events)")
        #expect(seconds < 5, "took \(seconds) s")
        #expect(s.value(of: "d") == nil)   // nothing half-made was kept
    }

    @Test("a gradient (∇ of a product of 3,001 factors) stops with `interrupted`")
    func gradient() {
        let s = Session()
        _ = s.run("q = (y + 1)*\(bigProduct(3000));")
        let (events, seconds) = runInterrupted(s, "g = ∇q;")
        #expect(isInterruptedOnly(events), "\(events)")
        #expect(seconds < 5, "took \(seconds) s")
    }

    @Test("explain of a large derivative stops with `interrupted`")
    func explain() {
        let s = Session()
        _ = s.run("p = \(bigProduct(3000));")
        let (events, seconds) = runInterrupted(s, "explain diff(p, x)")
        #expect(isInterruptedOnly(events), "\(events)")
        #expect(seconds < 5, "took \(seconds) s")
    }

    @Test("plot of a large derivative stops while sampling or compiling with `interrupted`")
    func plot() {
        let s = Session()
        _ = s.run("p = \(bigProduct(400));\nd = diff(p, x)/p;")
        // a file plot samples many points of a large compiled program
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("calc-interrupt-\(UUID()).svg").path
        let (events, seconds) = runInterrupted(s, "plot d from 0 to 1 to \"\(path)\"", after: 0.3)
        #expect(isInterruptedOnly(events), "\(events)")
        #expect(seconds < 5, "took \(seconds) s")
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test("a map plot stops while sampling with `interrupted`")
    func mapPlot() {
        let s = Session()
        _ = s.run("p = \(bigProduct(300));\nd = diff(p, x)*y;")
        let (events, seconds) = runInterrupted(s, "plot d over (x from 0 to 1, y from 0 to 1)", after: 0.3)
        #expect(isInterruptedOnly(events), "\(events)")
        #expect(seconds < 5, "took \(seconds) s")
    }

    @Test("minimize stops with `interrupted` while its gradient is derived")
    func minimizeSetUp() {
        let s = Session()
        _ = s.run("p = \(bigProduct(3000));")
        let (events, seconds) = runInterrupted(s, "minimize p from 1 rate 0.01")
        #expect(isInterruptedOnly(events), "\(events)")
        #expect(seconds < 5, "took \(seconds) s")
    }

    @Test("compiling a loss over 2,000,000 data points stops with CompileError(.interrupted)")
    func compile() {
        let ctx = ExprContext()
        let xs = ctx.data("xs", (0..<2_000_000).map { Double($0) / 1e6 })
        let w = ctx.symbol("w"), b = ctx.symbol("b")
        let residual = ctx.add([ctx.mul([w, xs]), b, ctx.call(.sin, [ctx.mul([w, xs])])])
        let loss = ctx.call(.mean, [ctx.pow(residual, ctx.int(2))])
        let flag = InterruptFlag()
        let setter = Thread { Thread.sleep(forTimeInterval: 0.2); flag.set() }
        let start = Date()
        setter.start()
        var failure: CompileError? = nil
        do { _ = try Compiler.compile([loss], variables: ["w", "b"], context: ctx, interrupt: flag) } catch { failure = error }
        let seconds = Date().timeIntervalSince(start)
        #expect(failure?.message == .interrupted)
        #expect(seconds < 5, "took \(seconds) s")
    }

    @Test("a flag set before compiling stops it at once; without a flag it compiles")
    func compileFlagSet() throws {
        let ctx = ExprContext()
        let e = ctx.call(.sin, [ctx.symbol("x")])
        let flag = InterruptFlag()
        flag.set()
        #expect(throws: CompileError.self) { try Compiler.compile([e], variables: ["x"], context: ctx, interrupt: flag) }
        let prog = try Compiler.compile([e], variables: ["x"], context: ctx, interrupt: InterruptFlag())
        #expect(prog.evaluate([0])[0] == 0)
    }

    @Test("a differentiator with its flag set gives up and says so; without it, it finishes")
    func differentiatorFlag() {
        let ctx = ExprContext()
        let x = ctx.symbol("x")
        let e = ctx.mul((1...600).map { ctx.add([x, ctx.int($0)]) })
        let flag = InterruptFlag()
        flag.set()
        let stopped = Differentiator(ctx, variable: x, interrupt: flag)
        _ = stopped.derivative(e)
        #expect(stopped.interrupted)
        let whole = Differentiator(ctx, variable: x, interrupt: InterruptFlag())
        #expect(whole.derivative(e) === Differentiator(ctx, variable: x).derivative(e))
        #expect(!whole.interrupted)
    }
}
