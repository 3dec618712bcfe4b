// Session — one input in, results and diagnostics out.
//
// A session holds the user's variables and functions, the settings (digits,
// output format) and the expression context. `run` parses a source, reports
// every syntax error, then executes its statements in order, handing each
// result or diagnostic to the caller's `emit` as it happens (so a REPL or a
// script runner can print progressively). Nothing here prints or touches the
// file system: `:load` reads through the `readFile` closure the caller gives,
// `plot … to` writes through `writeFile`.
//
// Statements are evaluated by the Interpreter; the commands (minimize,
// explain, plot) return data, which the Rendering layer turns into the text
// of each result, with the caller's Settings (digits, style, plot size).

public enum Event {
    /// A statement's result, for stdout.
    case result(String)
    /// Text asked for by the user (`:help`, `:vars`), for stdout.
    case info(String)
    /// An error or warning, for stderr.
    case diagnostic(Diagnostic)
    /// `:quit` was run.
    case quit
}

public enum RunStatus: Equatable, Sendable { case ok, failed, quit }

public final class Session {
    public let context = ExprContext()
    public let interrupt: InterruptFlag
    let interpreter: Interpreter
    /// Reads a file for `:load`; returns its text or an error message.
    public var readFile: ((String) -> Result<String, ReadFailure>)?
    /// Writes a file for `plot … to "file.svg"`: says whether it created the
    /// file or replaced one (the result line says "(replaced)"), or why it failed.
    /// The library checks the name first (no NUL character); the hook decides
    /// the rest (the executable writes a temporary file and renames it into place).
    public var saveFile: ((String, String) -> Result<FileWrite, ReadFailure>)?
    /// `saveFile` for a writer that does not tell created from replaced
    /// (every write then reads "wrote FILE").
    public var writeFile: ((String, String) -> Result<Void, ReadFailure>)? {
        get { saveFile.map { save in { path, text in save(path, text).map { _ in () } } } }
        set { saveFile = newValue.map { write in { path, text in write(path, text).map { .created } } } }
    }
    /// Told about long runs (step, f, |∇f|) about every 0.1 s; a terminal shows it.
    public var progress: ((Int, Double, Double) -> Void)?
    var loadDepth = 0
    /// True at a prompt (the REPL sets it): `help`, `quit` and `exit` typed
    /// without their colon then do what they say; elsewhere they are an
    /// error that says to write `:help` / `:quit` (MetaCommands.swift).
    public var interactive = false

    public init(interrupt: InterruptFlag = InterruptFlag()) {
        self.interrupt = interrupt
        self.interpreter = Interpreter(context: context, interrupt: interrupt)
    }

    /// How results are presented; the evaluator quotes values in the same style.
    public var settings = Settings() {
        didSet { interpreter.valueText = ValueText(style: settings.format, digits: settings.digits) }
    }

    var valueText: ValueText { interpreter.valueText }

    /// How finely plots sample, for the terminal's size or for a file.
    var sampling: (toTerminal: Sampling, toFile: Sampling) {
        (Sampling(curvePoints: max(40, settings.plotWidth * 2), mapColumns: max(20, settings.plotWidth - 8), mapRows: settings.plotHeight * 2),
         Sampling(curvePoints: 600, mapColumns: 80, mapRows: 80))
    }

    /// The value bound to a name (`ans` included), if any.
    public func value(of name: String) -> Value? { interpreter.globals[name] }

    /// Names the user has bound (variables and functions), for completion.
    public var userNames: [String] { interpreter.globals.keys.sorted() }
    /// The user's functions by name, for completion (adds `(`).
    public var userFunctionNames: Set<String> {
        Set(interpreter.globals.compactMap { if case .function = $0.value { return $0.key }; return nil })
    }

    /// Runs text and collects the events (convenience for tests and tools).
    public func run(_ text: String, name: String = "<input>", keepGoing: Bool = false) -> (events: [Event], status: RunStatus) {
        var events: [Event] = []
        let status = run(SourceFile(name: name, text: text), keepGoing: keepGoing) { events.append($0) }
        return (events, status)
    }

