// AST — the parsed program. Case names follow the grammar's rule names
// (Grammar/calc.ebnf): `sum`, `product`, `unary`, `power`, `postfix` forms,
// `primary` forms. Every node carries the source range it was parsed from.

/// A name as written, with where it was written.
public struct Name: Equatable, Sendable {
    public let text: String
    public let range: SourceRange
    public init(_ text: String, _ range: SourceRange) { self.text = text; self.range = range }
}

public enum SumOperator: Sendable, Equatable { case plus, minus }
public enum ProductOperator: Sendable, Equatable { case times, divide, implicit, matmul }
public enum UnaryOperator: Sendable, Equatable { case negate, plus, sqrt }

/// An expression node: what was parsed and where, and how deep its tree is.
public struct Node: Sendable {
    public let kind: NodeKind
    public let range: SourceRange
    /// Levels of the tree below and including this node (a leaf is 1): what
    /// every recursion over the tree (evaluator, printers) descends at most.
    /// The parser keeps it within `Parser.maxDepth`, chains (`x at 1 at 1 …`,
    /// `f'(x)'(y)…`) included. Found from the children's, O(1) per child.
    public let height: Int32
    public init(_ kind: NodeKind, _ range: SourceRange) {
        self.kind = kind
        self.range = range
        self.height = kind.childHeight + 1
    }
}

/// `diff(e, x, 2)` — each argument after the expression is a variable or an order.
public enum DiffSpec: Sendable {
    case variable(Name)
    case order(Int, SourceRange)
}

/// `point` — a positional value (number, tuple, `ans`) or named `(x = 1, y = 2)`.
public enum Point: Sendable {
    case positional(Node)
    case named([(Name, Node)], SourceRange)
    public var range: SourceRange {
        switch self { case .positional(let n): return n.range; case .named(_, let r): return r }
    }
}

/// What `grad` and `hessian` apply to: a function by name, or an expression.
public enum DerivativeTarget: Sendable {
    case function(Name)
    case expression(Node)
}

/// Only the cases that hold a Node are `indirect` (boxed): numbers, names and
/// bracketed lists sit in the node itself, saving an allocation per leaf.
public enum NodeKind: Sendable {
    // primary
    case number(Number)
    case name(String)
    case tuple([Node])                        // ( e, e, … )
    case list([Node])                         // [ e, … ]
    indirect case group(Node)                 // ( e ) — kept so ranges and printing are faithful
    indirect case diff(Node, [DiffSpec])      // diff(e, x), diff(e, x, 2), diff(e, x, y)
    indirect case dOperator(Name, Node)       // d/dx operand
    indirect case partial(Name, [Name])       // ∂f/∂x, ∂²f/∂x∂y
    indirect case grad(DerivativeTarget)      // grad f, ∇f, grad(e), ∇(e)
    indirect case hessian(DerivativeTarget)   // hessian f, hessian(e)
    // postfix
    indirect case call(Node, [Node])          // callee(args)
    indirect case prime(Node, Int)            // f', f''
    // power and unary
    indirect case power(Node, Node)           // base ^ exponent (right-assoc)
    indirect case unary(UnaryOperator, Node)  // -e, +e, √e
    // product and sum (n-ary, as the grammar's repetition)
    indirect case product(Node, [(ProductOperator, Node)])
    indirect case sum(Node, [(SumOperator, Node)])
    // expr
    indirect case at(Node, Point)             // e at point
    // postfix (named results)
    indirect case index(Node, [Node])         // θ[1], A[1, 2], A[:, 1] — 1-based
    case wholeAxis                            // `:` in an index: every row or column
    indirect case transpose(Node)             // Aᵀ
    indirect case member(Node, Name)          // θ.W — a named result's element
}

/// One option of `minimize`/`maximize` (the grammar's `option`), typed once
/// by the parser. Each case keeps its value and the range of its option word
/// (`keyword`), so errors can point at either.
public enum OptimizeOption: Sendable {
    case steps(Node, keyword: SourceRange)
    case tol(Node, keyword: SourceRange)
    case every(Node, keyword: SourceRange)
    case seed(Node, keyword: SourceRange)
    case beta(Node, keyword: SourceRange)
    case method(Name, keyword: SourceRange)
    /// `batch N`, `epochs N`, `shuffle`: descent over data rows (`over rows of`).
    case batch(Node, keyword: SourceRange)
    case epochs(Node, keyword: SourceRange)
    case shuffle(keyword: SourceRange)

    /// Which option this is.
    public var option: OptionWord {
        switch self {
        case .steps: return .steps
        case .tol: return .tol
        case .every: return .every
        case .seed: return .seed
        case .beta: return .beta
        case .method: return .method
        case .batch: return .batch
        case .epochs: return .epochs
        case .shuffle: return .shuffle
        }
    }

    /// Where the option word was written.
    public var keyword: SourceRange {
        switch self {
        case .steps(_, let r), .tol(_, let r), .every(_, let r), .seed(_, let r), .beta(_, let r), .method(_, let r):
            return r
        case .batch(_, let r), .epochs(_, let r), .shuffle(let r):
            return r
        }
    }

