// DescentStep — the update rules of Minimizer (gd, momentum, nesterov,
// adam) on plain arrays, one step at a time, for descents whose gradient
// changes from step to step (mini-batches: `minimize … over rows of`).
// The formulas and their arithmetic are Minimizer's, written in the same
// order, so a step here computes what a step there does.

struct DescentStep {
    let method: Method
    let rate: Double
    let beta: Double
    /// +1 minimizing, −1 maximizing (ascent is descent on −f).
    let sign: Double
    private var v: [Double]
    private var s: [Double]
    private var b1t = 1.0, b2t = 1.0

    init(method: Method, rate: Double, beta: Double, maximize: Bool, count: Int) {
        self.method = method
        self.rate = rate
        self.beta = beta
        sign = maximize ? -1 : 1
        v = Array(repeating: 0, count: count)
        s = Array(repeating: 0, count: count)
    }

    /// θ ← one step of the method with gradient g; returns the largest |θᵢ| after it.
    mutating func apply(_ theta: inout [Double], _ g: [Double]) -> Double {
        let eta = rate * sign
        var largest = 0.0
        switch method {
        case .gd:
            for i in theta.indices { theta[i] = theta[i] - eta * g[i] }
        case .momentum:
            for i in theta.indices { v[i] = beta * v[i] + g[i] }
            for i in theta.indices { theta[i] -= eta * v[i] }
        case .nesterov:
            for i in theta.indices { s[i] = g[i]; v[i] = beta * v[i] + s[i] }
            for i in theta.indices { theta[i] -= eta * (s[i] + beta * v[i]) }
        case .adam:
            let beta1 = 0.9, beta2 = 0.999, eps = 1e-8
            b1t *= beta1; b2t *= beta2
            let c1 = 1 / (1 - b1t), c2 = 1 / (1 - b2t)
            for i in theta.indices {
                let gi = g[i] * sign
                v[i] = beta1 * v[i] + (1 - beta1) * gi
                s[i] = beta2 * s[i] + (1 - beta2) * gi * gi
            }
            for i in theta.indices { theta[i] -= rate * (v[i] * c1) / ((s[i] * c2).squareRoot() + eps) }
        }
        for x in theta { largest = Swift.max(largest, Swift.abs(x)) }
        return largest
    }
}
