// TerminalMessage — what the executable says on its own account: the
// command line's help and its mistakes, the REPL's banner and progress line,
// output it cannot write, scripts it cannot read, the history file.
// (`reason` values are the system's words, from strerror.) Worded by
// English+Terminal.swift.

public enum TerminalMessage: Sendable, Equatable {
    // MARK: the command line
    case abstract
    case discussion
    case scriptsHelp
    case statementsHelp
    case loadHelp
    case formatHelp
    case digitsHelp
    case noColorHelp
    case keepGoingHelp
    case quietHelp
    case langHelp
    case unknownLanguage(String)
    case unknownFormat(String)
    case digitsRange

    /// A fixed phrase of swift-argument-parser's own help and error texts
    /// (headings, "Error:", …): the executable swaps them for the language's.
    case parserPhrase(ParserPhrase)

    public enum ParserPhrase: Sendable, Equatable, CaseIterable {
        case overview, usageHeading, argumentsHeading, optionsHeading, defaultValue
        case showVersion, showHelp, error, usage, help, seeHelp
        case unknownOption, missingValue, missingArgument, unexpectedArgument
    }

    // MARK: the REPL
    case banner(version: String)
    /// The progress line of a long run (numbers formatted).
    case progress(step: Int, value: String, gradientNorm: String)

    // MARK: output
    /// stdout refused a write (a full disk, a closed pipe or descriptor).
    case cannotWriteOutput(reason: String)

    // MARK: files
    case cannotReadScript(path: String, reason: String)
    case checkScriptPath
    case isADirectory
    case isASymbolicLink
    case fileTooLarge(mebibytes: Int)

    // MARK: history
    case noHome
    case cannotReadHistory(path: String, reason: String)
    case historyIsDirectory(path: String)
    /// The history path is a symbolic link: calc neither reads nor writes through it.
    case historyIsSymbolicLink(path: String)
    case cannotCreateHistoryDirectory(path: String, reason: String)
    case cannotWriteHistory(path: String, reason: String)
}
