// TerminalSafetyTests — control characters (ESC, OSC, C0 and C1) that come
// from the user's text are shown escaped on a terminal, never obeyed; calc's
// own colour codes stay. To a pipe or a file the bytes are unchanged. (The
// end-to-end case in a real terminal is in REPLTests, "control characters".)

import Testing
import Foundation
import CalcCore
@testable import calc

@Suite("terminal safety")
struct TerminalSafetyTests {
    @Test("escapingControls writes C0, DEL and C1 as \\u{…}, keeps newline and tab")
    func escaping() {
        #expect("a\u{1B}]0;pwned\u{7}b".escapingControls() == "a\\u{1B}]0;pwned\\u{7}b")
        #expect("\u{9B}2J\u{7F}\u{0}".escapingControls() == "\\u{9B}2J\\u{7F}\\u{0}")
        #expect("line 1\n\tline 2 ∂f/∂x".escapingControls() == "line 1\n\tline 2 ∂f/∂x")
        // colour (SGR) is kept only when asked; any other sequence is escaped
        #expect("\u{1B}[1;31mred\u{1B}[0m \u{1B}[2J".escapingControls(keepingColour: true) == "\u{1B}[1;31mred\u{1B}[0m \\u{1B}[2J")
        #expect("\u{1B}[31m".escapingControls() == "\\u{1B}[31m")
        // attributes that hide or blink text are not colour: escaped even then
        #expect("\u{1B}[8mhidden \u{1B}[5m \u{1B}[38;5;33mok".escapingControls(keepingColour: true)
                == "\\u{1B}[8mhidden \\u{1B}[5m \u{1B}[38;5;33mok")
    }

    @Test("an ESC in a script's bad line: the renderer for a terminal escapes it, carets under it, colours kept")
    func diagnosticEscaped() throws {
        let session = Session()
        var diagnostics: [Diagnostic] = []
        _ = session.run(SourceFile(name: "bad\u{1B}[2J.calc", text: "1 + \u{1B}[2J\n")) { event in
            if case .diagnostic(let d) = event { diagnostics.append(d) }
        }
        let d = try #require(diagnostics.first)
        let plain = DiagnosticRenderer(escapeControls: true).render(d)
        #expect(!plain.unicodeScalars.contains("\u{1B}"))
        #expect(plain.contains(" --> bad\\u{1B}[2J.calc:1:5\n"))
        #expect(plain.contains("1 | 1 + \\u{1B}[2J\n"))
        #expect(plain.contains("  |     ^^^^^^"))                 // under the six characters of `\u{1B}`
        let coloured = DiagnosticRenderer(color: true, escapeControls: true).render(d)
        #expect(coloured.contains("\u{1B}[1;31m"))                 // calc's own colour
        #expect(!coloured.contains("\u{1B}[2J"))                  // the script's sequence, escaped
        // without the flag (a pipe), the renderer is as before: the bytes pass through
        #expect(DiagnosticRenderer().render(d).contains("1 + \u{1B}[2J"))
    }

    @Test("to a pipe, calc's output keeps the bytes unchanged (documented)")
    func pipeUnchanged() throws {
        let r = try CalcBinary.run([], stdin: "1 + \u{1B}[2J\n")
        #expect(r.status == 1)
        #expect(r.stderr.contains("1 + \u{1B}[2J"))
    }
}
