// calc — the command line: parses arguments (swift-argument-parser) and picks
// a runner: scripts and `-e` text in order, a program on stdin when stdin is
// not a terminal, the REPL when it is. Exit status: 0 success, 1 a statement
// failed or the output could not be written, 2 a usage error (bad option,
// unreadable script).

import ArgumentParser
import CalcCore
#if canImport(Glibc)
import Glibc
#endif

let calcVersion = "0.1.0"

@main
struct Calc: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calc",
        abstract: words(.abstract),
        discussion: words(.discussion),
        version: "calc \(calcVersion)")

    @Argument(help: ArgumentHelp(words(.scriptsHelp)))
    var files: [String] = []

    /// `-e` takes the next argument as program text whatever it starts with
    /// (`-e '-3^2'`, `-e -1`, even `-e --`), as `python3 -c` does; only a
    /// missing one (`-e` last) is a usage error.
    @Option(name: .customShort("e"), parsing: .unconditionalSingleValue, help: ArgumentHelp(words(.statementsHelp), valueName: "STATEMENTS"))
    var expressions: [String] = []

    @Option(name: .customShort("i"), help: ArgumentHelp(words(.loadHelp), valueName: "FILE"))
    var interactiveFile: String?

    @Option(help: ArgumentHelp(words(.formatHelp)))
    var format: String = "plain"

    @Option(help: ArgumentHelp(words(.digitsHelp)))
    var digits: Int = 12

    @Flag(name: .customLong("no-color"), help: ArgumentHelp(words(.noColorHelp)))
    var noColor = false

    @Flag(name: .customLong("keep-going"), help: ArgumentHelp(words(.keepGoingHelp)))
    var keepGoing = false

    @Flag(name: .shortAndLong, help: ArgumentHelp(words(.quietHelp)))
    var quiet = false

    @Option(help: ArgumentHelp(words(.langHelp), valueName: "en|pt"))
    var lang: String?

    func validate() throws {
        guard Printer.Style(rawValue: format) != nil else {
            throw ValidationError(words(.unknownFormat(format)))
        }
        guard (1...17).contains(digits) else {
            throw ValidationError(words(.digitsRange))
        }
        if let lang, Language(rawValue: lang.lowercased()) == nil {
            throw ValidationError(words(.unknownLanguage(lang)))
        }
    }

    func run() throws {
        var settings = Settings()
        settings.format = Printer.Style(rawValue: format)!
        settings.digits = digits
        settings.language = LanguageChoice.current
        let terminal = Terminal(noColorFlag: noColor)
        let runner = Runner(settings: settings, terminal: terminal, keepGoing: keepGoing)

        var status: RunStatus = .ok
        for path in files {
            switch runner.runFile(path) {
            case .usageError: throw ExitCode(2)
            case .interrupted: throw ExitCode(Runner.interruptedExitStatus)
            case .status(let s):
                status = s
                if s != .ok && !keepGoing { throw ExitCode(s == .quit ? 0 : 1) }
            }
            if status == .quit { throw ExitCode(0) }
        }
        for (k, text) in expressions.enumerated() {
            let s = runner.runText(text, name: expressions.count == 1 ? "<-e>" : "<-e \(k + 1)>")
            if s == .quit { throw ExitCode(0) }
            if s == .failed { status = .failed; if !keepGoing { throw ExitCode(1) } }
        }
        if interactiveFile != nil || (files.isEmpty && expressions.isEmpty && isatty(STDIN_FILENO) == 1) {
            Signals.installInterruptHandler()   // before `-i FILE` loads, so Ctrl-C there stops the work, not calc
        }
        if let path = interactiveFile {
            if case .usageError = runner.runFile(path) { throw ExitCode(2) }   // interrupted: on to the REPL, as after `:load`
            let code = REPL(runner: runner, quiet: quiet).run()
            throw ExitCode(code)
        }
        if files.isEmpty && expressions.isEmpty {
            if isatty(STDIN_FILENO) == 1 {
                let code = REPL(runner: runner, quiet: quiet).run()
                throw ExitCode(code)
            }
            status = runner.runStandardInput()
        }
        if status == .failed { throw ExitCode(1) }
    }

    /// Usage errors exit with 2 (ArgumentParser's default is 64).
    static func main() {
        LanguageChoice.current = LanguageChoice.fromArguments(Array(CommandLine.arguments.dropFirst())) ?? LanguageChoice.fromEnvironment()
        // a parent (a test runner's thread, say) may have blocked signals; calc wants the defaults
        var none = sigset_t()
        sigemptyset(&none)
        sigprocmask(SIG_SETMASK, &none, nil)
        Output.reserveClosedStandardDescriptors()
        Output.ignoreBrokenPipe()
        Output.ignoreFileSizeSignal()
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let code as ExitCode {
            Output.flushOut()
            Glibc.exit(code.rawValue)
        } catch {
            let code = exitCode(for: error)
            var message = inLanguage(fullMessage(for: error))
            // a usage error quotes the argument: on a terminal, its control characters are shown escaped
            if isatty(code == .success ? STDOUT_FILENO : STDERR_FILENO) == 1 { message = message.escapingControls() }
            if code == .success {
                Output.out(message + "\n")
                Output.flushOut()
                Glibc.exit(0)
            }
            Output.err(message + "\n")
            Output.flushOut()
            Glibc.exit(2)
        }
        Output.flushOut()
        Glibc.exit(0)
    }
}
