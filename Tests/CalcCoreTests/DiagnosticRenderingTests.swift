// DiagnosticRenderingTests — snapshots of rendered errors, in the style of
// rustc's UI tests: each Tests/CalcCoreTests/golden/diagnostics/NAME.calc is
// run through a Session (past errors when it says `# keep-going`), every
// diagnostic is rendered by DiagnosticRenderer, and the whole text must equal
// NAME.stderr byte for byte: the `-->` line, gutter, carets, labels and
// `help:` lines. When NAME.color.stderr exists, the colour rendering must
// equal it too.
//
// To regenerate after an intended change of wording or layout:
//   CALC_BLESS=1 swift test --filter DiagnosticRenderingTests
// then review the diff of the .stderr files (golden/diagnostics/README.md).

import Testing
import Foundation
@testable import CalcCore

enum DiagnosticSnapshots {
    static let folder = Golden.root.appendingPathComponent("Tests/CalcCoreTests/golden/diagnostics")
    static let bless = ProcessInfo.processInfo.environment["CALC_BLESS"] == "1"

    /// The `.calc` files, by name.
    static var cases: [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".calc") }.sorted()
    }

    /// Everything calc would write to stderr for the file: each diagnostic rendered.
    static func rendered(_ name: String, _ text: String, color: Bool) -> String {
        let session = Session()
        var out = ""
        session.run(SourceFile(name: name, text: text), keepGoing: text.contains("# keep-going")) { event in
            if case .diagnostic(let d) = event { out += DiagnosticRenderer(color: color).render(d) }
        }
        return out
    }

    /// Compares `actual` with the golden file (or rewrites it when blessing).
    static func check(_ actual: String, against file: String) throws {
        let url = folder.appendingPathComponent(file)
        if bless {
            try actual.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        #expect(actual == expected, "\(file) differs; rendered:\n\(actual)")
    }
}

@Suite("rendered diagnostics")
struct DiagnosticRenderingTests {
    @Test("there are snapshots, each with its .stderr")
    func haveSnapshots() {
        let cases = DiagnosticSnapshots.cases
        #expect(cases.count >= 3)
        for c in cases {
            let stderr = DiagnosticSnapshots.folder.appendingPathComponent(c.dropLast(5) + ".stderr")
            #expect(FileManager.default.fileExists(atPath: stderr.path), "\(c) has no .stderr")
        }
    }

    @Test("rendering matches the .stderr snapshot", arguments: DiagnosticSnapshots.cases)
    func snapshot(_ name: String) throws {
        let text = try String(contentsOf: DiagnosticSnapshots.folder.appendingPathComponent(name), encoding: .utf8)
        let base = String(name.dropLast(".calc".count))
        let plain = DiagnosticSnapshots.rendered(name, text, color: false)
        #expect(!plain.isEmpty, "\(name) produced no diagnostic")
        try DiagnosticSnapshots.check(plain, against: base + ".stderr")
        let colorFile = base + ".color.stderr"
        if FileManager.default.fileExists(atPath: DiagnosticSnapshots.folder.appendingPathComponent(colorFile).path) {
            let colored = DiagnosticSnapshots.rendered(name, text, color: true)
            #expect(colored != plain)
            try DiagnosticSnapshots.check(colored, against: colorFile)
        }
    }

    @Test("a diagnostic without a file renders its message and help only")
    func withoutFile() {
        let d = Diagnostic(.io, .terminal(.cannotReadScript(path: "nowhere.calc", reason: "no such file")), .none, help: .verbatim("check the path"))
        #expect(DiagnosticRenderer().render(d) == "error: cannot read `nowhere.calc`: no such file\nhelp: check the path\n")
        #expect(DiagnosticRenderer(color: true).render(d)
                == "\u{1B}[1;31merror\u{1B}[0m\u{1B}[1m: cannot read `nowhere.calc`: no such file\u{1B}[0m\n\u{1B}[1;36mhelp\u{1B}[0m: check the path\n")
    }
}
