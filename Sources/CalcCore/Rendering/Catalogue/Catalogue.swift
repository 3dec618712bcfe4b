// Catalogue — the words for every Message, in each language calc speaks.
//
// One function per area and language (English+Syntax.swift, …), each an
// exhaustive switch over that area's messages: a new message without its
// text does not compile. Diagnostics hold Messages; their `message` and
// `help` strings here are the English text, which is what logs and tests
// read; the renderers take a catalogue for the user's language.

public struct Catalogue: Sendable {
    public var language: Language

    public init(_ language: Language = .english) { self.language = language }

    public static let english = Catalogue(.english)

    public func text(_ m: Message) -> String {
        switch m {
        case .syntax(let s): return english(s)
        case .evaluation(let e): return english(e)
        case .command(let c): return english(c)
        case .session(let s): return english(s)
        case .numeric(let n): return english(n)
        case .terminal(let t): return english(t)
        case .verbatim(let s): return s
        }
    }
}

extension Diagnostic: CustomStringConvertible {
    /// What went wrong, in English.
    public var message: String { Catalogue.english.text(text) }
    /// The help lines, in English.
    public var help: [String] { helpText.map(Catalogue.english.text) }
    public var description: String { "\(severity.rawValue): \(message)" }
}

extension Diagnostic.Label {
    /// The label, in English.
    public var message: String { Catalogue.english.text(text) }
}
