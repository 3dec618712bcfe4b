// Portuguese+Syntax — the Brazilian Portuguese words of every SyntaxMessage.
// (Placeholder: English until the translation lands.)

extension Catalogue {
    func portuguese(_ m: SyntaxMessage) -> String { english(m) }
}
