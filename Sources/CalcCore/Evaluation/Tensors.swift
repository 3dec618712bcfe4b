// Tensors — vectors and matrices as values: their shapes, numpy-style
// broadcasting, the matrix product `@`, the transpose, entries and slices.
//
// A vector is a list (`[1, 2, 3]`); a matrix is a list of equal-length
// rows (`[[1, 2], [3, 4]]`). Entries are numbers or expressions, so the
// same operations build a network's loss symbolically (a weight matrix of
// symbols W₁₁ … W₂₂) and compute its value at numbers. Products of
// entries are summed with the sum-chain fold (one n-ary constructor call),
// so `X @ Wᵀ` builds each entry once, in linear size.
//
// Broadcasting follows numpy for ranks up to two: a number meets anything;
// two vectors or two matrices need equal shapes; a vector of length n meets
// each row of an m×n matrix. Every mismatch is an error that names both
// shapes and points at both operands.

extension Value {
    /// The rows of a matrix value (a list of equal-length lists), else nil.
    var matrixRows: [[Value]]? {
        guard case .list(let rows, _) = self, let first = rows.first, case .list(let r0, _) = first else { return nil }
        var out: [[Value]] = []
        out.reserveCapacity(rows.count)
        for r in rows {
            guard case .list(let xs, _) = r, xs.count == r0.count else { return nil }
            out.append(xs)
        }
        return out
    }

    /// The shape of a number, expression, vector or matrix; nil for tuples,
    /// functions and lists nested otherwise.
    var tensorShape: TensorShape? {
        switch self {
        case .number, .symbolic: return .scalar
        case .list(let xs, _):
            if let rows = matrixRows { return .matrix(rows.count, rows[0].count) }
            if xs.contains(where: { if case .list = $0 { return true }; return false }) { return nil }
            return .vector(xs.count)
        case .tuple, .function: return nil
        }
    }

    static func matrix(_ rows: [[Value]]) -> Value { .list(rows.map { .list($0, name: nil) }, name: nil) }
    static func vector(_ xs: [Value]) -> Value { .list(xs, name: nil) }

    /// Every entry of a vector or matrix, row by row.
    var entries: [Value] {
        if let rows = matrixRows { return rows.flatMap { $0 } }
        if case .list(let xs, _) = self { return xs }
        return [self]
    }
}

extension Interpreter {
    // MARK: literals

    /// A list literal's elements: all scalars (a vector) or all rows of one
    /// length (a matrix); anything else is an error at the row that differs.
    func checkListLiteral(_ xs: [Value], _ nodes: [Node], _ range: SourceRange, _ scope: Scope) throws {
        guard let firstRow = xs.firstIndex(where: { if case .list = $0 { return true }; return false }) else { return }
        guard case .list(let r0, _) = xs[firstRow] else { return }
        for (k, x) in xs.enumerated() {
            guard case .list(let row, _) = x else {
                throw error(.typeMismatch, .tensor(.mixedRows(row: k + 1)), nodes[k].range, scope,
                            help: .tensor(.matrixRowsHelp))
            }
            if row.contains(where: { if case .list = $0 { return true }; return false }) {
                throw error(.typeMismatch, .tensor(.nestedTooDeep), nodes[k].range, scope, help: .tensor(.matrixRowsHelp))
            }
            if row.count != r0.count {
                throw error(.lengthMismatch, .tensor(.raggedRow(row: k + 1, length: row.count, expected: r0.count)),
                            nodes[k].range, scope, help: .tensor(.matrixRowsHelp))
            }
        }
    }

    // MARK: broadcasting

