// Explain — `explain diff(e, x)`, `explain ∂f/∂x`, `explain grad f`,
// `explain f'`, optionally `at (…)`: the derivation and, at a point, the
// numbers of backpropagation, as data (Rendering/ExplainText writes them).
//
// The steps are what the Differentiator recorded while computing the
// derivative — the same code path and the same result object as `diff` — so
// the explanation and the answer cannot disagree. At a point, a forward pass
// gives every piece's value and a backward pass its adjoint ∂f/∂piece: the
// sum over its parents of the parent's adjoint times the local derivative,
// which is the Differentiator's own local partial evaluated there.

/// What `explain` found.
struct Explanation {
    var pieces: [Piece]
    var backpropagation: Backpropagation?

    /// One derivative being explained (`grad` explains one per variable).
    struct Piece {
        let title: Title
        /// One differentiation per variable, in order (`diff(e, x, y)` has two).
        let steps: [Step]
        /// The final form, as `diff` prints it.
        let result: Value
    }

    enum Title {
        /// `diff(e, x, y)` and `d/dx e`: the variables and the operand as written.
        case diff(variables: [String], operand: String)
        /// `∂f/∂x` as written.
        case written(String)
        /// `f'` as written, with the function's definition.
        case prime(written: String, definition: String)
        /// `grad`: ∂/∂x of the expression.
        case partial(variable: String, of: Expr)
    }

    struct Step {
        let variable: String
        /// What is differentiated in this step.
        let expression: Expr
        /// The recorded derivation; nil when the expression does not depend on the variable.
        let derivation: DerivationStep?
    }
}

// MARK: size, before writing
extension Explanation {
    /// Most lines a derivation may print, and most terms its expressions may
    /// come to written out (about a megabyte of text); past either, `explain`
    /// refuses before any text is built.
    static let maxLines = 2_000
    static let maxTerms = 200_000

    enum Excess: Equatable { case lines, terms }

    /// Which budget the text of `x` would exceed, if any: walks the same
    /// steps as ExplainText's `render` and `describe` (shared pieces once, later "as above"),
    /// counting lines and each printed expression's written-out size, and
    /// stops as soon as a budget is passed (so it costs at most about the budget).
    static func excess(_ x: Explanation, maxLines: Int = maxLines, maxTerms: Int = maxTerms) -> Excess? {
        var lines = 0, terms = 0
        struct Over: Error { let excess: Excess }
        func line(_ n: Int = 1) throws(Over) {
            lines += n
            if lines > maxLines { throw Over(excess: .lines) }
        }
        func print(_ e: Expr) throws(Over) {
            terms += e.treeSize(cap: maxTerms - terms + 1)
            if terms > maxTerms { throw Over(excess: .terms) }
        }
        func value(_ v: Value) throws(Over) {
            switch v {
            case .symbolic(let e, _): try print(e)
            case .tuple(let xs), .list(let xs, _): for x in xs { try value(x) }
            default: terms += 1
            }
        }
        func describe(_ step: DerivationStep, _ explained: inout Set<ObjectIdentifier>) throws(Over) {
            try line()
            try print(step.expression)
            try print(step.result)
            guard explained.insert(ObjectIdentifier(step.expression)).inserted else { return }
            switch step.rule {
            case .chain(_, let args):
                try line()   // the outer function
                for a in args { try print(a) }
            case .powerConstantExponent(let b, _): try print(b)
            case .quotient(let u, let v, let du, let dv):
                try line()   // the rule written out with u, v and their derivatives
                for e in [u, v, du, dv, v, u, v] { try print(e) }
            default: break
            }
            for part in step.parts where part.rule != .variable && part.rule != .constant {
                try describe(part, &explained)
            }
        }
        do throws(Over) {
            for piece in x.pieces {
                for step in piece.steps {
                    try line()
                    if piece.steps.count > 1 { try print(step.expression) }
                    else if case .partial(_, let e) = piece.title { try print(e) }
                    var explained = Set<ObjectIdentifier>()
                    if let d = step.derivation { try describe(d, &explained) } else { try line(); try print(step.expression) }
                }
                try line()
                try value(piece.result)
            }
            // backpropagation: at most 60 pieces, two lines each and a few more
            if case .steps(let s)? = x.backpropagation { try line(2 * s.nodes.count + 4) }
        } catch {
            return error.excess
        }
        return nil
    }
}

struct ExplainCommand {
    let it: Interpreter
    let scope: Scope

