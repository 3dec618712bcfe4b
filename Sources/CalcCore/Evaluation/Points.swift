// Points — binding numbers to variables: `e at (1, 2)` and `at (x = 1)`,
// the start point of `minimize … from …`, the point of `explain … at …`,
// and the boxes of `from random N in (x from a to b, …)`.
//
// One binder reads a point, positional or named, into one number per
// variable; its wording follows where the point was written (`PointRole`),
// so each message names what the user wrote. `at` may bind only some
// variables (the rest stay symbolic) and applies to functions too.

/// Where a point was written, for the wording of its errors.
enum PointRole {
    /// `e at (…)`.
    case at
    /// `minimize TARGET from (…)`, naming the target.
    case start(label: String)
    /// `explain … at (…)`.
    case explain

    var nonNumberCoordinate: String {
        if case .start = self { return "the start point's coordinates must be numbers" }
        return "a point's coordinates must be numbers"
    }
}

extension Interpreter {
    // MARK: at

    func evalAt(_ v: Value, _ p: Point, _ range: SourceRange, _ scope: Scope) throws -> Value {
        switch p {
        case .positional(let node):
            let pv = try collapse(try eval(node, scope), node.range, scope)
            return try bind(v, positional: pv, range, scope, pointRange: node.range)
        case .named(let items, _):
            var values: [String: Value] = [:]
            let vars = v.variables
            for (name, node) in items {
                let val = try collapse(try eval(node, scope), node.range, scope)
                guard case .number = val else {
                    throw error(.badStart, "`\(name.text)` must be a number here, found \(val.typeName)", node.range, scope)
                }
                if !vars.contains(name.text) {
                    throw error(.unknownParameter, "`\(name.text)` is not a variable of this expression", name.range, scope,
                                help: vars.isEmpty ? "it has no variables" : "its variables are \(vars.map { "`\($0)`" }.joined(separator: ", "))")
                }
                values[name.text] = val
            }
            return try substitute(v, values, range, scope)
        }
    }

    /// Binds a point's coordinates to the value's variables in order.
    func bind(_ v: Value, positional point: Value, _ range: SourceRange, _ scope: Scope, pointRange: SourceRange? = nil) throws -> Value {
        if case .function(let f) = v {
            let args: [Value]
            if case .tuple(let xs) = point { args = xs } else { args = [point] }
            return try callUser(f, args, range, range, scope)
        }
        let coords = try positionalCoordinates(point, pointRange ?? range, .at, scope)
        let vars = v.variables
        if vars.isEmpty { return v }
        guard coords.count == vars.count else { throw coordinateCount(coords.count, vars, pointRange ?? range, .at, scope) }
        var values: [String: Value] = [:]
        for (x, c) in zip(vars, coords) { values[x] = .number(c) }
        return try substitute(v, values, range, scope)
    }

    func substitute(_ v: Value, _ values: [String: Value], _ range: SourceRange, _ scope: Scope) throws -> Value {
        switch v {
        case .number: return v
        case .symbolic(let e, let vars):
            let free = Set(ctx.freeNames(e))
            if free.isSubset(of: Set(values.keys)) {
                var nv: [String: NumericValue] = [:]
                for (k, x) in values { if case .number(let n) = x { nv[k] = .scalar(n.double) } }
                return try numericValue(e, nv, range, scope)
            }
            var mapping: [String: Expr] = [:]
            for (k, x) in values { mapping[k] = try toExpr(x, range, scope) }
            return symbolic(ctx.substitute(e, mapping), vars.filter { values[$0] == nil })
        case .tuple(let xs): return .tuple(try xs.map { try substitute($0, values, range, scope) })
        case .list(let xs, let n): return .list(try xs.map { try substitute($0, values, range, scope) }, name: n)
        case .function(let f):
            let args = try f.parameters.map { p -> Value in
                guard let x = values[p] else { throw error(.arity, "no value for `\(p)`", range, scope) }
                return x
            }
            return try callUser(f, args, range, range, scope)
        }
    }

    // MARK: the one binder

    /// A number-valued node's value (an option, a bound, a named coordinate).
    func numberValue(of node: Node, _ scope: Scope, what: String) throws -> Double {
        let v = try collapse(try eval(node, scope), node.range, scope)
        guard case .number(let x) = v else {
            throw error(.badOption, "\(what) must be a number, found \(v.typeName)", node.range, scope)
        }
        return x.double
    }

    /// A whole number from 1 to `max` (the number of steps, of starts, …).
    func integerValue(of node: Node, _ scope: Scope, what: String, max: Int) throws -> Int {
        let x = try numberValue(of: node, scope, what: what)
        guard x.isFinite, x == x.rounded(), x >= 1 else {
            throw error(.badOption, "\(what) must be a positive whole number, found \(NumberFormat.format(x, digits: 6))", node.range, scope)
        }
        guard x <= Double(max) else {
            throw error(.limit, "\(what) is limited to \(NumberFormat.grouped(max))", node.range, scope)
        }
        return Int(x)
    }

