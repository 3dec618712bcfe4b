// Evaluator — numeric value of an Expr at a point, with domain checks.
//
// Used by `at`, by calls of derived functions (`f'(2)`) and as the reference
// the compiled tape is tested against (TapeTests). Values are scalars or, where data
// lists occur, vectors (element-wise, reduced by sum/mean/len). Shared
// subexpressions are evaluated once per call (memo by node). The sigmoid
// forms that cancel when σ saturates — 1 − σ(u), ln σ(u), ln(1 − σ(u)) — are
// computed in stable forms (SaturationForms.swift), as the tape does.

#if canImport(Glibc)
import Glibc
#endif

public enum NumericValue: Sendable, Equatable {
    case scalar(Double)
    case vector([Double])

    public var scalar: Double? { if case .scalar(let d) = self { return d }; return nil }
}

public struct EvaluationFailure: Error, Sendable {
    public let message: NumericMessage
    public let help: NumericMessage?
    public let isDivisionByZero: Bool
    /// The subexpression where it happened, in plain form.
    public let expression: String

    /// A built-in's domain issue, found in `expression`.
    init(_ issue: Builtin.DomainIssue, in expression: String) {
        self.init(message: issue.message, help: issue.help, isDivisionByZero: issue.isDivisionByZero, expression: expression)
    }

    init(message: NumericMessage, help: NumericMessage?, isDivisionByZero: Bool, expression: String) {
        self.message = message
        self.help = help
        self.isDivisionByZero = isDivisionByZero
        self.expression = expression
    }

    /// Most terms a failing expression may have to be quoted in full: a few
    /// shared pieces can stand for billions written out, and writing those
    /// out would hang the error message itself.
    static let maxQuotedTerms = 2_000

    /// `e` in plain form when it is small enough, else its outer shape
    /// (`ln(…)`, `… + …`, `…^…`): the check costs at most `maxQuotedTerms` steps.
    static func quote(_ e: Expr) -> String {
        if e.treeSize(cap: maxQuotedTerms + 1) <= maxQuotedTerms { return e.description }
        switch e.kind {
        case .call(let f, let args): return "\(f.name)(" + args.map { _ in "…" }.joined(separator: ", ") + ")"
        case .pow: return "…^…"
        case .add: return "… + …"
        case .mul: return "…*…"
        default: return "…"
        }
    }
}

public struct Evaluator {
    var bindings: [Int: NumericValue]          // symbol node id → value
    var memo: [ObjectIdentifier: NumericValue] = [:]

    /// `values` maps variable names to numbers; names not in the context are ignored.
    public init(context: ExprContext, values: [String: NumericValue]) {
        var b: [Int: NumericValue] = [:]
        for (name, v) in values {
            if let s = context.table[.symbol(name)] { b[s.id] = v }
        }
        self.bindings = b
    }

    public mutating func evaluate(_ e: Expr) throws(EvaluationFailure) -> NumericValue {
        switch e.kind {
        case .number(let n): return .scalar(n.double)
        case .constant(let c): return .scalar(c.value)
        case .data(_, let v): return .vector(v)
        case .symbol(let s):
            guard let v = bindings[e.id] else {
                throw EvaluationFailure(message: .noValueHere(s), help: .giveEveryVariableAValue,
                                        isDivisionByZero: false, expression: s)
            }
            return v
        case .applied(let f, _):   // an abstract function has no value
            throw EvaluationFailure(message: .abstractFunction(f.name), help: .defineAbstractFunction(f.name),
                                    isDivisionByZero: false, expression: EvaluationFailure.quote(e))
        default: break
        }
        let key = ObjectIdentifier(e)
        if let v = memo[key] { return v }
        let v: NumericValue
        switch e.kind {
        case .add(let ts) where SigmoidComplement.match(ts) != nil:
            v = try evaluateComplement(SigmoidComplement.match(ts)!, e)
        case .call(.ln, let args) where LogSigmoid.match(args[0]) != nil:
            let form = LogSigmoid.match(args[0])!
            v = Evaluator.map(try evaluate(form.argument)) { LogSigmoid.value($0, isComplement: form.isComplement) }
        case .add(let ts):
            var acc = try evaluate(ts[0])
            for t in ts.dropFirst() { acc = try Evaluator.combine(acc, try evaluate(t), e) { $0 + $1 } }
            v = acc
        case .mul(let fs):
            var acc = try evaluate(fs[0])
            for f in fs.dropFirst() { acc = try Evaluator.combine(acc, try evaluate(f), e) { $0 * $1 } }
            v = acc
        case .pow(let b, let x):
            let bv = try evaluate(b), xv = try evaluate(x)
            v = try Evaluator.combine(bv, xv, e) { (p: Double, q: Double) throws(EvaluationFailure) -> Double in
                try Evaluator.power(p, q, e)
            }
        case .call(let f, let args):
            let vals = try args.map { (a: Expr) throws(EvaluationFailure) -> NumericValue in try evaluate(a) }
            v = try Evaluator.apply(f, vals, e)
        default: fatalError("unreachable")
        }
        memo[key] = v
        return v
    }

