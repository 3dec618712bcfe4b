// English+Terminal — the English words of every TerminalMessage.

extension Catalogue {
    func english(_ m: TerminalMessage) -> String {
        switch m {
        case .abstract: return "A calculus language: exact derivatives and gradient descent that teaches."
        case .discussion:
            return "Runs FILEs in order, then -e text. With neither, reads a program from stdin, "
                + "or starts the REPL when stdin is a terminal. Inside calc, `:help` lists topics."
        case .scriptsHelp: return "Scripts to run, in order."
        case .statementsHelp: return "Run STATEMENTS (may repeat)."
        case .loadHelp: return "Load FILE, then stay interactive."
        case .formatHelp: return "Output format of expressions: plain, unicode or latex."
        case .digitsHelp: return "Significant digits of numbers (1–17)."
        case .noColorHelp: return "No colour (also when NO_COLOR is set)."
        case .keepGoingHelp: return "Run every statement even after an error."
        case .quietHelp: return "No banner in the REPL."
        case .langHelp: return "Language of messages and help: en (English) or pt (português); the default follows the locale."
        case .unknownLanguage(let l): return "unknown language '\(l)'; languages are en and pt"
        case .unknownFormat(let f): return "unknown format '\(f)'; formats are plain, unicode and latex"
        case .digitsRange: return "--digits takes a whole number from 1 to 17"
        case .parserPhrase(let p):
            switch p {
            case .overview: return "OVERVIEW:"
            case .usageHeading: return "USAGE:"
            case .argumentsHeading: return "ARGUMENTS:"
            case .optionsHeading: return "OPTIONS:"
            case .defaultValue: return "(default: "
            case .showVersion: return "Show the version."
            case .showHelp: return "Show help information."
            case .error: return "Error: "
            case .usage: return "Usage: "
            case .help: return "Help: "
            case .seeHelp: return "See 'calc --help' for more information."
            case .unknownOption: return "Unknown option"
            case .missingValue: return "Missing value for"
            case .missingArgument: return "Missing expected argument"
            case .unexpectedArgument: return "Unexpected argument"
            }
        case .banner(let version): return "calc \(version) — :help for help, Tab completes, Ctrl-D quits"
        case .progress(let step, let f, let g):
            return "step \(grouped(step))   f = \(f)   |∇f| = \(g)   (Ctrl-C stops)"
        case .cannotWriteOutput(let reason): return "cannot write the output: \(reason)"
        case .cannotReadScript(let path, let reason): return "cannot read `\(path)`: \(reason)"
        case .checkScriptPath: return "check the path; scripts usually end in .calc"
        case .isADirectory: return "it is a directory"
        case .isASymbolicLink: return "it is a symbolic link"
        case .fileTooLarge(let mib): return "the file is larger than \(mib) MiB"
        case .noHome: return "no home directory (HOME is not set); history will not be saved"
        case .cannotReadHistory(let path, let reason): return "cannot read the history file \(path): \(reason)"
        case .historyIsDirectory(let path): return "cannot use the history file \(path): it is a directory; history will not be saved"
        case .historyIsSymbolicLink(let path):
            return "cannot use the history file \(path): it is a symbolic link; history will not be saved"
        case .cannotCreateHistoryDirectory(let path, let reason):
            return "cannot create the history directory \(path): \(reason); history will not be saved"
        case .cannotWriteHistory(let path, let reason): return "cannot write the history file \(path): \(reason); history will not be saved"
        }
    }
}
