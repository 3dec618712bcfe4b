// DecimalCommaTests — the warning for a decimal comma (`0,5` where `0.5` was
// probably meant; the rule is in Parser+DecimalComma.swift and
// docs/language.md): each context warns over the whole `0,5` with the fix,
// compact commas elsewhere stay quiet, and a warning never changes a result.
// Also the English of the new SyntaxMessage cases, for SyntaxMessageTests' table.

import Testing
@testable import CalcCore

extension SyntaxExample {
    static let decimalComma: [SyntaxExample] = [
        .init("decimal comma", .commaJoinsNumbers(literal: "0,5", first: "0", second: "5"),
              "`0,5` is read as the two numbers 0 and 5"),
        .init("decimal point", .writeDecimalPoint(decimal: "0.5"), "for the decimal number write `0.5`"),
        .init("two numbers", .spaceSeparatesNumbers(spaced: "0, 5"), "for two numbers put a space after the comma: `0, 5`"),
    ]
}

/// An input that warns: the source text the warning covers, and whether it
/// also says how to write two numbers.
struct DecimalCommaCase: Sendable, CustomTestStringConvertible {
    let input: String
    let literal: String
    let twoNumbersValid: Bool
    init(_ input: String, _ literal: String, twoNumbers: Bool = false) {
        (self.input, self.literal, self.twoNumbersValid) = (input, literal, twoNumbers)
    }
    var testDescription: String { input }
}

@Suite("decimal comma")
struct DecimalCommaTests {
    func warnings(_ text: String) -> [Diagnostic] {
        Parser.parse(SourceFile(name: "t", text: text)).diagnostics.filter { $0.severity == .warning }
    }

    @Test("each context warns over the whole literal, with the fix", arguments: [
        DecimalCommaCase("0,5", "0,5"),
        DecimalCommaCase("x = 0,5", "0,5"),
        DecimalCommaCase("f(x) = 0,5*x", "0,5"),
        DecimalCommaCase("y = 2 + 3,14", "3,14"),
        DecimalCommaCase("minimize x^2 from 1 rate 0,5", "0,5", twoNumbers: true),
        DecimalCommaCase("maximize -x^2 from 1 rate 0,001 steps 5", "0,001", twoNumbers: true),
        DecimalCommaCase("minimize x^2 from 1 rate 0.1, 1,5", "1,5", twoNumbers: true),
        DecimalCommaCase("minimize x^2 from 0,5 rate 0.1", "0,5"),
        DecimalCommaCase("minimize (x - 1)^2 + y^2 from (0,5) rate 0.1", "0,5", twoNumbers: true),
        DecimalCommaCase("minimize x^2 + y^2 + z^2 from (1, 0,5) rate 0.1", "0,5", twoNumbers: true),
        DecimalCommaCase("plot x^2 from 0,5 to 1", "0,5"),
    ])
    func warns(_ c: DecimalCommaCase) throws {
        let ws = warnings(c.input)
        #expect(ws.count == 1)
        let w = try #require(ws.first)
        #expect(w.id == .warning)
        #expect(SourceFile(name: "t", text: c.input).text(in: w.range) == c.literal)
        let parts = c.literal.split(separator: ",")
        let (whole, fraction) = (String(parts[0]), String(parts[1]))
        let second = String(Int(fraction)!)
        #expect(w.message == "`\(c.literal)` is read as the two numbers \(Int(whole)!) and \(second)")
        var help = ["for the decimal number write `\(whole).\(fraction)`"]
        if c.twoNumbersValid { help.append("for two numbers put a space after the comma: `\(Int(whole)!), \(second)`") }
        #expect(w.help == help)
    }

    @Test("the warning points at `0,5` in the rendered diagnostic")
    func rendered() {
        let program = Parser.parse(SourceFile(name: "t.calc", text: "minimize x^2 from 1 rate 0,5"))
        let text = DiagnosticRenderer(color: false).render(program.diagnostics[0])
        #expect(text == """
        warning: `0,5` is read as the two numbers 0 and 5
         --> t.calc:1:26
          |
        1 | minimize x^2 from 1 rate 0,5
          |                          ^^^
          = help: for the decimal number write `0.5`
          = help: for two numbers put a space after the comma: `0, 5`

        """)
    }

    @Test("compact commas elsewhere, spaced commas and decimal literals do not warn", arguments: [
        "(1, 2)", "(1,2)", "x = (0,5)", "[0,5]", "xs = [1,2,3]", "f(x, y) = x + y; f(1,2)", "sin(0,5)",
        "x^2 + y at (1,2)", "grad(x*y) at (1,2)", "minimize x^2 from 1 rate 0.1, 0.5", "minimize x^2 from 1 rate 0.1,0.5",
        "0, 5", "0 ,5", "minimize x^2 from 1 rate 0, 5", "minimize x^2 + y^2 from (0, 5) rate 0.1",
        "minimize x^2 + y^2 from (x = 0, y = 5) rate 0.1", "minimize x^2 from 1 rate 1e-3,5", "x = 0,5e3",
        "minimize x^2 + y^2 from (max(0,5), 1) rate 0.1", "(0,\n5)",
        "plot x^2, x^3 from 0 to 1", "minimize x^2 from 1 rate 0.1 steps 10",
    ])
    func quiet(_ input: String) {
        #expect(warnings(input).isEmpty, "\(input)")
    }

    @Test("a warning does not change the result", arguments: [
        ("minimize (x - 1)^2 + y^2 from (0,5) rate 0.1 steps 20", "minimize (x - 1)^2 + y^2 from (0, 5) rate 0.1 steps 20"),
        ("minimize (x - 1)^2 from 0 rate 0.1, 1,5 steps 20", "minimize (x - 1)^2 from 0 rate 0.1, 1, 5 steps 20"),
        ("p = (2,5); p*2", "p = (2, 5); p*2"),
    ])
    func resultUnchanged(_ compact: String, _ spaced: String) {
        let h = SymbolicHarness(), g = SymbolicHarness()
        let a = h.run(compact), b = g.run(spaced)
        let strip = { (s: String) in s.split(separator: "\n").filter { !$0.contains("time ") && !$0.contains("µs") }.joined(separator: "\n") }
        #expect(a.results.map(strip) == b.results.map(strip))
        #expect(!a.results.isEmpty)
        #expect(a.diagnostics.allSatisfy { $0.severity == .warning })
        #expect(b.diagnostics.isEmpty)
    }

    @Test("warnings do not stop a script and do not count towards the error limit")
    func notErrors() {
        let lines = Array(repeating: "minimize x^2 + y^2 from (1,5) rate 0.1 steps 3", count: Diagnostic.maxErrors + 5)
        let program = Parser.parse(SourceFile(name: "t", text: lines.joined(separator: "\n") + "\n1 +"))
        #expect(program.statements.count == lines.count)
        #expect(program.diagnostics.filter { $0.severity == .warning }.count == lines.count)
        #expect(program.diagnostics.last?.id == .expectedToken)
        let (events, status) = Session().run("minimize x^2 from 1,5 rate 0.1\nx = 2")
        #expect(status == .failed)   // the error, not the warning
        #expect(events.count == 2)
        let (_, ok) = Session().run("minimize x^2 + y^2 from (1,5) rate 0.1 steps 3\nx = 2")
        #expect(ok == .ok)
    }
}
