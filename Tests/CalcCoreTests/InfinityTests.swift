// InfinityTests — `∞` is documented as a spelling of the constant `inf`
// (docs/language.md); it lexes as a name of its own, so `2∞` and `-∞` read
// as a person writes them, and it cannot be rebound.

import Testing
@testable import CalcCore

@Suite("∞")
struct InfinityTests {
    @Test("∞ is inf", arguments: [("∞", "inf"), ("-∞", "-inf"), ("2∞", "inf"), ("1/∞", "0"), ("∞ - ∞", "nan")])
    func value(_ input: String, _ expected: String) {
        #expect(evalText(input) == expected)
    }

    @Test("∞ cannot be rebound, and ∞x is not one name")
    func errors() {
        #expect(evalText("∞ = 3").hasPrefix("error: cannot assign to the constant `∞`"))
        #expect(evalText("∞x").hasPrefix("error: expected end of statement"))
    }
}
