// NumberFormat — how every printer writes a double: `%g` to a number of
// significant digits with the clutter taken out (`1.5000e+05` → `1.5e5`),
// the shortest text that reads back exactly, and grouped counts (14,012).
//
// One copy for the whole library: the symbolic printer, the reports and the
// plot labels all call it, so a number reads the same everywhere. It sits in
// Source/ (below Symbolic and Plot) because it depends on nothing but libc.

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Number formatting shared by every printer.
public enum NumberFormat {
    /// Up to `digits` significant digits, no trailing zeros, exponent without `+`
    /// or leading zeros (`1e-5`, `1.5e20`), `inf`, `-inf`, `nan`.
    public static func format(_ d: Double, digits: Int) -> String {
        if d.isNaN { return "nan" }
        if d.isInfinite { return d < 0 ? "-inf" : "inf" }
        if d == 0 { return "0" }
        let digits = max(1, min(17, digits))
        return tidy(cFormat("%.*g", digits, d))
    }

    /// C's `printf` of one `Int` argument (a width or precision) and one double:
    /// `cFormat("%.*f", 2, 3.14159)` = "3.14". The buffer holds any `%f` of a
    /// finite double with up to 15 decimals (the plot labels' widest).
    static func cFormat(_ format: String, _ a: Int, _ d: Double) -> String {
        var buf = [CChar](repeating: 0, count: 400)
        _ = withVaList([a, d]) { vsnprintf(&buf, 400, format, $0) }
        let bytes = buf.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Shortest text that reads back as exactly the same double.
    public static func shortest(_ d: Double) -> String {
        if d.isNaN { return "nan" }
        if d.isInfinite { return d < 0 ? "-inf" : "inf" }
        for digits in 1...17 {
            let s = format(d, digits: digits)
            if Double(s) == d { return s }
        }
        return format(d, digits: 17)
    }

    /// `1.5000e+05` → `1.5e5`; `2.000` → `2`.
    static func tidy(_ s: String) -> String {
        var mantissa = s, exponent = ""
        if let eIdx = s.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            mantissa = String(s[..<eIdx])
            var e = String(s[s.index(after: eIdx)...])
            var sign = ""
            if e.hasPrefix("+") { e.removeFirst() } else if e.hasPrefix("-") { sign = "-"; e.removeFirst() }
            while e.count > 1 && e.hasPrefix("0") { e.removeFirst() }
            exponent = "e" + sign + e
        }
        if mantissa.contains(".") {
            while mantissa.hasSuffix("0") { mantissa.removeLast() }
            if mantissa.hasSuffix(".") { mantissa.removeLast() }
        }
        return mantissa + exponent
    }

    /// Integers with thousands separators for counts in reports: 14,012.
    public static func grouped(_ n: Int) -> String {
        let s = String(abs(n))
        var out = ""
        for (i, c) in s.enumerated() {
            if i > 0 && (s.count - i) % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return n < 0 ? "-" + out : out
    }
}
