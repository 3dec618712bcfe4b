// ExplainText — `explain`'s derivation and backpropagation as text.
//
// The derivation is an indented tree, one line per rule applied: the piece,
// its derivative and the rule's name (the chain rule names its outer
// function and its inner expression); a piece shared in several places is
// derived once and later referred to ("as above"). The backpropagation is a
// forward pass of values v1, v2, … and a backward pass of adjoints, each
// the sum of the parent adjoints times the local derivatives. The layout is
// here; the words come from the catalogue (ReportMessage).

struct ExplainText {
    let text: ValueText
    var catalogue = Catalogue.english
    /// Columns the backpropagation's lines are wrapped to (0: not wrapped).
    var width = 0

    func words(_ m: ReportMessage) -> String { catalogue.text(m) }

    func render(_ x: Explanation) -> String {
        var out: [String] = []
        for piece in x.pieces {
            for (k, step) in piece.steps.enumerated() {
                out.append(piece.steps.count > 1 ? words(.explainStep(number: k + 1, variable: step.variable, expression: text.print(step.expression)))
                                                  : title(piece.title))
                var explained = Set<ObjectIdentifier>()
                if let d = step.derivation {
                    out += describe(d, step.variable, depth: 1, explained: &explained)
                } else {
                    out.append("  " + words(.doesNotDepend(expression: text.print(step.expression), variable: step.variable)))
                }
            }
            out.append("= \(text.format(piece.result))")
        }
        if let b = x.backpropagation, !x.pieces.isEmpty {
            out.append("")
            out += backpropagation(b)
        }
        return out.joined(separator: "\n")
    }

    func title(_ t: Explanation.Title) -> String {
        switch t {
        case .diff(let vars, let operand): return "d/d" + vars.joined(separator: " d/d") + " " + operand
        case .written(let s): return s
        case .prime(let written, let definition): return words(.primeOf(written: written, definition: definition))
        case .partial(let x, let e): return words(.partialOf(variable: x, expression: text.print(e)))
        }
    }

    /// One line per rule applied, children indented beneath.
    func describe(_ step: DerivationStep, _ x: String, depth: Int, explained: inout Set<ObjectIdentifier>) -> [String] {
        let pad = String(repeating: "  ", count: depth)
        var e = text.print(step.expression)
        let d = text.print(step.result)
        if case .add = step.expression.kind { e = "(" + e + ")" }
        else if e.hasPrefix("-") { e = "(" + e + ")" }
        let key = ObjectIdentifier(step.expression)
        if explained.contains(key) {
            return ["\(pad)d/d\(x) \(e) = \(d)   " + words(.asAbove)]
        }
        explained.insert(key)
        var lines = ["\(pad)d/d\(x) \(e) = \(d)" + rule(step, x)]
        if case .chain(let f, _) = step.rule {
            lines.append("\(pad)  " + words(.outer(f.ruleText)))
        }
        if case .quotient(let u, let v, let du, let dv) = step.rule, quotientWorking(u, v, du, dv) != d {
            lines.append("\(pad)  = " + quotientWorking(u, v, du, dv))
        }
        for part in step.parts {
            // leaves (x itself, constants) are obvious: skip them below a rule
            if part.rule == .variable || part.rule == .constant { continue }
            lines += describe(part, x, depth: depth + 1, explained: &explained)
        }
        return lines
    }

    /// The rule's name after the step, with what a student needs to follow it.
    func rule(_ step: DerivationStep, _ x: String) -> String {
        let name: ReportMessage
        switch step.rule {
        case .chain(let f, let args):
            name = .chainRule(outer: f.name, inner: args.map { text.print($0) }.joined(separator: ", "))
        case .builtinDirect(let f): name = .ruleOf(f.name)
        case .powerConstantExponent(let b, _):
            name = b.symbolName == x ? .powerRuleOfVariable : .powerRuleWithChain(inner: text.print(b))
        case .product: name = .productRule
        case .constantMultiple: name = .constantMultiple
        case .sum: name = .sumRule
        case .exponential: name = .exponentialRule
        case .generalPower: name = .generalPowerRule
        case .reduction(let f, _): name = .linearity(f.name)
        case .quotient(let u, let v, _, _): name = .quotientRule(numerator: text.print(u), denominator: text.print(v))
        case .abstractChain(let f, let args):
            if args.count == 1 && args[0].symbolName == x {
                name = .abstractFunctionDerivative(f.name + String(repeating: "'", count: f.partials.count)); break
            }
            if args.count == 1 {   // one argument: the ordinary chain rule, f'(u)·u'
                name = .chainRule(outer: f.name + String(repeating: "'", count: f.partials.count), inner: text.print(args[0])); break
            }
            name = .severalVariablesChainRule(sum: abstractChainSum(step, f, x))
        case .constant, .variable: return ""
        }
        return "   " + words(name)
    }