    /// rest + scale·σ(−u) for c + k·σ(u) + rest with c = −k (SaturationForms):
    /// the rest summed in order, then the σ term, as the tape does.
    mutating func evaluateComplement(_ c: SigmoidComplement, _ e: Expr) throws(EvaluationFailure) -> NumericValue {
        let s = Evaluator.map(try evaluate(c.argument)) { Builtin.sigmoid(-$0) }
        let scaled = c.scale == 1 ? s : Evaluator.map(s) { c.scale * $0 }
        guard !c.rest.isEmpty else { return scaled }
        var acc = try evaluate(c.rest[0])
        for t in c.rest.dropFirst() { acc = try Evaluator.combine(acc, try evaluate(t), e) { $0 + $1 } }
        return try Evaluator.combine(acc, scaled, e) { $0 + $1 }
    }

    /// `f` applied to a scalar or to each element.
    static func map(_ v: NumericValue, _ f: (Double) -> Double) -> NumericValue {
        switch v {
        case .scalar(let x): return .scalar(f(x))
        case .vector(let xs): return .vector(xs.map(f))
        }
    }

    static func power(_ p: Double, _ q: Double, _ e: Expr) throws(EvaluationFailure) -> Double {
        if p == 0 && q < 0 {
            throw EvaluationFailure(message: .zeroToNegativePower, help: nil,
                                    isDivisionByZero: true, expression: EvaluationFailure.quote(e))
        }
        if p < 0 && p.isFinite && q.isFinite && q != q.rounded() {
            throw EvaluationFailure(message: .negativeToFractionalPower(base: NumberFormat.format(p, digits: 6)),
                                    help: (2 * q).rounded() == 2 * q ? .squareRootNeedsNonNegative : .realNumbersUseCbrt,
                                    isDivisionByZero: false, expression: EvaluationFailure.quote(e))
        }
        return Glibc.pow(p, q)
    }

    static func combine(_ a: NumericValue, _ b: NumericValue, _ e: Expr,
                        _ op: (Double, Double) throws(EvaluationFailure) -> Double) throws(EvaluationFailure) -> NumericValue {
        switch (a, b) {
        case let (.scalar(x), .scalar(y)): return .scalar(try op(x, y))
        case let (.vector(xs), .scalar(y)): return .vector(try xs.map { (x: Double) throws(EvaluationFailure) -> Double in try op(x, y) })
        case let (.scalar(x), .vector(ys)): return .vector(try ys.map { (y: Double) throws(EvaluationFailure) -> Double in try op(x, y) })
        case let (.vector(xs), .vector(ys)):
            guard xs.count == ys.count else {
                throw EvaluationFailure(message: .listLengths(xs.count, ys.count), help: .sameLengthLists,
                                        isDivisionByZero: false, expression: EvaluationFailure.quote(e))
            }
            var out = [Double](); out.reserveCapacity(xs.count)
            for k in 0..<xs.count { out.append(try op(xs[k], ys[k])) }
            return .vector(out)
        }
    }

    static func apply(_ f: Builtin, _ args: [NumericValue], _ e: Expr) throws(EvaluationFailure) -> NumericValue {
        if let reduction = f.reduction {
            switch args[0] {
            case .scalar(let x): return .scalar(reduction.value(ofScalar: x))
            case .vector(let v): return .scalar(reduction.value(of: v))
            }
        }
        func one(_ xs: [Double]) throws(EvaluationFailure) -> Double {
            switch f.evaluate(xs) {
            case .success(let d): return d
            case .failure(let issue): throw EvaluationFailure(issue, in: EvaluationFailure.quote(e))
            }
        }
        if args.count == 1 {
            switch args[0] {
            case .scalar(let x): return .scalar(try one([x]))
            case .vector(let v): return .vector(try v.map { (x: Double) throws(EvaluationFailure) -> Double in try one([x]) })
            }
        }
        return try combine(args[0], args[1], e) { (x: Double, y: Double) throws(EvaluationFailure) -> Double in try one([x, y]) }
    }
}
