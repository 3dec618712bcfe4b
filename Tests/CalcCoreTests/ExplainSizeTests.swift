// ExplainSizeTests — `explain`'s text is measured before it is written:
// a derivation whose lines or written-out expressions pass the budget
// (ExplainText.maxLines, maxTerms) is refused at once with "the explanation
// is too large to show", in either language; explanations of ordinary size
// are written exactly as before.

import Foundation
import Testing
@testable import CalcCore

@Suite("explain size")
struct ExplainSizeTests {
    /// `sin(sin(…(x)…)*x)*x`, `depth` levels: its explanation grows about as depth³
    /// (each level's line quotes the whole expression below it and its derivative).
    static func nested(_ depth: Int) -> String {
        var s = "x"
        for _ in 0..<depth { s = "sin(\(s))*x" }
        return s
    }

    func run(_ program: String) -> (events: [Event], seconds: Double) {
        let start = Date()
        let events = Session().run(program, keepGoing: true).events
        return (events, Date().timeIntervalSince(start))
    }

    func diagnostics(_ events: [Event]) -> [Diagnostic] {
        events.compactMap { if case .diagnostic(let d) = $0 { return d } else { return nil } }
    }

    @Test("a 2.5 KB nested product (once 100+ MB of text) is refused quickly")
    func nestedProductRefused() throws {
        let input = "explain diff(\(Self.nested(360)), x)"
        #expect(input.utf8.count > 2_500)
        let r = run(input)
        let d = try #require(diagnostics(r.events).last)
        #expect(d.id == .limit)
        #expect(Catalogue.english.text(d.text)
                == "the explanation is too large to show (its expressions come to more than 200,000 terms written out)")
        #expect(d.helpText.map { Catalogue.english.text($0) }
                == ["explain a smaller piece of the expression, or use `diff` to get the derivative without the steps"])
        #expect(r.seconds < 10)
        #expect(!r.events.contains { if case .result = $0 { return true } else { return false } })
    }

    @Test("many small steps pass the line budget")
    func tooManyLines() throws {
        let sum = (1...1_100).map { "sin(\($0)*x)" }.joined(separator: " + ")
        let r = run("explain diff(\(sum), x)")
        let d = try #require(diagnostics(r.events).last)
        #expect(d.id == .limit)
        #expect(Catalogue.english.text(d.text) == "the explanation is too large to show (more than 2,000 lines)")
        #expect(r.seconds < 20)
    }

    @Test("the refusal is worded in Portuguese under `:lang pt`")
    func portuguese() throws {
        let r = run(":lang pt\nexplain diff(\(Self.nested(200)), x)")
        let d = try #require(diagnostics(r.events).last)
        #expect(Catalogue(.portuguese).text(d.text).hasPrefix("a explicação é grande demais para ser exibida"))
        #expect(d.helpText.map { Catalogue(.portuguese).text($0) }
                == ["explique uma parte menor da expressão, ou use `diff` para obter a derivada sem os passos"])
    }

    @Test("`diff` of the same expression still works, and a silent explain is not refused")
    func diffStillWorks() {
        let r = run("d = diff(\(Self.nested(200)), x);\nd at 0.5\nexplain diff(\(Self.nested(200)), x);")
        #expect(diagnostics(r.events).isEmpty)
    }

    @Test("ordinary explanations are within budget and unchanged", arguments: [10, 20, 40])
    func ordinary(_ depth: Int) {
        let text = explainText("explain diff(\(Self.nested(depth)), x)")
        #expect(!text.hasPrefix("error"))
        #expect(text.split(separator: "\n").count == 3 * depth + 1)
    }

}
