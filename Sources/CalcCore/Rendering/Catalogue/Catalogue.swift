// Catalogue — the words for every Message, in each language calc speaks.
//
// One function per area and language (English+Syntax.swift,
// Portuguese+Syntax.swift, …), each an exhaustive switch over that area's
// messages: a new message without its text in every language does not
// compile. Diagnostics hold Messages; their `message` and `help` strings
// here are the English text, which is what logs and tests read; the
// renderers take a catalogue for the user's language.

public struct Catalogue: Sendable {
    public var language: Language

    public init(_ language: Language = .english) { self.language = language }

    public static let english = Catalogue(.english)

    public func text(_ m: Message) -> String {
        switch (m, language) {
        case (.syntax(let s), .english): return english(s)
        case (.syntax(let s), .portuguese): return portuguese(s)
        case (.evaluation(let e), .english): return english(e)
        case (.evaluation(let e), .portuguese): return portuguese(e)
        case (.command(let c), .english): return english(c)
        case (.command(let c), .portuguese): return portuguese(c)
        case (.session(let s), .english): return english(s)
        case (.session(let s), .portuguese): return portuguese(s)
        case (.numeric(let n), .english): return english(n)
        case (.numeric(let n), .portuguese): return portuguese(n)
        case (.terminal(let t), .english): return english(t)
        case (.terminal(let t), .portuguese): return portuguese(t)
        case (.tensor(let t), .english): return english(t)
        case (.tensor(let t), .portuguese): return portuguese(t)
        case (.verbatim(let s), _): return s
        }
    }

    /// A whole number with its thousands grouped as the language writes them:
    /// 1,000,000 in English; 1 000 000 in Portuguese, where a comma is the
    /// decimal sign and a point would read as one (calc's decimals stay `0.5`
    /// in both, since that is how they are typed).
    func grouped(_ n: Int) -> String {
        switch language {
        case .english: return NumberFormat.grouped(n)
        case .portuguese: return String(NumberFormat.grouped(n).map { $0 == "," ? " " : $0 })
        }
    }

    /// A sentence of a command's report.
    func text(_ m: ReportMessage) -> String {
        switch language {
        case .english: return english(m)
        case .portuguese: return portuguese(m)
        }
    }

    /// A `:help` topic.
    public func text(_ topic: HelpTopic) -> String {
        switch language {
        case .english: return english(topic)
        case .portuguese: return portuguese(topic)
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