    /// A point's coordinates, one per variable in order; every variable must get one.
    func coordinates(_ p: Point, _ vars: [String], _ role: PointRole, _ scope: Scope) throws -> [Double] {
        switch p {
        case .positional(let node):
            let coords = try positionalCoordinates(try collapse(try eval(node, scope), node.range, scope), node.range, role, scope).map(\.double)
            guard coords.count == vars.count else { throw coordinateCount(coords.count, vars, node.range, role, scope) }
            if case .start = role {
                for c in coords where !c.isFinite { throw error(.badStart, "the start point must be finite", node.range, scope) }
            }
            return coords
        case .named(let items, let range):
            var values: [String: Double] = [:]
            for (name, node) in items {
                if case .start(let label) = role, !vars.contains(name.text) {
                    throw error(.badStart, "`\(name.text)` is not a variable of `\(label)`", name.range, scope,
                                help: "its variables are \(vars.joined(separator: ", "))")
                }
                let x = try numberValue(of: node, scope, what: "`\(name.text)`")
                if case .start = role, !x.isFinite { throw error(.badStart, "the start point must be finite", node.range, scope) }
                values[name.text] = x
            }
            if let missing = vars.first(where: { values[$0] == nil }) {
                if case .start(let label) = role {
                    throw error(.badStart, "no start value for `\(missing)`", range, scope, help: variablesPhrase(label, vars))
                }
                throw error(.arity, "no value for `\(missing)`", p.range, scope)
            }
            return vars.map { values[$0]! }
        }
    }

    /// The numbers of a positional point: a number or a tuple of numbers.
    func positionalCoordinates(_ point: Value, _ range: SourceRange, _ role: PointRole, _ scope: Scope) throws -> [Number] {
        let coords: [Value]
        switch point {
        case .number: coords = [point]
        case .tuple(let xs): coords = xs
        default:
            if case .start = role {
                throw error(.badStart, "the start point must be a number or a tuple, found \(point.typeName)", range, scope,
                            help: "write `from (1, 2)` or `from (x = 1, y = 2)`")
            }
            throw error(.badStart, "a point is a number or a tuple of numbers, found \(point.typeName)", range, scope,
                        help: "write `at 2`, `at (1, 2)` or `at (x = 1, y = 2)`")
        }
        return try coords.map { c in
            guard case .number(let n) = c else { throw error(.badStart, "\(role.nonNumberCoordinate), found \(c.typeName)", range, scope) }
            return n
        }
    }

    /// "`f` has 2 variables (x, y)".
    func variablesPhrase(_ label: String, _ vars: [String]) -> String {
        "`\(label)` has \(vars.count) variable\(vars.count == 1 ? "" : "s") (\(vars.joined(separator: ", ")))"
    }

    func coordinateCount(_ n: Int, _ vars: [String], _ range: SourceRange, _ role: PointRole, _ scope: Scope) -> Diagnostic {
        let coordinates = "\(n) coordinate\(n == 1 ? "" : "s")"
        let expression = "the expression has \(vars.count) variable\(vars.count == 1 ? "" : "s") (\(vars.joined(separator: ", ")))"
        let named = vars.map { "\($0) = …" }.joined(separator: ", ")
        switch role {
        case .at:
            return error(.arity, "the point has \(coordinates) but \(expression)", range, scope,
                         help: "give one value for each variable, or name them: `at (\(named))`")
        case .start(let label):
            return error(.badStart, "the start point has \(coordinates) but \(variablesPhrase(label, vars))", range, scope,
                         help: "give one value per variable: `from (\(named))`")
        case .explain:
            return error(.arity, "the point has \(coordinates) but \(expression)", range, scope, help: "name them: `at (\(named))`")
        }
    }

    /// The box of `from random N in (x from a to b, …)`: a range per variable, in order.
    func boxBounds(_ box: [Box], _ vars: [String], label: String, _ range: SourceRange, _ scope: Scope) throws -> [(Double, Double)] {
        var bounds: [String: (Double, Double)] = [:]
        for b in box {
            guard vars.contains(b.variable.text) else {
                throw error(.badStart, "`\(b.variable.text)` is not a variable of `\(label)`", b.variable.range, scope,
                            help: "its variables are \(vars.joined(separator: ", "))")
            }
            let lo = try numberValue(of: b.low, scope, what: "the lower bound"), hi = try numberValue(of: b.high, scope, what: "the upper bound")
            guard lo.isFinite, hi.isFinite, lo < hi else {
                throw error(.badRange, "the range of `\(b.variable.text)` must go from a smaller to a larger finite number", b.low.range.to(b.high.range), scope)
            }
            bounds[b.variable.text] = (lo, hi)
        }
        if let missing = vars.first(where: { bounds[$0] == nil }) {
            throw error(.badStart, "no range for `\(missing)`", range, scope,
                        help: "give every variable a range: (\(vars.map { "\($0) from -5 to 5" }.joined(separator: ", ")))")
        }
        return vars.map { bounds[$0]! }
    }
}
