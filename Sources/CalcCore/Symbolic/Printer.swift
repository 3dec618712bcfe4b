// Printer — renders an Expr as text in three styles.
//
//   plain   valid calc input with minimal parentheses: `x^2/2 - 3*sqrt(x)`.
//           Parsing it back gives the same expression (round-trip tested).
//   unicode for reading: `x²/2 − 3√x`, `σ(x)`, `2x·y`.
//   latex   `\frac{x^{2}}{2} - 3 \sqrt{x}`.
//
// Sums print by descending degree (a call counting as half a degree, so
// `2*x + cos(x)`), led by the first positive term (`x^2 - 2*x + 1`, `1 - x`,
// not `-x + 1`); products print as a numerator over a denominator, so
// negative powers and rational coefficients read as division. A leading minus
// never sits right before a parenthesised sum (`-(a - b)/c` would read back
// as `(b - a)/c`, a different node): such a product prints as `-((a - b)/c)`.

public struct Printer: Sendable {
    /// Most nodes an expression may have written out (shared pieces count each
    /// time they are printed): a few dozen distinct pieces can stand for 2³².
    public static let maxNodes = 1_000_000

    /// Whether `e` written out stays within `maxNodes` (costs at most that many steps).
    public static func fits(_ e: Expr) -> Bool { e.treeSize(cap: maxNodes + 1) <= maxNodes }

    public enum Style: String, Sendable, CaseIterable { case plain, unicode, latex }
    public var style: Style
    /// Significant digits for doubles; nil prints the shortest round-trip form.
    public var digits: Int?

    public init(style: Style = .plain, digits: Int? = nil) {
        self.style = style
        self.digits = digits
    }

    // precedence levels
    static let sumPrec = 1, productPrec = 2, unaryPrec = 3, powerPrec = 4, atomPrec = 5

    public func print(_ e: Expr) -> String { render(e).text }

    struct Out { var text: String; var prec: Int }

    func render(_ e: Expr) -> Out {
        switch e.kind {
        case .number(let n): return renderNumber(n)
        case .symbol(let s): return Out(text: renderName(s), prec: Self.atomPrec)
        case .constant(let k): return Out(text: renderConstant(k), prec: Self.atomPrec)
        case .data(let name, let values):
            if let name { return Out(text: renderName(name), prec: Self.atomPrec) }
            let items = values.map { renderNumber(.float($0)).text }
            return Out(text: style == .latex ? "\\left[" + items.joined(separator: ", ") + "\\right]" : "[" + items.joined(separator: ", ") + "]",
                       prec: Self.atomPrec)
        case .add(let terms): return renderSum(terms)
        case .mul(let fs):
            if case .number(let c) = fs[0].kind { return renderProduct(c, Array(fs[1...])) }
            return renderProduct(.one, fs)
        case .pow: return renderProduct(.one, [e])
        case .call(let f, let args): return renderCall(f, args)
        case .applied(let f, let args): return renderApplied(f, args)
        }
    }

    // MARK: numbers and names

    func formatDouble(_ d: Double) -> String {
        let s = digits.map { NumberFormat.format(d, digits: $0) } ?? NumberFormat.shortest(d)
        if style == .latex, let eIdx = s.firstIndex(of: "e") {
            return String(s[..<eIdx]) + " \\cdot 10^{" + String(s[s.index(after: eIdx)...]) + "}"
        }
        if style == .latex && d.isInfinite { return d < 0 ? "-\\infty" : "\\infty" }
        if style == .unicode && d.isInfinite { return d < 0 ? "−∞" : "∞" }
        return s
    }

    func renderNumber(_ n: Number) -> Out {
        switch n {
        case .rational(_, 0):   // approximate: its double, marked
            let d = n.double
            let neg = d < 0 || (d == 0 && d.sign == .minus)
            return Out(text: "≈" + (neg ? minus : "") + formatDouble(Swift.abs(d)), prec: neg ? Self.unaryPrec : Self.atomPrec)
        case .rational(let p, let q):
            let neg = p < 0
            let ap = p.magnitude
            if q == 1 { return Out(text: (neg ? minus : "") + "\(ap)", prec: neg ? Self.unaryPrec : Self.atomPrec) }
            let body = style == .latex ? "\\frac{\(ap)}{\(q)}" : "\(ap)/\(q)"
            return Out(text: (neg ? minus : "") + body, prec: neg ? Self.unaryPrec : (style == .latex ? Self.atomPrec : Self.productPrec))
        case .float(let d):
            let neg = d < 0 || (d == 0 && d.sign == .minus)
            let t = formatDouble(Swift.abs(d))
            return Out(text: (neg ? minus : "") + t, prec: neg ? Self.unaryPrec : Self.atomPrec)
        }
    }

