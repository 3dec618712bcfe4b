// ConstructorMemo — remembers recent results of the smart constructors.
//
// The constructors are pure functions of interned operands, so a result can
// be found again by its operands' identities instead of being rebuilt. Long
// inputs repeat the same pieces (a polynomial of ten thousand terms writes
// `3*x^2*y` many times, and `x^2` more often still), and collecting a
// product's factors costs far more than finding it again. None of this
// changes a result: a miss simply calls the constructor.
//
// (The tables are touched by one single-threaded evaluator, never across a
// call that could reach them again: their accesses need no run-time
// exclusivity checks, which cost as much as the look-ups.)

final class ConstructorMemo {
    let ctx: ExprContext

    init(context: ExprContext) { self.ctx = context }

    // MARK: powers

    /// Recent powers in slots by the operands' ids (unique in the context).
    @exclusivity(unchecked) private var powerOperands: [(base: Int, exponent: Int)] = Array(repeating: (-1, -1), count: 256)
    @exclusivity(unchecked) private var powers: [Expr?] = Array(repeating: nil, count: 256)

    /// `ctx.pow(base, exponent)`.
    func power(_ base: Expr, _ exponent: Expr) -> Expr {
        let slot = (base.id &* 31 &+ exponent.id) & 255
        if powerOperands[slot] == (base.id, exponent.id), let p = powers[slot] { return p }
        let e = ctx.pow(base, exponent)
        powerOperands[slot] = (base.id, exponent.id)
        powers[slot] = e
        return e
    }

    // MARK: short sums and products

    /// A short sum or product of interned operands, by its operands.
    struct ChainKey: Hashable {
        let isSum: Bool
        let parts: [Expr]
        static func == (a: ChainKey, b: ChainKey) -> Bool {
            a.isSum == b.isSum && a.parts.count == b.parts.count && zip(a.parts, b.parts).allSatisfy { $0 === $1 }
        }
        func hash(into h: inout Hasher) { h.combine(_rawHashValue(seed: 0)) }
        func _rawHashValue(seed: Int) -> Int {
            var m = StructuralHash(UInt64(UInt(bitPattern: seed)))
            m.mix(isSum ? 1 : 2)
            for x in parts { m.mix(UInt64(x.id)) }
            return Int(bitPattern: UInt(m.value))
        }
    }
    @exclusivity(unchecked) private var chains: [ChainKey: Expr] = [:]

    /// `ctx.add(parts)` or `ctx.mul(parts)`; chains of up to 8 operands are kept.
    func chain(_ isSum: Bool, _ parts: [Expr]) -> Expr {
        guard parts.count <= 8 else { return isSum ? ctx.add(parts) : ctx.mul(parts) }
        if let e = chains[ChainKey(isSum: isSum, parts: parts)] { return e }
        let e = isSum ? ctx.add(parts) : ctx.mul(parts)
        if chains.count >= 1 << 14 { chains.removeAll(keepingCapacity: true) }
        chains[ChainKey(isSum: isSum, parts: parts)] = e
        return e
    }

    // MARK: small integers

    /// The nodes of the integers 0…255, built on first use: literals are
    /// mostly small integers, and looking one up in the context hashes it.
    @exclusivity(unchecked) private var smallIntegers: [Expr?] = Array(repeating: nil, count: 256)

    /// `ctx.number(n)`.
    func number(_ n: Number) -> Expr {
        if case .rational(let p, 1) = n, p >= 0 && p < 256 {
            if let e = smallIntegers[Int(p)] { return e }
            let e = ctx.number(n)
            smallIntegers[Int(p)] = e
            return e
        }
        return ctx.number(n)
    }
}
