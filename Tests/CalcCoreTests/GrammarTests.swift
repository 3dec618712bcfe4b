// GrammarTests — the parser's doc comments quote Grammar/calc.ebnf; these
// tests keep the quotes and the file from drifting apart.
//
// A quote is a `///` line in Sources/CalcCore/Syntax/Parser*.swift that starts
// with a lowercase rule name and ` = `, continued over the following `///`
// lines up to the rule's closing `;` (as in the EBNF). Comments `(* … *)` are
// dropped and whitespace is collapsed on both sides, so a quote may be laid
// out differently but must say the same thing. Every rule of the EBNF that is
// not lexical (UPPER case) must be quoted by some parser function.

import Testing
import Foundation
@testable import CalcCore

/// Rules as written in EBNF text: `name = body ;`, comments removed.
enum GrammarText {
    struct Rule: Equatable, CustomStringConvertible {
        let name: String
        let body: String
        var description: String { "\(name) = \(body) ;" }
    }

    /// The text without `(* … *)` comments (outside string literals), each
    /// comment replaced by a space.
    static func stripComments(_ text: String) -> String {
        let cs = Array(text)
        var out = ""
        var i = 0
        var quote: Character? = nil
        while i < cs.count {
            let c = cs[i]
            if let q = quote {
                out.append(c)
                if c == q { quote = nil }
                i += 1
            } else if c == "(", i + 1 < cs.count, cs[i + 1] == "*" {
                var j = i + 2
                while j + 1 < cs.count, !(cs[j] == "*" && cs[j + 1] == ")") { j += 1 }
                i = min(cs.count, j + 2)
                out.append(" ")
            } else {
                if c == "\"" || c == "'" { quote = c }
                out.append(c)
                i += 1
            }
        }
        return out
    }

    /// Runs of whitespace as one space, trimmed.
    static func normalise(_ s: String) -> String {
        s.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }).joined(separator: " ")
    }

    /// The `;`-terminated pieces of comment-free text (a `";"` literal does
    /// not end a rule), and what is left after the last `;`.
    static func pieces(_ text: String) -> (complete: [String], rest: String) {
        var complete: [String] = []
        var current = ""
        var quote: Character? = nil
        for c in text {
            if let q = quote {
                if c == q { quote = nil }
                current.append(c)
            } else if c == ";" {
                complete.append(current)
                current = ""
            } else {
                if c == "\"" || c == "'" { quote = c }
                current.append(c)
            }
        }
        return (complete, current)
    }

    /// `name = body` → the rule, nil if the piece is not a rule.
    static func rule(_ piece: String) -> Rule? {
        guard let eq = piece.firstIndex(of: "=") else { return nil }
        let name = normalise(String(piece[..<eq]))
        guard !name.isEmpty, name.allSatisfy({ $0.isLetter || $0 == "_" }) else { return nil }
        return Rule(name: name, body: normalise(String(piece[piece.index(after: eq)...])))
    }

    /// Every rule of an EBNF file.
    static func rules(ebnf: String) -> [Rule] {
        pieces(stripComments(ebnf)).complete.compactMap(rule)
    }

    /// A quote found in a Swift source: where, and the rule it states (nil
    /// when it is not closed by `;` before the doc comment ends).
    struct Quote {
        let place: String
        let firstLine: String
        let rule: Rule?
    }

    /// The grammar quotes in the `///` comments of a Swift source.
    static func quotes(swift: String, file: String) -> [Quote] {
        let lines = swift.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        func docText(_ line: String) -> String? {
            let t = line.drop { $0 == " " }
            guard t.hasPrefix("///") else { return nil }
            let rest = t.dropFirst(3)
            return String(rest.hasPrefix(" ") ? rest.dropFirst() : rest)
        }
        func startsRule(_ text: String) -> Bool {
            guard let eq = text.range(of: " = ") else { return false }
            let name = text[..<eq.lowerBound]
            return !name.isEmpty && name.allSatisfy { ($0.isLetter && $0.isLowercase) || $0 == "_" }
        }
        var out: [Quote] = []
        var k = 0
        while k < lines.count {
            guard let first = docText(lines[k]), startsRule(first) else { k += 1; continue }
            let place = "\(file):\(k + 1)"
            var text = first
            var rule: Rule? = nil
            var j = k
            while true {
                let split = pieces(stripComments(text))
                if let piece = split.complete.first { rule = GrammarText.rule(piece); break }
                j += 1
                guard j < lines.count, let more = docText(lines[j]) else { break }
                text += "\n" + more
            }
            out.append(Quote(place: place, firstLine: first, rule: rule))
            k = j + 1
        }
        return out
    }

    /// Problems with the quotes against the grammar: each a readable line.
    static func mismatches(_ quotes: [Quote], _ grammar: [Rule]) -> [String] {
        var problems: [String] = []
        for q in quotes {
            guard let r = q.rule else {
                problems.append("\(q.place): quote `\(q.firstLine)` is not closed by `;` as the rule is in calc.ebnf")
                continue
            }
            guard let g = grammar.first(where: { $0.name == r.name }) else {
                problems.append("\(q.place): `\(r.name)` is not a rule of calc.ebnf")
                continue
            }
            if g.body != r.body {
                problems.append("\(q.place): quote differs from calc.ebnf\n  quote: \(r)\n  ebnf:  \(g)")
            }
        }
        return problems
    }

    static let root = Golden.root
    static let syntaxFolder = root.appendingPathComponent("Sources/CalcCore/Syntax")

    static func read(_ url: URL) -> String { (try? String(contentsOf: url, encoding: .utf8)) ?? "" }

    static var grammar: [Rule] { rules(ebnf: read(root.appendingPathComponent("Grammar/calc.ebnf"))) }

    static var parserQuotes: [Quote] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: syntaxFolder.path)) ?? []
        return names.filter { $0.hasPrefix("Parser") && $0.hasSuffix(".swift") }.sorted().flatMap { name in
            quotes(swift: read(syntaxFolder.appendingPathComponent(name)), file: "Syntax/" + name)
        }
    }
}