    var minus: String { style == .unicode ? "−" : "-" }

    func renderConstant(_ k: Constant) -> String {
        switch (style, k) {
        case (.plain, _): return k.rawValue
        case (.unicode, .pi): return "π"
        case (.unicode, .inf): return "∞"
        case (.latex, .pi): return "\\pi"
        case (.latex, .inf): return "\\infty"
        case (.latex, .nan): return "\\mathrm{NaN}"
        default: return k.rawValue
        }
    }

    static let greek: [Character: String] = [
        "α": "alpha", "β": "beta", "γ": "gamma", "δ": "delta", "ε": "epsilon", "ζ": "zeta", "η": "eta",
        "θ": "theta", "ι": "iota", "κ": "kappa", "λ": "lambda", "μ": "mu", "ν": "nu", "ξ": "xi",
        "ρ": "rho", "σ": "sigma", "τ": "tau", "υ": "upsilon", "φ": "phi", "χ": "chi", "ψ": "psi", "ω": "omega",
        "Γ": "Gamma", "Δ": "Delta", "Θ": "Theta", "Λ": "Lambda", "Ξ": "Xi", "Π": "Pi", "Σ": "Sigma",
        "Φ": "Phi", "Ψ": "Psi", "Ω": "Omega",
    ]

    func renderName(_ s: String) -> String {
        guard style == .latex else { return s }
        // split a trailing subscript: x₁, w_2, θ0
        var base = "", sub = ""
        var inSub = false
        for ch in s {
            if !inSub, ch == "_" { inSub = true; continue }
            if let v = ch.unicodeScalars.first?.value, v >= 0x2080, v <= 0x2089 {
                inSub = true
                sub.append(Character(Unicode.Scalar(v - 0x2080 + 48)!))
                continue
            }
            if inSub { sub.append(ch) } else { base.append(ch) }
        }
        if sub.isEmpty, let last = base.last, last.isNumber, base.count > 1, base.first!.isLetter {
            let digits = base.reversed().prefix { $0.isNumber }
            sub = String(digits.reversed())
            base = String(base.dropLast(digits.count))
        }
        var b = base.map { Self.greek[$0].map { "\\" + $0 } ?? String($0) }.joined()
        if base.count > 1 && !base.contains(where: { Self.greek[$0] != nil }) { b = "\\mathit{\(base)}" }
        return sub.isEmpty ? b : "\(b)_{\(sub)}"
    }

    // MARK: sums

    /// Display degree: how "big" a term looks, for descending order.
    static func degree(_ e: Expr) -> Double {
        switch e.kind {
        case .number: return 0
        case .symbol, .constant, .data: return e.kind.isConstantLike ? 0 : 1
        case .pow(let b, let x):
            if case .number(let n) = x.kind { return degree(b) * n.double }
            return degree(b) + 1
        case .mul(let fs): return fs.reduce(0) { $0 + degree($1) }
        case .add(let ts): return ts.map(degree).max() ?? 0
        case .call: return e.free.isEmpty ? 0 : 0.5   // after powers of the variable: 2*x + cos(x)
        case .applied: return e.free.isEmpty ? 0 : 0.5
        }
    }

    /// Whether a term prints with a minus sign (-x, -2*y, -3).
    static func hasNegativeCoefficient(_ e: Expr) -> Bool {
        switch e.kind {
        case .number(let n): return n.isNegative
        case .mul(let fs): if case .number(let n) = fs[0].kind { return n.isNegative }; return false
        default: return false
        }
    }

    static func coefficient(_ e: Expr) -> (Number, [Expr]) {
        switch e.kind {
        case .number(let n): return (n, [])
        case .mul(let fs):
            if case .number(let n) = fs[0].kind { return (n, Array(fs[1...])) }
            return (.one, fs)
        default: return (.one, [e])
        }
    }

