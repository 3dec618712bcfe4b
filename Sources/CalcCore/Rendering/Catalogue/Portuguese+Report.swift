// Portuguese+Report — the Brazilian Portuguese words of every ReportMessage.
// (Placeholder: English until the translation lands.)

extension Catalogue {
    func portuguese(_ m: ReportMessage) -> String { english(m) }
}
