// TensorParameters — a function's vector and matrix parameters:
// `L(W[2, 2], b[2], c) = …`. Each tensor parameter stands for its scalar
// elements, named by position with subscripts (W₁₁ W₁₂ W₂₁ W₂₂, b₁ b₂), and
// the function's `parameters` are those element names in order. So every
// derivative, gradient, Hessian and compiled descent works on the elements
// as on any scalar parameters, and only the edges regroup them: the body
// sees W as the matrix of its element symbols, a call takes a matrix for W,
// `∂L/∂W` is the matrix of partials, points and results are per parameter.
//
// Element names: subscripts joined (W₁₂) while every dimension is at most 9,
// else separated by `_` (W₁₀_₂), so a name never reads two ways. On input
// `W12`, `W_1_2` and `W₁₂` all name the same element.

/// One declared parameter: its name, shape ([] a scalar) and element names.
public struct TensorParameter: Sendable, Equatable {
    public let name: String
    public let shape: [Int]
    public let elements: [String]

    public init(name: String, shape: [Int]) {
        self.name = name
        self.shape = shape
        self.elements = TensorParameter.elementNames(name, shape)
    }

    public var isScalar: Bool { shape.isEmpty }
    public var tensorShape: TensorShape { TensorShape(shape) ?? .scalar }

    /// `W[2, 2]`.
    public var declaration: String { shape.isEmpty ? name : name + "[" + shape.map(String.init).joined(separator: ", ") + "]" }

    static let subscriptDigits: [Character] = ["₀", "₁", "₂", "₃", "₄", "₅", "₆", "₇", "₈", "₉"]

    static func subscripted(_ k: Int) -> String { String(String(k).map { subscriptDigits[Int(String($0))!] }) }

    static func elementNames(_ name: String, _ shape: [Int]) -> [String] {
        switch shape.count {
        case 0: return [name]
        case 1: return (1...shape[0]).map { name + subscripted($0) }
        default:
            let joined = shape.allSatisfy { $0 <= 9 }
            return (1...shape[0]).flatMap { i in
                (1...shape[1]).map { j in name + subscripted(i) + (joined ? "" : "_") + subscripted(j) }
            }
        }
    }

    /// The element an input spelling names (`W12`, `W_1_2`, `W₁₂`, `W₁_₂`), or nil.
    public func element(named spelling: String) -> String? {
        if elements.contains(spelling) { return spelling }
        guard !shape.isEmpty, spelling.hasPrefix(name) else { return nil }
        var rest = String(spelling.dropFirst(name.count))
        // subscripts as digits
        rest = String(rest.map { c in TensorParameter.subscriptDigits.firstIndex(of: c).map { Character(String($0)) } ?? c })
        var indices: [Int]
        if rest.contains("_") {
            let parts = rest.split(separator: "_", omittingEmptySubsequences: true)
            indices = parts.compactMap { Int($0) }
            guard indices.count == parts.count else { return nil }
        } else if shape.count == 1 {
            guard let k = Int(rest) else { return nil }
            indices = [k]
        } else {
            // undivided digits only when each index is one digit
            guard shape.allSatisfy({ $0 <= 9 }), rest.count == 2, let i = Int(String(rest.first!)), let j = Int(String(rest.last!)) else { return nil }
            indices = [i, j]
        }
        guard indices.count == shape.count, zip(indices, shape).allSatisfy({ $0 >= 1 && $0 <= $1 }) else { return nil }
        let flat = shape.count == 1 ? indices[0] - 1 : (indices[0] - 1) * shape[1] + (indices[1] - 1)
        return elements[flat]
    }

    /// The parameter's value from its elements' values, in order.
    func assemble(_ values: ArraySlice<Value>) -> Value {
        switch shape.count {
        case 0: return values.first!
        case 1: return .vector(Array(values))
        default:
            let n = shape[1], start = values.startIndex
            return .matrix((0..<shape[0]).map { i in Array(values[(start + i * n)..<(start + (i + 1) * n)]) })
        }
    }
}

extension UserFunction {
    /// The element names of one declared parameter, if `name` is one with a shape.
    func tensorParameter(_ name: String) -> TensorParameter? {
        tensors.first { $0.name == name && !$0.isScalar }
    }

    /// The element an input spelling names among the tensor parameters.
    func tensorElement(named spelling: String) -> String? {
        for t in tensors where !t.isScalar { if let e = t.element(named: spelling) { return e } }
        return nil
    }
}

extension Interpreter {
    /// The parameters' values in the body's scope: each tensor parameter as
    /// its matrix or vector, every element by its own name too.
    func locals(of f: UserFunction, _ args: [Value]) -> [String: Value] {
        var locals: [String: Value] = [:]
        for (p, a) in zip(f.parameters, args) { locals[p] = a }
        var k = 0
        for t in f.tensors {
            let n = t.elements.count
            if !t.isScalar { locals[t.name] = t.assemble(args[k..<(k + n)]) }
            k += n
        }
        return locals
    }

    /// A call with one argument per declared parameter (`L(W0, b0, c)`), each
    /// checked against its shape and spread over the elements; nil when the
    /// call already gives one argument per element.
    func tensorArguments(_ f: UserFunction, _ args: [Value], _ range: SourceRange, _ scope: Scope) throws -> [Value]? {
        guard !f.tensors.isEmpty, args.count == f.tensors.count, args.count != f.parameters.count else { return nil }
        var out: [Value] = []
        out.reserveCapacity(f.parameters.count)
        for (t, a) in zip(f.tensors, args) {
            let s = a.tensorShape
            guard s == t.tensorShape else {
                throw error(.typeMismatch, .tensor(.argumentShape(parameter: t.name, expected: t.tensorShape, found: s)), range, scope,
                            help: .tensor(.declaredAs(f.signature)))
            }
            out.append(contentsOf: t.isScalar ? [a] : a.entries)
        }
        return out
    }