    /// Parses and runs a whole source.
    @discardableResult
    public func run(_ source: SourceFile, keepGoing: Bool = false, emit: (Event) -> Void) -> RunStatus {
        let program = Parser.parse(source, callables: Set(Callee.names).union(userFunctionNames))
        for d in program.diagnostics { emit(.diagnostic(d)) }
        var status: RunStatus = program.diagnostics.contains { $0.severity == .error } ? .failed : .ok
        if status == .failed && !keepGoing { return .failed }
        for statement in program.statements {
            if interrupt.isSet { break }
            do {
                if try execute(statement, source, emit: emit) == .quit { return .quit }
            } catch var d as Diagnostic {
                if d.id == .interrupted {
                    // point at the statement the user ran, not wherever the work was when it stopped
                    d = Diagnostic(.interrupted, .evaluation(.interrupted), statement.range, file: source)
                }
                emit(.diagnostic(d.with(file: source)))
                status = .failed
                if !keepGoing { return .failed }
            } catch {
                emit(.diagnostic(Diagnostic(.limit, .session(.internalError(String(describing: error))), statement.range, file: source)))
                status = .failed
                if !keepGoing { return .failed }
            }
        }
        return status
    }

    // MARK: statements

    /// Most nodes a result may have when written out (shared pieces count each time
    /// they are printed): a few dozen distinct pieces can stand for 2³² written ones.
    public static let maxPrintedNodes = Printer.maxNodes

    /// Refuses to print a value whose written-out form would be enormous.
    func checkPrintable(_ v: Value, _ range: SourceRange, _ scope: Scope) throws {
        switch v {
        case .symbolic(let e, _):
            if e.treeSize(cap: Session.maxPrintedNodes + 1) > Session.maxPrintedNodes {
                throw interpreter.error(.limit, .session(.resultTooLarge(limit: Session.maxPrintedNodes)),
                                        range, scope, help: .session(.evaluateAtPointOrSilence))
            }
        case .tuple(let xs), .list(let xs, _): for x in xs { try checkPrintable(x, range, scope) }
        case .function(let f):   // a derived function (`k'`) shows its body
            if case .expression(let e) = f.body { try checkPrintable(.symbolic(e, variables: []), range, scope) }
        default: break
        }
    }

    func execute(_ s: Statement, _ file: SourceFile, emit: (Event) -> Void) throws -> RunStatus {
        let it = interpreter
        let scope = Scope(file: file)
        switch s.kind {
        case .expression(let node):
            if case .name(let n) = node.kind, let status = try bareMetaWord(n, node.range, file, emit: emit) { return status }
            let v = try it.collapse(try it.eval(node, scope), node.range, scope)
            it.env.bind("ans", v, elementNames: copiedNames(node))
            if !s.silent {
                try checkPrintable(v, node.range, scope)
                emit(.result(describe(v, for: node)))
            }
        case .assign(let name, let node):
            try it.env.checkBindable(name, scope)
            var v = try it.collapse(try it.eval(node, scope), node.range, scope)
            if case .list(let xs, _) = v { v = .list(xs, name: name.text) }   // data keeps its name in formulas
            let names = copiedNames(node)
            it.env.bind(name.text, v, elementNames: names)
            it.env.bind("ans", v, elementNames: names)
            if !s.silent {
                try checkPrintable(v, node.range, scope)
                emit(.result("\(name.text) = \(format(v))"))
            }
        case .funcdef(let name, let params, let body):
            try it.env.checkBindable(name, scope)
            let tensors = params.map { TensorParameter(name: $0.text, shape: $0.shape) }
            // every element is a parameter: W[2, 2] and a scalar W₁₁ beside it collide
            try it.env.checkParameters(zip(params, tensors).flatMap { p, t in
                (t.isScalar ? [] : [p.name]) + t.elements.map { Name($0, p.name.range) } }, scope)
            try it.env.checkRecursion(name, body, scope)
            let text = "\(name.text)(\(params.map(\.declaration).joined(separator: ", "))) = \(ASTPrinter.print(body))"
            let hasTensors = tensors.contains { !$0.isScalar }
            it.env.bind(name.text, .function(UserFunction(name: name.text, parameters: tensors.flatMap(\.elements),
                                                          body: .syntax(body, file), text: text,
                                                          tensors: hasTensors ? tensors : [])))
            if !s.silent { emit(.result(text)) }
        case .optimize(let o):
            let outcome = try MinimizeCommand(it: it, command: o, scope: scope, sampling: sampling).run(progress: progress)
            var text = MinimizeText(text: valueText, catalogue: settings.catalogue).render(outcome.report)
            let figures = FigureOutput(settings: settings, saveFile: saveFile)
            let plots = try outcome.figures.map { try figures.render($0, scope) }.joined(separator: "\n")
            if !plots.isEmpty { text += "\n" + plots }
            it.env.bind("ans", outcome.value, elementNames: outcome.report.variables)
            if !s.silent { emit(.result(text)) }
        case .namedOptimize(let binding, let o):
            try bindResult(binding, o, scope, silent: s.silent, emit: emit)
        case .destructure(let names, let lhs, let node):
            for n in names { try it.env.checkBindable(n, scope) }
            let v = try it.collapse(try it.eval(node, scope), node.range, scope)
            let xs = try it.destructure(v, names, lhs: lhs, rhs: node.range, scope)
            for (n, x) in zip(names, xs) { it.env.bind(n.text, x) }
            it.env.bind("ans", v, elementNames: copiedNames(node))
            if !s.silent {
                try checkPrintable(v, node.range, scope)
                emit(.result("(\(names.map(\.text).joined(separator: ", "))) = \(format(v))"))
            }
        case .explain(let e):
            let command = ExplainCommand(it: it, scope: scope)
            let explanation = try command.run(e)
            if !s.silent { try command.checkShowable(explanation, s.range) }
            for piece in explanation.pieces where !s.silent {   // every step quotes its expression
                try checkPrintable(piece.result, s.range, scope)
                for step in piece.steps { try checkPrintable(.symbolic(step.expression, variables: []), s.range, scope) }
            }
            if !s.silent { emit(.result(ExplainText(text: valueText, catalogue: settings.catalogue, width: settings.plotWidth).render(explanation))) }
        case .plot(let p):
            let outcome = try PlotCommand(it: it, scope: scope, sampling: sampling).run(p)
            let text = try FigureOutput(settings: settings, saveFile: saveFile).render(outcome, scope)
            if !s.silent { emit(.result(text)) }
        case .meta(let command, let argument):
            return try meta(command, argument, s.range, file, emit: emit)
        }
        return .ok
    }

