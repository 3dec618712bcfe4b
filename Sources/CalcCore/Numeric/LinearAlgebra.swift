// LinearAlgebra — the small dense matrix routines the minimize report needs:
// the eigenvalues of a symmetric matrix (the Hessian at a point), which
// classify a stationary point and bound the stable gradient-descent rate.
// Plain Jacobi rotations: the matrices are a few variables across, so
// robustness and no dependencies matter more than speed.

/// Eigenvalues of a small symmetric matrix (cyclic Jacobi), ascending.
public func symmetricEigenvalues(_ m: [[Double]]) -> [Double] {
    let n = m.count
    if n == 0 { return [] }
    var a = m
    for _ in 0..<100 {
        var off = 0.0
        for i in 0..<n { for j in 0..<n where i != j { off += a[i][j] * a[i][j] } }
        if off < 1e-22 * Swift.max(1, a.indices.reduce(0) { $0 + a[$1][$1] * a[$1][$1] }) { break }
        for p in 0..<n {
            for q in (p + 1)..<n where a[p][q] != 0 {
                let theta = (a[q][q] - a[p][p]) / (2 * a[p][q])
                let t = (theta >= 0 ? 1.0 : -1.0) / (Swift.abs(theta) + (theta * theta + 1).squareRoot())
                let c = 1 / (t * t + 1).squareRoot(), s = t * c
                for k in 0..<n {
                    let akp = a[k][p], akq = a[k][q]
                    a[k][p] = c * akp - s * akq
                    a[k][q] = s * akp + c * akq
                }
                for k in 0..<n {
                    let apk = a[p][k], aqk = a[q][k]
                    a[p][k] = c * apk - s * aqk
                    a[q][k] = s * apk + c * aqk
                }
            }
        }
    }
    return (0..<n).map { a[$0][$0] }.sorted()
}
