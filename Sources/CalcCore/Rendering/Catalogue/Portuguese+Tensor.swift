// Portuguese+Tensor — o texto em português de TensorMessage e das formas
// (vetor, matriz), com o vocabulário das notas do curso.

extension Catalogue {
    func portuguese(_ m: TensorMessage) -> String {
        switch m {
        case .mixedRows(let row): return "o elemento \(row) desta matriz não é uma linha: os elementos de uma matriz são todos linhas `[…]`"
        case .nestedTooDeep: return "listas se aninham no máximo em dois níveis: um vetor `[1, 2]` ou uma matriz `[[1, 2], [3, 4]]`"
        case .raggedRow(let row, let length, let expected):
            return "a linha \(row) tem \(length) entrada\(length == 1 ? "" : "s"), a linha 1 tem \(expected)"
        case .matrixRowsHelp: return "uma matriz é uma lista de linhas do mesmo comprimento: `[[1, 2], [3, 4]]`"
        case .shapesDiffer(let op, let a, let b):
            switch op {
            case .add: return "não é possível somar \(portuguese(a)) e \(portuguese(b))"
            case .subtract: return "não é possível subtrair \(portuguese(b)) de \(portuguese(a))"
            case .multiply: return "não é possível multiplicar \(portuguese(a)) e \(portuguese(b)) elemento a elemento"
            case .divide: return "não é possível dividir \(portuguese(a)) por \(portuguese(b)) elemento a elemento"
            case .power: return "não é possível elevar \(portuguese(a)) a \(portuguese(b)) elemento a elemento"
            case .combine: return "não é possível combinar \(portuguese(a)) e \(portuguese(b))"
            }
        case .broadcastRules:
            return "operações elemento a elemento pedem formas iguais; um número combina com tudo, e um vetor de comprimento n com cada linha de uma matriz m×n"
        case .matmulNeedsTensors: return "`@` multiplica vetores e matrizes, não números"
        case .matmulHelp: return "use `*` para números; `A @ B` é o produto de matrizes e `u @ v` o produto escalar"
        case .matmulHere: return "neste produto"
        case .cannotMultiply(let a, let b): return "não é possível multiplicar \(portuguese(a)) por \(portuguese(b))"
        case .matmulRule: return "em `A @ B` as colunas de A devem corresponder às linhas de B (uma matriz m×n vezes n×k, ou vezes um vetor de comprimento n)"
        case .shapeIs(let s): return portuguese(s)
        case .transposeNeedsMatrix(let found): return "não é possível transpor \(portuguese(found)); só vetores e matrizes têm transposta"
        case .twoIndicesNeedMatrix(let found): return "dois índices pedem uma matriz, mas o valor é \(portuguese(found))"
        case .tooManyIndices(let n): return "uma matriz aceita no máximo 2 índices, não \(n)"
        case .indexForms: return "`v[i]` é uma entrada de um vetor, `A[i, j]` uma entrada de uma matriz, `A[i, :]` a linha i e `A[:, j]` a coluna j (os índices começam em 1)"
        case .axisIndexOutOfRange(let index, let axis, let count):
            return "o índice de \(axis == .row ? "linha" : "coluna") \(index) está fora do intervalo para \(count) \(axis == .row ? "linha" : "coluna")\(count == 1 ? "" : "s")"
        case .needsVectorOrMatrix(let f, let found): return "`\(f)` precisa de um vetor ou matriz, mas o valor é \(portuguese(found))"
        case .needsVector(let f, let found): return "`\(f)` precisa de um vetor, mas o valor é \(portuguese(found))"
        case .sizeMustBePositive(let found): return "o tamanho deve ser um número inteiro a partir de 1, não \(found)"
        case .tooManyEntries(let limit): return "isso passaria de \(limit) entradas"
        case .wholeAxisOutsideIndex: return "`:` seleciona uma linha ou coluna inteira, dentro de um índice: `A[:, 1]`"
        case .argumentShape(let p, let expected, let found):
            return "`\(p)` é \(portuguese(expected)), mas o valor é \(found.map(portuguese) ?? "um valor sem forma")"
        case .declaredAs(let d): return "declarado como \(d)"
        case .noSuchTensorElement(let p, let e): return "`\(p)` não tem o elemento `\(e)`"
        case .elementsNamed(let first, let last): return "seus elementos são \(first) … \(last)"
        case .pointShape(let p, let expected, let found):
            return "o valor de `\(p)` deve ser \(portuguese(expected)), mas é \(found.map(portuguese) ?? "um valor sem forma")"
        }
    }

    /// "um número", "um vetor de comprimento 3", "uma matriz 2×2".
    func portuguese(_ s: TensorShape) -> String {
        switch s {
        case .scalar: return "um número"
        case .vector(let n): return "um vetor de comprimento \(n)"
        case .matrix(let m, let n): return "uma matriz \(m)×\(n)"
        }
    }
}
