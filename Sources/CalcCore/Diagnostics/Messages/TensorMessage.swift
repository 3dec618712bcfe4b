// TensorMessage — what calc says about vectors, matrices and tensor
// parameters: shapes that do not fit, ragged rows, indices out of range,
// tensor arguments and start points of the wrong shape.

public enum TensorMessage: Sendable, Equatable {
    /// `[1, [2, 3]]`: row `row` is a number among rows.
    case mixedRows(row: Int)
    /// `[[[1]]]`.
    case nestedTooDeep
    /// `[[1, 2], [3]]`.
    case raggedRow(row: Int, length: Int, expected: Int)
    /// Help for the three above.
    case matrixRowsHelp
    /// `[1, 2] + [1, 2, 3]`, `[[1, 2], [3, 4]] + [1, 2, 3]`.
    case shapesDiffer(operation: TensorOperation, TensorShape, TensorShape)
    /// Help under `shapesDiffer`.
    case broadcastRules
    /// `2 @ [1, 2]`.
    case matmulNeedsTensors
    case matmulHelp
    /// A label on the whole `a @ b`.
    case matmulHere
    /// `[[1, 2], [3, 4]] @ [1, 2, 3]`.
    case cannotMultiply(TensorShape, TensorShape)
    /// Help under `cannotMultiply`.
    case matmulRule
    /// A label under one operand: "a 2×2 matrix".
    case shapeIs(TensorShape)
    /// `(1, 2)ᵀ`.
    case transposeNeedsMatrix(found: ValueKind)
    /// `v[1, 2]` of a vector.
    case twoIndicesNeedMatrix(found: TensorShape)
    /// `A[1, 2, 3]`.
    case tooManyIndices(Int)
    /// Help: the index forms.
    case indexForms
    /// `A[3, 1]` of a 2×2 matrix.
    case axisIndexOutOfRange(index: String, axis: MatrixAxis, count: Int)
    /// `norm(f)`.
    case needsVectorOrMatrix(function: String, found: ValueKind)
    /// `softmax([[1, 2]])`.
    case needsVector(function: String, found: TensorShape)
    /// `zeros(0)`, `ones(2.5)`.
    case sizeMustBePositive(found: String)
    /// `zeros(100000, 100000)`.
    case tooManyEntries(limit: Int)
    /// `:` outside an index.
    case wholeAxisOutsideIndex
    /// `L(W0, b0)` where W0 is not W's shape.
    case argumentShape(parameter: String, expected: TensorShape, found: TensorShape?)
    /// Help: the declaration.
    case declaredAs(String)
    /// `∂L/∂Wx`: no such element.
    case noSuchTensorElement(parameter: String, element: String)
    /// Help: how its elements are named.
    case elementsNamed(first: String, last: String)
    /// A start or point value for `W` of the wrong shape.
    case pointShape(parameter: String, expected: TensorShape, found: TensorShape?)
}

/// The shape of a value, as the messages say it: a number, a vector of n, an m×n matrix.
public enum TensorShape: Sendable, Equatable {
    case scalar
    case vector(Int)
    case matrix(Int, Int)

    public var dimensions: [Int] {
        switch self {
        case .scalar: return []
        case .vector(let n): return [n]
        case .matrix(let m, let n): return [m, n]
        }
    }

    public init?(_ dims: [Int]) {
        switch dims.count {
        case 0: self = .scalar
        case 1: self = .vector(dims[0])
        case 2: self = .matrix(dims[0], dims[1])
        default: return nil
        }
    }
}

/// Which axis of a matrix an index is on.
public enum MatrixAxis: Sendable, Equatable { case row, column }

/// The operation whose operands' shapes differ, as the message names it.
public enum TensorOperation: Sendable, Equatable {
    case add, subtract, multiply, divide, power, combine
}
