// REPL — the interactive loop (minimal line reader; GNU readline comes with
// the REPL feature). Keeps going after errors; `:quit` or end of input exits.

import CalcCore
#if canImport(Glibc)
import Glibc
#endif

struct REPL {
    let runner: Runner
    let quiet: Bool

    func run() -> Int32 {
        if !quiet { Output.out("calc \(calcVersion) — :help for help, Ctrl-D to quit\n") }
        var lineNumber = 1
        while !runner.quitRequested {
            Output.out("> ")
            Output.flush()
            guard var text = readLine(strippingNewline: true) else { Output.out("\n"); break }
            while Lexer.needsContinuation(text) {
                Output.out("… ")
                Output.flush()
                guard let more = readLine(strippingNewline: true) else { break }
                text += "\n" + more
            }
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false).count
            runner.run(SourceFile(name: "<repl>", text: text, firstLine: lineNumber))
            lineNumber += lines
        }
        Output.flush()
        return 0
    }
}
