// Portuguese+Command — the Brazilian Portuguese words of every CommandMessage.
// (Placeholder: English until the translation lands.)

extension Catalogue {
    func portuguese(_ m: CommandMessage) -> String { english(m) }
}
