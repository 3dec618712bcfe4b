// MemoryBudgetTests — inputs that once aborted with "failed to allocate":
// a `hessian` of 8,000 parameters (64 M symbolic entries), a trace of
// `every 1` over 10⁸ steps, and `minimize … plot` recording every step of
// 10⁹. Each is now refused before anything is built, or recorded in bounded
// memory; every test here runs in well under a second.

import Foundation
import Testing
@testable import CalcCore

@Suite("memory budgets")
struct MemoryBudgetTests {
    /// `f(x1, …, xn) = x1^2 + … + xn^2`.
    static func wideFunction(_ n: Int) -> String {
        let ps = (1...n).map { "x\($0)" }
        return "f(\(ps.joined(separator: ", "))) = " + ps.map { "\($0)^2" }.joined(separator: " + ")
    }

    static func firstError(_ text: String) -> (Diagnostic?, seconds: Double) {
        let t0 = Date()
        let (events, _) = Session().run(text)
        var found: Diagnostic?
        for case .diagnostic(let d) in events where d.severity == .error { found = d; break }
        return (found, Date().timeIntervalSince(t0))
    }

    // MARK: hessian

    @Test("`hessian` of 8,000 parameters (the abort) and of 1,001 (just past 10⁶ entries) is refused before building",
          arguments: [8_000, Interpreter.maxHessianEntries.squareRootRoundedDown + 1])
    func hessianTooLarge(_ n: Int) {
        let (d, seconds) = Self.firstError(Self.wideFunction(n) + "\nhessian f")
        #expect(d?.id == .limit)
        #expect(d.map { Catalogue.english.text($0.text) }
                == "the Hessian of \(NumberFormat.grouped(n)) variables has \(NumberFormat.grouped(n * n)) entries, more than the limit of 1,000,000")
        #expect(d?.helpText.first.map { Catalogue.english.text($0) }?.contains("`grad`") == true)
        #expect(seconds < 5, "refused before the \(n * n) entries are built (took \(seconds) s)")
    }

    @Test("`hessian(e)` of an expression and `hessian f at (…)` are refused the same way")
    func hessianForms() {
        let names = (1...1_001).map { "x\($0)" }
        #expect(Self.firstError("hessian(" + names.joined(separator: " + ") + ")").0?.id == .limit)
        let point = "(" + Array(repeating: "1", count: 1_001).joined(separator: ", ") + ")"
        #expect(Self.firstError(Self.wideFunction(1_001) + "\nhessian f at " + point).0?.id == .limit)
    }

    @Test("`hessian` within the budget is unchanged")
    func hessianWithinBudget() {
        let (events, status) = Session().run("f(x, y) = x^2*y\nhessian f at (1, 2)")
        #expect(status == .ok)
        #expect(events.contains { if case .result("((4, 2), (2, 0))") = $0 { return true }; return false })
    }

    // MARK: minimize … plot records decimated

    @Test("a record keeps at most `capacity` points on an even stride, and always the last step")
    func decimatedRecord() {
        for last in [10, StepRecord.capacity - 1, StepRecord.capacity, 100_000, 1_000_003] {
            var r = StepRecord()
            for s in 0...last { r.append(step: s, value: Double(s)) }
            let done = r.finished()
            #expect(done.steps.count <= StepRecord.capacity + 1, "\(last): \(done.steps.count) points")
            #expect(done.steps.last == last)
            #expect(done.values == done.steps.map(Double.init))
            let onStride = done.steps.dropLast()
            #expect(onStride.first == 0)
            #expect(zip(onStride, onStride.dropFirst()).allSatisfy { $1 - $0 == done.stride })
            if last < StepRecord.capacity { #expect(done.steps == Array(0...last), "a short run keeps every step") }
            else { #expect(done.steps.count > StepRecord.capacity / 2, "\(last): enough points for the plot") }
        }
    }

    @Test("`minimize … tol 0 plot` over many steps records a bounded number of points and plots")
    func minimizePlotBounded() {
        let (events, status) = Session().run("minimize x^2 + y^2 from (1, 1) rate 1e-6 steps 100000 tol 0 plot")
        #expect(status == .ok)
        let braille = events.contains { if case .result(let s) = $0 { return s.unicodeScalars.contains { (0x2801...0x28FF).contains($0.value) } }; return false }
        #expect(braille, "the loss curve and the path are drawn")
    }

    // MARK: trace tables

    @Test("`every 1` over 10⁸ steps (the abort) and just past the row budget are refused up front",
          arguments: [(1, 100_000_000, 2_000), (1, MinimizeCommand.maxTraceRows, 2)])
    func traceTooLong(_ every: Int, _ steps: Int, _ suggested: Int) {
        let (d, seconds) = Self.firstError("minimize x^2 from 1 rate 1e-9 steps \(steps) tol 0 every \(every)")
        let rows = steps / every + 1
        #expect(d?.id == .badOption)
        #expect(d.map { Catalogue.english.text($0.text) } == "`every \(every)` over \(NumberFormat.grouped(steps)) steps would make a trace of "
                + "\(NumberFormat.grouped(rows)) rows, more than the limit of 100,000")
        #expect(d?.helpText.first.map { Catalogue.english.text($0) } == "trace less often, like `every \(suggested)`")
        #expect(seconds < 5, "refused before running (took \(seconds) s)")
    }
}

extension Int {
    fileprivate var squareRootRoundedDown: Int { Int(Double(self).squareRoot()) }
}
