// PortugueseHelpTests — the `:help` topics in Brazilian Portuguese: every
// topic is translated (not empty, not the English), keeps the English
// examples verbatim, and the functions topic lists the Portuguese names.

import Foundation
import Testing
@testable import CalcCore

@Suite("Portuguese help")
struct PortugueseHelpTests {
    let pt = Catalogue(.portuguese)

    @Test("every topic has Portuguese text that differs from the English", arguments: HelpTopic.allCases)
    func translated(_ topic: HelpTopic) {
        let text = pt.text(topic)
        #expect(!text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty)
        #expect(text != Catalogue.english.text(topic))
        #expect(Help.text(topic: topic.rawValue, in: pt) == text)
    }

    @Test("the examples are the English ones, character for character", arguments: [
        (HelpTopic.overview, "minimize f from (-1.2, 1) rate 0.001"),
        (.syntax, "e at (x = 1, y = 2)"), (.derivatives, "diff(sigmoid(w*x + b), w)"), (.derivatives, "grad f   ∇f   grad(e)"),
        (.minimize, "from random 20 in (x from -5 to 5, y from -5 to 5)"), (.minimize, "rate 0.001, 0.01, 0.1"),
        (.meta, ":lang L            en (English) | pt (português)"), (.functions, "L(w, b) = mean((sigmoid(w*xs + b) - ys)^2)"),
    ])
    func examples(_ topic: HelpTopic, _ example: String) {
        #expect(Catalogue.english.text(topic).contains(example) || example.contains("português"))
        #expect(pt.text(topic).contains(example))
    }

    @Test("the functions topic lists the Portuguese names and notes its lines in Portuguese")
    func functions() {
        let text = pt.text(.functions)
        #expect(text.contains("  nomes em português: sen tg cossec cotg arcsen arccos arctg senh tgh raiz"))
        for name in Callee.portugueseNames { #expect(text.contains(" \(name)")) }
        #expect(text.contains("sigmoid (σ) softplus relu           funções de ativação"))
        for line in HelpEntry.Line.allCases {
            #expect((pt.portuguese(line) == nil) == (Catalogue.english.english(line) == nil))
            if let note = pt.portuguese(line) { #expect(note != Catalogue.english.english(line)) }
        }
        // the English list is unchanged: no Portuguese name in it
        #expect(!Catalogue.english.text(.functions).contains("sen "))
    }

    @Test("two-column lines keep the English columns", arguments: HelpTopic.allCases)
    func columns(_ topic: HelpTopic) {
        // the column where the explanation starts, on lines indented by two spaces with a gap of 2+ spaces
        func columns(_ text: String) -> Set<Int> {
            Set(text.split(separator: "\n").compactMap { line -> Int? in
                guard line.hasPrefix("  "), let gap = line.dropFirst(2).range(of: "  ") else { return nil }
                let rest = line[gap.upperBound...]
                guard let first = rest.firstIndex(where: { $0 != " " }) else { return nil }
                return line.distance(from: line.startIndex, to: first)
            })
        }
        #expect(columns(pt.text(topic)).isSubset(of: columns(Catalogue.english.text(topic))), "\(topic)")
    }
}