    /// (u'v − uv')/v² with u, v and their derivatives put in, before combining:
    /// `(1*(x + 1) - x*1)/(x + 1)^2`.
    func quotientWorking(_ u: Expr, _ v: Expr, _ du: Expr, _ dv: Expr) -> String {
        func p(_ e: Expr) -> String {
            let s = text.print(e)
            if case .add = e.kind { return "(" + s + ")" }
            return s.hasPrefix("-") || s.contains("/") || s.contains(" ") ? "(" + s + ")" : s
        }
        return "(\(p(du))*\(p(v)) - \(p(u))*\(p(dv)))/\(p(v))^2"
    }

    /// The chain rule through an abstract function, term by term as a teacher
    /// writes it: `∂z/∂u·du/dx + ∂z/∂v·dv/dx` (a one-argument f: `f'(u)·du/dx`),
    /// each argument named by its own name (u for u(x)) or written out.
    func abstractChainSum(_ step: DerivationStep, _ f: AbstractFunction, _ x: String) -> String {
        guard case .applied(_, let a) = step.expression.kind else { return "" }
        var terms: [String] = []
        // a partial already (∂z/∂u differentiated again) is named as printed: ∂(∂z/∂u)/∂v
        let head = f.partials.isEmpty ? f.name : "(" + text.print(step.expression) + ")"
        // the arguments that hold x are those with a recorded derivation
        for (k, arg) in a.enumerated() where step.parts.contains(where: { $0.expression === arg }) {
            let inner: String
            if arg.symbolName == x { inner = "" } else {
                let label = AbstractFunction.label(a, k, of: f.name)
                inner = "·d" + (label.map { $0 } ?? "(" + text.print(arg) + ")") + "/d" + x
            }
            let outer: String
            if a.count == 1 { outer = f.name + String(repeating: "'", count: f.partials.count + 1) } else {
                outer = AbstractFunction.label(a, k, of: f.name).map { "∂\(head)/∂\($0)" } ?? "∂" + Printer.subscripted(String(k + 1)) + head
            }
            terms.append(outer + inner)
        }
        // the total derivative is d/dx when x is also an argument of its own (z(x, v(x)))
        let direct = a.contains { $0.symbolName == x }
        let lhs = a.count == 1 || direct ? "d\(head)/d\(x)" : "∂\(head)/∂\(x)"
        return lhs + " = " + terms.joined(separator: " + ")
    }

    // MARK: backpropagation

    func backpropagation(_ b: Backpropagation) -> [String] {
        switch b {
        case .tooLarge(let n): return [words(.tooManyPieces(n))]
        case .holdsList: return [words(.holdsList)]
        case .steps(let s): return steps(s)
        }
    }

