// MetaCommands — `:help [topic]`, `:vars`, `:clear [names]`, `:load "file"`,
// `:digits N`, `:format F`, `:quit`: what the session does for each. The
// names and their aliases are Syntax/Words.swift's MetaCommandName.

extension Session {
    public static let metaCommands = MetaCommandName.allCases.map(\.rawValue)

    func meta(_ command: String, _ argument: String, _ range: SourceRange, _ file: SourceFile, emit: (Event) -> Void) throws -> RunStatus {
        let scope = Scope(file: file)
        func fail(_ message: SessionMessage, help: Message? = nil) -> Diagnostic {
            interpreter.error(.meta, .session(message), range, scope, help: help)
        }
        guard let name = MetaCommandName.named(command) else {
            throw fail(.unknownCommand(command),
                       help: .session(closestWord(command, in: Session.metaCommands).map { .didYouMeanCommand($0) }
                                      ?? .commandList(Session.metaCommands)))
        }
        switch name {
        case .help:
            guard let text = Help.text(topic: argument, in: settings.catalogue) else {
                throw fail(.noHelpTopic(argument), help: .session(.helpTopics(Help.topics)))
            }
            emit(.info(text))
        case .vars:
            let names = interpreter.globals.keys.sorted { ExprOrder.naturalCompare($0, $1) < 0 }
            if names.isEmpty { emit(.info(settings.catalogue.text(.session(.noVariablesDefined)))); break }
            for n in names { try checkPrintable(interpreter.globals[n]!, range, scope) }
            emit(.info(names.map { n -> String in
                let v = interpreter.globals[n]!
                if case .function(let f) = v { return f.text }
                return "\(n) = \(format(v))"
            }.joined(separator: "\n")))
        case .clear:
            let names = argument.split(whereSeparator: { $0 == " " || $0 == "," }).map(String.init)
            if names.isEmpty { interpreter.globals.removeAll(); break }
            for n in names {
                guard interpreter.globals.removeValue(forKey: n) != nil else {
                    throw fail(.notDefined(name: n), help: closestWord(n, in: Array(interpreter.globals.keys)).map { .evaluation(.didYouMean($0)) })
                }
            }
        case .digits:
            let allowed = 1...17
            guard let n = Int(argument), allowed.contains(n) else {
                throw fail(argument.isEmpty ? .digitsNeedsNumber : .digitsOutOfRange(found: argument, range: allowed),
                           help: .session(.digitsDefault))
            }
            settings.digits = n
        case .lang:
            guard let language = Language(rawValue: argument.lowercased()) else {
                throw fail(argument.isEmpty ? .langNeedsLanguage : .unknownLanguage(argument),
                           help: .session(.languagesAre(Language.allCases.map(\.rawValue))))
            }
            settings.language = language
        case .format:
            guard let style = Printer.Style(rawValue: argument) else {
                throw fail(argument.isEmpty ? .formatNeedsStyle : .unknownFormat(argument), help: .session(.formatStyles))
            }
            settings.format = style
        case .load:
            var path = argument
            if path.hasPrefix("\""), path.hasSuffix("\""), path.count >= 2 { path = String(path.dropFirst().dropLast()) }
            guard !path.isEmpty else { throw fail(.loadNeedsFile, help: .session(.loadUsage)) }
            guard let readFile else { throw fail(.loadUnavailable) }
            guard loadDepth < 16 else { throw fail(.loadTooDeep) }
            switch readFile(path) {
            case .failure(let failure):
                if failure.isInterrupted { throw interpreter.interrupted(range, scope) }
                throw interpreter.error(.io, .session(.cannotLoad(path: path, reason: failure.message)), range, scope)
            case .success(let text):
                loadDepth += 1
                defer { loadDepth -= 1 }
                let status = run(SourceFile(name: path, text: text), emit: emit)
                if status == .quit { return .quit }
                if status == .failed { throw fail(.loadStopped(path: path)) }
            }
        case .quit:
            emit(.quit)
            return .quit
        }
        return .ok
    }
}

extension Session {
    /// `help`, `quit` or `exit` alone as a statement, not bound to a value:
    /// at a prompt it runs `:help` / `:quit` (what the user plainly meant);
    /// in a script or `-e` it is an error saying to write the colon, never
    /// the symbolic name `quit` printed back. nil for any other statement.
    func bareMetaWord(_ name: String, _ range: SourceRange, _ file: SourceFile, emit: (Event) -> Void) throws -> RunStatus? {
        guard ["help", "quit", "exit"].contains(name), interpreter.globals[name] == nil else { return nil }
        if interactive { return try meta(name, "", range, file, emit: emit) }
        throw interpreter.error(.meta, .syntax(.metaCommandNeedsColon(name)), range, Scope(file: file),
                                help: .syntax(.writeMetaCommand(":" + name)))
    }
}

extension MetaCommandName {
    /// A meta command by its name or an alias (`:h`, `:?`, `:q`, `:exit`).
    static func named(_ s: String) -> MetaCommandName? {
        switch s {
        case "h", "?": return .help
        case "q", "exit": return .quit
        default: return MetaCommandName(rawValue: s)
        }
    }
}
