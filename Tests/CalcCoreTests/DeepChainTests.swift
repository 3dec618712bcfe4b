// DeepChainTests — chains the parser builds in a loop (`x at 2 at 2 …`,
// `f'(x)'(y)…`) nest the syntax tree without nesting the parser's calls.
// About 5,200 `at`s once overflowed the evaluator's stack (SIGSEGV). These
// run in-process, in the test build, on the test thread's 8 MiB stack: every
// input is either evaluated or refused with "nested too deeply" and its place.

import Testing
@testable import CalcCore

@Suite("deep chains")
struct DeepChainTests {
    /// Runs `text` in a fresh session; the diagnostics it reports.
    func diagnostics(_ text: String) -> [Diagnostic] {
        Session().run(text, keepGoing: true).events.compactMap {
            if case .diagnostic(let d) = $0 { return d }
            return nil
        }
    }

    func expectTooDeep(_ text: String, _ what: Comment) {
        let ds = diagnostics(text)
        #expect(ds.first?.id == .tooDeep, what)
        #expect(ds.first.map { $0.range.start > 0 } ?? false, "the error points into the chain: \(what)")
    }

    @Test("`x at 2 at 2 …`: 5,200 (the crash, 26 KB) and 100,000 are “nested too deeply”", arguments: [5_200, 100_000])
    func atChain(_ count: Int) {
        let text = "x" + String(repeating: " at 2", count: count)
        expectTooDeep(text, "\(count) ats")
    }

    @Test("`x at 2 …` within the limit evaluates")
    func shortAtChain() {
        let (events, status) = Session().run("x" + String(repeating: " at 2", count: 900))
        #expect(status == .ok)
        #expect(events.contains { if case .result("2") = $0 { return true }; return false })
    }

    @Test("`f'(1)'(1)'(1)…` and `f(1)'(1)'…`: calls and primes chained 100,000 times")
    func callPrimeChain() {
        expectTooDeep("f(x) = x^2\nf" + String(repeating: "'(1)", count: 100_000), "'(1) chain")
        expectTooDeep("f(x) = x^2\nf(1)" + String(repeating: "'(1)", count: 100_000), "f(1)'(1) chain")
    }

    @Test("`f''''…(1)` with 100,000 primes is one node: evaluated, not a crash")
    func primes() {
        let (events, status) = Session().run("f(x) = x^2\nf" + String(repeating: "'", count: 100_000) + "(1)")
        #expect(status == .ok)
        #expect(events.contains { if case .result("0") = $0 { return true }; return false })
    }

    @Test("100,000 of `((…))`, `-----x`, `x^x^x^…`, `√√√x`, `d/dx d/dx …`: “nested too deeply”", arguments: [
        String(repeating: "(", count: 100_000) + "x" + String(repeating: ")", count: 100_000),
        String(repeating: "-", count: 100_000) + "x",
        Array(repeating: "x", count: 100_000).joined(separator: "^"),
        String(repeating: "√", count: 100_000) + "x",
        String(repeating: "d/dx ", count: 100_000) + "x",
        "x" + String(repeating: " at (x = 2)", count: 100_000),
        String(repeating: "[", count: 100_000) + "x" + String(repeating: "]", count: 100_000),
    ])
    func longChains(_ text: String) {
        #expect(diagnostics(text).first?.id == .tooDeep)
    }

    @Test("chains inside brackets inside chains add up: the whole tree is bounded")
    func mixedChains() {
        let inner = "x" + String(repeating: " at 2", count: 700)
        let text = String(repeating: "-(", count: 300) + inner + String(repeating: ")", count: 300)
            + String(repeating: " at 2", count: 700)
        expectTooDeep(text, "ats around brackets around ats")
        let unary = String(repeating: "-", count: 900) + "(" + inner + ")"
        expectTooDeep(unary, "minus signs before a bracketed chain")
    }

    @Test("every tree the parser accepts is within the limit")
    func heightBound() {
        let texts = ["x" + String(repeating: " at 2", count: 999),
                     String(repeating: "-", count: 990) + "(x" + String(repeating: " at 2", count: 990) + ")"]
        for text in texts {
            let p = Parser.parse(SourceFile(name: "t", text: text))
            for s in p.statements {
                if case .expression(let n) = s.kind { #expect(n.height <= Int32(Parser.maxDepth) + 8) }
            }
        }
    }
}
