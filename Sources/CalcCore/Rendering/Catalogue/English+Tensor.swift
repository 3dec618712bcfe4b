// English+Tensor — the English text of TensorMessage and of shapes.

extension Catalogue {
    func english(_ m: TensorMessage) -> String {
        switch m {
        case .mixedRows(let row): return "element \(row) of this matrix is not a row: a matrix's elements are all rows `[…]`"
        case .nestedTooDeep: return "lists nest at most two deep: a vector `[1, 2]` or a matrix `[[1, 2], [3, 4]]`"
        case .raggedRow(let row, let length, let expected):
            return "row \(row) has \(entries(length)), row 1 has \(expected)"
        case .matrixRowsHelp: return "a matrix is a list of rows of the same length: `[[1, 2], [3, 4]]`"
        case .shapesDiffer(let op, let a, let b):
            switch op {
            case .add: return "cannot add \(english(a)) and \(english(b))"
            case .subtract: return "cannot subtract \(english(b)) from \(english(a))"
            case .multiply: return "cannot multiply \(english(a)) and \(english(b)) element by element"
            case .divide: return "cannot divide \(english(a)) by \(english(b)) element by element"
            case .power: return "cannot raise \(english(a)) to \(english(b)) element by element"
            case .combine: return "cannot combine \(english(a)) and \(english(b))"
            }
        case .broadcastRules:
            return "element-wise operations need equal shapes; a number goes with anything, and a vector of length n with each row of an m×n matrix"
        case .matmulNeedsTensors: return "`@` multiplies vectors and matrices, not numbers"
        case .matmulHelp: return "use `*` for numbers; `A @ B` is the matrix product and `u @ v` the dot product"
        case .matmulHere: return "in this product"
        case .cannotMultiply(let a, let b): return "cannot multiply \(english(a)) by \(english(b))"
        case .matmulRule: return "in `A @ B` the columns of A must match the rows of B (an m×n matrix times n×k, or times a vector of length n)"
        case .shapeIs(let s): return english(s)
        case .transposeNeedsMatrix(let found): return "cannot transpose \(english(found)); only vectors and matrices have a transpose"
        case .twoIndicesNeedMatrix(let found): return "two indices need a matrix, found \(english(found))"
        case .tooManyIndices(let n): return "a matrix takes at most 2 indices, found \(n)"
        case .indexForms: return "`v[i]` is an entry of a vector, `A[i, j]` an entry of a matrix, `A[i, :]` row i and `A[:, j]` column j (indices start at 1)"
        case .axisIndexOutOfRange(let index, let axis, let count):
            return "\(axis == .row ? "row" : "column") index \(index) is out of range for \(count) \(axis == .row ? "row" : "column")\(count == 1 ? "" : "s")"
        case .needsVectorOrMatrix(let f, let found): return "`\(f)` needs a vector or matrix, found \(english(found))"
        case .needsVector(let f, let found): return "`\(f)` needs a vector, found \(english(found))"
        case .sizeMustBePositive(let found): return "expected a whole number from 1 as the size, found \(found)"
        case .tooManyEntries(let limit): return "that would be more than \(limit) entries"
        case .wholeAxisOutsideIndex: return "`:` selects a whole row or column, inside an index: `A[:, 1]`"
        case .argumentShape(let p, let expected, let found):
            return "`\(p)` is \(english(expected)), found \(found.map(english) ?? "a value with no shape")"
        case .declaredAs(let d): return "declared as \(d)"
        case .noSuchTensorElement(let p, let e): return "`\(p)` has no element `\(e)`"
        case .elementsNamed(let first, let last): return "its elements are \(first) … \(last)"
        case .pointShape(let p, let expected, let found):
            return "the value for `\(p)` must be \(english(expected)), found \(found.map(english) ?? "a value with no shape")"
        }
    }

    /// "a number", "a vector of length 3", "a 2×2 matrix".
    func english(_ s: TensorShape) -> String {
        switch s {
        case .scalar: return "a number"
        case .vector(let n): return "a vector of length \(n)"
        case .matrix(let m, let n): return "a \(m)×\(n) matrix"
        }
    }

    private func entries(_ n: Int) -> String { "\(n) entr\(n == 1 ? "y" : "ies")" }
}
