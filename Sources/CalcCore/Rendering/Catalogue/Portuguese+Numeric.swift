// Portuguese+Numeric — the Brazilian Portuguese words of every NumericMessage.
// (Placeholder: English until the translation lands.)

extension Catalogue {
    func portuguese(_ m: NumericMessage) -> String { english(m) }
}
