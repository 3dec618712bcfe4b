// Message — every sentence calc says to its user, as data: the case is the
// message's id, its associated values the parts that vary (names, counts,
// numbers already formatted). Diagnostics carry Messages, not text; the
// catalogue (Rendering/Catalogue) turns each into words in the user's
// language, with an exhaustive switch per area, so a message without a
// translation does not compile.
//
// The areas follow the stages that produce them; each has its own file in
// Diagnostics/Messages.

public enum Message: Sendable, Equatable {
    case syntax(SyntaxMessage)
    case evaluation(EvaluationMessage)
    case command(CommandMessage)
    case session(SessionMessage)
    case numeric(NumericMessage)
    case terminal(TerminalMessage)
    case tensor(TensorMessage)
    /// Text calc did not write — an operating system's reason a file could
    /// not be read, a message the executable composed — shown as it is.
    case verbatim(String)
}

/// The languages the catalogue speaks; the raw value is what `--lang` and
/// `:lang` take.
public enum Language: String, Sendable, CaseIterable {
    case english = "en"
    /// Brazilian Portuguese, the language of the course notes.
    case portuguese = "pt"
}