@Suite("grammar quotes")
struct GrammarTests {
    @Test("the grammar and the parser files are found")
    func filesFound() {
        #expect(GrammarText.grammar.count >= 40)
        #expect(GrammarText.parserQuotes.count >= 30)
    }

    @Test("every quoted rule in Parser*.swift is the rule in calc.ebnf")
    func quotesMatch() {
        let problems = GrammarText.mismatches(GrammarText.parserQuotes, GrammarText.grammar)
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
    }

    @Test("every syntax rule of calc.ebnf is quoted by the parser")
    func everyRuleQuoted() {
        let quoted = Set(GrammarText.parserQuotes.compactMap { $0.rule?.name })
        let syntax = GrammarText.grammar.map(\.name).filter { $0.first?.isLowercase == true }
        let missing = syntax.filter { !quoted.contains($0) }
        #expect(missing.isEmpty, "rules without a quote: \(missing.joined(separator: ", "))")
    }

    @Test("a drifted quote is caught", arguments: [
        // the old drift of review 3.2: brackets the rule does not have
        "/// file_target = [ \"to\" STRING ] ;",
        // a rule spelled out instead of named
        "/// start = \"random\" sum \"in\" \"(\" box { \",\" box } \")\" | point ;",
        // a quote not closed by `;`
        "/// sum = product { ( \"+\" | \"-\" ) product }",
        // a rule the grammar does not have
        "/// summand = product ;",
    ])
    func driftCaught(_ line: String) {
        let source = "    \(line)\n    mutating func parseSomething() {}\n"
        let problems = GrammarText.mismatches(GrammarText.quotes(swift: source, file: "t"), GrammarText.grammar)
        #expect(problems.count == 1)
    }

    @Test("layout and comments do not matter, the rule does")
    func layoutFree() {
        let source = """
            /// power = postfix   [ "^" unary
            ///         | SUPERSCRIPT ] ;   (* right-assoc *)
            /// program = { [ statement ] ( NEWLINE | ";" ) } EOF ;
            """
        let qs = GrammarText.quotes(swift: source, file: "t")
        #expect(qs.map { $0.rule?.name } == ["power", "program"])
        #expect(GrammarText.mismatches(qs, GrammarText.grammar).isEmpty)
    }
}
