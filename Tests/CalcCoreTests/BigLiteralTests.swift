// BigLiteralTests — an integer literal past 64 bits is read as the nearest
// double *marked approximate* (the same mark an overflowed result gets), so
// every result computed from it prints with `≈`; the first such literal of a
// source gets a warning at its position, with help. Exact integers up to
// 2⁶³ − 1 stay exact and quiet. Also the English of the new SyntaxMessage
// cases, for SyntaxMessageTests' table.

import Testing
@testable import CalcCore

extension SyntaxExample {
    static let bigLiterals: [SyntaxExample] = [
        .init("inexact integer literal",
              .integerLiteralInexact(literal: "12345678901234567890", nearest: "≈1.2345678901234567e19"),
              "integer `12345678901234567890` does not fit in 64 bits; it is read as the nearest floating-point number, ≈1.2345678901234567e19"),
        .init("exact integers end", .exactIntegersEndAt(largest: "9223372036854775807"),
              "integers are exact up to 9223372036854775807; results computed from this one print with `≈`"),
    ]
}

@Suite("integer literals past 64 bits")
struct BigLiteralTests {
    func warnings(_ text: String) -> [Diagnostic] {
        Parser.parse(SourceFile(name: "t", text: text)).diagnostics.filter { $0.severity == .warning }
    }

    @Test("the token is the nearest double, marked approximate", arguments: [
        ("99999999999999999999", 1e20),
        ("12345678901234567890", 12345678901234567168.0),
        ("9223372036854775808", 9223372036854775808.0),
        ("12_345_678_901_234_567_890", 12345678901234567168.0),
    ])
    func token(_ text: String, _ nearest: Double) {
        #expect(kinds(text) == [.number(.approximate(nearest))])
    }

    @Test("what fits 64 bits stays exact and quiet; decimals are plain doubles", arguments: [
        ("9223372036854775807", TokenKind.number(.rational(Int64.max, 1))),
        ("9007199254740993", .number(.rational(9_007_199_254_740_993, 1))),
        ("1e20", .number(.float(1e20))),
        ("100000000000000000000.0", .number(.float(1e20))),
    ])
    func exact(_ text: String, _ kind: TokenKind) {
        #expect(kinds(text) == [kind])
        #expect(warnings(text).isEmpty)
    }

    @Test("the first big literal of a source warns at its range, with help; the others do not")
    func warning() throws {
        let text = "a = 1 + 12345678901234567890\nb = 99999999999999999999"
        let ws = warnings(text)
        #expect(ws.count == 1)
        let w = try #require(ws.first)
        #expect(w.id == .warning)
        #expect(w.range == SourceRange(8, 28))
        #expect(w.text == .syntax(.integerLiteralInexact(literal: "12345678901234567890", nearest: "≈1.2345678901234567e19")))
        #expect(w.helpText == [.syntax(.exactIntegersEndAt(largest: "9223372036854775807"))])
        // a warning never stops the program
        let (_, status) = Session().run(text)
        #expect(status == .ok)
    }

    /// The "silent wrong integers" and literals past 64 bits: each result is
    /// right (checked by hand against exact integer arithmetic) or marked `≈`.
    @Test("every result computed from a big literal is marked", arguments: [
        ("12345678901234567890 - 12345678901234567889", "≈0"),                     // true 1: marked
        ("12345678901234567890", "≈1.23456789012e19"),
        ("99999999999999999999 + 1", "≈1e20"),
        ("x = 18446744073709551616; x - 1000", "≈1.84467440737e19"),
        ("12345678901234567890 * 0 + 1", "≈1"),
        ("sqrt(100000000000000000000)", "≈10000000000"),
        ("(-1)^12345678901234567891", "≈1"),                                      // parity lost: marked
        ("2^100000000000000000000", "≈inf"),
        ("3037000500^2 - 3037000499^2", "≈6074000384"),                           // true 6074000999
        ("p = 2^64; q = p - 1000; p - q", "≈0"),                                  // true 1000
        ("(-1)^9007199254740993", "-1"),
        ("10^400", "≈inf"),
        ("9223372036854775807 - 9223372036854775806", "1"),
    ])
    func marked(_ input: String, _ expected: String) {
        #expect(evalText(input) == expected)
    }
}
