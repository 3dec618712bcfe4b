// BatchEvaluator — a loss over data and its gradient, evaluated on a subset
// of the data's rows: the one place stochastic and mini-batch descent
// (`minimize … over rows of (xs, ys)`) asks for ∇L_batch(θ).
//
// For now the simple correct thing: every data list named in `rows of` is
// replaced, inside the gradient's expressions, by its entries at the batch's
// rows (ExprContext.data(name, subset)), and the result is compiled once per
// batch composition and kept (up to `cacheLimit` programs). The rows of a
// batch are taken in ascending order, so a batch is the same program however
// a shuffle ordered it, and the batch of every row is the full program
// itself — mini-batch descent with batch = n is full-batch gd bit for bit.
// When compiled programs can be run on a subset of rows directly
// (`evaluate(point, rows:)`), only this type changes.

final class BatchEvaluator {
    let context: ExprContext
    /// ∂L/∂θᵢ in variable order, over all the data.
    let gradients: [Expr]
    let variables: [String]
    /// The data lists whose rows the batches take.
    let rowNames: Set<String>
    /// How many rows the data have.
    let rowCount: Int
    /// The full loss and gradient, compiled (the batch of every row).
    let fullLoss: CompiledProgram
    let fullGradient: CompiledProgram
    let interrupt: InterruptFlag?

    /// Most batch programs kept; past it the cache starts again.
    static let cacheLimit = 512
    private var cache: [[Int]: CompiledProgram] = [:]

    init(context: ExprContext, gradients: [Expr], variables: [String], rowNames: Set<String>, rowCount: Int,
         fullLoss: CompiledProgram, fullGradient: CompiledProgram, interrupt: InterruptFlag?) {
        self.context = context
        self.gradients = gradients
        self.variables = variables
        self.rowNames = rowNames
        self.rowCount = rowCount
        self.fullLoss = fullLoss
        self.fullGradient = fullGradient
        self.interrupt = interrupt
    }

    /// L over every row at θ.
    func loss(at theta: [Double]) -> Double { fullLoss.evaluate(theta)[0] }

    /// ∇L over every row at θ.
    func fullGradient(at theta: [Double]) -> [Double] { fullGradient.evaluate(theta) }

    /// ∇L_batch at θ: the gradient with the named data restricted to `rows`
    /// (ascending, each in 0..<rowCount).
    func gradient(at theta: [Double], rows: [Int]) throws(CompileError) -> [Double] {
        try program(rows).evaluate(theta)
    }

    /// The compiled gradient for one batch composition.
    func program(_ rows: [Int]) throws(CompileError) -> CompiledProgram {
        if rows.count == rowCount { return fullGradient }
        if let p = cache[rows] { return p }
        let restricted = gradients.map(restrict(rows))
        let p = try Compiler.compile(restricted, variables: variables, context: context, interrupt: interrupt)
        if cache.count >= Self.cacheLimit { cache.removeAll(keepingCapacity: true) }
        cache[rows] = p
        return p
    }

    /// Replaces each named data list by its entries at `rows`.
    private func restrict(_ rows: [Int]) -> (Expr) -> Expr {
        { [context, rowNames] e in
            guard e.hasData else { return e }
            return context.rebuild(e) { node in
                if case .data(let name?, let values) = node.kind, rowNames.contains(name) {
                    return context.data(name, rows.map { values[$0] })
                }
                return node
            }
        }
    }

    /// The named data lists inside an expression and their lengths, first seen first.
    static func dataLists(in e: Expr) -> [(name: String, count: Int)] {
        var out: [(name: String, count: Int)] = []
        var seen = Set<ObjectIdentifier>()
        var stack = [e]
        while let x = stack.popLast() {
            guard x.hasData, seen.insert(ObjectIdentifier(x)).inserted else { continue }
            if case .data(let name?, let values) = x.kind {
                if !out.contains(where: { $0.name == name }) { out.append((name, values.count)) }
            }
            stack.append(contentsOf: x.children)
        }
        return out
    }
}
