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

/// Solves a x = b for a small square matrix (Gaussian elimination with partial
/// pivoting); nil when a pivot is zero or the answer is not finite.
func solveSymmetric(_ m: [[Double]], _ b: [Double]) -> [Double]? {
    let n = m.count
    guard b.count == n else { return nil }
    var a = m, x = b
    for c in 0..<n {
        var best = c
        for r in (c + 1)..<max(c + 1, n) where Swift.abs(a[r][c]) > Swift.abs(a[best][c]) { best = r }
        guard a[best][c] != 0 else { return nil }
        if best != c { a.swapAt(best, c); x.swapAt(best, c) }
        for r in (c + 1)..<max(c + 1, n) {
            let k = a[r][c] / a[c][c]
            if k == 0 { continue }
            for j in c..<n { a[r][j] -= k * a[c][j] }
            x[r] -= k * x[c]
        }
    }
    for c in stride(from: n - 1, through: 0, by: -1) {
        var s = x[c]
        for j in (c + 1)..<max(c + 1, n) { s -= a[c][j] * x[j] }
        x[c] = s / a[c][c]
    }
    return x.allSatisfy(\.isFinite) ? x : nil
}