    func run(_ node: Node) throws -> Explanation {
        var target = node
        var point: Point? = nil
        if case .at(let inner, let p) = node.kind { target = inner; point = p }
        // what is being differentiated, and by which variables
        var pieces: [(title: Explanation.Title, expr: Expr, variables: [String], order: [String])] = []
        // the quotients as the user wrote them (the operand, or a function's body)
        var quotients: [Expr: (numerator: Expr, denominator: Expr)] = [:]
        func quotientsOf(_ f: UserFunction) {
            guard case .syntax(let body, _) = f.body else { return }
            quotients = writtenQuotients(body, f.parameters.map { Name($0, target.range) })
        }
        switch target.kind {
        case .diff(let e, let specs):
            let vars = Interpreter.diffVariables(specs)
            let (ex, order) = try operand(e, vars)
            quotients = writtenQuotients(e, vars)
            pieces.append((.diff(variables: vars.map(\.text), operand: ASTPrinter.print(e)), ex, vars.map(\.text), order))
        case .dOperator(let v, let e):
            let (ex, order) = try operand(e, [v])
            quotients = writtenQuotients(e, [v])
            pieces.append((.diff(variables: [v.text], operand: ASTPrinter.print(e)), ex, [v.text], order))
        case .partial(let f, let vars):
            guard case .symbolic(let ex, let params) = try it.partialTarget(f, vars, target.range, scope).value else {
                throw it.fail(.typeMismatch, .nothingToDifferentiate, target.range, scope)
            }
            if case .function(let fn)? = it.env.bound(f.text, scope) { quotientsOf(fn) }
            pieces.append((.written(ASTPrinter.print(target)), ex, vars.map(\.text), params))
        case .prime(let fnode, let k):
            guard case .function(let f) = try it.eval(fnode, scope), f.parameters.count == 1,
                  case .symbolic(let ex, _) = try it.lower(f, target.range, scope) else {
                throw it.fail(.badDerivativeVariable, .explainPrimeNeedsOneVariable, target.range, scope)
            }
            quotientsOf(f)
            pieces.append((.prime(written: ASTPrinter.print(target), definition: f.text), ex, Array(repeating: f.parameters[0], count: k), f.parameters))
        case .grad(let t):
            let target = try it.derivativeTarget(t, node.range, scope)
            guard case .symbolic(let ex, _) = target.value, !target.variables.isEmpty else {
                throw it.fail(.noVariables, .noVariablesToDifferentiate, node.range, scope)
            }
            if let f = target.function { quotientsOf(f) }
            for x in target.variables { pieces.append((.partial(variable: x, of: ex), ex, [x], target.variables)) }
        default:
            throw it.fail(.expectedToken, .explainShowsDerivatives, node.range, scope, help: .explainForms)
        }
        var explanation = Explanation(pieces: [], backpropagation: nil)
        for piece in pieces {
            var current = piece.expr
            var steps: [Explanation.Step] = []
            for x in piece.variables {
                let d = Differentiator(it.ctx, variable: it.ctx.symbol(x), recording: true, interrupt: it.interrupt)
                let result = d.derivative(current)
                // interrupted: the steps and result are unfinished, never shown
                if d.interrupted { throw it.interrupted(target.range, scope) }
                let derivation = d.step(for: current).map { restatingQuotients($0, quotients, it.ctx.symbol(x)) }
                steps.append(.init(variable: x, expression: current, derivation: derivation))
                current = result
            }
            // the same final form as `diff` prints (a constant derivative collapses to its value),
            // or the quotient rule's own combined form when the whole is a quotient and that is no larger
            if steps.count == 1, let top = steps[0].derivation, case .quotient = top.rule,
               top.result.treeSize(cap: 100_000) <= current.treeSize(cap: 100_000) {
                current = top.result
            }
            let result = try it.collapse(.symbolic(current, variables: piece.order), target.range, scope)
            explanation.pieces.append(.init(title: piece.title, steps: steps, result: result))
        }
        if let point, let first = pieces.first {
            explanation.backpropagation = try backpropagation(first.expr, order: first.order, point)
        }
        return explanation
    }

    /// Refuses an explanation whose text would pass the budget, measured before
    /// any text is built (a derivation can grow much faster than its input).
    func checkShowable(_ x: Explanation, _ range: SourceRange) throws {
        switch Explanation.excess(x) {
        case .lines?:
            throw it.fail(.limit, .explanationTooManyLines(limit: Explanation.maxLines), range, scope, help: .explainSmallerPiece)
        case .terms?:
            throw it.fail(.limit, .explanationTooLongWritten(limit: Explanation.maxTerms), range, scope, help: .explainSmallerPiece)
        case nil: break
        }
    }

    /// The operand of `diff` as one expression (explain works on one at a time).
    func operand(_ e: Node, _ vars: [Name]) throws -> (Expr, [String]) {
        let value = try it.differentiationOperand(e, vars, scope)
        switch value {
        case .symbolic(let ex, let order): return (ex, order)
        case .number(let n): return (it.ctx.number(n), [])
        default: throw it.fail(.typeMismatch, .explainOneExpression(found: value.kind), e.range, scope)
        }
    }
}
