// ASTPrinter — prints a parsed expression back as calc source, in a normal
// spacing, with the parentheses the user wrote and no others. Used to echo
// definitions (`f(x) = (1 - x)^2`) and by the round-trip test: print, parse
// again, and the tree is the same.

public enum ASTPrinter {
    public static func print(_ n: Node) -> String {
        switch n.kind {
        case .number(let v): return v.description
        case .name(let s): return s
        case .group(let e): return "(" + print(e) + ")"
        case .tuple(let xs): return "(" + xs.map(print).joined(separator: ", ") + ")"
        case .list(let xs): return "[" + xs.map(print).joined(separator: ", ") + "]"
        case .diff(let e, let specs):
            let rest = specs.map { s -> String in
                switch s { case .variable(let v): return v.text; case .order(let k, _): return String(k) }
            }
            return "diff(" + ([print(e)] + rest).joined(separator: ", ") + ")"
        case .dOperator(let v, let e): return "d/d\(v.text) " + print(e)
        case .partial(let f, let vs):
            let order = vs.count
            let sup = order > 1 ? Superscript.text(order) : ""
            return "∂\(sup)\(f.text)/" + vs.map { "∂" + $0.text }.joined()
        case .grad(let t): return "grad" + target(t)
        case .hessian(let t): return "hessian" + target(t)
        case .call(let f, let args): return print(f) + "(" + args.map(print).joined(separator: ", ") + ")"
        case .prime(let f, let k): return print(f) + String(repeating: "'", count: k)
        case .power(let b, let e): return print(b) + "^" + print(e)
        case .unary(let op, let e):
            switch op {
            case .negate: return "-" + print(e)
            case .plus: return "+" + print(e)
            case .sqrt: return "√" + print(e)
            }
        case .product(let first, let rest):
            var s = print(first)
            for (op, e) in rest {
                switch op {
                case .times: s += "*" + print(e)
                case .divide: s += "/" + print(e)
                case .implicit: s += (startsWithLetter(e) ? "" : " ") + print(e)
                case .matmul: s += " @ " + print(e)
                }
            }
            return s
        case .sum(let first, let rest):
            var s = print(first)
            for (op, e) in rest { s += (op == .plus ? " + " : " - ") + print(e) }
            return s
        case .index(let e, let i): return print(e) + "[" + i.map(print).joined(separator: ", ") + "]"
        case .wholeAxis: return ":"
        case .transpose(let e): return print(e) + "ᵀ"
        case .member(let e, let m): return print(e) + "." + m.text
        case .at(let e, let p):
            switch p {
            case .positional(let v): return print(e) + " at " + print(v)
            case .named(let items, _):
                return print(e) + " at (" + items.map { "\($0.0.text) = \(print($0.1))" }.joined(separator: ", ") + ")"
            }
        }
    }

    static func target(_ t: DerivativeTarget) -> String {
        switch t {
        case .function(let f): return " " + f.text
        case .expression(let e): return "(" + print(e) + ")"
        }
    }

    /// `2x` prints without a space; `2 sin(x)` keeps one for readability.
    static func startsWithLetter(_ n: Node) -> Bool {
        if case .name(let s) = n.kind { return s.count == 1 }
        if case .power(let b, _) = n.kind, case .name(let s) = b.kind { return s.count == 1 }
        return false
    }
}
