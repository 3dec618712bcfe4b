// TensorFunctions — the built-in functions of vectors and matrices:
// shape, norm, outer, zeros, ones, identity, transpose, softmax,
// log_softmax and cross_entropy. They are functions of whole values, not of
// one number, so they are a table of their own beside Builtin (whose
// entries act element-wise); each is built from the element-wise
// operations, so a symbolic argument gives a symbolic result that the
// differentiator reaches like any other expression.

/// A built-in function of a whole vector or matrix.
public enum TensorFunction: String, CaseIterable, Sendable {
    case shape, norm, outer, zeros, ones, identity, transpose, softmax
    case log_softmax, cross_entropy

    public static let names: [String] = allCases.map(\.rawValue)

    /// How many arguments it takes.
    var arities: [Int] {
        switch self {
        case .shape, .norm, .identity, .transpose, .softmax, .log_softmax: return [1]
        case .outer, .cross_entropy: return [2]
        case .zeros, .ones: return [1, 2]
        }
    }

    /// How it is called, for the arity help.
    public var usage: String {
        switch self {
        case .shape: return "shape(A)"
        case .norm: return "norm(v)"
        case .outer: return "outer(u, v)"
        case .zeros: return "zeros(m, n)"
        case .ones: return "ones(m, n)"
        case .identity: return "identity(n)"
        case .transpose: return "transpose(A)"
        case .softmax: return "softmax(v)"
        case .log_softmax: return "log_softmax(v)"
        case .cross_entropy: return "cross_entropy(p, y)"
        }
    }
}

extension Interpreter {
    static let maxGeneratedEntries = 10_000_000

    func evalTensorFunction(_ f: TensorFunction, _ argNodes: [Node], _ range: SourceRange, _ scope: Scope) throws -> Value {
        guard f.arities.contains(argNodes.count) else {
            throw error(.arity, .evaluation(.arity(function: f.rawValue, expected: f.arities, given: argNodes.count)),
                        range, scope, help: .evaluation(.usage(f.usage)))
        }
        let args = try argNodes.map { try eval($0, scope) }
        func shape(_ k: Int) throws -> TensorShape {
            guard let s = args[k].tensorShape else {
                throw error(.typeMismatch, .tensor(.needsVectorOrMatrix(function: f.rawValue, found: args[k].kind)),
                            argNodes[k].range, scope, help: .evaluation(.usage(f.usage)))
            }
            return s
        }
        func vectorArgument(_ k: Int) throws -> [Value] {
            guard case .vector = try shape(k) else {
                throw error(.typeMismatch, .tensor(.needsVector(function: f.rawValue, found: try shape(k))),
                            argNodes[k].range, scope, help: .evaluation(.usage(f.usage)))
            }
            return args[k].entries
        }
        func count(_ k: Int) throws -> Int {
            let v = try collapse(args[k], argNodes[k].range, scope)
            guard case .number(let n) = v, let c = n.exactInteger ?? Self.wholeIndex(n.double), c >= 1, c <= 1_000_000 else {
                throw error(.typeMismatch, .tensor(.sizeMustBePositive(found: valueText.format(v))), argNodes[k].range, scope,
                            help: .evaluation(.usage(f.usage)))
            }
            return Int(c)
        }
        switch f {
        case .shape:
            switch try shape(0) {
            case .scalar: return .tuple([])
            case .vector(let n): return .tuple([.number(Number(n))])
            case .matrix(let m, let n): return .tuple([.number(Number(m)), .number(Number(n))])
            }
        case .norm:
            _ = try shape(0)
            let xs = args[0].entries
            let squares = try total(try xs.map { try arith(.pow, $0, .number(Number(2)), range, scope) }, range, scope)
            return try arith(.pow, squares, .number(.rational(1, 2)), range, scope)
        case .outer:
            let u = try vectorArgument(0), v = try vectorArgument(1)
            return .matrix(try u.map { x in try v.map { try arith(.mul, x, $0, range, scope) } })
        case .zeros, .ones:
            let m = try count(0), n = argNodes.count == 2 ? try count(1) : nil
            guard m * (n ?? 1) <= Self.maxGeneratedEntries else {
                throw error(.limit, .tensor(.tooManyEntries(limit: Self.maxGeneratedEntries)), range, scope)
            }
            let x: Value = .number(f == .zeros ? .zero : .one)
            if let n { return .matrix(Array(repeating: Array(repeating: x, count: n), count: m)) }
            return .vector(Array(repeating: x, count: m))
        case .identity:
            let n = try count(0)
            guard n * n <= Self.maxGeneratedEntries else {
                throw error(.limit, .tensor(.tooManyEntries(limit: Self.maxGeneratedEntries)), range, scope)
            }
            return .matrix((0..<n).map { i in (0..<n).map { j in .number(i == j ? .one : .zero) } })
        case .transpose:
            return try transpose(args[0], argNodes[0].range, scope)
        case .softmax, .log_softmax:
            let z = try vectorArgument(0)
            // shifted by the largest entry when every entry is a number, so exp never overflows
            let shift: Value = z.allSatisfy(\.isNumeric) ? z.max { $0.asDouble < $1.asDouble } ?? .number(.zero) : .number(.zero)
            let shifted = try z.map { try arith(.sub, $0, shift, range, scope) }
            let exps = try shifted.map { try applyBuiltin(.exp, [$0], range, scope) }
            let s = try total(exps, range, scope)
            if f == .softmax { return .vector(try exps.map { try arith(.div, $0, s, range, scope) }) }
            let logS = try applyBuiltin(.ln, [s], range, scope)
            return .vector(try shifted.map { try arith(.sub, $0, logS, range, scope) })
        case .cross_entropy:
            // −Σ yᵢ·ln pᵢ: p a vector of probabilities (softmax's), y one-hot or a distribution
            let p = try vectorArgument(0), y = try vectorArgument(1)
            guard p.count == y.count else {
                throw error(.lengthMismatch, .tensor(.shapesDiffer(operation: .combine, .vector(p.count), .vector(y.count))),
                            range, scope, help: .evaluation(.usage(f.usage)))
            }
            var terms: [Value] = []
            for (pi, yi) in zip(p, y) {
                if case .number(let n) = yi, n.isZero { continue }   // 0·ln p is 0, even where p is 0
                terms.append(try arith(.mul, yi, try applyBuiltin(.ln, [pi], range, scope), range, scope))
            }
            return try arith(.mul, .number(.minusOne), try total(terms, range, scope), range, scope)
        }
    }
}

extension Value {
    var asDouble: Double { if case .number(let n) = self { return n.double }; return .nan }
}
