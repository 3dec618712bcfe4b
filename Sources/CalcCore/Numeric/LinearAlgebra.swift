// LinearAlgebra — the dense matrix routines the minimize report needs:
// the eigenvalues of a symmetric matrix (the Hessian at a point), which
// classify a stationary point and bound the stable gradient-descent rate.
// Up to `jacobiLimit` variables: cyclic Jacobi rotations (the most accurate
// for small eigenvalues, and what every small report has always used).
// Larger: Householder reduction to tridiagonal form, then the implicit QL
// iteration with Wilkinson-style shifts — about (4/3)n³ operations once
// instead of Jacobi's 4n³ per sweep, so a 200-variable Hessian takes
// milliseconds. Both on flat storage; no dependencies.

/// Largest matrix the Jacobi method handles (beyond: tridiagonal QL).
let jacobiLimit = 12

/// Eigenvalues of a symmetric matrix, ascending.
public func symmetricEigenvalues(_ m: [[Double]]) -> [Double] {
    let n = m.count
    if n == 0 { return [] }
    return n > jacobiLimit ? tridiagonalEigenvalues(m) : jacobiEigenvalues(m)
}

/// Eigenvalues of a symmetric matrix by cyclic Jacobi rotations, ascending.
func jacobiEigenvalues(_ m: [[Double]]) -> [Double] {
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

/// Eigenvalues of a symmetric matrix by Householder tridiagonalization and
/// the implicit QL iteration, ascending. Entries that are not finite give NaNs.
func tridiagonalEigenvalues(_ m: [[Double]]) -> [Double] {
    let n = m.count
    var a = [Double](repeating: 0, count: n * n)
    for i in 0..<n { for j in 0..<n { a[i * n + j] = m[i][j] } }
    var d = [Double](repeating: 0, count: n), e = [Double](repeating: 0, count: n)
    a.withUnsafeMutableBufferPointer { a in householderTridiagonal(a, n, &d, &e) }
    implicitQL(&d, &e)
    return d.sorted()
}

/// Reduces the symmetric n×n matrix in `a` (row-major, overwritten) to
/// tridiagonal form by Householder reflections H = I − 2vvᵀ, each applied
/// to the trailing block as B ← B − 2(vwᵀ + wvᵀ), w = Bv − (vᵀBv)v.
/// `d` gets the diagonal, `e[i]` the entry beside d[i] and d[i+1].
private func householderTridiagonal(_ a: UnsafeMutableBufferPointer<Double>, _ n: Int, _ d: inout [Double], _ e: inout [Double]) {
    var v = [Double](repeating: 0, count: n), w = [Double](repeating: 0, count: n)
    for k in 0..<max(0, n - 2) {
        var norm2 = 0.0
        for i in (k + 1)..<n { norm2 += a[i * n + k] * a[i * n + k] }
        let norm = norm2.squareRoot()
        let x0 = a[(k + 1) * n + k]
        // already zero below the subdiagonal: nothing to reflect
        var below = 0.0
        for i in (k + 2)..<n { below = max(below, abs(a[i * n + k])) }
        if below == 0 || !norm.isFinite { continue }
        let alpha = x0 >= 0 ? -norm : norm
        for i in 0..<n { v[i] = 0 }
        for i in (k + 1)..<n { v[i] = a[i * n + k] }
        v[k + 1] -= alpha
        var vnorm2 = 0.0
        for i in (k + 1)..<n { vnorm2 += v[i] * v[i] }
        let vnorm = vnorm2.squareRoot()
        if vnorm == 0 { continue }
        for i in (k + 1)..<n { v[i] /= vnorm }
        // p = Bv, K = vᵀp, w = p − K·v over the trailing block
        var kk = 0.0
        for i in (k + 1)..<n {
            var s = 0.0
            for j in (k + 1)..<n { s += a[i * n + j] * v[j] }
            w[i] = s
            kk += v[i] * s
        }
        for i in (k + 1)..<n { w[i] -= kk * v[i] }
        for i in (k + 1)..<n {
            for j in (k + 1)..<n { a[i * n + j] -= 2 * (v[i] * w[j] + w[i] * v[j]) }
        }
        a[(k + 1) * n + k] = alpha
        a[k * n + k + 1] = alpha
        for i in (k + 2)..<n { a[i * n + k] = 0; a[k * n + i] = 0 }
    }
    for i in 0..<n { d[i] = a[i * n + i] }
    for i in 0..<(n - 1) { e[i] = a[(i + 1) * n + i] }
    e[n - 1] = 0
}

/// Eigenvalues of the symmetric tridiagonal matrix with diagonal `d` and
/// off-diagonal `e` (e[i] beside d[i] and d[i+1]), in place in `d`, by the
/// implicit QL iteration: a shift from the leading 2×2 block, then a chase of
/// plane rotations up the unreduced block, until each off-diagonal entry is
/// negligible beside its neighbours on the diagonal.
private func implicitQL(_ d: inout [Double], _ e: inout [Double]) {
    let n = d.count
    let eps = Double.ulpOfOne
    for l in 0..<n {
        var iterations = 0
        while true {
            var m = l
            while m < n - 1 {
                let dd = abs(d[m]) + abs(d[m + 1])
                if !(abs(e[m]) > eps * dd) { break }
                m += 1
            }
            if m == l || iterations >= 60 { break }
            iterations += 1
            var g = (d[l + 1] - d[l]) / (2 * e[l])
            var r = (g * g + 1).squareRoot()
            g = d[m] - d[l] + e[l] / (g + (g >= 0 ? r : -r))
            var s = 1.0, c = 1.0, p = 0.0
            var i = m - 1
            var deflated = false
            while i >= l {
                let f = s * e[i], b = c * e[i]
                r = (f * f + g * g).squareRoot()
                e[i + 1] = r
                if r == 0 {
                    d[i + 1] -= p
                    e[m] = 0
                    deflated = true
                    break
                }
                s = f / r
                c = g / r
                g = d[i + 1] - p
                r = (d[i] - g) * s + 2 * c * b
                p = s * r
                d[i + 1] = g + p
                g = c * r - b
                i -= 1
            }
            if deflated { continue }
            d[l] -= p
            e[l] = g
            e[m] = 0
        }
    }
}
