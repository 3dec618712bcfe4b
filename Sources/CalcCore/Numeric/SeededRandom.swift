// SeededRandom — a deterministic random-number generator (SplitMix64), so
// multi-start minimization and the tests draw the same numbers on every run,
// machine and toolchain, which the standard library's generator does not
// promise.

/// Deterministic random numbers (SplitMix64): the same stream on every run and
/// toolchain. Multi-start draws its points from it; the tests generate inputs with it.
public struct SeededRandom: RandomNumberGenerator {
    var state: UInt64
    public init(seed: UInt64) { state = seed }
    public mutating func next() -> UInt64 {
        state &+= 0x9E3779B97F4A7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58476D1CE4E5B9
        z = (z ^ (z >> 27)) &* 0x94D049BB133111EB
        return z ^ (z >> 31)
    }
    /// Uniform in [lo, hi).
    public mutating func uniform(_ lo: Double, _ hi: Double) -> Double {
        lo + (hi - lo) * Double(next() >> 11) * (1.0 / 9007199254740992.0)
    }
}
