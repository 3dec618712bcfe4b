// Expr — the symbolic expression: immutable and hash-consed.
//
// Every node is created through an ExprContext, which interns it: two
// structurally equal expressions are the same object, so equality is pointer
// equality, hashing is O(1), and a derivative shares every piece it has in
// common with its input (growth stays linear in the input's size and depth).
// Each node caches its free symbols, depth, whether it holds data (a list),
// and a structural hash that is the same in every session (the canonical
// order's tie-breaker). Nodes and kinds hash with a cheap mix of ids instead
// of SipHash: interning and memo tables are the engine's hottest paths.
// Nodes are only built by the smart constructors in Constructors.swift, which
// keep them in canonical form.

public enum Constant: String, Sendable, CaseIterable {
    case pi, e, inf, nan
    public var value: Double {
        switch self {
        case .pi: return Double.pi
        case .e: return 2.718281828459045
        case .inf: return Double.infinity
        case .nan: return Double.nan
        }
    }
}

public final class Expr: Hashable, @unchecked Sendable, CustomStringConvertible {
    public enum Kind: Hashable {
        case number(Number)
        case symbol(String)
        case constant(Constant)
        /// A list of data values; `name` is the variable it came from, printed instead of the values.
        case data(String?, [Double])
        case add([Expr])          // flattened, canonically sorted, numeric term first, ≥ 2 terms
        case mul([Expr])          // flattened, canonically sorted, numeric coefficient first, ≥ 2 factors
        case pow(Expr, Expr)
        case call(Builtin, [Expr])
        /// An abstract (undefined) function applied to its arguments, or one of
        /// its partial derivatives there: `z(u(x), v(x))`, ∂z/∂(argument 1) at them.
        case applied(AbstractFunction, [Expr])

        public static func == (a: Kind, b: Kind) -> Bool {
            switch (a, b) {
            case let (.number(x), .number(y)): return x == y
            case let (.symbol(x), .symbol(y)): return x == y
            case let (.constant(x), .constant(y)): return x == y
            case let (.data(n1, v1), .data(n2, v2)):
                return n1 == n2 && v1.count == v2.count && zip(v1, v2).allSatisfy { $0.bitPattern == $1.bitPattern }
            case let (.add(x), .add(y)), let (.mul(x), .mul(y)): return x.count == y.count && zip(x, y).allSatisfy { $0 === $1 }
            case let (.pow(b1, e1), .pow(b2, e2)): return b1 === b2 && e1 === e2
            case let (.call(f1, a1), .call(f2, a2)): return f1 == f2 && a1.count == a2.count && zip(a1, a2).allSatisfy { $0 === $1 }
            case let (.applied(f1, a1), .applied(f2, a2)): return f1 == f2 && a1.count == a2.count && zip(a1, a2).allSatisfy { $0 === $1 }
            default: return false
            }
        }
        /// Interning hashes every node built, so Kind bypasses SipHash: its
        /// children are already unique, and their ids mix into a good key.
        public func _rawHashValue(seed: Int) -> Int {
            var m = StructuralHash(UInt64(UInt(bitPattern: seed)))
            switch self {
            case .number(.rational(let p, let q)):
                m.mix(1); m.mix(UInt64(bitPattern: p)); m.mix(UInt64(bitPattern: q))
            case .number(.float(let d)):
                m.mix(2); m.mix(d.bitPattern)
            case .symbol, .constant, .data, .applied:
                var h = Hasher()
                hash(into: &h)
                return h.finalize() ^ seed
            case .add(let xs): m.mix(4); for x in xs { m.mix(UInt64(x.id)) }
            case .mul(let xs): m.mix(5); for x in xs { m.mix(UInt64(x.id)) }
            case .pow(let b, let e): m.mix(6); m.mix(UInt64(b.id)); m.mix(UInt64(e.id))
            case .call(let f, let a): m.mix(7 &+ UInt64(f.ordinal) &* 8); for x in a { m.mix(UInt64(x.id)) }
            }
            return Int(bitPattern: UInt(m.value))
        }

        public func hash(into h: inout Hasher) {
            switch self {
            case .number(let n): h.combine(0); h.combine(n)
            case .symbol(let s): h.combine(1); h.combine(s)
            case .constant(let c): h.combine(2); h.combine(c)
            case .data(let n, let v): h.combine(3); h.combine(n); h.combine(v.count); for x in v.prefix(16) { h.combine(x.bitPattern) }
            case .add(let xs): h.combine(4); for x in xs { h.combine(ObjectIdentifier(x)) }
            case .mul(let xs): h.combine(5); for x in xs { h.combine(ObjectIdentifier(x)) }
            case .pow(let b, let e): h.combine(6); h.combine(ObjectIdentifier(b)); h.combine(ObjectIdentifier(e))
            case .call(let f, let a): h.combine(7); h.combine(f); for x in a { h.combine(ObjectIdentifier(x)) }
            case .applied(let f, let a): h.combine(8); h.combine(f); for x in a { h.combine(ObjectIdentifier(x)) }
            }
        }
    }

