// LanguageTests — which language the executable speaks: `--lang` first, then
// the locale in POSIX order (LC_ALL, LC_MESSAGES, LANG; Portuguese when the
// first one set starts with `pt`), and `:lang` within a session.

import Testing
import Foundation

@Suite("language")
struct LanguageTests {
    /// An input whose error and help are worded in the catalogue.
    static let unknown = ["-e", "sni(2)"]

    static func speaksPortuguese(_ r: CalcBinary.Result) -> Bool { r.stderr.hasPrefix("erro:") }
    static func speaksEnglish(_ r: CalcBinary.Result) -> Bool { r.stderr.hasPrefix("error: unknown function `sni`") }

    struct Case: CustomTestStringConvertible, Sendable {
        let id: String
        let arguments: [String]
        let environment: [String: String]
        let portuguese: Bool
        var testDescription: String { id }
    }

    static let cases: [Case] = [
        Case(id: "LANG=pt_BR.UTF-8", arguments: [], environment: ["LANG": "pt_BR.UTF-8"], portuguese: true),
        Case(id: "LANG=pt_PT", arguments: [], environment: ["LANG": "pt_PT"], portuguese: true),
        Case(id: "LANG=en_US.UTF-8", arguments: [], environment: ["LANG": "en_US.UTF-8"], portuguese: false),
        Case(id: "LC_ALL=C over LANG=pt_BR", arguments: [], environment: ["LC_ALL": "C", "LANG": "pt_BR.UTF-8"], portuguese: false),
        Case(id: "LC_MESSAGES=pt_BR over LANG=C", arguments: [], environment: ["LC_MESSAGES": "pt_BR.UTF-8", "LANG": "C"], portuguese: true),
        Case(id: "--lang en over LANG=pt_BR", arguments: ["--lang", "en"], environment: ["LANG": "pt_BR.UTF-8"], portuguese: false),
        Case(id: "--lang=pt over LC_ALL=C", arguments: ["--lang=pt"], environment: ["LC_ALL": "C"], portuguese: true),
        Case(id: "LANG=C.UTF-8, the tests' default", arguments: [], environment: [:], portuguese: false),
    ]

    @Test("the language follows --lang, then LC_ALL, LC_MESSAGES, LANG", arguments: cases)
    func choice(_ c: Case) throws {
        let r = try CalcBinary.run(c.arguments + Self.unknown, environment: c.environment)
        #expect(r.status == 1)
        #expect(c.portuguese ? Self.speaksPortuguese(r) : Self.speaksEnglish(r), "\(r.stderr)")
    }

    @Test("--help follows the language too")
    func help() throws {
        let en = try CalcBinary.run(["--help"])
        let pt = try CalcBinary.run(["--help"], environment: ["LANG": "pt_BR.UTF-8"])
        #expect(en.status == 0 && pt.status == 0)
        #expect(en.stdout.contains("Scripts to run, in order."))
        #expect(!pt.stdout.contains("Scripts to run, in order."))
        #expect(pt.stdout.contains("--lang"))
        // swift-argument-parser's own headings too
        #expect(en.stdout.contains("OPTIONS:") && !en.stdout.contains("OPÇÕES:"))
        #expect(pt.stdout.contains("OPÇÕES:") && pt.stdout.contains("USO:") && !pt.stdout.contains("OPTIONS:"))
    }

    @Test("a usage error is in the language too")
    func usageError() throws {
        let en = try CalcBinary.run(["--no-such-option"])
        let pt = try CalcBinary.run(["--lang", "pt", "--no-such-option"])
        #expect(en.status == 2 && pt.status == 2)
        #expect(en.stderr.hasPrefix("Error: Unknown option"))
        #expect(pt.stderr.hasPrefix("Erro: Opção desconhecida"), "\(pt.stderr)")
    }

    @Test("an unknown --lang is a usage error")
    func unknownLanguage() throws {
        let r = try CalcBinary.run(["--lang", "fr", "-e", "1"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("fr"))
    }

    @Test(":lang switches the session's language, :lang en switches back")
    func meta() throws {
        let r = try CalcBinary.run(["--keep-going", "-e", "sni(1)\n:lang pt\nsni(1)\n:lang en\nsni(1)\n:lang xx"])
        let lines = r.stderr.split(separator: "\n").filter { !$0.hasPrefix(" ") }
        let firsts = lines.filter { $0.hasPrefix("error") || $0.hasPrefix("erro") }
        #expect(firsts.count == 4, "\(r.stderr)")
        if firsts.count == 4 {
            #expect(firsts[0].hasPrefix("error: unknown function"))
            #expect(firsts[1].hasPrefix("erro:"))
            #expect(firsts[2].hasPrefix("error: unknown function"))
            #expect(firsts[3].hasPrefix("error: unknown language `xx`"))
        }
    }
}
