// REPL — the interactive loop (docs/repl.md): GNU readline (LineEditor),
// history kept across sessions (History), Tab completion (Completion),
// continuation lines while brackets are open or a line ends in an operator,
// and Ctrl-C that never loses work:
//   - on a line: clears it (and any pending continuation lines), new prompt;
//   - during a computation: the Session polls `Signals.interrupt`, stops
//     with an "interrupted" error, and the loop carries on with every
//     variable, function and history entry intact.
// Errors never end the session; `:quit` or Ctrl-D on an empty line exits 0.
// When stdin is not a terminal (`calc -i FILE < input`), no readline, no
// prompt and no echo: the input runs as a program.

import CalcCore
#if canImport(Glibc)
import Glibc
#endif

struct REPL {
    let runner: Runner
    let quiet: Bool

    init(runner: Runner, quiet: Bool) {
        self.runner = runner
        self.quiet = quiet
    }

    func run() -> Int32 {
        guard isatty(STDIN_FILENO) == 1 else {
            return runner.runStandardInput() == .failed ? 1 : 0
        }
        Signals.installInterruptHandler()
        // at a prompt `help`, `quit` and `exit` without their colon do what they say
        runner.session.interactive = true
        // prompts go where the user looks: stderr when stdout is redirected (`calc | tee log`)
        let promptsToStderr = isatty(STDOUT_FILENO) != 1 && isatty(STDERR_FILENO) == 1
        let editor = LineEditor(session: runner.session, promptsToStderr: promptsToStderr)
        if !quiet {
            let banner = words(.banner(version: calcVersion)) + "\n"
            if promptsToStderr { Output.err(banner) } else { Output.out(banner) }
        }
        let history = History(path: History.defaultPath()) { message in
            Output.flushOut()
            Output.err(runner.terminal.diagnosticRenderer(runner.session.settings.catalogue)
                .render(Diagnostic(.warning, .terminal(message), .none)))
        }
        for entry in history.entries { editor.addHistory(entry) }

        var loop = Loop(runner: runner, history: history, editor: editor)
        return loop.run()
    }

    /// True when Ctrl-C shows as `^C` on the terminal while a computation runs.
    static var terminalEchoesControlCharacters: Bool {
        var t = termios()
        guard tcgetattr(STDIN_FILENO, &t) == 0 else { return false }
        return t.c_lflag & tcflag_t(ECHO) != 0 && t.c_lflag & tcflag_t(ECHOCTL) != 0
    }

    /// A newline on whichever stream shows the terminal (stdout unless redirected).
    static func newlineOnTerminal() {
        if isatty(STDOUT_FILENO) == 1 { Output.out("\n") } else { Output.err("\n") }
    }

    /// The read–evaluate loop's state.
    struct Loop {
        let runner: Runner
        let history: History
        let editor: LineEditor
        /// Lines of a statement still open (brackets, trailing operator).
        var pending: [String] = []
        /// Line number of the next statement (for error positions).
        var lineNumber = 1

        mutating func run() -> Int32 {
            while !runner.quitRequested {
                switch editor.read(continuing: pending) {
                case .endOfInput(let cancelled):
                    if cancelled { pending = [] }
                    Output.out("\n")
                    if pending.isEmpty { Output.flushOut(); return 0 }
                    // Ctrl-D inside an unfinished statement: show what is missing, then a fresh prompt
                    let lines = pending
                    pending = []
                    submit(lines)
                case .line(let text, let cancelled):
                    if cancelled { pending = [] }
                    accept(text)
                }
            }
            Output.flushOut()
            return 0
        }

        /// Takes a line from readline (several lines when text was pasted),
        /// running each statement as soon as it is complete.
        mutating func accept(_ text: String) {
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            for raw in lines {
                var line = String(raw)
                if line.hasSuffix("\r") { line.removeLast() }
                if pending.isEmpty && History.trim(Substring(line)).isEmpty { continue }
                pending.append(line)
                if Lexer.needsContinuation(pending.joined(separator: "\n")) { continue }
                let statement = pending
                pending = []
                let interrupted = submit(statement)
                // Ctrl-C or `:quit` also drops the rest of a paste
                if interrupted || runner.quitRequested { return }
            }
        }

        /// Records a statement in the history, then runs it. Returns true when
        /// Ctrl-C stopped it.
        @discardableResult
        mutating func submit(_ lines: [String]) -> Bool {
            let entry = History.entry(for: lines)
            if history.add(entry) { editor.addHistory(entry) }
            Signals.interrupt.clear()
            let source = SourceFile(name: "<repl>", text: lines.joined(separator: "\n"), firstLine: lineNumber)
            // after Ctrl-C the terminal echoed `^C` where the cursor was: what
            // follows (an error, minimize's "interrupted at step …", the prompt)
            // starts a line of its own
            var startedLine = false
            func startLineAfterInterrupt() {
                if startedLine || !Signals.interrupt.isSet { return }
                startedLine = true
                if REPL.terminalEchoesControlCharacters { REPL.newlineOnTerminal() }
            }
            let status = runner.session.run(source, keepGoing: runner.keepGoing) { event in
                startLineAfterInterrupt()
                runner.emit(event)
            }
            startLineAfterInterrupt()
            Output.flushOut()
            if status == .quit { runner.quitRequested = true }
            lineNumber += lines.count
            let interrupted = Signals.interrupt.isSet
            Signals.interrupt.clear()
            return interrupted
        }
    }
}