    public let kind: Kind
    /// Creation order within its context (stable within a session).
    public let id: Int
    /// Ids of the symbol nodes occurring in this expression, sorted ascending.
    public let free: [Int]
    /// 1 for leaves.
    public let depth: Int
    /// True when a data list occurs inside (the value is a vector).
    public let hasData: Bool
    /// A hash of the structure alone (never of creation order), the same in
    /// every session: the canonical order's tie-breaker below a few levels.
    public let shash: UInt64
    /// For a call, its function's alphabetical rank (else -1): lets the
    /// canonical order compare calls without unpacking them.
    let head: Int

    init(kind: Kind, id: Int, free: [Int], depth: Int, hasData: Bool, shash: UInt64) {
        self.kind = kind
        self.id = id
        self.free = free
        self.depth = depth
        self.hasData = hasData
        self.shash = shash
        if case .call(let f, _) = kind { head = f.alphabeticalRank } else { head = -1 }
    }

    public static func == (a: Expr, b: Expr) -> Bool { a === b }
    public func hash(into h: inout Hasher) { h.combine(id) }
    /// Dictionaries keyed by nodes (memo tables, like-term collection) hash the
    /// unique id with one multiply instead of SipHash.
    public func _rawHashValue(seed: Int) -> Int {
        var m = StructuralHash(UInt64(UInt(bitPattern: seed)))
        m.mix(UInt64(id))
        return Int(bitPattern: UInt(m.value))
    }

    /// Whether the symbol node `s` occurs in this expression.
    @inline(__always) public func contains(_ s: Expr) -> Bool {
        let target = s.id
        var lo = 0, hi = free.count - 1
        while lo <= hi {
            let mid = (lo + hi) >> 1
            let v = free[mid]
            if v == target { return true }
            if v < target { lo = mid + 1 } else { hi = mid - 1 }
        }
        return false
    }

    public var numberValue: Number? { if case .number(let n) = kind { return n }; return nil }
    public var symbolName: String? { if case .symbol(let s) = kind { return s }; return nil }
    public var isZero: Bool { numberValue?.isZero ?? false }
    public var isOne: Bool { numberValue?.isOne == true }

    /// Children in order (for generic traversals).
    public var children: [Expr] {
        switch kind {
        case .number, .symbol, .constant, .data: return []
        case .add(let xs), .mul(let xs): return xs
        case .pow(let b, let e): return [b, e]
        case .call(_, let a): return a
        case .applied(_, let a): return a
        }
    }

    /// Plain text form (valid calc input).
    public var description: String { Printer(style: .plain).print(self) }

    /// Number of nodes counted as a tree (shared pieces counted each time), capped.
    public func treeSize(cap: Int = Int.max) -> Int {
        var count = 0
        func walk(_ e: Expr) {
            if count >= cap { return }
            count += 1
            for c in e.children { walk(c) }
        }
        walk(self)
        return count
    }

    /// The first node, depth first in child order, for which `match` holds;
    /// each shared node is searched once.
    public func first(where match: (Expr) -> Bool) -> Expr? {
        var seen = Set<ObjectIdentifier>()
        var stack = [self]
        while let n = stack.popLast() {
            if match(n) { return n }
            guard n.depth > 1, seen.insert(ObjectIdentifier(n)).inserted else { continue }
            stack.append(contentsOf: n.children.reversed())
        }
        return nil
    }

    /// Number of distinct nodes (as a DAG).
    public var dagSize: Int {
        var seen = Set<ObjectIdentifier>()
        var stack = [self]
        while let e = stack.popLast() {
            if seen.insert(ObjectIdentifier(e)).inserted { stack.append(contentsOf: e.children) }
        }
        return seen.count
    }
}

/// An abstract function — a name without a definition, such as z in
/// `diff(z(u(x), v(x)), x)` — and which partial derivative of it a node is:
/// `partials` lists the (0-based) arguments differentiated by, ascending
/// (empty: the function itself; [0, 1]: ∂²z/∂u∂v). It has no value.
public struct AbstractFunction: Hashable, Sendable {
    public let name: String
    public let partials: [Int]
    public init(_ name: String, partials: [Int] = []) { self.name = name; self.partials = partials.sorted() }
    /// The partial derivative of this one with respect to argument `k`.
    public func differentiated(by k: Int) -> AbstractFunction { AbstractFunction(name, partials: partials + [k]) }
}

/// Owns and interns the expressions of one session. Not shared between threads.
public final class ExprContext {
    var table: [Expr.Kind: Expr] = [:]
    var nextID = 0
    /// Symbol nodes by id, to map `free` back to names.
    var symbolsByID: [Int: Expr] = [:]

    /// The nodes every rule needs, interned once (looking them up each time
    /// was a measurable share of a gradient's cost).
    private var cached: [Expr] = []
    public var zero: Expr { cached[0] }
    public var one: Expr { cached[1] }
    public var minusOne: Expr { cached[2] }
    public var half: Expr { cached[3] }
    public var two: Expr { cached[4] }

