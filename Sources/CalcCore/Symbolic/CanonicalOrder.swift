// CanonicalOrder — the canonical order of operands in sums and products
// (ExprOrder), the natural order of names (x2 before x10), and the key under
// which `add` collects like terms (TermKey).
//
// The order is deterministic across sessions: it never depends on creation
// order, only on structure, and past a few levels on the structural hash.

/// The canonical order of operands in sums and products: numbers first, then
/// symbols by name (x₂ before x₁₀), then data, calls, powers by base, products,
/// sums; a few levels down, by structural hash. Deterministic across sessions
/// (never depends on creation order).
public enum ExprOrder {
    static func rank(_ e: Expr) -> Int {
        switch e.kind {
        case .number: return 0
        case .constant: return 1
        case .symbol: return 2
        case .data: return 3
        case .call: return 4
        case .pow: return 5
        case .mul: return 6
        case .add: return 7
        case .applied: return 8   // abstract functions last (added after the others: their order is unchanged)
        }
    }

    /// The base a factor is collected under (x for x^2).
    @inline(__always) static func base(_ e: Expr) -> Expr {
        if case .pow(let b, _) = e.kind { return b }
        return e
    }

    public static func less(_ a: Expr, _ b: Expr) -> Bool { compare(a, b) < 0 }

    /// Sorts operands canonically: insertion sort for the usual handful
    /// (no buffer allocation), the standard library's sort beyond.
    static func sort(_ xs: inout [Expr]) {
        if xs.count > 16 {
            // decorated with a key that agrees with `compare` where it differs
            // (rank, then a call's name and depth, of the base), so most
            // comparisons are integer ones
            var keyed = xs.map { e -> (Int, Expr) in
                let b = base(e)
                return (rank(b) << 40 | (b.head + 1) << 32 | (b.head >= 0 ? b.depth : 0), e)
            }
            keyed.sort { $0.0 != $1.0 ? $0.0 < $1.0 : less($0.1, $1.1) }
            for k in xs.indices { xs[k] = keyed[k].1 }
            return
        }
        if xs.count < 2 { return }
        for i in 1..<xs.count {
            let x = xs[i]
            var j = i
            while j > 0 && less(x, xs[j - 1]) { xs[j] = xs[j - 1]; j -= 1 }
            if j != i { xs[j] = x }
        }
    }

    /// How many levels the order looks into before it settles on the
    /// structural hash: readable where it shows (x before y, cos before sin,
    /// x + 1 before x + 2) and O(1) per comparison however deep the operands.
    static let lookahead = 3

    public static func compare(_ a: Expr, _ b: Expr) -> Int { compare(a, b, lookahead) }

    static func compare(_ a: Expr, _ b: Expr, _ budget: Int) -> Int {
        if a === b { return 0 }
        // powers sort by their base, then exponent: x, x^2, y
        let ba = base(a), bb = base(b)
        if ba !== bb || (a.kind.isPow != b.kind.isPow) {
            if ba === bb {
                return a.kind.isPow ? 1 : -1
            }
            return compareStructure(ba, bb, budget)
        }
        if case .pow(_, let ea) = a.kind, case .pow(_, let eb) = b.kind { return compare(ea, eb, budget - 1) }
        return compareStructure(a, b, budget)
    }

    static func compareStructure(_ a: Expr, _ b: Expr, _ budget: Int) -> Int {
        if a === b { return 0 }
        let ra = rank(a), rb = rank(b)
        if ra != rb { return ra < rb ? -1 : 1 }
        if a.head >= 0 {   // two calls: by name, then depth, without unpacking them
            if a.head != b.head { return a.head < b.head ? -1 : 1 }
            if a.depth != b.depth { return a.depth < b.depth ? -1 : 1 }
            if budget <= 0 { return byHash(a, b) }
        }
        switch (a.kind, b.kind) {
        case let (.number(x), .number(y)):
            let dx = x.double, dy = y.double
            if dx != dy { return dx < dy ? -1 : 1 }
            return x.isExact == y.isExact ? 0 : (x.isExact ? -1 : 1)
        case let (.constant(x), .constant(y)):
            return x.rawValue < y.rawValue ? -1 : (x.rawValue == y.rawValue ? 0 : 1)
        case let (.symbol(x), .symbol(y)):
            return naturalCompare(x, y)
        case let (.data(n1, v1), .data(n2, v2)):
            if n1 != n2 { return (n1 ?? "") < (n2 ?? "") ? -1 : 1 }
            if v1.count != v2.count { return v1.count < v2.count ? -1 : 1 }
            for (p, q) in zip(v1, v2) where p != q { return p < q ? -1 : 1 }
            return 0
        case let (.call(f, xs), .call(g, ys)):
            if f != g { return f.alphabeticalRank < g.alphabeticalRank ? -1 : 1 }
            if a.depth != b.depth { return a.depth < b.depth ? -1 : 1 }   // cos(x) before cos(cos(x))
            if budget <= 0 { return byHash(a, b) }
            return compareLists(xs, ys, budget - 1)
        case let (.pow(b1, e1), .pow(b2, e2)):
            if budget <= 0 { return byHash(a, b) }
            let c = compare(b1, b2, budget - 1)
            return c != 0 ? c : compare(e1, e2, budget - 1)
        case let (.mul(xs), .mul(ys)), let (.add(xs), .add(ys)):
            if budget <= 0 { return byHash(a, b) }
            // the first few operands decide (x*y before x*z); past them, the hash
            let c = compareLists(xs.prefix(4), ys.prefix(4), budget - 1)
            if c != 0 { return c }
            return xs.count <= 4 && ys.count <= 4 ? 0 : byHash(a, b)
        case let (.applied(f, xs), .applied(g, ys)):
            // the outer function first (∂z/∂u·u'(x), f'(g(x))·g'(x)), then by name
            if a.depth != b.depth { return a.depth > b.depth ? -1 : 1 }
            if f.name != g.name { return naturalCompare(f.name, g.name) }
            if f.partials != g.partials {
                if f.partials.count != g.partials.count { return f.partials.count < g.partials.count ? -1 : 1 }
                return f.partials.lexicographicallyPrecedes(g.partials) ? -1 : 1
            }
            if xs.count != ys.count { return xs.count < ys.count ? -1 : 1 }
            if budget <= 0 { return byHash(a, b) }
            let c = compareLists(xs, ys, budget - 1)
            return c != 0 ? c : byHash(a, b)
        default:
            return 0
        }
    }

