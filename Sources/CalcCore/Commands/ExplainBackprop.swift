// ExplainBackprop — `explain … at (…)`: the numbers of backpropagation.
//
// A forward pass gives every piece's value and a backward pass its adjoint
// ∂f/∂piece: the sum over its parents of the parent's adjoint times the
// local derivative, which is the Differentiator's own local partial
// evaluated there. Over data (a loss such as mean((w*xs - ys)^2)) a piece's
// value is a list, its adjoint a list of the same length (element by
// element), and a scalar piece used element-wise (w in w*xs) gathers the sum
// of its elements' contributions; sum and mean pass their adjoint to every
// element (mean divided by the count). Only the output must be a number.

/// The numbers of backpropagation at a point.
enum Backpropagation {
    case tooLarge(pieces: Int)
    /// The output itself is a list (it has no single adjoint to start from).
    case holdsList
    case steps(Steps)

    struct Steps {
        let variables: [String]
        let point: [Double]
        /// The pieces in topological order (children first), the output last.
        let nodes: [Expr]
        /// Each piece's value: one number, or a list's elements (`isList`).
        let forward: [[Double]]
        let isList: [Bool]
        let adjoints: [[Double]]
        /// Per node, the terms of its adjoint: a parent's adjoint and the local derivative.
        let contributions: [[(adjoint: [Double], local: [Double])]]
        let gradient: [Double]
        /// The length of the data lists, when any piece is one.
        var dataCount: Int? { zip(forward, isList).first { $0.1 }?.0.count }
    }
}

extension ExplainCommand {
    /// Forward values and backward adjoints at a point, node by node.
    func backpropagation(_ e: Expr, order: [String], _ p: Point) throws -> Backpropagation {
        let ctx = it.ctx
        let vars = it.orderedVariables(e, order, includeOthers: true)
        let coords = try it.coordinates(p, vars, .explain, scope)
        var values: [String: NumericValue] = [:]
        for (x, c) in zip(vars, coords) { values[x] = .scalar(c) }
        // nodes in topological order (children first), skipping numbers
        var nodes: [Expr] = []
        var seen = Set<ObjectIdentifier>()
        func visit(_ n: Expr) {
            guard seen.insert(ObjectIdentifier(n)).inserted else { return }
            n.children.forEach(visit)
            if case .number = n.kind { return }
            if case .constant = n.kind { return }
            nodes.append(n)
        }
        visit(e)
        guard nodes.count <= 60 else { return .tooLarge(pieces: nodes.count) }
        var ev = Evaluator(context: ctx, values: values)
        var index: [ObjectIdentifier: Int] = [:]
        var forward: [[Double]] = [], isList: [Bool] = []
        for (k, n) in nodes.enumerated() {
            do {
                switch try ev.evaluate(n) {
                case .scalar(let v): forward.append([v]); isList.append(false)
                case .vector(let v): forward.append(v); isList.append(true)
                }
                index[ObjectIdentifier(n)] = k
            } catch {
                throw it.fail(error.isDivisionByZero ? .divisionByZero : .domain, .atThisPoint(reason: error.message), p.range, scope)
            }
        }
        if isList.last == true { return .holdsList }
        // backward pass: adjoint of each node = Σ over parents of parent adjoint × local derivative
        var adjoints = forward.map { [Double](repeating: 0, count: $0.count) }
        var contributions = [[(adjoint: [Double], local: [Double])]](repeating: [], count: nodes.count)
        if !nodes.isEmpty { adjoints[nodes.count - 1] = [1] }
        for k in nodes.indices.reversed() {
            let a = adjoints[k]
            for (child, local) in localDerivatives(nodes[k], &ev) {
                guard let c = index[ObjectIdentifier(child)] else { continue }   // numbers and constants take no adjoint
                let product = elementwise(a, local)
                if isList[c] {
                    let n = adjoints[c].count
                    for i in 0..<n { adjoints[c][i] += product.count == 1 ? product[0] : product[i] }
                } else {
                    adjoints[c][0] += product.reduce(0, +)   // a number used element-wise gathers every element
                }
                contributions[c].append((a, local))
            }
        }
        let gradient = vars.map { x in index[ObjectIdentifier(ctx.symbol(x))].map { adjoints[$0][0] } ?? 0 }
        return .steps(.init(variables: vars, point: coords, nodes: nodes, forward: forward, isList: isList, adjoints: adjoints,
                            contributions: contributions, gradient: gradient))
    }

    /// a·b element by element, a one-element side broadcast.
    func elementwise(_ a: [Double], _ b: [Double]) -> [Double] {
        if a.count == 1 { return b.map { a[0] * $0 } }
        if b.count == 1 { return a.map { $0 * b[0] } }
        return zip(a, b).map { $0 * $1 }
    }

    /// The derivative of a node with respect to each of its children, at the point:
    /// the Differentiator's local partials, evaluated (a list where they are one).
    /// sum and mean, linear maps of a list, pass 1 (mean 1/n) to every element.
    func localDerivatives(_ n: Expr, _ ev: inout Evaluator) -> [(Expr, [Double])] {
        if case .call(let f, let args) = n.kind, f.isReduction {
            let count: Int
            switch try? ev.evaluate(args[0]) {
            case .vector(let v)?: count = v.count
            default: count = 1
            }
            switch f.reduction {
            case .sum?: return [(args[0], [1])]
            case .mean?: return [(args[0], [1 / Double(Swift.max(count, 1))])]
            default: return [(args[0], [0])]
            }
        }
        return zip(n.children, Differentiator.localPartials(of: n, in: it.ctx)).map { child, partial in
            switch try? ev.evaluate(partial) {
            case .scalar(let v)?: return (child, [v])
            case .vector(let v)?: return (child, v)
            case nil: return (child, [.nan])
            }
        }
    }
}