    public init() {
        table.reserveCapacity(1024)
        cached = [intern(.number(.zero)), intern(.number(.one)), intern(.number(.minusOne)),
                  intern(.number(.rational(1, 2))), intern(.number(.rational(2, 1)))]
    }

    /// Interns a node in canonical form. Only the smart constructors call this.
    func intern(_ kind: Expr.Kind) -> Expr {
        if let e = table[kind] { return e }
        var free: [Int] = []
        var depth = 1
        var hasData = false
        var h = StructuralHash(0)
        switch kind {
        case .symbol(let name):
            free = [nextID]
            h.mix(2)
            for b in name.utf8 { h.mix(UInt64(b)) }
        case .data(let name, let values):
            hasData = true
            h.mix(3)
            for b in (name ?? "").utf8 { h.mix(UInt64(b)) }
            h.mix(UInt64(values.count))
            for v in values.prefix(16) { h.mix(v.bitPattern) }
        case .number(let n):
            h.mix(0)
            switch n {
            case .rational(let p, let q): h.mix(UInt64(bitPattern: p)); h.mix(UInt64(bitPattern: q))
            case .float(let d): h.mix(1); h.mix(d.bitPattern)
            }
        case .constant(let c):
            h.mix(1)
            for b in c.rawValue.utf8 { h.mix(UInt64(b)) }
        case .add(let xs), .mul(let xs), .call(_, let xs):
            free = Self.union(xs)
            switch kind {
            case .add: h.mix(4)
            case .mul: h.mix(5)
            case .call(let f, _): h.mix(7 &+ UInt64(f.ordinal) &* 8)
            default: break
            }
            for x in xs { depth = max(depth, x.depth + 1); hasData = hasData || x.hasData; h.mix(x.shash) }
        case .applied(let f, let xs):
            free = Self.union(xs)
            h.mix(8)
            for b in f.name.utf8 { h.mix(UInt64(b)) }
            for k in f.partials { h.mix(UInt64(k) &+ 1_000) }
            for x in xs { depth = max(depth, x.depth + 1); hasData = hasData || x.hasData; h.mix(x.shash) }
        case .pow(let b, let e):
            free = Self.union([b, e])
            depth = max(b.depth, e.depth) + 1
            hasData = b.hasData || e.hasData
            h.mix(6); h.mix(b.shash); h.mix(e.shash)
        }
        let e = Expr(kind: kind, id: nextID, free: free, depth: depth, hasData: hasData, shash: h.value)
        nextID += 1
        table[kind] = e
        if case .symbol = kind { symbolsByID[e.id] = e }
        return e
    }

    /// The sorted union of the operands' free ids. The common case — every
    /// operand that has any holds the same ones (x, x + 1, x^2) — costs one
    /// comparison pass; otherwise all are gathered and sorted once.
    static func union(_ xs: [Expr]) -> [Int] {
        var first: [Int]? = nil
        var same = true
        for x in xs where !x.free.isEmpty {
            if let f = first { if x.free != f { same = false; break } } else { first = x.free }
        }
        guard let first else { return [] }
        if same { return first }
        var all: [Int] = []
        for x in xs { all.append(contentsOf: x.free) }
        all.sort()
        var out: [Int] = []
        out.reserveCapacity(all.count)
        for v in all where out.last != v { out.append(v) }
        return out
    }

    /// For sums of many terms, the positions of the terms holding each symbol
    /// (built on first use): a gradient's partials each visit only their own
    /// terms instead of scanning all of them.
    var termIndex: [Expr: [Int: [Int]]] = [:]

    /// Positions of the terms of the sum `e` that hold the symbol `s`.
    func terms(of e: Expr, holding s: Expr) -> [Int] {
        guard case .add(let ts) = e.kind else { return [] }
        if let idx = termIndex[e] { return idx[s.id] ?? [] }
        var idx: [Int: [Int]] = [:]
        for (k, t) in ts.enumerated() { for v in t.free { idx[v, default: []].append(k) } }
        termIndex[e] = idx
        return idx[s.id] ?? []
    }

    /// The symbol nodes free in `e`, in id order.
    public func freeSymbols(_ e: Expr) -> [Expr] { e.free.compactMap { symbolsByID[$0] } }
    public func freeNames(_ e: Expr) -> [String] { freeSymbols(e).compactMap { $0.symbolName } }
}

/// A small deterministic mixing hash (64-bit multiply-xorshift): the same
/// value in every process, unlike Swift's seeded Hasher.
struct StructuralHash {
    var value: UInt64
    init(_ seed: UInt64) { value = seed ^ 0x9E37_79B9_7F4A_7C15 }
    @inline(__always) mutating func mix(_ x: UInt64) {
        var z = (value ^ x) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 29)) &* 0x94D0_49BB_1331_11EB
        value = z ^ (z >> 32)
    }
}
