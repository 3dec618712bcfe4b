// Elements — the parts of a tuple: indexing `θ[1]` (1-based, lists too),
// named elements `θ.W` of a named result, destructuring `(a, b) = e`, and
// spreading a tuple over a function's trailing parameters `net(u, v, θ)`.
//
// A named result is an ordinary tuple (the end point of `θ = minimize …`);
// its element names — the target's parameters, in order — belong to the
// binding, not to the value: the Environment keeps them beside the global
// (`elementNames`), so arithmetic, `at`, calls and printing see a plain
// tuple, and `θ.W` is the element whose parameter is named W. Copying the
// binding (`ψ = θ`) copies the names; binding the name to anything else
// drops them.

extension Interpreter {
    // MARK: θ[i]

    /// `e[i]`: the i-th element (from 1) of a tuple or list.
    func evalIndex(_ base: Node, _ indexNode: Node, _ range: SourceRange, _ scope: Scope) throws -> Value {
        let v = try eval(base, scope)
        let elements: [Value]
        switch v {
        case .tuple(let xs), .list(let xs, _): elements = xs
        case .number where namedResult(base, scope)?.count == 1: elements = [v]   // θ[1] of a one-variable result
        default:
            throw error(.typeMismatch, .evaluation(.notIndexable(found: v.kind)), base.range, scope)
        }
        let iv = try collapse(try eval(indexNode, scope), indexNode.range, scope)
        // a whole number, exact or not (2.0); beyond 2⁵³ no index can be meant
        guard case .number(let n) = iv, let k = n.exactInteger ?? Self.wholeIndex(n.double) else {
            throw error(.typeMismatch, .evaluation(.indexNotWhole(found: valueText.format(iv))), indexNode.range, scope,
                        help: .syntax(.indexExample))
        }
        guard k >= 1, k <= Int64(elements.count) else {
            throw error(.arity, .evaluation(.indexOutOfRange(index: "\(k)", count: elements.count)), indexNode.range, scope,
                        help: .evaluation(.indicesRun(count: elements.count)))
        }
        return elements[Int(k - 1)]
    }

    static func wholeIndex(_ d: Double) -> Int64? {
        guard d.isFinite, d == d.rounded(), Swift.abs(d) < 9e15 else { return nil }
        return Int64(d)
    }

    /// The element names of `base` when it is the name of a named result (not shadowed by a local).
    func namedResult(_ base: Node, _ scope: Scope) -> [String]? {
        guard case .name(let s) = base.kind, scope.locals[s] == nil else { return nil }
        return env.elementNames(of: s)
    }

    // MARK: θ.W

    /// `θ.W`: the element of a named result whose parameter is `W`.
    func evalMember(_ base: Node, _ member: Name, _ range: SourceRange, _ scope: Scope) throws -> Value {
        let v = try eval(base, scope)
        var baseName: String? = nil
        if case .name(let s) = base.kind { baseName = s }
        let elements: [Value]
        switch v {
        case .tuple(let xs): elements = xs
        case .number: elements = [v]
        default: elements = []
        }
        guard let s = baseName, scope.locals[s] == nil, let names = env.elementNames(of: s) else {
            throw error(.typeMismatch, .evaluation(.noNamedElements(name: baseName, found: v.kind)), base.range, scope,
                        help: .evaluation(.namedResultsOnly(name: baseName ?? "θ")))
        }
        guard let k = names.firstIndex(of: member.text), k < elements.count else {
            throw error(.unknownParameter, .evaluation(.noSuchElement(name: s, element: member.text)), member.range, scope,
                        help: .evaluation(.itsElements(names)))
        }
        return elements[k]
    }

    // MARK: (a, b) = e

    /// The elements of `v` for the names of `(a, b) = e`; `lhs` is the left
    /// side's range, `rhs` the right side's (both are shown on a count mismatch).
    func destructure(_ v: Value, _ names: [Name], lhs: SourceRange, rhs: SourceRange, _ scope: Scope) throws -> [Value] {
        guard case .tuple(let xs) = v else {
            throw error(.typeMismatch, .evaluation(.destructureNotTuple(found: v.kind)), rhs, scope,
                        help: .evaluation(.oneNamePerElement))
        }
        guard xs.count == names.count else {
            var d = error(.arity, .evaluation(.destructureCount(names: names.count, elements: xs.count)), lhs, scope,
                          help: .evaluation(.oneNamePerElement))
            d.labels.append(.init(range: rhs, text: .evaluation(.tupleHasElements(count: xs.count))))
            throw d
        }
        var seen = Set<String>()
        for n in names where !seen.insert(n.text).inserted {
            throw error(.duplicateParameter, .evaluation(.duplicateParameter(name: n.text)), n.range, scope)
        }
        return xs
    }

    // MARK: net(u, v, θ)

    /// The arguments of a call of `f`, with a tuple in the last place spread
    /// over the trailing parameters when the call has fewer arguments than
    /// `f` has parameters: `net(u, v, θ)` for `net(u, v, w1, …, w9)`. Nil
    /// when nothing is spread; the error when the count still differs.
    func spreadArguments(_ f: UserFunction, _ args: [Value], _ range: SourceRange, _ scope: Scope) throws -> [Value]? {
        guard args.count < f.parameters.count, case .tuple(let xs)? = args.last else { return nil }
        let before = args.count - 1
        guard before + xs.count == f.parameters.count else {
            throw error(.arity, .evaluation(.spreadArity(function: f.name, expected: f.parameters.count, before: before, elements: xs.count)),
                        range, scope, help: .evaluation(.definedAs(function: f.name, definition: f.text)))
        }
        return Array(args.dropLast()) + xs
    }
}

extension Environment {
    /// The element names of the named result bound to `name` (nil: none, or
    /// the name is now bound to something else).
    func elementNames(of name: String) -> [String]? {
        guard let names = resultNames[name] else { return nil }
        switch globals[name] {
        case .tuple(let xs)?: return xs.count == names.count ? names : nil
        case .number?: return names.count == 1 ? names : nil   // the result of one variable is a number
        default: return nil
        }
    }

    /// Binds a global; `names` are its element names when it is a named
    /// result (any earlier names of that binding are dropped otherwise).
    func bind(_ name: String, _ value: Value, elementNames names: [String]? = nil) {
        globals[name] = value
        if let names { resultNames[name] = names } else if !resultNames.isEmpty { resultNames[name] = nil }
    }
}