    func renderSum(_ terms: [Expr]) -> Out {
        let keyed = terms.map { t -> (Expr, Bool, Double) in
            (t, Printer.hasNegativeCoefficient(t), Printer.degree(t))
        }
        func ordered(_ xs: [(Expr, Bool, Double)]) -> [Expr] {
            xs.enumerated().sorted { a, b in
                if a.element.2 != b.element.2 { return a.element.2 > b.element.2 }
                return a.offset < b.offset
            }.map { $0.element.0 }
        }
        // by descending degree, led by the first positive term: x^2 - 2*x + 1, 1 - x
        var sequence = ordered(keyed)
        if let lead = sequence.firstIndex(where: { !Printer.hasNegativeCoefficient($0) }), lead > 0 {
            sequence.insert(sequence.remove(at: lead), at: 0)
        }
        var text = ""
        for (k, t) in sequence.enumerated() {
            let (c, fs) = Printer.coefficient(t)
            if c.isNegative {
                let body = fs.isEmpty ? renderNumber(-c) : renderProduct(-c, fs)
                let b = body.prec <= Self.sumPrec || (k == 0 && leadsWithSum(-c, fs)) ? paren(body.text) : body.text
                text += k == 0 ? minus + b : " \(minus) " + b
            } else {
                let body = render(t)
                let b = body.prec <= Self.sumPrec ? paren(body.text) : body.text
                text += k == 0 ? b : " + " + b
            }
        }
        return Out(text: text, prec: Self.sumPrec)
    }

    func paren(_ s: String) -> String { style == .latex ? "\\left(" + s + "\\right)" : "(" + s + ")" }

    // MARK: products and powers

    /// Splits a factor into numerator or denominator: b^-k goes down as b^k.
    func split(_ f: Expr) -> (Expr, Number?, Bool) {
        if case .pow(let b, let x) = f.kind {
            if case .number(let n) = x.kind, n.isNegative { return (b, -n, true) }
            if case .mul(let xs) = x.kind, case .number(let n) = xs[0].kind, n.isNegative {
                return (f, nil, true)   // b^(-k·y): handled by renderPower with negated exponent
            }
        }
        return (f, nil, false)
    }

    func renderProduct(_ c: Number, _ factors: [Expr]) -> Out {
        var num: [Out] = [], den: [Out] = []
        var negative = false
        var coef = c
        if coef.isNegative { negative = true; coef = -coef }
        switch coef {
        case .rational(_, 0):
            num.append(renderNumber(coef))
        case .rational(let p, let q):
            if p != 1 || factors.isEmpty { num.append(Out(text: "\(p)", prec: Self.atomPrec)) }
            if q != 1 { den.append(Out(text: "\(q)", prec: Self.atomPrec)) }
        case .float(let d):
            if d != 1 || factors.isEmpty { num.append(Out(text: formatDouble(d), prec: Self.atomPrec)) }
        }
        for f in factors {
            let (b, k, down) = split(f)
            if down {
                if let k { den.append(k.isOne ? render(b) : renderPower(b, .number(k))) }
                else if case .pow(let bb, let x) = f.kind, case .mul(let xs) = x.kind, case .number(let n) = xs[0].kind {
                    den.append(renderPower(bb, .negatedExponent(-n, Array(xs[1...]))))
                }
            } else {
                num.append(factorOut(f))
            }
        }
        // a lone factor with nothing else is itself
        if num.count == 1 && den.isEmpty && !negative { return num[0] }
        let numText: String
        if num.isEmpty { numText = "1" }
        else { numText = joinFactors(num) }
        var text: String
        var prec: Int
        if den.isEmpty {
            text = numText
            prec = num.count == 1 ? num[0].prec : Self.productPrec
        } else if style == .latex {
            text = "\\frac{\(num.isEmpty ? "1" : joinFactors(num, bare: true))}{\(joinFactors(den, bare: true))}"
            prec = Self.atomPrec
        } else {
            let numPart = num.count == 1 && num[0].prec >= Self.productPrec ? num[0].text :
                (num.count == 1 ? paren(num[0].text) : numText)
            let denPart: String
            if den.count == 1 && den[0].prec > Self.productPrec { denPart = den[0].text }
            else { denPart = paren(den.count == 1 ? den[0].text : joinFactors(den)) }
            text = "\(numPart)/\(denPart)"
            prec = Self.productPrec
        }
        if negative {
            if prec < Self.productPrec || leadsWithSum(coef, factors) { text = paren(text) }
            return Out(text: minus + text, prec: Self.unaryPrec)
        }
        return Out(text: text, prec: prec)
    }

    /// Whether a product printed after a leading minus would start with a
    /// parenthesised sum: `-(a - b)/c` reads back as `(b - a)/c` (the minus
    /// binds to the sum alone and is distributed), so it prints as `-((a - b)/c)`.
    func leadsWithSum(_ c: Number, _ factors: [Expr]) -> Bool {
        guard case .rational(let p, let q) = c, q != 0, p == 1 || p == -1 else { return false }
        guard let first = factors.first(where: { !split($0).2 }) else { return false }
        if case .add = first.kind { return true }
        return false
    }

