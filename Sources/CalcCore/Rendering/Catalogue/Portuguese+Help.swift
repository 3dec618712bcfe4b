// Portuguese+Help — the Brazilian Portuguese words of every HelpTopic.
// (Placeholder: English until the translation lands.)

extension Catalogue {
    func portuguese(_ m: HelpTopic) -> String { english(m) }
}