    /// The option word as written, with its range.
    public var name: Name { Name(option.rawValue, keyword) }

    /// The method's name for `method`; nil for the options that take a value.
    public var word: Name? {
        if case .method(let m, _) = self { return m }
        return nil
    }
}

public enum StartPoint: Sendable {
    case point(Point)
    /// `random N in (x from a to b, y from c to d)`
    case random(count: Node, box: [Box], range: SourceRange)
}

/// `x from a to b` inside `random … in (…)` and `plot … over (…)`.
public struct Box: Sendable {
    public let variable: Name
    public let low: Node
    public let high: Node
}

public struct Optimize: Sendable {
    public let maximize: Bool
    public let keyword: SourceRange
    public let target: Node
    public let start: StartPoint
    public let rates: [Node]
    public let options: [OptimizeOption]
    public let plot: PlotOutput?
    /// `over rows of (xs, ys)`: descend batch by batch over the rows of these data lists.
    public var rows: RowsClause? = nil
}

/// `over rows of (xs, ys)`: the data lists whose rows the batches take.
public struct RowsClause: Sendable {
    /// `over rows of`, as written.
    public let keyword: SourceRange
    public let names: [Name]
    /// From `over` to the closing parenthesis.
    public let range: SourceRange
}

/// `plot` (optional `to "file.svg"`).
public struct PlotOutput: Sendable {
    public let keyword: SourceRange
    public let file: (String, SourceRange)?
}

public enum PlotDomain: Sendable {
    case interval(variable: Name?, from: Node, to: Node)
    case area([Box])
}

public struct Plot: Sendable {
    public let keyword: SourceRange
    public let expressions: [Node]
    public let domain: PlotDomain
    public let file: (String, SourceRange)?
    /// `with points (xs, ys [, labels])`: data marked on the plot (nil: none).
    public var points: PlotPoints? = nil
}

/// `with points (xs, ys, labels)`: the data a plot marks — x and y
/// coordinates and, optionally, each point's label (its class or target).
public struct PlotPoints: Sendable {
    public let keyword: SourceRange
    public let lists: [Node]
    public let range: SourceRange
}

/// The left side of `=` that binds a command's result: `θ = minimize …`
/// or `(a, b) = minimize …`.
public enum ResultBinding: Sendable {
    case name(Name)
    case tuple([Name], SourceRange)
}

public enum StatementKind: Sendable {
    case funcdef(Name, [Parameter], Node)
    case assign(Name, Node)
    case expression(Node)
    case optimize(Optimize)
    case explain(Node)
    case plot(Plot)
    case meta(command: String, argument: String)
    /// `(a, b) = e`: one name per element of a tuple (the range is the left side's).
    case destructure([Name], SourceRange, Node)
    /// `θ = minimize …`, `(a, b) = minimize …`: the result bound to names.
    case namedOptimize(ResultBinding, Optimize)
}

public struct Statement: Sendable {
    public let kind: StatementKind
    public let range: SourceRange
    /// Ended by `;`: the result is not shown (it is still bound to `ans`).
    public let silent: Bool
}

public struct Program: Sendable {
    public let source: SourceFile
    public let statements: [Statement]
    public let diagnostics: [Diagnostic]
}

extension NodeKind {
    /// The largest height among the node's children (0 for a leaf).
    var childHeight: Int32 {
        switch self {
        case .number, .name, .partial: return 0
        case .tuple(let xs), .list(let xs): return xs.reduce(0) { max($0, $1.height) }
        case .group(let e), .diff(let e, _), .dOperator(_, let e), .prime(let e, _), .unary(_, let e): return e.height
        case .grad(let t), .hessian(let t):
            if case .expression(let e) = t { return e.height }
            return 0
        case .call(let f, let xs): return xs.reduce(f.height) { max($0, $1.height) }
        case .power(let b, let e): return max(b.height, e.height)
        case .product(let first, let rest): return rest.reduce(first.height) { max($0, $1.1.height) }
        case .sum(let first, let rest): return rest.reduce(first.height) { max($0, $1.1.height) }
        case .index(let a, let b): return b.reduce(a.height) { max($0, $1.height) }
        case .wholeAxis: return 0
        case .transpose(let e): return e.height
        case .member(let e, _): return e.height
        case .at(let e, let p):
            switch p {
            case .positional(let n): return max(e.height, n.height)
            case .named(let items, _): return items.reduce(e.height) { max($0, $1.1.height) }
            }
        }
    }
}

/// A function's parameter as declared: a scalar `x`, or a tensor with its
/// shape, `W[2, 2]` (a matrix) or `b[2]` (a vector).
public struct Parameter: Sendable {
    public let name: Name
    public let shape: [Int]
    public init(_ name: Name, shape: [Int] = []) { self.name = name; self.shape = shape }
    public var text: String { name.text }
    /// Largest length of one dimension, and most elements of one tensor parameter.
    public static let maxLength: Int64 = 100_000
    public static let maxElements = 1_000_000
    /// As written in a definition's text: `W[2, 2]`.
    public var declaration: String { shape.isEmpty ? name.text : name.text + "[" + shape.map(String.init).joined(separator: ", ") + "]" }
}
