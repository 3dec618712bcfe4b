// Portuguese+Terminal — the Brazilian Portuguese words of every TerminalMessage.
// (Placeholder: English until the translation lands.)

extension Catalogue {
    func portuguese(_ m: TerminalMessage) -> String { english(m) }
}
