// Explain — `explain diff(e, x)`, `explain ∂f/∂x`, `explain grad f`, `explain f'`:
// the derivation as an indented tree of the rules applied, then the result.
//
// The steps are what the Differentiator recorded while computing the
// derivative — the same code path and the same result object as `diff` — so
// the explanation and the answer cannot disagree. Each line shows a piece,
// its derivative and the rule; the chain rule names its outer function and
// its inner expression. A piece shared in several places is derived once and
// later referred to ("as above"). With `at point`, the numbers follow the way
// backpropagation computes them: a forward pass of values, then the backward
// pass of adjoints ∂f/∂piece, each the parent's adjoint times a local
// derivative, ending in the gradient.

extension Interpreter {
    func explain(_ node: Node, _ scope: Scope) throws -> String {
        var target = node
        var point: Point? = nil
        if case .at(let inner, let p) = node.kind { target = inner; point = p }
        // what is being differentiated, and by which variables
        var pieces: [(title: String, expr: Expr, variables: [String], order: [String])] = []
        switch target.kind {
        case .diff(let e, let specs):
            let vars = Interpreter.diffVariables(specs)
            let (ex, order) = try explainOperand(e, vars, scope)
            pieces.append(("d/d" + vars.map(\.text).joined(separator: " d/d") + " " + ASTPrinter.print(e), ex, vars.map(\.text), order))
        case .dOperator(let v, let e):
            let (ex, order) = try explainOperand(e, [v], scope)
            pieces.append(("d/d\(v.text) " + ASTPrinter.print(e), ex, [v.text], order))
        case .partial(let f, let vars):
            guard case .symbolic(let ex, let params) = try evalPartialTarget(f, vars, target.range, scope) else {
                throw error(.typeMismatch, "nothing to differentiate", target.range, scope)
            }
            pieces.append((ASTPrinter.print(target), ex, vars.map(\.text), params))
        case .prime(let fnode, let k):
            guard case .function(let f) = try eval(fnode, scope), f.parameters.count == 1,
                  case .symbolic(let ex, _) = try lower(f, target.range, scope) else {
                throw error(.badDerivativeVariable, "`explain f'` needs a function of one variable", target.range, scope)
            }
            pieces.append((ASTPrinter.print(target) + " for \(f.text)", ex, Array(repeating: f.parameters[0], count: k), f.parameters))
        case .grad(let t):
            let (v, vars) = try derivativeTarget(t, target.range, scope)
            guard case .symbolic(let ex, _) = v, !vars.isEmpty else {
                throw error(.noVariables, "this has no variables to differentiate by", target.range, scope)
            }
            for x in vars { pieces.append(("∂/∂\(x) of \(printer.print(ex))", ex, [x], vars)) }
        default:
            throw error(.expectedToken, "`explain` shows how a derivative is found", node.range, scope,
                        help: "write `explain diff(e, x)`, `explain ∂f/∂x`, `explain grad f` or `explain f'`, optionally followed by `at (…)`")
        }
        var out: [String] = []
        var results: [Expr] = []
        for piece in pieces {
            var current = piece.expr
            for (k, x) in piece.variables.enumerated() {
                let d = Differentiator(ctx, variable: ctx.symbol(x), recording: true)
                let result = d.derivative(current)
                let heading = piece.variables.count > 1 ? "step \(k + 1): d/d\(x) \(printer.print(current))" : piece.title
                out.append(heading)
                var explained = Set<ObjectIdentifier>()
                if let step = d.step(for: current) {
                    out += describe(step, x, depth: 1, explained: &explained)
                } else {
                    out.append("  \(printer.print(current)) does not depend on \(x), so its derivative is 0")
                }
                current = result
            }
            // the same final form as `diff` prints (a constant derivative collapses to its value)
            out.append("= \(format(try collapse(.symbolic(current, variables: piece.order), target.range, scope)))")
            results.append(current)
        }
        if let point {
            guard pieces.count >= 1 else { return out.joined(separator: "\n") }
            out.append("")
            out += try backpropagation(pieces[0].expr, order: pieces[0].order, point, scope)
        }
        return out.joined(separator: "\n")
    }

