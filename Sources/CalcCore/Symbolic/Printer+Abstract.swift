// Printer+Abstract — how an abstract function and its partials print
// (see AbstractFunctions.swift for what they are).
//
//   z(u, v)                     the function itself, in every style
//   u'(x), u''(x)               derivatives of a function of one argument
//   ∂z/∂u, ∂²z/∂u∂v, ∂²z/∂u²    partials named by their argument (a name u or
//                               a call u(x)); the point is understood
//   ∂₁z(x^2, y), ∂₁₂z(x^2, y)   partials by position, the point written,
//                               when an argument has no name of its own
//
// LaTeX writes \frac{\partial z}{\partial u} and \partial_{1} z(…). The plain
// form of a function and of a one-argument derivative reads back inside
// `diff` (`u'(x)` is the derivative of the abstract u there); a partial by
// name does not hold its point, so it is for reading only.

extension Printer {
    func renderApplied(_ f: AbstractFunction, _ args: [Expr]) -> Out {
        let inner = args.map { print($0) }.joined(separator: ", ")
        let name = renderName(f.name)
        let call = style == .latex ? "\(name)\\left(\(inner)\\right)" : "\(name)(\(inner))"
        if f.partials.isEmpty { return Out(text: call, prec: Self.atomPrec) }
        if args.count == 1 {
            let primes = String(repeating: "'", count: f.partials.count)
            return Out(text: style == .latex ? "\(name)\(primes)\\left(\(inner)\\right)" : "\(name)\(primes)(\(inner))", prec: Self.atomPrec)
        }
        let labels = f.partials.map { AbstractFunction.label(args, $0, of: f.name) }
        let n = f.partials.count
        if labels.allSatisfy({ $0 != nil }) {
            // ∂ⁿz over the runs of equal arguments: ∂u∂v, ∂u²
            var runs: [(String, Int)] = []
            for l in labels.map({ $0! }) {
                if let last = runs.last, last.0 == l { runs[runs.count - 1].1 += 1 } else { runs.append((l, 1)) }
            }
            if style == .latex {
                let top = n == 1 ? "\\partial \(name)" : "\\partial^{\(n)} \(name)"
                let bottom = runs.map { "\\partial \(renderName($0.0))" + ($0.1 > 1 ? "^{\($0.1)}" : "") }.joined(separator: " ")
                return Out(text: "\\frac{\(top)}{\(bottom)}", prec: Self.atomPrec)
            }
            let top = "∂" + (n == 1 ? "" : Printer.superscript(n)) + name
            let bottom = runs.map { "∂" + $0.0 + ($0.1 > 1 ? Printer.superscript($0.1) : "") }.joined()
            return Out(text: top + "/" + bottom, prec: Self.productPrec)   // parenthesised in products, as the notes write (∂z/∂u)(∂u/∂x)
        }
        let positions = f.partials.map { String($0 + 1) }
        if style == .latex { return Out(text: "\\partial_{\(positions.joined(separator: ","))} \(call)", prec: Self.atomPrec) }
        return Out(text: "∂" + positions.map(Printer.subscripted).joined() + call, prec: Self.atomPrec)
    }

    static func superscript(_ n: Int) -> String {
        let digits: [Character] = ["⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"]
        return String(String(n).compactMap { $0.wholeNumberValue.map { digits[$0] } })
    }

    static func subscripted(_ s: String) -> String {
        let digits: [Character] = ["₀", "₁", "₂", "₃", "₄", "₅", "₆", "₇", "₈", "₉"]
        return String(s.compactMap { $0.wholeNumberValue.map { digits[$0] } })
    }
}