    // MARK: formatting

    /// A value as the user sees it.
    public func format(_ v: Value) -> String { valueText.format(v) }

    /// Like `format`, naming gradients and functions the way the notation reads.
    func describe(_ v: Value, for node: Node) -> String {
        if case .grad(.function(let f)) = node.kind, case .function(let fn)? = interpreter.globals[f.text] {
            return "∇\(fn.signature) = \(format(v))"
        }
        if case .hessian(.function(let f)) = node.kind, case .function(let fn)? = interpreter.globals[f.text],
           case .tuple(let rows) = v {
            let body = rows.map { "  " + format($0) }.joined(separator: "\n")
            return "H\(f.text)(\(fn.parameters.joined(separator: ", "))) =\n" + body
        }
        return format(v)
    }
}

// MARK: named results

extension Session {
    /// `θ = minimize …` (θ is the end point, its elements named by the
    /// target's variables) and `(a, b) = minimize …` (one name per variable):
    /// the report, then the binding as an assignment echoes it.
    func bindResult(_ binding: ResultBinding, _ o: Optimize, _ scope: Scope, silent: Bool, emit: (Event) -> Void) throws {
        let it = interpreter
        switch binding {
        case .name(let n): try it.env.checkBindable(n, scope)
        case .tuple(let names, _): for n in names { try it.env.checkBindable(n, scope) }
        }
        let outcome = try MinimizeCommand(it: it, command: o, scope: scope, sampling: sampling).run(progress: progress)
        let names = outcome.report.variables
        let echo: String
        switch binding {
        case .name(let n):
            it.env.bind(n.text, outcome.value, elementNames: names)
            echo = "\(n.text) = \(format(outcome.value))"
        case .tuple(let targets, let lhs):
            let v: Value = names.count == 1 ? .tuple([outcome.value]) : outcome.value
            let xs = try it.destructure(v, targets, lhs: lhs, rhs: o.target.range, scope)
            for (n, x) in zip(targets, xs) { it.env.bind(n.text, x) }
            echo = "(\(targets.map(\.text).joined(separator: ", "))) = \(format(v))"
        }
        it.env.bind("ans", outcome.value, elementNames: names)
        guard !silent else { return }
        var text = MinimizeText(text: valueText, catalogue: settings.catalogue).render(outcome.report)
        let figures = FigureOutput(settings: settings, saveFile: saveFile)
        let plots = try outcome.figures.map { try figures.render($0, scope) }.joined(separator: "\n")
        if !plots.isEmpty { text += "\n" + plots }
        emit(.result(text + "\n" + echo))
    }

    /// `ψ = θ`, `θ` alone: a copy of a named result keeps its element names.
    func copiedNames(_ node: Node) -> [String]? {
        var n = node
        while case .group(let inner) = n.kind { n = inner }
        guard case .name(let s) = n.kind else { return nil }
        return interpreter.env.elementNames(of: s)
    }
}

extension MinimizeReport {
    /// The target's variables, in order: the element names of its end point.
    var variables: [String] {
        switch self {
        case .single(let d): return d.problem.variables
        case .rates(let c): return c.problem.variables
        case .multiStart(let m): return m.problem.variables
        case .stochastic(let s): return s.problem.variables
        }
    }
}