    /// The operand of `diff` as one expression (explain works on one at a time).
    func explainOperand(_ e: Node, _ vars: [Name], _ scope: Scope) throws -> (Expr, [String]) {
        let value = try differentiationOperand(e, vars, scope)
        switch value {
        case .symbolic(let ex, let order): return (ex, order)
        case .number(let n): return (ctx.number(n), [])
        default: throw error(.typeMismatch, "`explain` works on one expression at a time, found \(value.typeName)", e.range, scope)
        }
    }

    func evalPartialTarget(_ f: Name, _ vars: [Name], _ range: SourceRange, _ scope: Scope) throws -> Value {
        switch scope.locals[f.text] ?? globals[f.text] {
        case .function(let fn)?:
            for v in vars where !fn.parameters.contains(v.text) {
                throw error(.unknownParameter, "`\(f.text)` has no parameter `\(v.text)`", range, scope,
                            help: "its parameters are \(fn.parameters.map { "`\($0)`" }.joined(separator: ", "))")
            }
            return try lower(fn, range, scope)
        case .symbolic(let e, let vs)?: return .symbolic(e, variables: vs)
        default: throw error(.unknownFunction, "unknown function `\(f.text)`", range, scope)
        }
    }

    /// One line per rule applied, children indented beneath.
    func describe(_ step: DerivationStep, _ x: String, depth: Int, explained: inout Set<ObjectIdentifier>) -> [String] {
        let pad = String(repeating: "  ", count: depth)
        var e = printer.print(step.expression)
        let d = printer.print(step.result)
        if case .add = step.expression.kind { e = "(" + e + ")" }
        else if e.hasPrefix("-") { e = "(" + e + ")" }
        let key = ObjectIdentifier(step.expression)
        if explained.contains(key) {
            return ["\(pad)d/d\(x) \(e) = \(d)   (as above)"]
        }
        explained.insert(key)
        var lines: [String] = []
        switch step.rule {
        case .chain(let f, let args):
            let inner = args.map { printer.print($0) }.joined(separator: ", ")
            lines.append("\(pad)d/d\(x) \(e) = \(d)   chain rule: outer \(f.name), inner u = \(inner)")
            lines.append("\(pad)  outer: \(f.ruleText)")
        case .builtinDirect(let f):
            lines.append("\(pad)d/d\(x) \(e) = \(d)   rule of \(f.name)")
        case .powerConstantExponent:
            if case .pow(let b, let n) = step.expression.kind, b.symbolName == x {
                lines.append("\(pad)d/d\(x) \(e) = \(d)   power rule: d/dx x^n = n*x^(n-1)")
            } else if case .pow(let b, _) = step.expression.kind {
                lines.append("\(pad)d/d\(x) \(e) = \(d)   power rule with the chain rule, inner u = \(printer.print(b))")
            } else {
                lines.append("\(pad)d/d\(x) \(e) = \(d)   power rule")
            }
        case .product:
            lines.append("\(pad)d/d\(x) \(e) = \(d)   product rule: (uv)' = u'v + uv'")
        case .constantMultiple:
            lines.append("\(pad)d/d\(x) \(e) = \(d)   constant multiple: (c·u)' = c·u'")
        case .sum:
            lines.append("\(pad)d/d\(x) \(e) = \(d)   sum rule: differentiate term by term")
        case .exponential:
            lines.append("\(pad)d/d\(x) \(e) = \(d)   exponential rule: (a^u)' = a^u·ln(a)·u'")
        case .generalPower:
            lines.append("\(pad)d/d\(x) \(e) = \(d)   general power rule: (b^u)' = b^u·(u'·ln(b) + u·b'/b)")
        case .reduction(let f, _):
            lines.append("\(pad)d/d\(x) \(e) = \(d)   linearity of \(f.name): the derivative of a \(f.name) is the \(f.name) of the derivatives")
        case .constant, .variable:
            lines.append("\(pad)d/d\(x) \(e) = \(d)")
        }
        for part in step.parts {
            // leaves (x itself, constants) are obvious: skip them below a rule
            if part.rule == .variable || part.rule == .constant { continue }
            lines += describe(part, x, depth: depth + 1, explained: &explained)
        }
        return lines
    }