    /// Regroups values given per element (a gradient, a point) into one value
    /// per declared parameter: matrices and vectors where declared.
    func grouped(_ f: UserFunction, _ values: [Value]) -> [Value] {
        var out: [Value] = []
        var k = 0
        for t in f.tensors {
            let n = t.elements.count
            out.append(t.assemble(values[k..<(k + n)]))
            k += n
        }
        return out
    }
}

// MARK: points and boxes by parameter

extension Interpreter {
    /// The elements of the tensor parameter `name` among `vars` (W₁₁ … W₂₂ for
    /// W), with its shape, inferred from the element names; nil when `name`
    /// is itself a variable or has no elements there.
    func tensorElements(_ name: String, in vars: [String]) -> TensorParameter? {
        if vars.contains(name) { return nil }
        // the shape is the largest index seen on each axis; the names must then be exactly its elements
        var best: TensorParameter? = nil
        let candidates = vars.filter { $0.hasPrefix(name) && $0.count > name.count }
        if candidates.isEmpty { return nil }
        for dims in [1, 2] {
            var shape = Array(repeating: 0, count: dims)
            var ok = true
            for c in candidates {
                guard let idx = TensorParameter.indices(of: String(c.dropFirst(name.count)), dimensions: dims) else { ok = false; break }
                for k in 0..<dims { shape[k] = max(shape[k], idx[k]) }
            }
            guard ok, shape.allSatisfy({ $0 >= 1 }) else { continue }
            let t = TensorParameter(name: name, shape: shape)
            if t.elements.allSatisfy(vars.contains) { best = t }
        }
        return best
    }

    /// A named point's value for `name`: one entry per element when `name`
    /// is a tensor parameter among `vars` (checked against its shape), else nil.
    func spreadNamedValue(_ name: Name, _ value: Value, _ vars: [String], _ node: Node, _ scope: Scope) throws -> [(String, Value)]? {
        guard let t = tensorElements(name.text, in: vars) else { return nil }
        guard value.tensorShape == t.tensorShape else {
            throw error(.badStart, .tensor(.pointShape(parameter: name.text, expected: t.tensorShape, found: value.tensorShape)),
                        node.range, scope, help: .tensor(.declaredAs(t.declaration)))
        }
        return Array(zip(t.elements, value.entries))
    }
}

extension TensorParameter {
    /// The 1-based indices a suffix spells on `dimensions` axes: `₁₂` / `12`
    /// (one digit each), `₁₀_₂`, `_1_2`; nil otherwise.
    static func indices(of suffix: String, dimensions: Int) -> [Int]? {
        let plain = String(suffix.map { c in subscriptDigits.firstIndex(of: c).map { Character(String($0)) } ?? c })
        if plain.contains("_") {
            let parts = plain.split(separator: "_", omittingEmptySubsequences: true).map { Int($0) }
            guard parts.count == dimensions, parts.allSatisfy({ $0 != nil && $0! >= 1 }) else { return nil }
            return parts.map { $0! }
        }
        guard plain.allSatisfy(\.isASCII), plain.allSatisfy(\.isNumber), !plain.isEmpty else { return nil }
        if dimensions == 1 { return Int(plain).flatMap { $0 >= 1 ? [$0] : nil } }
        guard plain.count == 2 else { return nil }
        let ds = plain.compactMap { Int(String($0)) }
        return ds.allSatisfy { $0 >= 1 } ? ds : nil
    }
}

extension TensorParameter {
    /// The declared parameters a list of element names came from, in order
    /// (W₁₁ W₁₂ W₂₁ W₂₂ b₁ b₂ c → W[2, 2], b[2], c); nil when no run of names
    /// forms a vector or matrix, so reports print such points as before.
    public static func groups(of vars: [String]) -> [TensorParameter]? {
        func split(_ v: String) -> (String, String)? {
            guard let k = v.firstIndex(where: { subscriptDigits.contains($0) }) else { return nil }
            let base = String(v[..<k]), suffix = String(v[k...])
            guard !base.isEmpty, suffix.allSatisfy({ subscriptDigits.contains($0) || $0 == "_" }) else { return nil }
            return (base, suffix)
        }
        var out: [TensorParameter] = []
        var i = 0
        var anyTensor = false
        while i < vars.count {
            guard let (base, _) = split(vars[i]) else { out.append(TensorParameter(name: vars[i], shape: [])); i += 1; continue }
            var j = i
            while j < vars.count, let (b, _) = split(vars[j]), b == base { j += 1 }
            let run = Array(vars[i..<j])
            var matched: TensorParameter? = nil
            for dims in [2, 1] {
                var shape = Array(repeating: 0, count: dims)
                var ok = true
                for v in run {
                    guard let idx = indices(of: String(v.dropFirst(base.count)), dimensions: dims) else { ok = false; break }
                    for d in 0..<dims { shape[d] = max(shape[d], idx[d]) }
                }
                if ok, shape.allSatisfy({ $0 >= 1 }) {
                    let t = TensorParameter(name: base, shape: shape)
                    if t.elements == run { matched = t; break }
                }
            }
            if let t = matched, run.count > 1 || t.shape.count == 2 {
                out.append(t); anyTensor = true
            } else {
                out.append(contentsOf: run.map { TensorParameter(name: $0, shape: []) })
            }
            i = j
        }
        return anyTensor ? out : nil
    }
}
