// Failures — how a command reports a mistake: a Diagnostic carrying a
// CommandMessage (and its help line) at the range of what was written.

extension Interpreter {
    func fail(_ id: DiagnosticID, _ message: CommandMessage, _ range: SourceRange, _ scope: Scope,
              help: CommandMessage? = nil) -> Diagnostic {
        Diagnostic(id, .command(message), range, file: scope.file, help: help.map { .command($0) })
    }
}
