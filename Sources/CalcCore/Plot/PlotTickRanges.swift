// PlotTickRanges — where an axis ends and ticks in multiples of π.
//
//   niceBounds      a data range widened outwards to tick values (1, 2, 5 ×
//                   10^k steps), so a curve that peaks at 0.9998 gets an
//                   axis ending at the labelled value 1, not at 0.9998.
//   piDenominator   whether a range was given with π: both ends multiples
//                   of π/12 (to a few ulps), one of them not 0.
//   multiplesOfPi   ticks at k·π/2 (or π/4, π/3 … when the ends need them,
//                   and π, 2π, 5π, 10π … when the range is wide), labelled
//                   `-π`, `-π/2`, `0`, `π/2`, `π`, `3π/2`, `2π`.
// PlotAxis (PlotData.swift) decides when each applies; both renderers use
// the same axis, so the terminal and SVG plots agree.

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension PlotTicks {
    /// [lo, hi] widened outwards to multiples of the nice step that leaves at
    /// most `maxCount` ticks on the widened range; nil when the range is
    /// empty, not finite or too wide to count.
    public static func niceBounds(_ lo: Double, _ hi: Double, maxCount: Int) -> (Double, Double)? {
        guard lo.isFinite, hi.isFinite, hi > lo, maxCount >= 2, (hi - lo).isFinite else { return nil }
        var k = Int((log10((hi - lo) / Double(maxCount))).rounded(.down)) - 1
        while k <= 400 {
            for m in [1.0, 2.0, 5.0] {
                let step = m * pow(10, Double(k))
                // (a tolerance, so that an end a rounding error past a tick stays at it)
                let first = (lo / step + 1e-9).rounded(.down), last = (hi / step - 1e-9).rounded(.up)
                guard first.isFinite, last.isFinite, Swift.abs(first) < 1e15, Swift.abs(last) < 1e15 else { return nil }
                if last - first + 1 <= Double(maxCount) {
                    let a = first * step, b = last * step
                    return a.isFinite && b.isFinite && b > a ? (Swift.abs(a) < step * 1e-9 ? 0 : a, b) : nil
                }
            }
            k += 1
        }
        return nil
    }

    /// The smallest d in 1, 2, 3, 4, 6, 12 such that both ends are
    /// multiples of π/d, when one end is not 0; nil otherwise.
    public static func piDenominator(_ lo: Double, _ hi: Double) -> Int? {
        func twelfths(_ v: Double) -> Int? {
            let r = v / Double.pi * 12
            guard r.isFinite, Swift.abs(r) < 1e12 else { return nil }
            let n = r.rounded()
            return Swift.abs(r - n) <= 1e-9 * Swift.max(1, Swift.abs(r)) ? Int(n) : nil
        }
        guard let a = twelfths(lo), let b = twelfths(hi), a != 0 || b != 0, b > a else { return nil }
        return [1, 2, 3, 4, 6, 12].first { d in a % (12 / d) == 0 && b % (12 / d) == 0 }
    }

    /// Ticks at multiples of π inside [lo, hi]: the finest step the ends'
    /// denominator allows (π/2 at the least, so `-π…π` reads in halves),
    /// coarser (π, 2π, 5π, 10π …) until at most `maxCount` fit.
    public static func multiplesOfPi(_ lo: Double, _ hi: Double, denominator d: Int,
                                     maxCount: Int) -> [(Double, String)]? {
        // in twelfths of π, so every step and tick is a whole number
        let fine: [Int]
        switch Swift.max(d, 2) {
        case 2: fine = [6]
        case 3: fine = [4]
        case 4: fine = [3, 6]
        case 6: fine = [2, 4]
        default: fine = [1, 2, 4]
        }
        var steps = fine
        var decade = 12
        while decade <= 12_000_000_000 {
            steps += [decade, 2 * decade, 5 * decade]
            decade *= 10
        }
        let unit = Double.pi / 12
        let a = lo / unit, b = hi / unit
        for step in steps {
            let first = Int((a / Double(step) - 1e-9).rounded(.up)), last = Int((b / Double(step) + 1e-9).rounded(.down))
            guard last >= first, last - first + 1 <= maxCount else { continue }
            return (first...last).map { i in (Double(i * step) * unit, piLabel(twelfths: i * step)) }
        }
        return nil
    }

    /// `0`, `π`, `-π/2`, `3π/4`, `2π` for k twelfths of π.
    public static func piLabel(twelfths k: Int) -> String {
        if k == 0 { return "0" }
        func gcd(_ a: Int, _ b: Int) -> Int { b == 0 ? a : gcd(b, a % b) }
        let g = gcd(Swift.abs(k), 12)
        let (n, m) = (k / g, 12 / g)
        let numerator = n == 1 ? "π" : n == -1 ? "-π" : "\(n)π"
        return m == 1 ? numerator : numerator + "/\(m)"
    }
}
