// Portuguese+Session — the Brazilian Portuguese words of every SessionMessage.
// (Placeholder: English until the translation lands.)

extension Catalogue {
    func portuguese(_ m: SessionMessage) -> String { english(m) }
}
