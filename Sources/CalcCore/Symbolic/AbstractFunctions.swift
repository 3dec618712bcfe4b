// AbstractFunctions — functions without a definition inside `diff`:
// `diff(z(u(x), v(x)), x)` is ∂z/∂u·u'(x) + ∂z/∂v·v'(x), the notes'
// multivariable chain rule. Such a node (Expr.Kind.applied) stands for a
// function nobody defined, or one of its partial derivatives at the given
// arguments; it has no value, so the evaluator and the compiler refuse it.
//
// Notation (the same in every style, with each style's symbols):
// - one argument: primes, `u'(x)`, `u''(x)`, as a teacher writes;
// - several: the partial with respect to argument k is named by what that
//   argument is when it is a name or an abstract call — ∂z/∂u when the
//   argument is u or u(x) (the point, the arguments themselves, is
//   understood, as in the notes' ∂z/∂x = ∂z/∂u·∂u/∂x + ∂z/∂v·∂v/∂x);
//   when an argument is any other expression, or two arguments have the same
//   name, by position and with the point written: `∂₁z(x^2, y)` (the
//   printing is in Printer+Abstract).

extension ExprContext {
    /// The abstract function `f` (or a partial of it) applied to `args`.
    public func applied(_ f: AbstractFunction, _ args: [Expr]) -> Expr { intern(.applied(f, args)) }

    /// Whether `e` holds an abstract function anywhere (such an expression has no value).
    public func holdsAbstractFunction(_ e: Expr) -> Bool { AbstractFunction.firstName(in: e) != nil }
}

extension AbstractFunction {
    /// The name of the first abstract function in `e` (depth first), if any.
    public static func firstName(in e: Expr) -> String? {
        guard let n = e.first(where: { if case .applied = $0.kind { return true }; return false }),
              case .applied(let f, _) = n.kind else { return nil }
        return f.name
    }

    /// What the partial with respect to argument `k` is called by, when the
    /// argument is a name or an abstract call whose name no other argument
    /// shares (and is not the function's own): `u` for `u` or `u(x)`.
    public static func label(_ args: [Expr], _ k: Int, of name: String) -> String? {
        func head(_ a: Expr) -> String? {
            switch a.kind {
            case .symbol(let s): return s
            case .applied(let g, _) where g.partials.isEmpty: return g.name
            default: return nil
            }
        }
        guard let h = head(args[k]), h != name else { return nil }
        return args.indices.allSatisfy({ $0 == k || head(args[$0]) != h }) ? h : nil
    }
}
