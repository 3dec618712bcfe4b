// DomainQuoteTests — a domain error quotes the failing expression in full
// when it is small, and only its outer shape (`ln(…)`) when writing it out
// would be huge (a composition chain stands for 2³² terms): the error comes
// at once instead of hanging while its message is written.

import Foundation
import Testing
@testable import CalcCore

@Suite("domain error quotes")
struct DomainQuoteTests {
    func help(_ program: String) -> (help: [String], seconds: Double) {
        let start = Date()
        let events = Session().run(PrintSizeTests.chain + program, keepGoing: true).events
        let d = events.compactMap { if case .diagnostic(let d) = $0 { return d } else { return nil } }.last
        return ((d?.helpText ?? []).map { Catalogue.english.text($0) }, Date().timeIntervalSince(start))
    }

    @Test("a huge failing expression is quoted by its outer shape", arguments: [
        ("u = ln(k(x) - 10);\nu at 0", "in `ln(…)`"),
        ("u = (k(x) - 10)^0.5;\nu at 0", "in `…^…`"),
        ("u = ln(k(x) - 10);\nminimize u from (0) rate 0.1", "in `ln(…)`"),
    ])
    func huge(_ program: String, _ quoted: String) {
        let r = help(program)
        #expect(r.help.contains { $0.contains(quoted) }, "\(r.help)")
        #expect(r.seconds < 20)
    }

    @Test("a small failing expression is quoted in full, as before")
    func small() {
        #expect(help("ln(x - 10) at 0").help
                == ["logarithms take positive numbers; calc works with real numbers only (in `ln(x - 10)`)"])
    }

    @Test("the quote: in full up to the limit, the outer shape past it")
    func quote() {
        let ctx = ExprContext()
        let x = ctx.symbol("x")
        #expect(EvaluationFailure.quote(x) == "x")
        var e = x
        for _ in 0..<40 { e = ctx.add([ctx.call(.sin, [e]), ctx.call(.cos, [e])]) }   // 2⁴⁰ terms written out
        #expect(EvaluationFailure.quote(e) == "… + …")
        #expect(EvaluationFailure.quote(ctx.call(.ln, [e])) == "ln(…)")
        #expect(EvaluationFailure.quote(ctx.call(.ln, [ctx.symbol("y")])) == "ln(y)")
    }
}