    /// Element-wise `f` over two vectors or matrices by numpy's rules (ranks ≤ 2);
    /// nil when neither is a vector or matrix of another rank (the caller zips).
    func broadcastTensors(_ a: Value, _ b: Value, _ op: ArithOp?, _ range: SourceRange, _ scope: Scope,
                          _ f: (Value, Value) throws -> Value) throws -> Value? {
        guard case .list = a, case .list = b, let sa = a.tensorShape, let sb = b.tensorShape else { return nil }
        switch (sa, sb) {
        case let (.matrix(_, n), .vector(k)):
            guard n == k else { throw shapeMismatch(op, sa, sb, range, scope) }
            return .matrix(try a.matrixRows!.map { row in try zip(row, b.entries).map { try f($0, $1) } })
        case let (.vector(k), .matrix(_, n)):
            guard n == k else { throw shapeMismatch(op, sa, sb, range, scope) }
            return .matrix(try b.matrixRows!.map { row in try zip(a.entries, row).map { try f($0, $1) } })
        case let (.matrix(m1, n1), .matrix(m2, n2)):
            guard m1 == m2, n1 == n2 else { throw shapeMismatch(op, sa, sb, range, scope) }
            let ra = a.matrixRows!, rb = b.matrixRows!
            return .matrix(try zip(ra, rb).map { try zip($0, $1).map { try f($0, $1) } })
        default: return nil   // two vectors zip as lists always have (with their own length message)
        }
    }

    func shapeMismatch(_ op: ArithOp?, _ a: TensorShape, _ b: TensorShape, _ range: SourceRange, _ scope: Scope) -> Diagnostic {
        error(.lengthMismatch, .tensor(.shapesDiffer(operation: op.map(TensorOperation.init) ?? .combine, a, b)), range, scope,
              help: .tensor(.broadcastRules))
    }

    // MARK: the matrix product

    /// `a @ b`: matrix·matrix, matrix·vector, vector·matrix, vector·vector (the dot product).
    func matmul(_ a: Value, _ b: Value, _ left: SourceRange, _ right: SourceRange, _ scope: Scope) throws -> Value {
        let whole = left.to(right)
        guard let sa = a.tensorShape, let sb = b.tensorShape, sa != .scalar, sb != .scalar else {
            let found = a.tensorShape == .scalar || a.tensorShape == nil ? left : right
            var d = error(.typeMismatch, .tensor(.matmulNeedsTensors), found, scope, help: .tensor(.matmulHelp))
            d.labels = [Diagnostic.Label(range: whole, text: .tensor(.matmulHere))]
            throw d
        }
        func mismatch() -> Diagnostic {
            var d = error(.lengthMismatch, .tensor(.cannotMultiply(sa, sb)), whole, scope, help: .tensor(.matmulRule))
            d.labels = [Diagnostic.Label(range: left, text: .tensor(.shapeIs(sa))),
                        Diagnostic.Label(range: right, text: .tensor(.shapeIs(sb)))]
            return d
        }
        switch (sa, sb) {
        case let (.vector(n), .vector(k)):
            guard n == k else { throw mismatch() }
            return try dot(a.entries, b.entries, whole, scope)
        case let (.matrix(_, n), .vector(k)):
            guard n == k else { throw mismatch() }
            let v = b.entries
            return .vector(try a.matrixRows!.map { try dot($0, v, whole, scope) })
        case let (.vector(k), .matrix(m, _)):
            guard k == m else { throw mismatch() }
            let cols = transposeRows(b.matrixRows!), v = a.entries
            return .vector(try cols.map { try dot(v, $0, whole, scope) })
        case let (.matrix(_, n), .matrix(m, _)):
            guard n == m else { throw mismatch() }
            let cols = transposeRows(b.matrixRows!)
            return .matrix(try a.matrixRows!.map { row in try cols.map { try dot(row, $0, whole, scope) } })
        default: throw mismatch()
        }
    }

    /// A product chain with `@` in it, left to right: `X @ Wᵀ * 2`.
    func evalMatmulChain(_ first: Node, _ rest: [(ProductOperator, Node)], _ scope: Scope) throws -> Value {
        var acc = try eval(first, scope)
        var accRange = first.range
        for (op, e) in rest {
            let v = try eval(e, scope)
            switch op {
            case .matmul: acc = try matmul(acc, v, accRange, e.range, scope)
            case .divide: acc = try arith(.div, acc, v, e.range, scope, chainStart: accRange)
            case .times, .implicit: acc = try arith(.mul, acc, v, e.range, scope, chainStart: accRange)
            }
            accRange = accRange.to(e.range)
        }
        return acc
    }

