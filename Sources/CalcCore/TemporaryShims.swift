// TEMPORARY until the redesign branches merge.
typealias Divergence = String
extension MinimizeText {
    static func divergence(_ d: Divergence, _ text: ValueText) -> String { d }
}
extension Differentiator {
    static func localPartials(of n: Expr, in ctx: ExprContext) -> [Expr] {
        switch n.kind {
        case .add(let ts): return ts.map { _ in ctx.one }
        case .mul(let fs): return fs.indices.map { i in ctx.mul(fs.enumerated().filter { $0.offset != i }.map(\.element)) }
        case .pow(let b, let x):
            return [ctx.mul([x, ctx.pow(b, ctx.add([x, ctx.minusOne]))]), ctx.mul([n, ctx.call(.ln, [b])])]
        case .call(let f, let args): return args.indices.map { f.partial($0, args, ctx) }
        default: return []
        }
    }
}