    /// Forward values and backward adjoints at a point, node by node (backpropagation).
    func backpropagation(_ e: Expr, order: [String], _ p: Point, _ scope: Scope) throws -> [String] {
        let vars = order.filter { e.contains(ctx.symbol($0)) } + ctx.freeNames(e).filter { !order.contains($0) }
        // the point's values by variable
        var values: [String: Double] = [:]
        switch p {
        case .positional(let node):
            let v = try collapse(try eval(node, scope), node.range, scope)
            var coords: [Double] = []
            switch v {
            case .number(let n): coords = [n.double]
            case .tuple(let xs): coords = xs.compactMap { if case .number(let n) = $0 { return n.double }; return nil }
            default: break
            }
            guard coords.count == vars.count else {
                throw error(.arity, "the point has \(coords.count) coordinate\(coords.count == 1 ? "" : "s") but the expression has \(vars.count) variable\(vars.count == 1 ? "" : "s") (\(vars.joined(separator: ", ")))",
                            node.range, scope, help: "name them: `at (\(vars.map { "\($0) = …" }.joined(separator: ", ")))`")
            }
            for (x, c) in zip(vars, coords) { values[x] = c }
        case .named(let items, _):
            for (name, node) in items { values[name.text] = try numberValue(of: node, scope, what: "`\(name.text)`") }
        }
        if let missing = vars.first(where: { values[$0] == nil }) {
            throw error(.arity, "no value for `\(missing)`", p.range, scope)
        }
        // nodes in topological order (children first), skipping numbers
        var order: [Expr] = []
        var seen = Set<ObjectIdentifier>()
        func visit(_ n: Expr) {
            guard seen.insert(ObjectIdentifier(n)).inserted else { return }
            n.children.forEach(visit)
            if case .number = n.kind { return }
            if case .constant = n.kind { return }
            order.append(n)
        }
        visit(e)
        guard order.count <= 60 else {
            return ["(the expression has \(order.count) pieces; the step-by-step numbers are shown for up to 60)"]
        }
        var ev = Evaluator(context: ctx, values: values.mapValues { .scalar($0) })
        var forward: [ObjectIdentifier: Double] = [:]
        for n in order {
            do {
                guard case .scalar(let v) = try ev.evaluate(n) else {
                    return ["(step-by-step numbers are shown for scalar expressions; this one holds a list)"]
                }
                forward[ObjectIdentifier(n)] = v
            } catch {
                throw self.error(error.isDivisionByZero ? .divisionByZero : .domain, "at this point: \(error.message)", p.range, scope)
            }
        }
        func val(_ n: Expr) -> Double {
            if let v = forward[ObjectIdentifier(n)] { return v }
            if case .number(let k) = n.kind { return k.double }
            if case .constant(let c) = n.kind { return c.value }
            return .nan
        }
        // backward pass: adjoint of each node = Σ over parents of parent adjoint × local derivative
        var adjoint: [ObjectIdentifier: Double] = [ObjectIdentifier(e): 1]
        var contributions: [ObjectIdentifier: [String]] = [:]
        let names = Dictionary(uniqueKeysWithValues: order.enumerated().map { (ObjectIdentifier($1), "v\($0 + 1)") })
        func label(_ n: Expr) -> String { names[ObjectIdentifier(n)] ?? printer.print(n) }
        for n in order.reversed() {
            let a = adjoint[ObjectIdentifier(n)] ?? 0
            func send(_ child: Expr, _ local: Double, _ why: String) {
                guard forward[ObjectIdentifier(child)] != nil else { return }
                adjoint[ObjectIdentifier(child), default: 0] += a * local
                let factor = why.hasPrefix("-") ? "(\(why))" : why
                contributions[ObjectIdentifier(child), default: []].append("\(NumberFormat.format(a, digits: 6))·\(factor)")
            }
            switch n.kind {
            case .add(let ts): for t in ts { send(t, 1, "1") }
            case .mul(let fs):
                for (i, f) in fs.enumerated() {
                    let others = fs.enumerated().filter { $0.offset != i }.map { val($0.element) }.reduce(1, *)
                    send(f, others, NumberFormat.format(others, digits: 6))
                }
            case .pow(let b, let x):
                let bv = val(b), xv = val(x)
                let db = xv * Glibc.pow(bv, xv - 1)
                send(b, db, NumberFormat.format(db, digits: 6))
                if forward[ObjectIdentifier(x)] != nil {
                    let dx = Glibc.pow(bv, xv) * Glibc.log(bv)
                    send(x, dx, NumberFormat.format(dx, digits: 6))
                }
            case .call(let f, let args):
                for (i, arg) in args.enumerated() {
                    var pe = Evaluator(context: ctx, values: values.mapValues { .scalar($0) })
                    let local = (try? pe.evaluate(f.partial(i, args, ctx)))?.scalar ?? .nan
                    send(arg, local, NumberFormat.format(local, digits: 6))
                }
            default: break
            }
        }
        var lines = ["forward pass (values at \(vars.map { "\($0) = \(NumberFormat.format(values[$0]!, digits: 6))" }.joined(separator: ", "))):"]
        for n in order {
            lines.append("  \(label(n)) = \(Self.describeNode(n, label, printer))".padded(to: 44) + "= \(NumberFormat.format(val(n), digits: 6))")
        }
        lines.append("backward pass (adjoints ∂f/∂v, from the output down):")
        for n in order.reversed() {
            let a = adjoint[ObjectIdentifier(n)] ?? 0
            let how = n === e ? "(the output)" : (contributions[ObjectIdentifier(n)] ?? []).joined(separator: " + ")
            lines.append("  ∂f/∂\(label(n)) = \(NumberFormat.format(a, digits: 6))".padded(to: 28) + how)
        }
        let grad = vars.map { x -> String in
            let s = ctx.symbol(x)
            return NumberFormat.format(adjoint[ObjectIdentifier(s)] ?? 0, digits: settings.digits)
        }
        lines.append("gradient (\(vars.joined(separator: ", "))) = (\(grad.joined(separator: ", ")))")
        return lines
    }

    /// A node in terms of its children's labels: v3 = v1*v2, v4 = sin(v3).
    static func describeNode(_ n: Expr, _ label: (Expr) -> String, _ p: Printer) -> String {
        func l(_ c: Expr) -> String {
            if case .number(let k) = c.kind { return k.isNegative ? "(\(p.print(c)))" : k.description }
            if case .constant = c.kind { return p.print(c) }
            return label(c)
        }
        switch n.kind {
        case .symbol(let s): return s
        case .data(let name, _): return name ?? "data"
        case .add(let ts): return ts.map(l).joined(separator: " + ")
        case .mul(let fs): return fs.map(l).joined(separator: "*")
        case .pow(let b, let x): return "\(l(b))^\(l(x))"
        case .call(let f, let a): return "\(f.name)(\(a.map(l).joined(separator: ", ")))"
        default: return p.print(n)
        }
    }
}

extension String {
    func padded(to n: Int) -> String { count >= n ? self + " " : self + String(repeating: " ", count: n - count) }
}

#if canImport(Glibc)
import Glibc
#endif
