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

    /// A coordinate that is not a number, found where this point was written.
    func nonNumberCoordinate(_ found: ValueKind) -> Message {
        if case .start = self { return .evaluation(.startCoordinatesNotNumbers(found: found)) }
        return .evaluation(.coordinatesNotNumbers(found: found))
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
                // W = [[…]]: a matrix for the tensor parameter W, spread over W₁₁ … W₂₂
                if let spread = try spreadNamedValue(name, val, vars, node, scope) {
                    for (element, x) in spread {
                        guard case .number = x else {
                            throw error(.badStart, .evaluation(.mustBeNumberHere(name: element, found: x.kind)), node.range, scope)
                        }
                        values[element] = x
                    }
                    continue
                }
                guard case .number = val else {
                    throw error(.badStart, .evaluation(.mustBeNumberHere(name: name.text, found: val.kind)), node.range, scope)
                }
                if !vars.contains(name.text) {
                    throw error(.unknownParameter, .evaluation(.notAVariableOfExpression(name: name.text)), name.range, scope,
                                help: .evaluation(vars.isEmpty ? .hasNoVariables : .itsVariables(vars)))
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
                guard let x = values[p] else { throw error(.arity, .evaluation(.noValue(name: p)), range, scope) }
                return x
            }
            return try callUser(f, args, range, range, scope)
        }
    }

    // MARK: the one binder

    /// A number-valued node's value (an option, a bound, a named coordinate);
    /// `what` names it in the messages.
    func numberValue(of node: Node, _ scope: Scope, what: Message) throws -> Double {
        let v = try collapse(try eval(node, scope), node.range, scope)
        guard case .number(let x) = v else {
            throw error(.badOption, .evaluation(.mustBeNumber(what: what, found: v.kind)), node.range, scope)
        }
        return x.double
    }

    /// A whole number from 1 to `max` (the number of steps, of starts, …).
    func integerValue(of node: Node, _ scope: Scope, what: Message, max: Int) throws -> Int {
        let x = try numberValue(of: node, scope, what: what)
        guard x.isFinite, x == x.rounded(), x >= 1 else {
            throw error(.badOption, .evaluation(.mustBePositiveWholeNumber(what: what, found: NumberFormat.format(x, digits: 6))),
                        node.range, scope)
        }
        guard x <= Double(max) else {
            throw error(.limit, .evaluation(.limitedTo(what: what, limit: max)), node.range, scope)
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
                for c in coords where !c.isFinite { throw error(.badStart, .evaluation(.startNotFinite), node.range, scope) }
            }
            return coords
        case .named(let items, let range):
            var values: [String: Double] = [:]
            for (name, node) in items {
                if let spread = try spreadNamedValue(name, try collapse(try eval(node, scope), node.range, scope), vars, node, scope) {
                    for (element, x) in spread {
                        guard case .number(let n) = x, n.double.isFinite else {
                            throw error(.badStart, role.nonNumberCoordinate(x.kind), node.range, scope)
                        }
                        values[element] = n.double
                    }
                    continue
                }
                if case .start(let label) = role, !vars.contains(name.text) {
                    throw error(.badStart, .evaluation(.notAVariableOf(name: name.text, target: label)), name.range, scope,
                                help: .evaluation(.itsVariablesListed(vars)))
                }
                let x = try numberValue(of: node, scope, what: .evaluation(.quoted(name.text)))
                if case .start = role, !x.isFinite { throw error(.badStart, .evaluation(.startNotFinite), node.range, scope) }
                values[name.text] = x
            }
            if let missing = vars.first(where: { values[$0] == nil }) {
                if case .start(let label) = role {
                    throw error(.badStart, .evaluation(.noStartValue(name: missing)), range, scope,
                                help: .evaluation(.targetVariables(target: label, variables: vars)))
                }
                throw error(.arity, .evaluation(.noValue(name: missing)), p.range, scope)
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
                throw error(.badStart, .evaluation(.startNotAPoint(found: point.kind)), range, scope, help: .evaluation(.startExamples))
            }
            throw error(.badStart, .evaluation(.notAPoint(found: point.kind)), range, scope, help: .evaluation(.pointExamples))
        }
        return try coords.map { c in
            guard case .number(let n) = c else { throw error(.badStart, role.nonNumberCoordinate(c.kind), range, scope) }
            return n
        }
    }

    func coordinateCount(_ n: Int, _ vars: [String], _ range: SourceRange, _ role: PointRole, _ scope: Scope) -> Diagnostic {
        switch role {
        case .at:
            return error(.arity, .evaluation(.pointCoordinates(count: n, variables: vars)), range, scope,
                         help: .evaluation(.giveOneValueOrNameThem(variables: vars)))
        case .start(let label):
            return error(.badStart, .evaluation(.startCoordinates(count: n, target: label, variables: vars)), range, scope,
                         help: .evaluation(.giveOneValuePerVariable(variables: vars)))
        case .explain:
            return error(.arity, .evaluation(.pointCoordinates(count: n, variables: vars)), range, scope,
                         help: .evaluation(.nameThem(variables: vars)))
        }
    }

    /// The box of `from random N in (x from a to b, …)`: a range per variable, in order.
    func boxBounds(_ box: [Box], _ vars: [String], label: String, _ range: SourceRange, _ scope: Scope) throws -> [(Double, Double)] {
        var bounds: [String: (Double, Double)] = [:]
        for b in box {
            // W from -1 to 1: every element of the tensor parameter W
            if let t = tensorElements(b.variable.text, in: vars) {
                let lo = try numberValue(of: b.low, scope, what: .evaluation(.lowerBound))
                let hi = try numberValue(of: b.high, scope, what: .evaluation(.upperBound))
                guard lo.isFinite, hi.isFinite, lo < hi else {
                    throw error(.badRange, .evaluation(.badBoxRange(name: b.variable.text)), b.low.range.to(b.high.range), scope)
                }
                for e in t.elements { bounds[e] = (lo, hi) }
                continue
            }
            guard vars.contains(b.variable.text) else {
                throw error(.badStart, .evaluation(.notAVariableOf(name: b.variable.text, target: label)), b.variable.range, scope,
                            help: .evaluation(.itsVariablesListed(vars)))
            }
            let lo = try numberValue(of: b.low, scope, what: .evaluation(.lowerBound))
            let hi = try numberValue(of: b.high, scope, what: .evaluation(.upperBound))
            guard lo.isFinite, hi.isFinite, lo < hi else {
                throw error(.badRange, .evaluation(.badBoxRange(name: b.variable.text)), b.low.range.to(b.high.range), scope)
            }
            bounds[b.variable.text] = (lo, hi)
        }
        if let missing = vars.first(where: { bounds[$0] == nil }) {
            throw error(.badStart, .evaluation(.noRange(name: missing)), range, scope,
                        help: .evaluation(.giveEveryVariableRange(variables: vars)))
        }
        return vars.map { bounds[$0]! }
    }
}