    @inline(__always) static func byHash(_ a: Expr, _ b: Expr) -> Int {
        a.shash == b.shash ? 0 : (a.shash < b.shash ? -1 : 1)
    }

    static func compareLists<C: Collection>(_ xs: C, _ ys: C, _ budget: Int) -> Int where C.Element == Expr {
        for (x, y) in zip(xs, ys) {
            let c = compare(x, y, budget)
            if c != 0 { return c }
        }
        return xs.count == ys.count ? 0 : (xs.count < ys.count ? -1 : 1)
    }

    /// Names compare with embedded digit runs as numbers: x2 < x10, x₂ < x₁₀.
    public static func naturalCompare(_ a: String, _ b: String) -> Int {
        if a == b { return 0 }
        // fast path: names without digits compare scalar by scalar
        @inline(__always) func hasDigit(_ s: String) -> Bool {
            s.utf8.contains { ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x82 }   // 0x82: second byte of ₀…₉
        }
        if !hasDigit(a) && !hasDigit(b) {
            return a.unicodeScalars.lexicographicallyPrecedes(b.unicodeScalars) { $0.value < $1.value } ? -1 : 1
        }
        let sa = Array(a.unicodeScalars), sb = Array(b.unicodeScalars)
        func digit(_ s: Unicode.Scalar) -> Int? {
            if s >= "0" && s <= "9" { return Int(s.value - 48) }
            if s.value >= 0x2080 && s.value <= 0x2089 { return Int(s.value - 0x2080) }
            return nil
        }
        var i = 0, j = 0
        while i < sa.count && j < sb.count {
            if digit(sa[i]) != nil && digit(sb[j]) != nil {
                var x = 0, y = 0, li = 0, lj = 0
                while i < sa.count, let d = digit(sa[i]) { x = x &* 10 &+ d; i += 1; li += 1 }
                while j < sb.count, let d = digit(sb[j]) { y = y &* 10 &+ d; j += 1; lj += 1 }
                if x != y { return x < y ? -1 : 1 }
                if li != lj { return li < lj ? -1 : 1 }
            } else {
                if sa[i] != sb[j] { return sa[i].value < sb[j].value ? -1 : 1 }
                i += 1; j += 1
            }
        }
        return sa.count - i == sb.count - j ? (a < b ? -1 : 1) : (sa.count - i < sb.count - j ? -1 : 1)
    }
}

extension Expr.Kind {
    var isPow: Bool { if case .pow = self { return true }; return false }
}

/// The non-numeric part of a sum's term, compared and hashed by its factors'
/// identities, so collecting like terms never builds that part as a node.
struct TermKey: Hashable {
    /// The term itself when it is not a product; otherwise its factors after the coefficient.
    let single: Expr?
    let factors: ArraySlice<Expr>

    /// (coefficient, key): 3*x*y → (3, [x, y]); x*y → (1, [x, y]); 2*x → (2, x); sin(x) → (1, sin(x)).
    static func split(_ t: Expr) -> (Number, TermKey) {
        if case .mul(let fs) = t.kind {
            if case .number(let n) = fs[0].kind {
                return fs.count == 2 ? (n, TermKey(single: fs[1], factors: [])) : (n, TermKey(single: nil, factors: fs[1...]))
            }
            return (.one, TermKey(single: nil, factors: fs[...]))
        }
        return (.one, TermKey(single: t, factors: []))
    }

    static func == (a: TermKey, b: TermKey) -> Bool {
        if let x = a.single { return b.single === x }
        if b.single != nil || a.factors.count != b.factors.count { return false }
        for (x, y) in zip(a.factors, b.factors) where x !== y { return false }
        return true
    }

    func hash(into h: inout Hasher) { h.combine(_rawHashValue(seed: 0)) }

    func _rawHashValue(seed: Int) -> Int {
        var m = StructuralHash(UInt64(UInt(bitPattern: seed)))
        if let x = single { m.mix(UInt64(x.id)) } else { for f in factors { m.mix(UInt64(f.id)) } }
        return Int(bitPattern: UInt(m.value))
    }

    /// c times this part, canonical.
    func scaled(_ c: Number, _ ctx: ExprContext) -> Expr {
        if c.isZero { return ctx.zero }
        let unit = c.isOne && c.isExact
        if let x = single {
            if unit { return x }
            if case .mul(let fs) = x.kind { return ctx.intern(.mul([ctx.number(c)] + fs)) }
            return ctx.intern(.mul([ctx.number(c), x]))
        }
        return ctx.intern(.mul(unit ? Array(factors) : [ctx.number(c)] + factors))
    }
}