    func factorOut(_ f: Expr) -> Out {
        if case .pow(let b, let x) = f.kind { return renderPower(b, .expr(x)) }
        return render(f)
    }

    func joinFactors(_ fs: [Out], bare: Bool = false) -> String {
        var text = ""
        for (i, f) in fs.enumerated() {
            let needsParens = f.prec <= Self.sumPrec || (i > 0 && (f.prec == Self.productPrec || f.prec == Self.unaryPrec))
            let piece = needsParens ? paren(f.text) : f.text
            if i == 0 { text = piece; continue }
            switch style {
            case .plain: text += "*" + piece
            case .unicode:
                // juxtapose a leading number with what follows: 2x, 3(x + 1), 2√x, 2σ(x)
                if i == 1, let first = text.unicodeScalars.first, first.properties.numericType != nil || first == "−" ,
                   text.unicodeScalars.allSatisfy({ $0.properties.numericType != nil || $0 == "." || $0 == "−" }),
                   let lead = piece.unicodeScalars.first, lead.properties.isAlphabetic || lead == "(" || lead == "√" || lead == "σ" {
                    text += piece
                } else { text += "·" + piece }
            case .latex:
                if i == 1, text.allSatisfy({ $0.isNumber || $0 == "." }), !(piece.first?.isNumber ?? false) { text += " " + piece }
                else { text += " \\cdot " + piece }
            }
        }
        return text
    }

    enum Exponent { case expr(Expr), number(Number), negatedExponent(Number, [Expr]) }

    func renderPower(_ b: Expr, _ x: Exponent) -> Out {
        // square roots
        if case .number(let n) = x, n == .rational(1, 2) { return renderRoot(b) }
        if case .expr(let xe) = x, case .number(let n) = xe.kind, n == .rational(1, 2) { return renderRoot(b) }
        let base = render(b)
        let baseText = base.prec < Self.atomPrec || (style == .latex && base.text.hasPrefix("\\frac")) ? paren(base.text) : base.text
        let expOut: Out
        switch x {
        case .expr(let xe): expOut = render(xe)
        case .number(let n): expOut = renderNumber(n)
        case .negatedExponent(let n, let rest): expOut = renderProduct(n, rest)
        }
        switch style {
        case .latex:
            return Out(text: "\(baseText)^{\(expOut.text)}", prec: Self.powerPrec)
        case .unicode:
            if case .rational(let p, 1) = numberOf(x), let sup = superscript(p) {
                return Out(text: baseText + sup, prec: Self.powerPrec)
            }
            fallthrough
        case .plain:
            let et = expOut.prec > Self.powerPrec ? expOut.text : paren(expOut.text)   // 10^(x^2), not 10^x^2
            return Out(text: "\(baseText)^\(et)", prec: Self.powerPrec)
        }
    }

    func numberOf(_ x: Exponent) -> Number? {
        switch x {
        case .number(let n): return n
        case .expr(let e): return e.numberValue
        default: return nil
        }
    }

    /// `x²` for small non-negative integer exponents (Text.swift's table).
    func superscript(_ n: Int64) -> String? {
        guard n >= 0, n < 1000 else { return nil }
        return Superscript.text(n)
    }

    func renderRoot(_ b: Expr) -> Out {
        let inner = render(b)
        switch style {
        case .plain: return Out(text: "sqrt(\(inner.text))", prec: Self.atomPrec)
        case .unicode:
            return Out(text: inner.prec == Self.atomPrec ? "√" + inner.text : "√(" + inner.text + ")", prec: Self.atomPrec)
        case .latex: return Out(text: "\\sqrt{\(inner.text)}", prec: Self.atomPrec)
        }
    }

    // MARK: calls

    func renderCall(_ f: Builtin, _ args: [Expr]) -> Out {
        let inner = args.map { print($0) }.joined(separator: ", ")
        switch style {
        case .plain: return Out(text: "\(f.name)(\(inner))", prec: Self.atomPrec)
        case .unicode: return Out(text: f.unicode(inner), prec: Self.atomPrec)
        case .latex:
            let (text, isPower) = f.latex(inner)
            return Out(text: text, prec: isPower ? Self.powerPrec : Self.atomPrec)
        }
    }
}

extension Expr.Kind {
    var isConstantLike: Bool {
        switch self { case .constant, .data: return true; default: return false }
    }
}
