// FuzzCalc — libFuzzer entry point over lexer, parser and evaluator.
// Build and run: scripts/fuzz.sh, see docs/fuzzing.md.
//
// Each input is run as a whole program in a fresh Session with --keep-going
// semantics (every statement runs, even after errors), so the lexer, the
// parser with its error recovery, the interpreter, the symbolic engine and
// the printer all see it. Every diagnostic is rendered (source line, caret
// columns counted in characters), and the REPL's continuation check runs on
// the same text. Any trap, sanitizer report, stack overflow or timeout is a
// finding. `:load` has no file reader here, so fuzzing never touches files.

import CalcCore

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCalc(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    _ = Lexer.needsContinuation(text)
    let session = Session()
    let renderer = DiagnosticRenderer(color: true)
    var rendered = 0
    _ = session.run(SourceFile(name: "<fuzz>", text: text), keepGoing: true) { event in
        if case .diagnostic(let d) = event { rendered &+= renderer.render(d).utf8.count }
    }
    return rendered < 0 ? 1 : 0
}
