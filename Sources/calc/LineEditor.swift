// LineEditor — GNU readline for the REPL: line editing, in-memory history,
// Tab completion (Completion.swift) and Ctrl-C while a line is being typed.
//
// Ctrl-C: readline keeps its own SIGINT handling while it reads
// (rl_catch_signals): it restores the terminal, re-raises the signal to our
// handler (Signals.swift, which sets `Signals.interrupt`), and then calls
// `rl_signal_event_hook` outside signal context. The hook clears the line,
// switches the prompt back to the primary one (a pending multi-line
// statement is abandoned) and tells the REPL through `cancelled`.
//
// Only used when stdin is a terminal.

import CalcCore
import CReadline
#if canImport(Glibc)
import Glibc
#endif

final class LineEditor {
    enum Input {
        /// A line (it may hold several lines when text was pasted).
        /// `cancelled`: Ctrl-C was pressed while it was read, so whatever
        /// came before (a pending statement) is abandoned.
        case line(String, cancelled: Bool)
        /// Ctrl-D on an empty line, or the terminal went away.
        case endOfInput(cancelled: Bool)
    }

    let primaryPrompt: String
    let continuationPrompt: String
    private var calls = 0

    /// State the C hook reads and writes (readline is single-threaded).
    nonisolated(unsafe) static var cancelled = false
    nonisolated(unsafe) static var primaryPromptC: UnsafeMutablePointer<CChar>? = nil

    init(session: Session, promptsToStderr: Bool) {
        LineEditor.setLocale()
        let fancy = LineEditor.unicodePrompt
        primaryPrompt = "> "
        continuationPrompt = fancy ? "… " : ". "
        LineEditor.primaryPromptC = strdup(primaryPrompt)
        calc_rl_configure()
        if promptsToStderr { calc_rl_output_to_stderr() }
        stifle_history(Int32(History.limit))
        Completion.install(session: session)
        calc_rl_set_signal_event_hook(LineEditor.signalHook)
    }

    /// Loads entries into readline's in-memory history (for Up and Ctrl-R).
    func addHistory(_ entry: String) {
        add_history(entry)
    }

    /// Reads one line. `pending` is the statement's text so far (for completion).
    func read(continuing pending: [String]) -> Input {
        Output.flushOut()
        LineEditor.cancelled = false
        Completion.pending = pending.joined(separator: "\n")
        // the terminal may have been resized while a computation ran
        if calls > 0 { rl_reset_screen_size() }
        calls += 1
        let line = readline(pending.isEmpty ? primaryPrompt : continuationPrompt)
        let cancelled = LineEditor.cancelled
        LineEditor.cancelled = false
        guard let line else { return .endOfInput(cancelled: cancelled) }
        defer { free(line) }
        return .line(String(cString: line), cancelled: cancelled)
    }

    /// Runs outside signal context when a signal interrupted readline's read.
    static let signalHook: @convention(c) () -> Int32 = {
        guard Signals.interrupt.isSet else { return 0 }   // SIGWINCH and friends
        Signals.interrupt.clear()
        LineEditor.cancelled = true
        calc_rl_cancel_line(LineEditor.primaryPromptC)
        return 0
    }

    // MARK: locale

    /// readline needs a UTF-8 character type to edit `π`, `σ`, `∇` and to
    /// measure the `…` prompt. Take the user's locale; when that is plain C
    /// (no LANG in the environment), use C.UTF-8. Only LC_CTYPE changes, so
    /// number formatting is unaffected.
    static func setLocale() {
        _ = setlocale(LC_CTYPE, "")
        if calc_codeset_is_utf8() == 0 {
            let current = setlocale(LC_CTYPE, nil).map { String(cString: $0) } ?? "C"
            if current == "C" || current == "POSIX" {
                if setlocale(LC_CTYPE, "C.UTF-8") == nil { _ = setlocale(LC_CTYPE, "C.utf8") }
            }
        }
    }

    /// `…` needs a UTF-8 locale and a terminal that is not `dumb`.
    static var unicodePrompt: Bool {
        let term = getenv("TERM").map { String(cString: $0) } ?? ""
        return calc_codeset_is_utf8() != 0 && !term.isEmpty && term != "dumb"
    }
}
