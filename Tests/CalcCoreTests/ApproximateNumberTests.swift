// ApproximateNumberTests — exact arithmetic that overflows 64 bits gives an
// approximate number (printed with ≈), never a double that looks exact.

import Testing
@testable import CalcCore

@Suite("approximate numbers")
struct ApproximateNumberTests {
    @Test("overflowing exact arithmetic is approximate, and stays so")
    func overflow() {
        let big = Number.rational(Int64.max, 1)
        #expect((big + .one).isApproximate)
        #expect((big * Number(2)).isApproximate)
        #expect((-Number.rational(Int64.min, 1)).isApproximate)
        let p = Number(2).power(64)!, q = p - Number(1000)
        #expect(p.isApproximate && q.isApproximate && (p - q).isApproximate)
        #expect((p - q).description == "≈0")
        #expect(!(p - q).isExact)
        #expect((Number.rational(1, 2) + .one) == .rational(3, 2))
        #expect((Number.float(0.5) + .one) == .float(1.5))
        #expect((p + .float(0.5)).isApproximate)
    }

    @Test("1 and -1 to any integer power are exact; the sign follows the parity")
    func parity() {
        #expect(Number.minusOne.power(9_007_199_254_740_993) == .minusOne)
        #expect(Number.minusOne.power(9_007_199_254_740_992) == .one)
        #expect(Number.minusOne.power(Int64.min) == .one)
        #expect(Number(-2).power(9_007_199_254_740_993)!.double == -.infinity)
        #expect(Number.float(-1).power(9_007_199_254_740_993) == .float(-1))
        #expect(Number.zero.power(0) == .one)
        #expect(Number.zero.power(-1) == nil)
    }

    @Test("a superscript exponent keeps every digit")
    func superscriptDigits() {
        #expect(kinds("2¹²³⁴⁵⁶⁷⁸⁹") == [.number(.rational(2, 1)), .superscript(123_456_789)])
        #expect(kinds("x⁻¹²³⁴⁵⁶⁷⁸⁹") == [.name("x"), .superscript(-123_456_789)])
        let r = Lexer.tokenize(SourceFile(name: "t", text: "2¹²³⁴⁵⁶⁷⁸⁹¹²³⁴⁵⁶⁷⁸⁹¹²³⁴⁵⁶⁷⁸⁹"))
        #expect(r.diagnostics.count == 1)
    }
}