    func steps(_ s: Backpropagation.Steps) -> [String] {
        let prefix = ExplainText.intermediatePrefix(avoiding: s.variables + s.nodes.compactMap { n -> String? in
            switch n.kind {
            case .symbol(let name): return name
            case .data(let name, _): return name
            default: return nil
            }
        })
        var names: [ObjectIdentifier: String] = [:]
        for (k, n) in s.nodes.enumerated() { names[ObjectIdentifier(n)] = "\(prefix)\(k + 1)" }
        func label(_ n: Expr) -> String { names[ObjectIdentifier(n)] ?? text.print(n) }
        func value(_ v: [Double], _ list: Bool) -> String { list ? ExplainText.list(v.map(text.six)) : text.six(v[0]) }
        let values = zip(s.variables, s.point).map { "\($0) = \(text.six($1))" }.joined(separator: ", ")
        var lines = wrap(words(.forwardPass(values: values)), hang: 2)
        if let n = s.dataCount { lines += wrap(words(.dataAdjoints(count: n)), hang: 2) }
        for (k, n) in s.nodes.enumerated() {
            lines += wrap("  \(label(n)) = \(node(n, label))".padded(to: 44) + "= " + value(s.forward[k], s.isList[k]), hang: 4)
        }
        lines += wrap(words(prefix == "v" ? .backwardPass : .backwardPassNamed(prefix: prefix)), hang: 2)
        for k in s.nodes.indices.reversed() {
            let how = k == s.nodes.count - 1 ? words(.theOutput) : s.contributions[k].map { a, local in
                let factor = value(local, local.count > 1)
                return value(a, a.count > 1) + "·" + (factor.hasPrefix("-") ? "(\(factor))" : factor)
            }.joined(separator: " + ")
            lines += wrap("  ∂f/∂\(label(s.nodes[k])) = \(value(s.adjoints[k], s.isList[k]))".padded(to: 28) + how, hang: 6)
        }
        lines.append(words(.gradient(variables: s.variables.joined(separator: ", "), values: s.gradient.map(text.number).joined(separator: ", "))))
        return lines
    }

    /// The letter the intermediate pieces are numbered after (v1, v2, …): the
    /// first of v, t, p, q, s, r whose numbered names none of the user's names
    /// take (a variable v1 would otherwise read as a piece), else v with a prime.
    static func intermediatePrefix(avoiding names: [String]) -> String {
        func taken(_ p: String) -> Bool {
            names.contains { $0.hasPrefix(p) && $0.count > p.count && $0.dropFirst(p.count).allSatisfy { $0.isASCII && $0.isNumber } }
        }
        for p in ["v", "t", "p", "q", "s", "r", "v′"] where !taken(p) { return p }
        return "v′′"
    }

    /// A list of values, the middle elided past eight: [1, 2, 3, …, 10] (10 values).
    static func list(_ items: [String]) -> String {
        if items.count <= 8 { return "[" + items.joined(separator: ", ") + "]" }
        return "[" + items.prefix(3).joined(separator: ", ") + ", …, " + items.suffix(2).joined(separator: ", ") + "] (\(items.count))"
    }

    /// `line` broken at spaces to the width (continuations indented by
    /// `hang`); a word longer than the width stays whole. Width 0: no wrap.
    func wrap(_ line: String, hang: Int) -> [String] {
        guard width > 0, line.count > width else { return [line] }
        // (spaces before, word) pairs; the line's own indent is the first gap
        var pieces: [(gap: String, word: String)] = []
        var gap = "", word = ""
        var depth = 0   // a list [a, b, …] stays on one line where it can
        for ch in line {
            if ch == "[" { depth += 1 } else if ch == "]" { depth = Swift.max(0, depth - 1) }
            if ch == " " && depth == 0 {
                if !word.isEmpty { pieces.append((gap, word)); gap = ""; word = "" }
                gap.append(ch)
            } else { word.append(ch) }
        }
        if !word.isEmpty { pieces.append((gap, word)) }
        let indent = String(repeating: " ", count: hang)
        var out: [String] = []
        var current = ""
        for (k, p) in pieces.enumerated() {
            if k > 0 && current.count + p.gap.count + p.word.count > width {
                out.append(current)
                current = indent + p.word
            } else {
                current += p.gap + p.word
            }
        }
        out.append(current)
        return out
    }

    /// A node in terms of its children's labels: v3 = v1*v2, v4 = sin(v3).
    func node(_ n: Expr, _ label: (Expr) -> String) -> String {
        func l(_ c: Expr) -> String {
            if case .number(let k) = c.kind { return k.isNegative ? "(\(text.print(c)))" : k.description }
            if case .constant = c.kind { return text.print(c) }
            return label(c)
        }
        switch n.kind {
        case .symbol(let s): return s
        case .data(let name, _): return name ?? words(.unnamedData)
        case .add(let ts): return ts.map(l).joined(separator: " + ")
        case .mul(let fs): return fs.map(l).joined(separator: "*")
        case .pow(let b, let x): return "\(l(b))^\(l(x))"
        case .call(let f, let a): return "\(f.name)(\(a.map(l).joined(separator: ", ")))"
        default: return text.print(n)
        }
    }
}
