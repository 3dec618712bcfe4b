// Words — the words of calc that are not operators, each list written once.
//
// None of them is a keyword: command and option words are special only where
// the grammar expects them (Grammar/calc.ebnf, "contextual words"), so
// `rate = 0.1` stays an ordinary assignment. The parser reads these enums to
// recognise them, the interpreter to refuse binding the reserved names, and
// the REPL's completion to offer them, so no hand-kept copy can fall behind.
// Raw values are the spelling; `allCases` keeps the order help texts list.

/// Words that start a command at the start of a statement (`command`).
public enum CommandWord: String, CaseIterable, Sendable {
    case minimize, maximize, explain, plot
}

/// Words that are special only inside the commands that expect them.
public enum ContextualWord: String, CaseIterable, Sendable {
    case from, rate, random, `in`, to, over, at
    /// `plot … with points (xs, ys, labels)`.
    case with, points
    /// `minimize … over rows of (xs, ys)`: stochastic and mini-batch descent.
    case rows, of
}

/// The option words of `minimize` and `maximize` (`option`); `plot`, which
/// may follow them (`plot_out`), is the command word.
public enum OptionWord: String, CaseIterable, Sendable {
    case steps, tol, every, method, seed, beta
    /// Over data rows (`over rows of (…)`): rows per step, passes, reordering.
    case batch, epochs, shuffle
}

/// Meta commands: `:help`, `:vars`, … (`meta`).
public enum MetaCommandName: String, CaseIterable, Sendable {
    case help, vars, clear, load, digits, format, lang, quit
}

/// Names that cannot be bound besides the constants and the built-in
/// functions: the derivative forms, the symbolic operations and `ans`.
/// `diff`, `grad` and `hessian` also start their own grammar forms.
public enum ReservedWord: String, CaseIterable, Sendable {
    case diff, grad, hessian, expand, simplify, ans

    /// How a reserved word is written: as an operation called like a
    /// function (`diff(…)`), as one usually followed by a function name
    /// (`grad f at (1, 2)`), or as a value (`ans`). Completion reads it.
    public enum Form: Sendable { case operation, prefixOperation, value }

    public var form: Form {
        switch self {
        case .diff, .expand, .simplify: return .operation
        case .grad, .hessian: return .prefixOperation
        case .ans: return .value
        }
    }
}
