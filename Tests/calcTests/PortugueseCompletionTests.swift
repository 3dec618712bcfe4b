// PortugueseCompletionTests — Tab offers the Portuguese function names
// (`sen(`, `raiz(`) to those who chose Portuguese, and only to them: the
// English completion lists stay as they were.

import Testing
import CalcCore
@testable import calc

@Suite("Portuguese completion")
struct PortugueseCompletionTests {
    func complete(_ word: String, _ language: Language) -> [String] {
        switch Completion.candidates(word: word, before: "", userNames: [], userFunctions: [], language: language) {
        case .fileNames: return ["<files>"]
        case .candidates(let c): return c.map { $0.text + $0.suffix }
        }
    }

    @Test("Portuguese names complete in Portuguese, not in English", arguments: [
        ("se", ["sec(", "sen(", "senh("], ["sec("]), ("ra", ["raiz("], []), ("tg", ["tg(", "tgh("], []),
        ("arc", ["arccos(", "arcsen(", "arctg("], []),
    ])
    func portugueseNames(_ word: String, _ portuguese: [String], _ english: [String]) {
        #expect(complete(word, .portuguese) == portuguese)
        #expect(complete(word, .english) == english)
    }
}