    /// Σ xᵢ·yᵢ, summed as one chain (exact on exact numbers, one n-ary sum symbolically).
    func dot(_ xs: [Value], _ ys: [Value], _ range: SourceRange, _ scope: Scope) throws -> Value {
        if xs.isEmpty { return .number(.zero) }
        if interrupt.isSet { throw interrupted(range, scope) }
        let base = operandStack.count
        defer { popOperands(to: base) }
        for (x, y) in zip(xs, ys) { operandStack.append((.add, try arith(.mul, x, y, range, scope), range)) }
        if operandStack.count - base == 1 { return operandStack[base].1 }
        return try fold(operandStack[base...], identity: .add, range, scope)
    }

    /// The sum of many values as one chain.
    func total(_ xs: [Value], _ range: SourceRange, _ scope: Scope) throws -> Value {
        if xs.isEmpty { return .number(.zero) }
        if xs.count == 1 { return xs[0] }
        let base = operandStack.count
        defer { popOperands(to: base) }
        for x in xs { operandStack.append((.add, x, range)) }
        return try fold(operandStack[base...], identity: .add, range, scope)
    }

    func transposeRows(_ rows: [[Value]]) -> [[Value]] {
        guard let n = rows.first?.count else { return [] }
        return (0..<n).map { j in rows.map { $0[j] } }
    }

    // MARK: transpose

    /// `Aᵀ`, `transpose(A)`: rows become columns; a vector is its own transpose
    /// (calc's vectors have no orientation, as numpy's 1-D arrays), a number too.
    func transpose(_ v: Value, _ range: SourceRange, _ scope: Scope) throws -> Value {
        if let rows = v.matrixRows { return .matrix(transposeRows(rows)) }
        switch v.tensorShape {
        case .scalar?, .vector?: return v
        default:
            throw error(.typeMismatch, .tensor(.transposeNeedsMatrix(found: v.kind)), range, scope,
                        help: .tensor(.matrixRowsHelp))
        }
    }

    // MARK: entries and slices

    /// `v[i]`, `A[i, j]`, `A[i]` (row i), `A[:, j]` (column j), `A[i, :]` (row i).
    func evalIndices(_ base: Node, _ indexNodes: [Node], _ range: SourceRange, _ scope: Scope) throws -> Value {
        if indexNodes.count == 1, case .wholeAxis = indexNodes[0].kind { return try eval(base, scope) }
        if indexNodes.count == 1 { return try evalIndex(base, indexNodes[0], range, scope) }
        let v = try eval(base, scope)
        guard let rows = v.matrixRows else {
            let found: TensorShape? = v.tensorShape
            throw error(.typeMismatch, .tensor(.twoIndicesNeedMatrix(found: found ?? .scalar)), base.range, scope,
                        help: .tensor(.indexForms))
        }
        guard indexNodes.count == 2 else {
            throw error(.arity, .tensor(.tooManyIndices(indexNodes.count)), indexNodes[2].range, scope, help: .tensor(.indexForms))
        }
        func position(_ n: Node, _ count: Int, _ axis: MatrixAxis) throws -> Int? {
            if case .wholeAxis = n.kind { return nil }
            let iv = try collapse(try eval(n, scope), n.range, scope)
            guard case .number(let num) = iv, let k = num.exactInteger ?? Self.wholeIndex(num.double) else {
                throw error(.typeMismatch, .evaluation(.indexNotWhole(found: valueText.format(iv))), n.range, scope,
                            help: .tensor(.indexForms))
            }
            guard k >= 1, k <= Int64(count) else {
                throw error(.arity, .tensor(.axisIndexOutOfRange(index: "\(k)", axis: axis, count: count)), n.range, scope,
                            help: .evaluation(.indicesRun(count: count)))
            }
            return Int(k - 1)
        }
        let i = try position(indexNodes[0], rows.count, .row)
        let j = try position(indexNodes[1], rows[0].count, .column)
        switch (i, j) {
        case let (i?, j?): return rows[i][j]
        case let (i?, nil): return .vector(rows[i])
        case let (nil, j?): return .vector(rows.map { $0[j] })
        case (nil, nil): return v
        }
    }
}


extension TensorOperation {
    init(_ op: ArithOp) {
        switch op {
        case .add: self = .add
        case .sub: self = .subtract
        case .mul: self = .multiply
        case .div: self = .divide
        case .pow: self = .power
        }
    }
}
