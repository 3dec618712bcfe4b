// Value — what a calc expression evaluates to.
//
// Numbers are exact rationals or doubles. An expression with unbound names is
// a symbolic value: a canonical Expr plus the order of its variables (a
// function's parameters, or first appearance), which `at (1, 2)` binds
// positionally. Tuples are points and gradients; lists are data and
// broadcast element-wise; functions are user definitions or derived ones
// (`f'`), callable like any other.

public final class UserFunction: @unchecked Sendable {
    public enum Body {
        /// As written: evaluated at each call, so globals are read when it runs.
        case syntax(Node, SourceFile)
        /// Derived (a derivative): an expression in the parameters.
        case expression(Expr)
    }
    public let name: String
    public let parameters: [String]
    public let body: Body
    /// The definition as the user would read it: `f(x, y) = x^2 + y`.
    public let text: String
    /// For a derived function (`f'`): the expressions it was derived from, in
    /// the same parameters. A call at numbers evaluates them first, so `f'` is
    /// undefined wherever `f` is (`ln`'s derivative 1/x is not a number at -1).
    public let domain: [Expr]
    /// The declared parameters when some are vectors or matrices (`W[2, 2]`):
    /// `parameters` are then their element names, in order. Empty otherwise.
    public let tensors: [TensorParameter]

    public init(name: String, parameters: [String], body: Body, text: String, domain: [Expr] = [],
                tensors: [TensorParameter] = []) {
        self.name = name
        self.parameters = parameters
        self.body = body
        self.text = text
        self.domain = domain
        self.tensors = tensors
    }

    public var signature: String {
        if !tensors.isEmpty { return "\(name)(\(tensors.map(\.declaration).joined(separator: ", ")))" }
        return "\(name)(\(parameters.joined(separator: ", ")))"
    }
}

// Not `indirect`: every case already holds its payload by reference or in a
// few words, and boxing each value cost an allocation per operation.
public enum Value {
    case number(Number)
    case symbolic(Expr, variables: [String])
    case tuple([Value])
    case list([Value], name: String?)
    case function(UserFunction)

    /// What kind of value this is, for messages that found it where another was needed.
    public var kind: ValueKind {
        switch self {
        case .number: return .number
        case .symbolic: return .expression
        case .tuple(let xs): return .tuple(count: xs.count)
        case .list(let xs, _): return .list(count: xs.count)
        case .function(let f): return .function(name: f.name)
        }
    }

    /// A checked evaluation's result: a number, or a list of numbers over data.
    init(_ n: NumericValue) {
        switch n {
        case .scalar(let d): self = .number(.float(d))
        case .vector(let xs): self = .list(xs.map { .number(.float($0)) }, name: nil)
        }
    }

    public var isNumeric: Bool { if case .number = self { return true }; return false }

    /// A list whose elements are all numbers, as doubles.
    var numericList: [Double]? {
        guard case .list(let xs, _) = self else { return nil }
        var out: [Double] = []
        out.reserveCapacity(xs.count)
        for x in xs { guard case .number(let n) = x else { return nil }; out.append(n.double) }
        return out
    }

    var variables: [String] {
        switch self {
        case .symbolic(_, let v): return v
        case .tuple(let xs), .list(let xs, _): return mergeVariables(xs.map { $0.variables })
        case .function(let f): return f.parameters
        case .number: return []
        }
    }
}

/// Ordered union, first appearance first.
func mergeVariables(_ lists: [[String]]) -> [String] {
    var m = VariableMerger()
    for l in lists { m.add(l) }
    return m.names
}

/// Builds an ordered union of variable lists, first appearance first.
/// Variable lists are short: while the union is small it is scanned, not
/// hashed, and a list equal to a prefix of it (the usual case: x, then x and
/// y) costs one comparison pass and no allocation. A large union is indexed.
struct VariableMerger {
    private(set) var names: [String] = []
    private var seen: Set<String>? = nil

    mutating func add(_ list: [String]) {
        if list.isEmpty { return }
        if names.isEmpty { names = list; return }
        if list.count <= names.count {
            var prefix = true
            for k in list.indices where list[k] != names[k] { prefix = false; break }
            if prefix { return }
        }
        if seen == nil && names.count + list.count > 32 { seen = Set(names) }
        if seen != nil {
            for v in list where seen!.insert(v).inserted { names.append(v) }
        } else {
            for v in list where !names.contains(v) { names.append(v) }
        }
    }
}
